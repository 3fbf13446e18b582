/* Procedure search as you type (SCREENS.md "Search as you type"): a field,
 * and after every keystroke the best matches, numbered, a page at a time,
 * with how many there are. Keyboard booths type letters, choose with
 * digits and turn pages with Down and Up; keypad booths spell by
 * multi-tap, then press # (or Enter), choose with digits and turn pages
 * with * (the next, back to the first after the last); touch booths open
 * the on-screen keyboard by touching the field, touch a result and the
 * "Trang sau" and "Trang trước" buttons. Every result can be reached. */
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "i18n.h"
#include "scr.h"
#include "text.h"
#include "util.h"

#define PAGE_MAX 9          /* results a page at most: digits 1-9 */
#define BUTTON_W 16         /* the page buttons at the right */
#define HIT_FIELD 1
#define HIT_PREV 2
#define HIT_NEXT 3
#define HIT_RESULT 200      /* + result */
#define HIT_KEY 1000        /* + on-screen key */

struct search {
	struct entry entry;
	const struct catalog_entry **all; /* the results up to this page's */
	size_t n;               /* on this page */
	size_t total, page, per;
	int choosing;           /* keypad: digits choose results now */
};

/* The frame's state, made on first use. */
static struct search *state(struct app *a, struct frame *f)
{
	struct search *s = f->data;

	if (s == NULL) {
		s = f->data = xcalloc(1, sizeof *s);
		app_entry(a, &s->entry, 60, 0, VI_NONE);
	}
	return s;
}

/* The number of pages of results. */
static size_t pages(const struct search *s)
{
	return s->per ? (s->total + s->per - 1) / s->per : 0;
}

/* Runs the search again for the text typed, for the current page (the
 * last one when there are fewer now). */
static void refresh(struct app *a, struct search *s)
{
	struct catalog *cat = app_catalog(a);
	size_t want, got = 0;

	if (s->per == 0)
		s->per = 6; /* until the first drawing says how many fit */
	want = (s->page + 1) * s->per;
	s->all = xrealloc(s->all, want * sizeof *s->all);
	s->total = 0;
	if (cat)
		got = catalog_search(cat, entry_text(&s->entry), 0, s->all, want, &s->total);
	if (got == 0)
		s->total = 0;
	if (s->page > 0 && s->page >= pages(s)) {
		s->page = pages(s) ? pages(s) - 1 : 0;
		refresh(a, s);
		return;
	}
	s->n = got > s->page * s->per ? got - s->page * s->per : 0;
}

/* The results of this page. */
static const struct catalog_entry *const *page_hits(const struct search *s)
{
	return s->all + s->page * s->per;
}

/* Turns the page: +1 next (back to the first after the last), -1 back. */
static void turn(struct app *a, struct search *s, int step)
{
	size_t n = pages(s);

	if (n < 2)
		return;
	s->page = step > 0 ? (s->page + 1) % n : (s->page + n - 1) % n;
	refresh(a, s);
	app_touch(a);
}

/* The label of the choice that led here. */
static const char *search_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* Opens result i of the page. */
static void open_result(struct app *a, struct search *s, size_t i)
{
	if (i < s->n)
		scr_procedure_open(a, page_hits(s)[i]->code);
}

/* The count of results, and the page shown when there are several. */
static void draw_count(struct app *a, struct search *s, struct canvas *c, int y)
{
	char line[256], page[300];
	int w = 0;

	if (pages(s) > 1) {
		app_format(a, line, sizeof line, N_("Trang {n}"), (long)s->page + 1);
		snprintf(page, sizeof page, "%s/%zu", line, pages(s));
		w = text_width(page);
		canvas_text(c, y, c->cols - w - 2, page, ATTR_DIM, w);
	}
	app_format(a, line, sizeof line, N_("Có {n} thủ tục:"), (long)s->total);
	canvas_text(c, y, 2, line, ATTR_DIM, c->cols - 4 - w - 1);
}

/* This page's results from row y, with the page buttons at the right
 * when there are several pages. Returns the row below. */
static int draw_results(struct app *a, struct search *s, struct canvas *c, int y)
{
	int bottom = c->rows - 2 - 3, w = c->cols - 2;
	size_t per = (size_t)((bottom - y - 1) / 2), i;
	const struct catalog_entry *const *hit;

	if (per > PAGE_MAX)
		per = PAGE_MAX;
	if (per < 1)
		per = 1;
	if (per != s->per) {
		s->page = s->page * s->per / per; /* keep the first result shown */
		s->per = per;
		refresh(a, s);
	}
	draw_count(a, s, c, y++);
	if (pages(s) > 1)
		w -= BUTTON_W + 1;
	if (s->page > 0)
		view_button(a, c, y, c->cols - BUTTON_W - 1, 3, BUTTON_W, app_tr(a, N_("▲ Trang trước")),
			    HIT_PREV);
	if (s->page + 1 < pages(s))
		view_button(a, c, y + (int)per * 2 - 3, c->cols - BUTTON_W - 1, 3, BUTTON_W,
			    app_tr(a, N_("▼ Trang sau")), HIT_NEXT);
	hit = page_hits(s);
	for (i = 0; i < s->n; i++, y += 2)
		view_result(a, c, y, i, hit[i]->name, hit[i]->field_name, w, HIT_RESULT + (int)i);
	return y;
}

/* The field, then the results (or the on-screen keyboard). */
static int search_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct search *s = state(a, f);
	char line[256];

	(void)now;
	if (app_catalog(a) == NULL) {
		canvas_wrap(c, y + 1, 2, c->cols - 4, 3,
			    app_tr(a, N_("Trạm chưa có dữ liệu thủ tục. Xin hỏi cán bộ xã.")), ATTR_ALERT);
		return y + 4;
	}
	if (s->entry.osk_open) {
		/* Touch: the field over the title's rule, the keys below it,
		 * and how many procedures match inside the field's box. */
		view_entry(a, c, &s->entry, y - 1, 1, c->cols - 2, HIT_FIELD);
		view_osk(a, c, &s->entry, y + 2, c->rows - 2 - (y + 2), HIT_KEY);
		if (s->n > 0) {
			int w;

			app_format(a, line, sizeof line, N_("Có {n} thủ tục. Bấm Xong để xem."), (long)s->total);
			w = text_width(line);
			canvas_text(c, y, c->cols - w - 3, line, ATTR_DIM, w);
		}
		return c->rows; /* no boxes below */
	}
	canvas_text(c, y, 2, app_tr(a, N_("Gõ vài chữ, không cần dấu:")), ATTR_NORMAL, c->cols - 4);
	view_entry(a, c, &s->entry, y + 1, 1, c->cols - 2, HIT_FIELD);
	y += 4;
	y += view_keypad(a, c, &s->entry, y);
	if (s->entry.field.len == 0) {
		canvas_wrap(c, y + 1, 2, c->cols - 4, 3,
			    app_tr(a, N_("Ví dụ: khai sinh, ket hon, thuong tru, chung thuc.")), ATTR_DIM);
		return y + 4;
	}
	if (s->n == 0) {
		canvas_wrap(c, y + 1, 2, c->cols - 4, 3,
			    app_tr(a, N_("Không tìm thấy thủ tục nào. Thử gõ ít chữ hơn.")), ATTR_ALERT);
		return y + 4;
	}
	return draw_results(a, s, c, y);
}

/* Digits choose results (keypad booths: after {ok}); Down and Up (and on
 * a keypad *) turn the pages; the rest types. */
static int search_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct search *s = state(a, f);
	enum entry_result r;
	int typing_digits = s->entry.mode == ENTRY_KEYPAD && !s->choosing;

	(void)now;
	if (!s->entry.osk_open && (key == AK_DOWN || key == AK_UP || (s->choosing && key == '*'))) {
		turn(a, s, key == AK_UP ? -1 : 1);
		return 1;
	}
	if (!typing_digits && !s->entry.osk_open && key >= '1' && key <= '9') {
		open_result(a, s, key - '1');
		return 1;
	}
	if (!typing_digits && !s->entry.osk_open && key == '0')
		return 0; /* back */
	if (s->choosing && key == AK_BACKSPACE) {
		s->choosing = 0;
		app_touch(a);
		return 1;
	}
	r = entry_key(&s->entry, key);
	if (r == ENTRY_UNUSED)
		return key == AK_ENTER; /* Enter alone does not leave */
	if (r == ENTRY_CHANGED) {
		s->page = 0;
		refresh(a, s);
	}
	if (r == ENTRY_DONE && s->entry.mode == ENTRY_KEYPAD)
		s->choosing = 1;
	app_touch(a);
	return 1;
}

/* The field opens the keyboard; a result opens its page; keys type. */
static void search_tap(struct app *a, struct frame *f, int index, time_t now)
{
	struct search *s = state(a, f);

	(void)now;
	if (index == HIT_FIELD && s->entry.mode == ENTRY_TOUCH) {
		s->entry.osk_open = 1;
	} else if (index == HIT_PREV || index == HIT_NEXT) {
		turn(a, s, index == HIT_NEXT ? 1 : -1);
		return;
	} else if (index >= HIT_KEY) {
		if (entry_osk(&s->entry, index - HIT_KEY) == ENTRY_CHANGED) {
			s->page = 0;
			refresh(a, s);
		}
	} else if (index >= HIT_RESULT) {
		open_result(a, s, (size_t)(index - HIT_RESULT));
		return;
	}
	app_touch(a);
}

/* What the keys do here. */
static const char *search_hint(const struct app *a, const struct frame *f)
{
	const struct search *s = f->data;

	(void)a;
	if (s && s->entry.mode == ENTRY_KEYPAD && !s->choosing)
		return N_("Gõ như điện thoại · bấm {ok} để chọn chữ, xem kết quả");
	if (s && s->entry.mode == ENTRY_TOUCH)
		return N_("Chạm vào thủ tục để xem giấy tờ cần mang");
	if (s && pages(s) > 1)
		return s->entry.mode == ENTRY_KEYPAD ? N_("Bấm số của thủ tục để xem · * trang sau")
		       : N_("Bấm số của thủ tục để xem · mũi tên lên, xuống: đổi trang");
	return N_("Bấm số của thủ tục để xem, bấm 0 để quay lại");
}

/* Wipes what was typed. */
static void search_done(struct frame *f)
{
	struct search *s = f->data;

	if (s == NULL)
		return;
	entry_free(&s->entry);
	free(s->all);
	wipe(s, sizeof *s);
	free(s);
}

const struct frame_ops scr_search = {
	.title = search_title,
	.draw = search_draw,
	.key = search_key,
	.tap = search_tap,
	.hint = search_hint,
	.done = search_done,
	.clock = 1,
};
