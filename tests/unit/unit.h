/* Common includes for the cmocka unit tests. */
#ifndef KIOSK_UNIT_H
#define KIOSK_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "problems.h"

/* Folder of the checkout, for tests that read screens/ or locale/. The
 * runner starts every test from the top of the checkout. */
#define SRCDIR "."

/* True when dot (x, y) of the struct bitmap *b is black (false outside):
 * rows of stride bytes, the leftmost dot in the high bit (bitmap.h). */
#define UNIT_DOT(b, x, y) \
	((x) >= 0 && (y) >= 0 && (x) < (b)->w && (y) < (b)->h && \
	 (((b)->bits[(size_t)(y) * (size_t)(b)->stride + (size_t)(x) / 8] >> (7 - (x) % 8)) & 1))

/* Fails the test unless one of p's problems starts with want. */
static inline void expect_problem(const struct problems *p, const char *want)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (strncmp(p->items[i], want, strlen(want)) == 0)
			return;
	problems_print(p, stderr, "  have: ");
	fail_msg("no problem \"%s\"", want);
}

#endif
