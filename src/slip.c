/* Slips: word-wrapped lines for one paper width, drawn into bitmaps with
 * Unifont glyphs (or on the printer font's grid in code page mode). */
#include "slip.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "escpos.h"
#include "font.h"
#include "qr.h"
#include "text.h"
#include "util.h"

/* Cell sizes in dots: Unifont's narrow glyph, and the printer's font A. */
#define RASTER_CELL_W 8
#define CODEPAGE_CELL_W 12
#define CODEPAGE_CELL_H 24
/* Dots between text lines, and around a rule and a frame. */
#define LEADING 4
#define RULE_PAD 6
#define FRAME 3

void slip_init(struct slip *s, int cols)
{
	memset(s, 0, sizeof *s);
	s->cols = cols;
}

void slip_free(struct slip *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		free(s->lines[i].text);
	free(s->lines);
	memset(s, 0, sizeof *s);
}

/* Appends a line of the given kind and returns it (text owned by it). */
static struct slip_line *add(struct slip *s, enum slip_kind kind, char *text)
{
	struct slip_line *l;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->lines = xrealloc(s->lines, (size_t)s->cap * sizeof *s->lines);
	}
	l = &s->lines[s->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->align = SLIP_LEFT;
	l->scale = 1;
	l->text = text;
	return l;
}

/* Adds one laid-out text line. */
static void add_text(struct slip *s, enum slip_align a, int scale, char *text)
{
	struct slip_line *l = add(s, SLIP_TEXT, text);

	l->align = a;
	l->scale = scale;
}

/* Adds a wrapped line, indented unless it is its paragraph's first. */
static void emit(struct slip *s, enum slip_align a, int scale, int indent, int *first, const char *text)
{
	add_text(s, a, scale, *first ? xstrdup(text) : xprintf("%*s%s", indent, "", text));
	*first = 0;
}

/* Word-wraps one paragraph (no newline) into lines of width cells; a word
 * longer than a line is cut where it must be. */
static void wrap(struct slip *s, enum slip_align a, int scale, int indent, int width, const char *p)
{
	char *line = xstrdup("");
	int first = 1;

	while (*p != '\0') {
		size_t wlen = strcspn(p, " ");
		char *word = xstrndup(p, wlen), *rest = word;

		p += wlen + (p[wlen] == ' ');
		while (*rest != '\0') {
			int room = width - (first ? 0 : indent);
			char *joined = *line ? xprintf("%s %s", line, rest) : xstrdup(rest);
			size_t cut;
			uint32_t cp;

			if (text_width(joined) <= room) {
				free(line);
				line = joined;
				break;
			}
			free(joined);
			if (*line != '\0') {
				emit(s, a, scale, indent, &first, line);
				line[0] = '\0';
				continue;
			}
			cut = text_fit(rest, room);
			if (cut == 0 && (cut = text_decode(rest, strlen(rest), &cp)) == 0)
				cut = 1;
			line = xrealloc(line, cut + 1);
			memcpy(line, rest, cut);
			line[cut] = '\0';
			emit(s, a, scale, indent, &first, line);
			line[0] = '\0';
			rest += cut;
		}
		free(word);
	}
	if (*line != '\0' || first)
		emit(s, a, scale, indent, &first, line);
	free(line);
}

void slip_text(struct slip *s, enum slip_align a, int scale, int indent, const char *text)
{
	char *clean, *nfc, *para, *next;
	int width;

	if (text == NULL)
		return;
	clean = text_sanitize(text, 1);
	if (scale < 1)
		scale = 1;
	if (scale > 4)
		scale = 4;
	width = s->cols / scale;
	if (indent > width / 2)
		indent = width / 2;
	nfc = clean != NULL ? text_nfc(clean, strlen(clean)) : NULL;
	free(clean);
	for (para = nfc; para != NULL; para = next) {
		next = strchr(para, '\n');
		if (next != NULL)
			*next++ = '\0';
		wrap(s, a, scale, indent, width, para);
	}
	free(nfc);
}

void slip_box(struct slip *s, int scale, const char *text)
{
	char *clean = text_sanitize(text != NULL ? text : "", 0);
	int width;

	if (scale < 1)
		scale = 1;
	if (scale > 4)
		scale = 4;
	/* The frame takes about a cell on each side. */
	width = s->cols / scale - 2;
	clean[text_fit(clean, width > 1 ? width : 1)] = '\0';
	add_text(s, SLIP_CENTER, scale, clean);
	s->lines[s->n - 1].boxed = 1;
}

void slip_qr(struct slip *s, const char *payload)
{
	if (payload != NULL && *payload != '\0')
		add(s, SLIP_QR, xstrdup(payload))->align = SLIP_CENTER;
}

void slip_qr_plain(struct slip *s, const char *payload)
{
	if (payload != NULL && *payload != '\0') {
		struct slip_line *l = add(s, SLIP_QR, xstrdup(payload));

		l->align = SLIP_CENTER;
		l->plain = 1;
	}
}

void slip_rule(struct slip *s)
{
	add(s, SLIP_RULE, NULL);
}

void slip_gap(struct slip *s, int dots)
{
	add(s, SLIP_GAP, NULL)->dots = dots > 0 ? dots : 0;
}

int slip_qr_module(int size, int width)
{
	/* Up to 8 dots (1 mm) a module, the code within two thirds of the
	 * paper; when that is too small, as big as the paper allows. */
	int m = 2 * width / 3 / size;

	if (m > 8)
		m = 8;
	if (m < 3)
		m = width / size < 3 ? width / size : 3;
	return m >= 2 ? m : 0;
}

/* Draws a QR line: the code with its quiet zone, centred. */
static int draw_qr(const struct slip_line *l, struct bitmap *b, char **cause)
{
	struct qr q;
	int m, side, x0, y0, x, y;

	if ((l->plain ? qr_encode_ascii(&q, l->text, QR_LEVEL_M, cause) : qr_encode(&q, l->text, cause)) != 0)
		return -1;
	side = q.size + 2 * QR_QUIET;
	m = slip_qr_module(side, b->w);
	if (m == 0) {
		*cause = xprintf("QR code of %d modules does not fit on paper %d dots wide", side, b->w);
		qr_free(&q);
		return -1;
	}
	x0 = (b->w - side * m) / 2 + QR_QUIET * m;
	y0 = bitmap_extend(b, side * m) + QR_QUIET * m;
	for (y = 0; y < q.size; y++)
		for (x = 0; x < q.size; x++)
			if (qr_dark(&q, x, y))
				bitmap_fill(b, x0 + x * m, y0 + y * m, m, m);
	qr_free(&q);
	return 0;
}

/* Draws a text line: Unifont glyphs, or folded text on the printer's grid. */
static void draw_text(const struct slip_line *l, int cols, const struct font *f,
		      enum slip_mode mode, struct bitmap *b)
{
	int k = l->scale, cell = mode == SLIP_RASTER ? RASTER_CELL_W : CODEPAGE_CELL_W;
	int left = (b->w - cols * cell) / 2;
	int height = mode == SLIP_RASTER ? (FONT_HEIGHT + LEADING) * k : (CODEPAGE_CELL_H + LEADING) * k;
	int pad = l->boxed ? 4 * k + FRAME : 0;
	int y = bitmap_extend(b, height + 2 * pad) + pad, x, w;

	if (mode == SLIP_RASTER) {
		w = font_width(f, l->text) * k;
		x = l->align == SLIP_CENTER ? (b->w - w) / 2 : left;
		font_draw(f, b, x, y + LEADING / 2 * k, l->text, k);
	} else {
		/* The printer's font: each character in a 12 x 24 cell. */
		char *plain = escpos_fold(l->text);
		size_t i, n = strlen(plain);

		w = (int)n * cell * k;
		x = l->align == SLIP_CENTER ? (b->w - w) / 2 : left;
		for (i = 0; i < n; i++) {
			char one[2] = { plain[i], '\0' };

			font_draw(f, b, x + ((int)i * cell + 2) * k, y + (LEADING / 2 + 4) * k, one, k);
		}
		free(plain);
	}
	if (l->boxed) {
		int bx = x - pad, bw = w + 2 * pad, by = y - pad, bh = height + 2 * pad;

		if (bx < 0)
			bx = 0;
		if (bx + bw > b->w)
			bw = b->w - bx;
		bitmap_fill(b, bx, by, bw, FRAME);
		bitmap_fill(b, bx, by + bh - FRAME, bw, FRAME);
		bitmap_fill(b, bx, by, FRAME, bh);
		bitmap_fill(b, bx + bw - FRAME, by, FRAME, bh);
	}
}

/* The dashes a rule is printed as in code page mode. */
static char *rule_text(int cols)
{
	char *dashes = xmalloc((size_t)cols + 1);

	memset(dashes, '-', (size_t)cols);
	dashes[cols] = '\0';
	return dashes;
}

int slip_draw_line(const struct slip_line *l, int cols, const struct font *f,
		   enum slip_mode mode, struct bitmap *b, char **cause)
{
	int left = (b->w - cols * RASTER_CELL_W) / 2;

	switch (l->kind) {
	case SLIP_TEXT:
		draw_text(l, cols, f, mode, b);
		return 0;
	case SLIP_QR:
		return draw_qr(l, b, cause);
	case SLIP_RULE:
		if (mode == SLIP_CODEPAGE) {
			struct slip_line dashes = { SLIP_TEXT, SLIP_LEFT, 1, 0, 0, rule_text(cols), 0 };

			draw_text(&dashes, cols, f, mode, b);
			free(dashes.text);
			return 0;
		}
		bitmap_fill(b, left, bitmap_extend(b, 2 * RULE_PAD + 2) + RULE_PAD, b->w - 2 * left, 2);
		return 0;
	case SLIP_GAP:
		bitmap_extend(b, l->dots);
		return 0;
	}
	return 0;
}

int slip_render(const struct slip *s, const struct font *f, int width,
		enum slip_mode mode, struct bitmap *out, char **cause)
{
	int i;

	bitmap_init(out, width, 0);
	for (i = 0; i < s->n; i++)
		if (slip_draw_line(&s->lines[i], s->cols, f, mode, out, cause) != 0) {
			bitmap_free(out);
			return -1;
		}
	return 0;
}
