/* One-bit images for the printer: 1 is a black dot, rows of bytes with the
 * leftmost dot in the high bit, the order ESC/POS raster and PBM (P4)
 * both use, so a bitmap goes to either without conversion. */
#ifndef KIOSK_BITMAP_H
#define KIOSK_BITMAP_H

#include <stddef.h>
#include <stdint.h>

struct bitmap {
	int w, h;        /* dots */
	int stride;      /* bytes per row: (w + 7) / 8 */
	uint8_t *bits;   /* h * stride bytes */
};

/* Makes an all-white bitmap of w x h dots (h may be 0). */
void bitmap_init(struct bitmap *b, int w, int h);

/* Frees the dots; the bitmap is empty again. */
void bitmap_free(struct bitmap *b);

/* Adds rows white rows at the bottom; returns the first new row. */
int bitmap_extend(struct bitmap *b, int rows);

/* Blackens one dot; dots outside the bitmap are ignored. */
void bitmap_set(struct bitmap *b, int x, int y);

/* Blackens the rectangle [x, x + w) x [y, y + h), clipped. */
void bitmap_fill(struct bitmap *b, int x, int y, int w, int h);

/* A new PBM (P4, binary) image of b; *len gets its size. */
uint8_t *bitmap_pbm(const struct bitmap *b, size_t *len);

#endif
