/* A list of problems found in files, each "file:line: message", so a
 * check can report all of them at once instead of stopping at the first. */
#ifndef KIOSK_PROBLEMS_H
#define KIOSK_PROBLEMS_H

#include <stdio.h>

struct problems {
	char **items;
	int n;
};

/* Adds "file:line: message" (or "file: message" when line is 0). */
void problems_add(struct problems *p, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prints every problem on its own line, each prefixed with prefix. */
void problems_print(const struct problems *p, FILE *out, const char *prefix);

/* Frees the list and empties it. */
void problems_clear(struct problems *p);

#endif
