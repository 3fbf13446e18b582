/* Unifont .hex glyphs: loading, measuring and drawing text into bitmaps. */
#include "font.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "text.h"
#include "util.h"

#define REPLACEMENT 0xfffd

struct glyph {
	uint32_t cp;
	uint8_t width;      /* 8 or 16 */
	uint8_t rows[32];   /* 16 rows of width / 8 bytes */
};

struct font {
	struct glyph *g;    /* sorted by code point */
	int n;
};

/* Value of one hex digit, -1 for anything else. */
static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parses one "XXXX:HEX" line into g; returns 0 or -1. */
static int parse_line(const char *line, struct glyph *g)
{
	const char *p = line;
	uint32_t cp = 0;
	size_t i, len;
	int digits = 0;

	while (hexval(*p) >= 0 && digits < 6) {
		cp = cp * 16 + (uint32_t)hexval(*p++);
		digits++;
	}
	if (digits < 4 || *p++ != ':')
		return -1;
	len = strcspn(p, "\r\n");
	if (len != 32 && len != 64)
		return -1;
	for (i = 0; i < len; i += 2) {
		int hi = hexval(p[i]), lo = hexval(p[i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		g->rows[i / 2] = (uint8_t)(hi * 16 + lo);
	}
	g->cp = cp;
	g->width = len == 32 ? 8 : 16;
	return 0;
}

/* qsort order of glyphs: by code point. */
static int glyph_cmp(const void *a, const void *b)
{
	const struct glyph *x = a, *y = b;

	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

struct font *font_load(const char *path, char **cause)
{
	FILE *fp = fopen(path, "r");
	struct font *f;
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, have = 0, i;

	if (fp == NULL) {
		*cause = xprintf("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	while (getline(&line, &cap, fp) >= 0) {
		lineno++;
		if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if (f->n == have) {
			have = have ? have * 2 : 1024;
			f->g = xrealloc(f->g, (size_t)have * sizeof *f->g);
		}
		if (parse_line(line, &f->g[f->n]) != 0) {
			*cause = xprintf("%s:%d: not a Unifont .hex glyph line", path, lineno);
			free(line);
			fclose(fp);
			font_free(f);
			return NULL;
		}
		f->n++;
	}
	free(line);
	fclose(fp);
	if (f->n == 0) {
		*cause = xprintf("%s: no glyphs", path);
		font_free(f);
		return NULL;
	}
	qsort(f->g, (size_t)f->n, sizeof *f->g, glyph_cmp);
	/* A later line for the same code point wins (an operator's addition). */
	for (i = 1; i < f->n; i++)
		if (f->g[i].cp == f->g[i - 1].cp) {
			memmove(&f->g[i - 1], &f->g[i], (size_t)(f->n - i) * sizeof *f->g);
			f->n--;
			i--;
		}
	return f;
}

void font_free(struct font *f)
{
	if (f == NULL)
		return;
	free(f->g);
	free(f);
}

/* The glyph of cp, or NULL. */
static const struct glyph *find(const struct font *f, uint32_t cp)
{
	struct glyph key = { .cp = cp };

	return bsearch(&key, f->g, (size_t)f->n, sizeof *f->g, glyph_cmp);
}

int font_glyph_width(const struct font *f, uint32_t cp)
{
	const struct glyph *g = find(f, cp);

	return g != NULL ? g->width : 0;
}

/* True when dot (x, y) of glyph g is black. */
static int glyph_dot(const struct glyph *g, int x, int y)
{
	int bpr = g->width / 8;

	if (x < 0 || y < 0 || x >= g->width || y >= FONT_HEIGHT)
		return 0;
	return (g->rows[y * bpr + x / 8] >> (7 - x % 8)) & 1;
}

/* Draws glyph g at (x, y) into b (if b is set). */
static void blit(struct bitmap *b, const struct glyph *g, int x, int y, int scale)
{
	int gx, gy;

	if (b == NULL)
		return;
	for (gy = 0; gy < FONT_HEIGHT; gy++)
		for (gx = 0; gx < g->width; gx++)
			if (glyph_dot(g, gx, gy))
				bitmap_fill(b, x + gx * scale, y + gy * scale, scale, scale);
}

/* Draws an empty box the size of a narrow glyph. */
static void draw_box(struct bitmap *b, int x, int y, int scale)
{
	if (b == NULL)
		return;
	bitmap_fill(b, x + scale, y + 2 * scale, 6 * scale, scale);
	bitmap_fill(b, x + scale, y + 13 * scale, 6 * scale, scale);
	bitmap_fill(b, x + scale, y + 2 * scale, scale, 12 * scale);
	bitmap_fill(b, x + 6 * scale, y + 2 * scale, scale, 12 * scale);
}

/* Where the walk through a text is: the pen and the last base drawn. */
struct pen {
	int x, y, scale;
	int base_x, base_w;   /* last base glyph, for marks over it */
};

/* Draws a mark glyph centred over the last base. */
static void draw_mark(struct bitmap *b, const struct glyph *g, struct pen *p)
{
	blit(b, g, p->base_x + (p->base_w - g->width * p->scale) / 2, p->y, p->scale);
}

/* Draws one code point (b may be NULL to measure) and advances the pen. */
static void draw_cp(const struct font *f, struct bitmap *b, struct pen *p, uint32_t cp)
{
	const struct glyph *g = find(f, cp);
	uint32_t parts[4];
	int n, i;

	if (g != NULL && text_is_mark(cp)) {
		draw_mark(b, g, p);
		return;
	}
	if (g != NULL) {
		blit(b, g, p->x, p->y, p->scale);
		p->base_x = p->x;
		p->base_w = g->width * p->scale;
		p->x += p->base_w;
		return;
	}
	n = text_decompose(cp, parts);
	if (n > 0 && find(f, parts[0]) != NULL) {
		draw_cp(f, b, p, parts[0]);
		for (i = 1; i < n; i++)
			if ((g = find(f, parts[i])) != NULL)
				draw_mark(b, g, p);
		return;
	}
	if (text_is_mark(cp))
		return;
	g = find(f, REPLACEMENT);
	if (g != NULL) {
		blit(b, g, p->x, p->y, p->scale);
		p->base_w = g->width * p->scale;
	} else {
		draw_box(b, p->x, p->y, p->scale);
		p->base_w = 8 * p->scale;
	}
	p->base_x = p->x;
	p->x += p->base_w;
}

/* Walks text in NFC, drawing into b (or only measuring when b is NULL). */
static int walk(const struct font *f, struct bitmap *b, int x, int y, const char *text, int scale)
{
	struct pen p = { x, y, scale, x, 0 };
	char *nfc = text_nfc(text, strlen(text));
	const char *s = nfc != NULL ? nfc : text;
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp = REPLACEMENT;
		size_t len = text_decode(s + i, n - i, &cp);

		i += len > 0 ? len : 1;
		draw_cp(f, b, &p, len > 0 ? cp : REPLACEMENT);
	}
	free(nfc);
	return p.x - x;
}

int font_width(const struct font *f, const char *text)
{
	return walk(f, NULL, 0, 0, text, 1);
}

int font_draw(const struct font *f, struct bitmap *b, int x, int y, const char *text, int scale)
{
	if (scale < 1)
		scale = 1;
	if (scale > 8)
		scale = 8;
	return walk(f, b, x, y, text, scale);
}
