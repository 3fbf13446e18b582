/* A QR scanner on a serial or USB-CDC port (/dev/ttyACM0, /dev/ttyUSB0)
 * that sends each code as raw UTF-8 ending in CR and/or LF. Unlike a
 * keyboard-wedge scanner it passes letters with marks through intact.
 *
 * The UI adds scanner_fd() to the descriptors it polls and calls
 * scanner_read() when it is readable; reads never block. Configured by
 *   [scanner]
 *   device = /dev/ttyACM0
 *   baud = 9600          (ignored by USB-CDC; for RS-232 scanners) */
#ifndef KIOSK_SCANNER_H
#define KIOSK_SCANNER_H

#include <stddef.h>

#define SCANNER_LINE_MAX 4096  /* longer lines are dropped whole */

struct scanner {
	int fd;
	char buf[SCANNER_LINE_MAX];
	size_t len;               /* bytes of an unfinished line in buf */
	int overflow;             /* dropping a line too long for buf */
};

/* Opens the device in raw mode, non-blocking, at baud (1200 to 115200;
 * a pipe or FIFO works too). Returns NULL with *cause set on failure. */
struct scanner *scanner_open(const char *path, int baud, char **cause);

/* The descriptor to poll. */
int scanner_fd(const struct scanner *s);

/* Takes the next complete line (CR, LF and NUL at its end removed; empty
 * lines skipped) into *line (the caller frees it). Returns 1 with a line,
 * 0 when none is complete yet, -1 with *cause set when the device failed
 * or went away (close it; reopen later). */
int scanner_read(struct scanner *s, char **line, char **cause);

/* Closes the device and wipes what was buffered. */
void scanner_close(struct scanner *s);

#endif
