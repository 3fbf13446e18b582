/* The common look (view.c, view_entry.c): the parts every screen shares,
 * the widgets screens draw with, where each touchable element landed; and
 * the layout checks shared by the kiosk and kioskctl check: every screen,
 * in every language, must fit the smallest supported terminal (80x24). */
#ifndef KIOSK_VIEW_H
#define KIOSK_VIEW_H

#include <stddef.h>

struct app;
struct canvas;
struct config;
struct entry;
struct forms;
struct i18n;
struct problems;
struct screens;

enum hit_kind {
	HIT_ITEM,      /* a numbered box: index into the frame's items, or -1 for back */
	HIT_CLOCK,     /* the clock in the title row */
	HIT_OWN,       /* something the frame drew itself: index is its own */
	HIT_VOICE      /* the speaker button: say the screen again */
};

/* A touchable rectangle drawn in the last frame. */
struct hit {
	int y, x, h, w;
	enum hit_kind kind;
	int index;
};

/* Remembers a touchable rectangle. */
void view_hit(struct app *a, int y, int x, int h, int w, enum hit_kind kind, int index);

/* The name of a weekday (0 Sunday) as a message id ("Thứ Hai"). */
const char *view_day_name(int wday);

/* True when the hit (kind, index) is being pressed. */
int view_pressed(const struct app *a, enum hit_kind kind, int index);

/* Draws a box with a centred label, highlighted when pressed. */
void view_button(struct app *a, struct canvas *c, int y, int x, int h, int w,
		 const char *label, int index);

/* Draws an entry's field as a box at (y, x), w wide, with the cursor;
 * touching it opens the on-screen keyboard (HIT_OWN index hit). */
void view_entry(struct app *a, struct canvas *c, struct entry *e, int y, int x, int w, int hit);

/* Draws the on-screen keyboard of e in the rows [y, y + h) when it is
 * open (touches come as HIT_OWN first + key index). Returns rows used. */
int view_osk(struct app *a, struct canvas *c, struct entry *e, int y, int h, int first);

/* Draws result i of a list in two rows at row y, w columns wide from the
 * second: its number and name, and below it sub (dim), each ending with
 * "…" when it does not fit; touching it is HIT_OWN hit. */
void view_result(struct app *a, struct canvas *c, int y, size_t i, const char *name,
		 const char *sub, int w, int hit);

/* Draws a keypad entry's spelling and numbered syllable choices at row y.
 * Returns rows used (0 when not a keypad entry or nothing to show). */
int view_keypad(struct app *a, struct canvas *c, struct entry *e, int y);

/* Scrolls a page of total lines showing rows from *top: Down and Up by a
 * screenful, and on a keypad booth (no arrows) * to the next screenful,
 * the first again after the last. Returns 1 when key was one of these. */
int view_scroll(struct app *a, uint32_t key, int *top, int rows, int total);

/* The hint of a page that scrolls (view_scroll), as this booth's keys do
 * it (a message id). */
const char *view_scroll_hint(const struct app *a);

/* Draws a field's cursor at (y, x): the character under it (the text
 * from the cursor on, "" at the end) in reverse, or a block at the end. */
void view_cursor(struct canvas *c, int y, int x, const char *at);

/* Adds a problem for each title, label or text that would be cut, and each
 * screen whose boxes would not fit, at 80x24 in any language; forms may
 * be NULL. */
void view_check(const struct screens *s, const struct forms *forms, const struct i18n *t,
		const struct config *cfg, struct problems *p);

#endif
