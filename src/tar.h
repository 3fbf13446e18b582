/* The ustar subset that content bundles use: a reader that hands every
 * header to its caller (who decides what it accepts) and streams each
 * member's bytes, and a writer of plain files and folders. Both work on a
 * file descriptor so a bundle can come from stdin over SSH. */
#ifndef KIOSK_TAR_H
#define KIOSK_TAR_H

#include <stddef.h>
#include <sys/types.h>

#define TAR_NAME_MAX 256   /* prefix (155) + '/' + name (100) */

struct tar_entry {
	char name[TAR_NAME_MAX];  /* as stored: prefix/name joined */
	char link[101];           /* the target of a link entry */
	char type;                /* '0' file, '5' folder, '1' hard link,
				   * '2' symbolic link, '3'/'4' devices,
				   * '6' fifo, 'x'/'g'/'L'/'K' extensions */
	unsigned mode;
	long long size;           /* bytes of data that follow */
	long long mtime;
};

struct tar_reader {
	int fd;
	long long left;           /* data bytes of the current member unread */
	long long pad;            /* padding after them up to 512 */
	long long offset;         /* bytes consumed so far */
};

/* Starts reading the archive on fd. */
void tar_reader_init(struct tar_reader *r, int fd);

/* Skips what is left of the current member and reads the next header.
 * Returns 1 with *e filled, 0 at the end of the archive (two zero blocks),
 * -1 with *cause (a short read, a bad checksum, a malformed field). */
int tar_next(struct tar_reader *r, struct tar_entry *e, char **cause);

/* Reads up to n bytes of the current member's data. Returns how many were
 * read (0 at its end), or -1 with *cause. */
ssize_t tar_read(struct tar_reader *r, void *buf, size_t n, char **cause);

/* Writes the header of a file (type '0', size bytes to follow) or of a
 * folder (type '5', size 0). name must fit ustar's prefix/name split.
 * Returns 0 or -1 with *cause. */
int tar_write_header(int fd, const char *name, char type, unsigned mode, long long size,
		     long long mtime, char **cause);

/* Writes data of the current file; tar_write_pad() ends it after size
 * bytes in total were written. Return 0 or -1 with *cause. */
int tar_write_data(int fd, const void *buf, size_t n, char **cause);
int tar_write_pad(int fd, long long size, char **cause);

/* Writes the two zero blocks that end an archive. Returns 0 or -1. */
int tar_write_end(int fd, char **cause);

#endif
