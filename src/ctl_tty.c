/* kioskctl's output to a terminal, made unable to steer it (see ctl.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"
#include "text.h"
#include "util.h"

/* One guarded stream: its file descriptor and a UTF-8 sequence cut short
 * by the last write, kept for the next. */
struct guard {
	int fd;
	char held[4];
	size_t nheld;
};

/* Writes buf to the terminal without what could steer it. */
static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	struct guard *g = cookie;
	char *in = xmalloc(g->nheld + size), *out = xmalloc(g->nheld + size);
	size_t n = g->nheld + size, o, rest;

	memcpy(in, g->held, g->nheld);
	memcpy(in + g->nheld, buf, size);
	o = text_terminal_safe(in, n, out, &rest);
	memcpy(g->held, in + n - rest, rest);
	g->nheld = rest;
	write_all(g->fd, out, o);
	free(in);
	free(out);
	return (ssize_t)size; /* a terminal that went away is not the caller's error */
}

/* A stream over fd that writes through guard_write, or NULL. */
static FILE *guard_open(int fd, int mode)
{
	static struct guard guards[2];
	struct guard *g = &guards[fd == STDERR_FILENO];
	FILE *f;

	g->fd = fd;
	f = fopencookie(g, "w", (cookie_io_functions_t){ .write = guard_write });
	if (f != NULL)
		setvbuf(f, NULL, mode, BUFSIZ);
	return f;
}

void ctl_tty_guard(void)
{
	FILE *f;

	if (isatty(STDOUT_FILENO) && (f = guard_open(STDOUT_FILENO, _IOLBF)) != NULL)
		stdout = f;
	if (isatty(STDERR_FILENO) && (f = guard_open(STDERR_FILENO, _IONBF)) != NULL)
		stderr = f;
}
