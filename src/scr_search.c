/* Procedure search as you type (SCREENS.md "Search as you type"): a field,
 * and after every keystroke the best matches, numbered. Keyboard booths
 * type letters and choose with digits; keypad booths spell by multi-tap,
 * then press # (or Enter) and choose with digits; touch booths open the
 * on-screen keyboard by touching the field and touch a result. */
#include <stdio.h>
#include <stdlib.h>

#include "appstate.h"
#include "catalog.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#define SHOWN 6             /* results on screen */
#define HIT_FIELD 1
#define HIT_RESULT 200      /* + result */
#define HIT_KEY 1000        /* + on-screen key */

struct search {
	struct entry entry;
	const struct catalog_entry *hit[SHOWN];
	size_t n, total;
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

/* Runs the search again for the text typed. */
static void refresh(struct app *a, struct search *s)
{
	struct catalog *cat = app_catalog(a);

	s->n = cat ? catalog_search(cat, entry_text(&s->entry), 0, s->hit, SHOWN, &s->total) : 0;
	if (s->n == 0)
		s->total = 0;
}

/* The label of the choice that led here. */
static const char *search_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* Opens result i. */
static void open_result(struct app *a, struct search *s, size_t i)
{
	if (i < s->n)
		scr_procedure_open(a, s->hit[i]->code);
}

/* The field, then the results (or the on-screen keyboard). */
static int search_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct search *s = state(a, f);
	char line[256];
	size_t i, shown;

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
	app_format(a, line, sizeof line, N_("Có {n} thủ tục:"), (long)s->total);
	canvas_text(c, y, 2, line, ATTR_DIM, c->cols - 4);
	y++;
	shown = (size_t)((c->rows - 2 - 3 - y) / 2);
	for (i = 0; i < s->n && i < shown; i++, y += 2)
		view_result(a, c, y, i, s->hit[i]->name, s->hit[i]->field_name, HIT_RESULT + (int)i);
	return y;
}

/* Digits choose results (keypad booths: after #); the rest types. */
static int search_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct search *s = state(a, f);
	enum entry_result r;
	int typing_digits = s->entry.mode == ENTRY_KEYPAD && !s->choosing;

	(void)now;
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
	if (r == ENTRY_CHANGED)
		refresh(a, s);
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
	} else if (index >= HIT_KEY) {
		if (entry_osk(&s->entry, index - HIT_KEY) == ENTRY_CHANGED)
			refresh(a, s);
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
	return N_("Bấm số của thủ tục để xem, bấm 0 để quay lại");
}

/* Wipes what was typed. */
static void search_done(struct frame *f)
{
	struct search *s = f->data;

	if (s == NULL)
		return;
	entry_free(&s->entry);
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
