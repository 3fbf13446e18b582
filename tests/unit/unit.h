/* Common includes for the cmocka unit tests. */
#ifndef KIOSK_UNIT_H
#define KIOSK_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Folder of the checkout, for tests that read screens/ or locale/. The
 * runner starts every test from the top of the checkout. */
#define SRCDIR "."

/* True when dot (x, y) of the struct bitmap *b is black (false outside):
 * rows of stride bytes, the leftmost dot in the high bit (bitmap.h). */
#define UNIT_DOT(b, x, y) \
	((x) >= 0 && (y) >= 0 && (x) < (b)->w && (y) < (b)->h && \
	 (((b)->bits[(size_t)(y) * (size_t)(b)->stride + (size_t)(x) / 8] >> (7 - (x) % 8)) & 1))

#endif
