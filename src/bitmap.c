/* One-bit images: allocation, dots, rectangles, PBM output. */
#include "bitmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void bitmap_init(struct bitmap *b, int w, int h)
{
	b->w = w;
	b->h = h;
	b->stride = (w + 7) / 8;
	b->bits = xcalloc((size_t)h * (size_t)b->stride + 1, 1);
}

void bitmap_free(struct bitmap *b)
{
	free(b->bits);
	memset(b, 0, sizeof *b);
}

int bitmap_extend(struct bitmap *b, int rows)
{
	int first = b->h;
	size_t old = (size_t)b->h * (size_t)b->stride;
	size_t add = (size_t)rows * (size_t)b->stride;

	b->bits = xrealloc(b->bits, old + add + 1);
	memset(b->bits + old, 0, add + 1);
	b->h += rows;
	return first;
}

void bitmap_set(struct bitmap *b, int x, int y)
{
	if (x < 0 || y < 0 || x >= b->w || y >= b->h)
		return;
	b->bits[(size_t)y * (size_t)b->stride + (size_t)(x >> 3)] |= (uint8_t)(0x80 >> (x & 7));
}

void bitmap_fill(struct bitmap *b, int x, int y, int w, int h)
{
	int i, j;

	for (j = y; j < y + h; j++)
		for (i = x; i < x + w; i++)
			bitmap_set(b, i, j);
}

uint8_t *bitmap_pbm(const struct bitmap *b, size_t *len)
{
	char head[64];
	int n = snprintf(head, sizeof head, "P4\n%d %d\n", b->w, b->h);
	size_t body = (size_t)b->h * (size_t)b->stride;
	uint8_t *out = xmalloc((size_t)n + body);

	memcpy(out, head, (size_t)n);
	memcpy(out + n, b->bits, body);
	*len = (size_t)n + body;
	return out;
}
