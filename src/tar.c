/* Reading and writing the ustar subset of content bundles (see tar.h). */
#include "tar.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define BLOCK 512

/* Reads exactly n bytes unless the input ends. Returns the count or -1. */
static ssize_t read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* Parses an octal field (spaces or NULs around it). Returns 0 or -1. */
static int octal(const char *field, size_t len, long long *out)
{
	long long v = 0;
	size_t i = 0;
	int digits = 0;

	while (i < len && field[i] == ' ')
		i++;
	for (; i < len && field[i] >= '0' && field[i] <= '7'; i++, digits++) {
		if (v > (1LL << 50))
			return -1;
		v = v * 8 + (field[i] - '0');
	}
	for (; i < len; i++)
		if (field[i] != ' ' && field[i] != '\0')
			return -1;
	*out = v;
	return digits > 0 ? 0 : -1;
}

/* Copies a field that may fill its whole width without a NUL. */
static void field_str(char *out, const char *field, size_t len)
{
	size_t n = strnlen(field, len);

	memcpy(out, field, n);
	out[n] = '\0';
}

/* Sums a header's bytes with the checksum field counted as spaces. */
static long long checksum(const unsigned char *h)
{
	long long sum = 0;
	int i;

	for (i = 0; i < BLOCK; i++)
		sum += (i >= 148 && i < 156) ? ' ' : h[i];
	return sum;
}

void tar_reader_init(struct tar_reader *r, int fd)
{
	memset(r, 0, sizeof *r);
	r->fd = fd;
}

/* Reads and drops n bytes of input. Returns 0 or -1 with *cause. */
static int skip(struct tar_reader *r, long long n, char **cause)
{
	char buf[4096];

	while (n > 0) {
		size_t want = n < (long long)sizeof buf ? (size_t)n : sizeof buf;
		ssize_t got = read_full(r->fd, buf, want);

		if (got != (ssize_t)want) {
			*cause = xprintf("the archive is cut short in the middle of a member");
			return -1;
		}
		n -= got;
		r->offset += got;
	}
	return 0;
}

int tar_next(struct tar_reader *r, struct tar_entry *e, char **cause)
{
	unsigned char h[BLOCK];
	char name[101], prefix[156];
	long long sum, mode;
	ssize_t got;

	if (skip(r, r->left + r->pad, cause) != 0)
		return -1;
	r->left = r->pad = 0;
	got = read_full(r->fd, h, BLOCK);
	if (got < 0 || (got > 0 && got < BLOCK)) {
		*cause = xprintf("the archive is cut short at byte %lld", r->offset + (got > 0 ? got : 0));
		return -1;
	}
	if (got == 0) {
		*cause = xprintf("the archive has no end marker (cut short at byte %lld)", r->offset);
		return -1;
	}
	r->offset += BLOCK;
	if (h[0] == '\0') {
		size_t i;

		for (i = 0; i < BLOCK && h[i] == 0; i++)
			;
		if (i == BLOCK)
			return 0;
	}
	if (octal((char *)h + 148, 8, &sum) != 0 || sum != checksum(h)) {
		*cause = xprintf("not a tar archive, or damaged: bad header checksum at byte %lld",
				 r->offset - BLOCK);
		return -1;
	}
	memset(e, 0, sizeof *e);
	if (octal((char *)h + 100, 8, &mode) != 0 || octal((char *)h + 124, 12, &e->size) != 0 ||
	    octal((char *)h + 136, 12, &e->mtime) != 0) {
		*cause = xprintf("malformed tar header at byte %lld", r->offset - BLOCK);
		return -1;
	}
	e->mode = (unsigned)mode & 07777;
	e->type = h[156] == '\0' ? '0' : (char)h[156];
	field_str(name, (char *)h, 100);
	field_str(e->link, (char *)h + 157, 100);
	/* POSIX ustar ("ustar\0" "00") has a name prefix; GNU's ("ustar  ")
	 * keeps other fields there. */
	if (memcmp(h + 257, "ustar\0", 6) == 0) {
		field_str(prefix, (char *)h + 345, 155);
		if (prefix[0] != '\0' && strlen(prefix) + 1 + strlen(name) < sizeof e->name)
			strcat(strcat(strcpy(e->name, prefix), "/"), name);
		else
			strcpy(e->name, name);
	} else {
		strcpy(e->name, name);
	}
	/* Links and folders carry no data whatever their size field says. */
	r->left = (e->type == '1' || e->type == '2' || e->type == '5') ? 0 : e->size;
	r->pad = (BLOCK - r->left % BLOCK) % BLOCK;
	return 1;
}

ssize_t tar_read(struct tar_reader *r, void *buf, size_t n, char **cause)
{
	ssize_t got;

	if ((long long)n > r->left)
		n = (size_t)r->left;
	if (n == 0)
		return 0;
	got = read_full(r->fd, buf, n);
	if (got != (ssize_t)n) {
		*cause = xprintf("the archive is cut short in the middle of a member");
		return -1;
	}
	r->left -= got;
	r->offset += got;
	return got;
}

/* Writes v as width-1 zero-padded octal digits and a NUL (v must fit). */
static void put_octal(char *field, size_t width, unsigned long long v)
{
	size_t i;

	field[width - 1] = '\0';
	for (i = width - 1; i > 0; i--, v >>= 3)
		field[i - 1] = (char)('0' + (v & 7));
}

int tar_write_header(int fd, const char *name, char type, unsigned mode, long long size,
		     long long mtime, char **cause)
{
	char h[BLOCK];
	size_t len = strlen(name), split = 0;

	memset(h, 0, sizeof h);
	if (len > 100) {
		/* Split at a '/' so the prefix fits 155 and the rest 100. */
		for (split = len > 101 ? len - 101 : 0; split < len && split <= 155; split++)
			if (name[split] == '/' && len - split - 1 <= 100)
				break;
		if (split >= len || split > 155) {
			*cause = xprintf("%s: the path is too long for the archive", name);
			return -1;
		}
		memcpy(h + 345, name, split);
		memcpy(h, name + split + 1, len - split - 1);
	} else {
		memcpy(h, name, len);
	}
	if (size < 0 || size >= 1LL << 33) {
		*cause = xprintf("%s: larger than a bundle may hold (8 GiB)", name);
		return -1;
	}
	put_octal(h + 100, 8, mode & 07777);
	put_octal(h + 108, 8, 0);
	put_octal(h + 116, 8, 0);
	put_octal(h + 124, 12, (unsigned long long)size);
	put_octal(h + 136, 12, (unsigned long long)(mtime < 0 ? 0 : mtime) & 077777777777ULL);
	h[156] = type;
	memcpy(h + 257, "ustar\0" "00", 8);
	put_octal(h + 148, 7, (unsigned long long)checksum((unsigned char *)h));
	h[155] = ' ';
	if (write_all(fd, h, sizeof h) != 0) {
		*cause = xprintf("cannot write the archive: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int tar_write_data(int fd, const void *buf, size_t n, char **cause)
{
	if (write_all(fd, buf, n) != 0) {
		*cause = xprintf("cannot write the archive: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int tar_write_pad(int fd, long long size, char **cause)
{
	static const char zeros[BLOCK];

	return tar_write_data(fd, zeros, (size_t)((BLOCK - size % BLOCK) % BLOCK), cause);
}

int tar_write_end(int fd, char **cause)
{
	static const char zeros[2 * BLOCK];

	return tar_write_data(fd, zeros, sizeof zeros, cause);
}
