/* A grid of character cells (see canvas.h). */
#include "canvas.h"

#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "text.h"
#include "util.h"

void canvas_resize(struct canvas *c, int rows, int cols)
{
	if (rows < 0)
		rows = 0;
	if (cols < 0)
		cols = 0;
	free(c->cells);
	c->rows = rows;
	c->cols = cols;
	c->cells = xcalloc((size_t)rows * (size_t)cols + 1, sizeof *c->cells);
	canvas_clear(c, ATTR_NORMAL);
}

void canvas_clear(struct canvas *c, enum attr a)
{
	canvas_fill(c, 0, 0, c->rows, c->cols, a);
}

void canvas_free(struct canvas *c)
{
	free(c->cells);
	c->cells = NULL;
	c->rows = c->cols = 0;
}

/* The cell at (y, x), or NULL outside the grid. */
static struct cell *at(struct canvas *c, int y, int x)
{
	if (y < 0 || x < 0 || y >= c->rows || x >= c->cols)
		return NULL;
	return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}

/* Sets one cell if it is on the grid. */
static void put(struct canvas *c, int y, int x, uint32_t ch, enum attr a)
{
	struct cell *cell = at(c, y, x);

	if (cell) {
		cell->ch = ch;
		cell->attr = (uint8_t)a;
	}
}

int canvas_text(struct canvas *c, int y, int x, const char *s, enum attr a, int maxcols)
{
	size_t n = strlen(s), i = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		int w;

		if (len == 0) { /* invalid byte: show the replacement character */
			cp = 0xfffd;
			len = 1;
		}
		i += len;
		w = text_cp_width(cp);
		if (w <= 0)
			continue; /* controls; text is NFC so stray marks are dropped */
		if (c->glyphs != NULL) {
			cp = glyphs_fallback(c->glyphs, cp);
			w = text_cp_width(cp);
			if (w <= 0)
				continue;
		}
		if (used + w > maxcols)
			break;
		put(c, y, x + used, cp, a);
		if (w == 2)
			put(c, y, x + used + 1, 0, a);
		used += w;
	}
	return used;
}

int canvas_text_cut(struct canvas *c, int y, int x, const char *s, enum attr a, int maxcols)
{
	int used;

	if (text_width(s) <= maxcols)
		return canvas_text(c, y, x, s, a, maxcols);
	if (maxcols < 1)
		return 0;
	used = canvas_text(c, y, x, s, a, maxcols - 1);
	return used + canvas_text(c, y, x + used, "…", a, 1);
}

void canvas_center(struct canvas *c, int y, int x, int w, const char *s, enum attr a)
{
	int tw = text_width(s);

	if (tw > w)
		tw = w;
	canvas_text(c, y, x + (w - tw) / 2, s, a, w);
}

void canvas_fill(struct canvas *c, int y, int x, int h, int w, enum attr a)
{
	int i, k;

	for (i = y; i < y + h; i++)
		for (k = x; k < x + w; k++)
			put(c, i, k, ' ', a);
}

void canvas_box(struct canvas *c, int y, int x, int h, int w, enum attr a)
{
	int i;

	if (h < 2 || w < 2)
		return;
	for (i = x + 1; i < x + w - 1; i++) {
		put(c, y, i, 0x2500, a);
		put(c, y + h - 1, i, 0x2500, a);
	}
	for (i = y + 1; i < y + h - 1; i++) {
		put(c, i, x, 0x2502, a);
		put(c, i, x + w - 1, 0x2502, a);
	}
	put(c, y, x, 0x250c, a);
	put(c, y, x + w - 1, 0x2510, a);
	put(c, y + h - 1, x, 0x2514, a);
	put(c, y + h - 1, x + w - 1, 0x2518, a);
}

void canvas_hline(struct canvas *c, int y, int x, int w, enum attr a)
{
	int i;

	for (i = x; i < x + w; i++)
		put(c, y, i, 0x2500, a);
}

int canvas_wrap(struct canvas *c, int y, int x, int w, int maxrows, const char *s, enum attr a)
{
	int rows = 0;

	if (w <= 0)
		return 0;
	while (*s != '\0' && rows < maxrows) {
		size_t fit = text_fit(s, w), cut = fit;
		char *line;

		if (s[fit] != '\0' && s[fit] != ' ') {
			/* Break at the last space that fits, if there is one. */
			while (cut > 0 && s[cut - 1] != ' ')
				cut--;
			if (cut == 0)
				cut = fit ? fit : 1;
		}
		line = xstrndup(s, cut);
		canvas_text(c, y + rows, x, line, a, w);
		free(line);
		rows++;
		s += cut;
		while (*s == ' ')
			s++;
	}
	return rows;
}

char *canvas_row(const struct canvas *c, int y)
{
	char *out = xmalloc((size_t)c->cols * 4 + 1);
	size_t o = 0;
	int x;

	if (y >= 0 && y < c->rows)
		for (x = 0; x < c->cols; x++) {
			uint32_t ch = c->cells[(size_t)y * (size_t)c->cols + (size_t)x].ch;

			if (ch != 0)
				o += text_encode(ch, out + o);
		}
	out[o] = '\0';
	return out;
}
