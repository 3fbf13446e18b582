/* ESC/POS commands, written from Epson's command reference. */
#include "escpos.h"

#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "text.h"
#include "util.h"

#define ESC 0x1b
#define GS 0x1d

/* Appends n bytes. */
static void bytes_add(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = b->cap ? b->cap : 256;
		while (b->len + n > b->cap)
			b->cap *= 2;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void bytes_free(struct bytes *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

void escpos_init(struct bytes *b)
{
	static const uint8_t init[] = { ESC, '@' };

	bytes_add(b, init, sizeof init);
}

/* Bytes of row y up to its rightmost black dot (0 for a blank row). */
static int row_used(const struct bitmap *bm, int y)
{
	const uint8_t *row = bm->bits + (size_t)y * (size_t)bm->stride;
	int x = bm->stride;

	while (x > 0 && row[x - 1] == 0)
		x--;
	return x;
}

/* One GS v 0 band of rows [y, y + rows), width bytes of each. */
static void band_of(struct bytes *b, const struct bitmap *bm, int y, int rows, int width)
{
	uint8_t head[8] = { GS, 'v', '0', 0, (uint8_t)(width & 0xff), (uint8_t)(width >> 8),
			    (uint8_t)(rows & 0xff), (uint8_t)(rows >> 8) };
	int r;

	bytes_add(b, head, sizeof head);
	for (r = 0; r < rows; r++)
		bytes_add(b, bm->bits + (size_t)(y + r) * (size_t)bm->stride, (size_t)width);
}

void escpos_raster(struct bytes *b, const struct bitmap *bm, int band)
{
	int y = 0, blank, rows, width;

	if (band < 1)
		band = 1;
	if (band > 2047)
		band = 2047;
	while (y < bm->h) {
		for (blank = 0; y + blank < bm->h && row_used(bm, y + blank) == 0; blank++)
			;
		escpos_feed_dots(b, blank);
		y += blank;
		for (rows = 0, width = 0; y + rows < bm->h && rows < band && row_used(bm, y + rows) > 0; rows++)
			if (row_used(bm, y + rows) > width)
				width = row_used(bm, y + rows);
		if (rows > 0)
			band_of(b, bm, y, rows, width);
		y += rows;
	}
}

void escpos_text_mode(struct bytes *b)
{
	/* ESC t 0: code page PC437; ESC 3 30: line spacing in dots. */
	static const uint8_t setup[] = { ESC, 't', 0, ESC, '3', 30 };

	bytes_add(b, setup, sizeof setup);
}

void escpos_text(struct bytes *b, const char *ascii, int center, int scale)
{
	uint8_t head[6] = { ESC, 'a', (uint8_t)(center ? 1 : 0), GS, '!', 0 };

	if (scale < 1)
		scale = 1;
	if (scale > 8)
		scale = 8;
	/* GS ! n: width multiple in the high nibble, height in the low, less one. */
	head[5] = (uint8_t)((scale - 1) << 4 | (scale - 1));
	bytes_add(b, head, sizeof head);
	bytes_add(b, ascii, strlen(ascii));
	bytes_add(b, "\n", 1);
}

void escpos_feed_dots(struct bytes *b, int dots)
{
	while (dots > 0) {
		uint8_t cmd[3] = { ESC, 'J', (uint8_t)(dots > 255 ? 255 : dots) };

		bytes_add(b, cmd, sizeof cmd);
		dots -= cmd[2];
	}
}

void escpos_cut(struct bytes *b)
{
	/* ESC d 3: three lines past the tear bar; GS V 66 0: feed to the
	 * cutting position and cut, leaving a tab. */
	static const uint8_t cut[] = { ESC, 'd', 3, GS, 'V', 66, 0 };

	bytes_add(b, cut, sizeof cut);
}

/* ASCII stand-in for a character the code page may not have, or 0. */
static char ascii_for(uint32_t cp)
{
	if (cp >= 0x2010 && cp <= 0x2015)       /* hyphens and dashes */
		return '-';
	if (cp == 0x2018 || cp == 0x2019)
		return '\'';
	if (cp == 0x201c || cp == 0x201d)
		return '"';
	if (cp == 0x2022 || cp == 0x00b7)       /* bullet, middle dot */
		return '*';
	if (cp == 0x00a0 || cp == 0x202f)       /* no-break spaces */
		return ' ';
	if (cp >= 0x2500 && cp <= 0x257f) {     /* box drawing */
		static const char lines[] =
			"--||--||--||++++++++++++++++++++++++++++++++++++++++++++++++++++"
			"++++++++++++--||=|+++++++++++++++++++++++++++++++/\\X-|-|-|-|-|-|";

		return lines[cp - 0x2500];
	}
	if (cp == 0x20ab)                       /* đồng sign */
		return 'd';
	return 0;
}

char *escpos_fold(const char *s)
{
	char *plain = text_unmark(s), *out;
	size_t n, i = 0, o = 0;

	if (plain == NULL)
		plain = text_sanitize(s, 0);
	n = strlen(plain);
	out = xmalloc(n + 1);
	while (i < n) {
		uint32_t cp = '?';
		size_t len = text_decode(plain + i, n - i, &cp);
		char c;

		i += len > 0 ? len : 1;
		if (text_is_mark(cp))
			continue;
		if (cp >= 0x20 && cp < 0x7f)
			c = (char)cp;
		else if ((c = ascii_for(cp)) == 0)
			c = '?';
		out[o++] = c;
	}
	out[o] = '\0';
	free(plain);
	return out;
}

int escpos_paper_out(uint8_t reply)
{
	/* Bits 1 and 4 are always set, 0 and 7 clear; bits 5 and 6 say the
	 * roll sensor found the paper end. */
	if ((reply & 0x93) != 0x12)
		return -1;
	return (reply & 0x60) != 0;
}
