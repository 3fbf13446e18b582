/* A QR scanner on a serial or USB-CDC port (see scanner.h). */
#include "scanner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "util.h"

/* The termios speed for a baud rate, or 0 when there is none. */
static speed_t speed_of(int baud)
{
	static const struct {
		int baud;
		speed_t speed;
	} speeds[] = {
		{ 1200, B1200 }, { 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 },
		{ 19200, B19200 }, { 38400, B38400 }, { 57600, B57600 },
		{ 115200, B115200 },
	};
	size_t i;

	for (i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
		if (speeds[i].baud == baud)
			return speeds[i].speed;
	return 0;
}

struct scanner *scanner_open(const char *path, int baud, char **cause)
{
	struct termios tio;
	struct scanner *s;
	speed_t speed = speed_of(baud);
	int fd;

	if (speed == 0) {
		*cause = xprintf("scanner: unsupported baud rate %d", baud);
		return NULL;
	}
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*cause = xprintf("scanner %s: %s", path, strerror(errno));
		return NULL;
	}
	if (tcgetattr(fd, &tio) == 0) {
		cfmakeraw(&tio);
		cfsetispeed(&tio, speed);
		cfsetospeed(&tio, speed);
		tio.c_cflag |= CLOCAL | CREAD;
		/* VMIN 1 so that "no data yet" is EAGAIN, not a 0 that would
		 * look like the end of the device. */
		tio.c_cc[VMIN] = 1;
		tio.c_cc[VTIME] = 0;
		if (tcsetattr(fd, TCSANOW, &tio) != 0) {
			*cause = xprintf("scanner %s: %s", path, strerror(errno));
			close(fd);
			return NULL;
		}
		tcflush(fd, TCIFLUSH);
	} else if (errno != ENOTTY && errno != EINVAL) {
		*cause = xprintf("scanner %s: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->fd = fd;
	return s;
}

int scanner_fd(const struct scanner *s)
{
	return s->fd;
}

/* True for a byte that ends a line. */
static int is_end(char c)
{
	return c == '\r' || c == '\n' || c == '\0';
}

/* Takes a complete line out of the buffer, if one is there; empty lines
 * and the end of a line too long for the buffer are dropped. */
static int take_line(struct scanner *s, char **line)
{
	for (;;) {
		size_t end = 0, skip;
		int drop;

		while (end < s->len && !is_end(s->buf[end]))
			end++;
		if (end == s->len)
			return 0;
		for (skip = end; skip < s->len && is_end(s->buf[skip]); skip++)
			;
		drop = s->overflow || end == 0;
		*line = drop ? NULL : xstrndup(s->buf, end);
		s->overflow = 0;
		memmove(s->buf, s->buf + skip, s->len - skip);
		wipe(s->buf + s->len - skip, skip);
		s->len -= skip;
		if (!drop)
			return 1;
	}
}

int scanner_read(struct scanner *s, char **line, char **cause)
{
	for (;;) {
		ssize_t got;

		if (take_line(s, line))
			return 1;
		if (s->len == sizeof s->buf) {
			/* No end in a full buffer: drop up to the next end. */
			wipe(s->buf, s->len);
			s->len = 0;
			s->overflow = 1;
		}
		got = read(s->fd, s->buf + s->len, sizeof s->buf - s->len);
		if (got > 0) {
			s->len += (size_t)got;
			continue;
		}
		if (got < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
		*cause = got == 0 ? xstrdup("scanner: device closed")
				  : xprintf("scanner: %s", strerror(errno));
		return -1;
	}
}

void scanner_close(struct scanner *s)
{
	if (s == NULL)
		return;
	close(s->fd);
	wipe(s, sizeof *s);
	free(s);
}
