/* A grid of character cells the views draw into. Pure: term.c copies it to
 * the terminal, tests read it back as text. Drawing is clipped to the
 * grid, so any size, even 1x1, is safe. */
#ifndef KIOSK_CANVAS_H
#define KIOSK_CANVAS_H

#include <stdint.h>

/* Looks of a cell; term.c maps them to colours. */
enum attr {
	ATTR_NORMAL,
	ATTR_TITLE,     /* title bar */
	ATTR_BUTTON,    /* a choice's box and words */
	ATTR_FOCUS,     /* the choice the arrows are on, or being touched */
	ATTR_KEY,       /* the number of a choice */
	ATTR_DIM,       /* hints */
	ATTR_ALERT,     /* messages that need attention */
	ATTR_OK,        /* good news */
	ATTR_QR         /* QR codes: dark on light, as phones read them */
};

struct cell {
	uint32_t ch;     /* code point; 0 for the right half of a wide character */
	uint8_t attr;
};

struct glyphs;

/* With glyphs set (a booth on the Linux console), canvas_text draws each
 * character the console font lacks in a form it has (glyphs_fallback: the
 * letter without its mark, else '?'): text from outside (the server's
 * notes, scans, typing) never leaves a hole. Content is checked against the
 * same font by kioskctl check, so it is drawn as it is. */
struct canvas {
	int rows, cols;
	struct cell *cells;
	const struct glyphs *glyphs; /* NULL: the terminal draws everything */
};

/* Resizes (and clears) the canvas. */
void canvas_resize(struct canvas *c, int rows, int cols);

/* Fills every cell with spaces of the given look. */
void canvas_clear(struct canvas *c, enum attr a);

/* Frees the cells. */
void canvas_free(struct canvas *c);

/* Writes UTF-8 text at (y, x), at most maxcols columns, dropping control
 * characters, through the canvas's glyphs when it has them. Returns the
 * columns used. */
int canvas_text(struct canvas *c, int y, int x, const char *s, enum attr a, int maxcols);

/* Like canvas_text, but text that does not fit in maxcols columns is cut
 * and ends with "…", so that a reader knows there is more. */
int canvas_text_cut(struct canvas *c, int y, int x, const char *s, enum attr a, int maxcols);

/* Writes text centred in the columns [x, x + w). */
void canvas_center(struct canvas *c, int y, int x, int w, const char *s, enum attr a);

/* Fills a rectangle with spaces of a look. */
void canvas_fill(struct canvas *c, int y, int x, int h, int w, enum attr a);

/* Draws a box with line characters around the rectangle. */
void canvas_box(struct canvas *c, int y, int x, int h, int w, enum attr a);

/* Draws a horizontal rule. */
void canvas_hline(struct canvas *c, int y, int x, int w, enum attr a);

/* Writes text word-wrapped into the columns [x, x + w), at most maxrows
 * rows from row y. Returns the rows used. */
int canvas_wrap(struct canvas *c, int y, int x, int w, int maxrows, const char *s, enum attr a);

/* A new UTF-8 string of row y (for tests and logs); trailing spaces kept. */
char *canvas_row(const struct canvas *c, int y);

#endif
