/* Drawing the app's state into a canvas, and recording where each
 * touchable element landed (see appstate.h). Layout follows SCREENS.md:
 * a title row with the clock, big numbered boxes, a footer with hints and
 * the booth's state. Everything is laid out from the canvas size, so any
 * size works; below 80x24 a message asks for a bigger screen. */
#include <stdio.h>
#include <string.h>

#include "appstate.h"
#include "config.h"
#include "formdef.h"
#include "i18n.h"
#include "problems.h"
#include "scr_form.h"
#include "screendef.h"
#include "text.h"
#include "view.h"

#define MIN_ROWS 24
#define MIN_COLS 80
#define BOX_MIN 3
#define BOX_MAX 5

/* Vietnamese day names as message ids, Sunday first (tm_wday). */
static const char *const day_names[] = {
	N_("Chủ Nhật"), N_("Thứ Hai"), N_("Thứ Ba"), N_("Thứ Tư"),
	N_("Thứ Năm"), N_("Thứ Sáu"), N_("Thứ Bảy"),
};

const char *view_day_name(int wday)
{
	return day_names[((wday % 7) + 7) % 7];
}

void view_hit(struct app *a, int y, int x, int h, int w, enum hit_kind kind, int index)
{
	if (a->nhits == HIT_MAX)
		return;
	a->hits[a->nhits++] = (struct hit){ y, x, h, w, kind, index };
}

int view_pressed(const struct app *a, enum hit_kind kind, int index)
{
	return a->pressed >= 0 && a->pressed < a->nhits && a->hits[a->pressed].kind == kind &&
	       a->hits[a->pressed].index == index;
}

void view_button(struct app *a, struct canvas *c, int y, int x, int h, int w,
		 const char *label, int index)
{
	enum attr at = view_pressed(a, HIT_OWN, index) ? ATTR_FOCUS : ATTR_BUTTON;

	canvas_fill(c, y + 1, x + 1, h - 2, w - 2, at);
	canvas_box(c, y, x, h, w, at);
	canvas_center(c, y + h / 2, x + 1, w - 2, label, at);
	view_hit(a, y, x, h, w, HIT_OWN, index);
}

/* The title row: the title on the left, the day and time on the right
 * (or that the time is not known, on a booth whose clock is not set). */
static void draw_title(struct app *a, struct canvas *c, const char *msgid, int clock, time_t now)
{
	char title[512], when[128];
	int cw = 0;

	canvas_fill(c, 0, 0, 1, c->cols, ATTR_TITLE);
	if (clock) {
		char day[48];
		struct tm tm;

		localtime_r(&now, &tm);
		app_date(a, date_of(now), 0, day, sizeof day);
		if ((long long)now < a->env.clock_min)
			snprintf(when, sizeof when, "%s", app_tr(a, N_("chưa rõ giờ")));
		else
			snprintf(when, sizeof when, "%s %s  %02d:%02d", app_tr(a, day_names[tm.tm_wday]),
				 day, tm.tm_hour, tm.tm_min);
		cw = text_width(when);
		canvas_text(c, 0, c->cols - cw - 1, when, ATTR_TITLE, cw);
		view_hit(a, 0, c->cols - cw - 1, 1, cw + 1, HIT_CLOCK, 0);
	}
	app_format(a, title, sizeof title, msgid, 0);
	canvas_text(c, 0, 1, title, ATTR_TITLE, c->cols - cw - 3);
	canvas_hline(c, 1, 1, c->cols - 2, ATTR_NORMAL);
}

/* One numbered box: "N  Label", the label centred vertically. */
static void draw_box(struct app *a, struct canvas *c, int y, int x, int h, int w, char key,
		     const char *label, int index)
{
	int focus = a->focus == index || view_pressed(a, HIT_ITEM, index);
	enum attr at = focus ? ATTR_FOCUS : ATTR_BUTTON;
	int mid = y + h / 2;
	char k[2] = { key, '\0' };

	canvas_fill(c, y + 1, x + 1, h - 2, w - 2, at);
	canvas_box(c, y, x, h, w, at);
	canvas_text(c, mid, x + 2, k, focus ? ATTR_FOCUS : ATTR_KEY, 1);
	canvas_text(c, mid, x + 5, label, at, w - 7);
	view_hit(a, y, x, h, w, HIT_ITEM, index);
}

/* The grid of numbered boxes from row y0 to row y1 (exclusive). */
static void draw_items(struct app *a, struct canvas *c, int y0, int y1, int cols)
{
	struct item items[ITEM_MAX + 1];
	int n = app_items(a, items), rows = (n + cols - 1) / cols, w, h, i;

	if (n == 0 || y1 - y0 < BOX_MIN)
		return; /* the frame used the room (an on-screen keyboard) */
	w = (c->cols - 2 - (cols - 1)) / cols;
	h = (y1 - y0) / rows;
	if (h > BOX_MAX)
		h = BOX_MAX;
	if (h < BOX_MIN)
		h = BOX_MIN;
	/* Boxes sit at the bottom, close to the hand; text stays on top. */
	y0 = y1 - rows * h;
	for (i = 0; i < n; i++) {
		int y = y0 + (i / cols) * h, x = 1 + (i % cols) * (w + 1);
		char label[512];

		app_format(a, label, sizeof label, items[i].label, 0);
		draw_box(a, c, y, x, h, w, items[i].key, label, i);
	}
}

int view_scroll(struct app *a, uint32_t key, int *top, int rows, int total)
{
	int step = rows > 2 ? rows - 2 : 1, last = total - rows > 0 ? total - rows : 0;

	if (key == '*' && a->env.cfg->input == INPUT_KEYPAD)
		*top = *top >= last ? 0 : *top + step;
	else if (key == AK_DOWN || key == AK_UP)
		*top += key == AK_DOWN ? step : -step;
	else
		return 0;
	if (*top > last)
		*top = last;
	if (*top < 0)
		*top = 0;
	app_touch(a);
	return 1;
}

const char *view_scroll_hint(const struct app *a)
{
	return a->env.cfg->input == INPUT_KEYPAD ? N_("Bấm * để xem tiếp · 0 để quay lại")
						 : N_("Mũi tên lên, xuống để xem tiếp · 0 để quay lại");
}

/* Hints that name keys, and what they say on a touch-only booth. */
static const char *const touch_hints[][2] = {
	{ N_("Bấm số để chọn, bấm 0 để quay lại"), N_("Chạm vào ô để chọn") },
	{ N_("Bấm số hoặc chạm vào ô để chọn"), N_("Chạm vào ô để chọn") },
	{ N_("Gõ mã rồi bấm {ok} · Xoá hết để quay lại"), N_("Chạm vào ô để gõ mã, chạm Xong khi gõ xong") },
	{ N_("Bấm 0 để về trang chủ"), N_("Chạm Về trang chủ khi xong") },
	{ N_("Mũi tên lên, xuống để xem tiếp · 0 để quay lại"), N_("Chạm Quay lại để quay lại") },
	{ N_("Bấm {ok} để xác nhận, bấm {del} để sửa"), N_("Chạm Xong để xác nhận, chạm Xoá để sửa") },
	{ N_("Bấm 1 để in phiếu, 0 để quay lại"), N_("Chạm vào ô để chọn") },
	{ N_("Bấm 0 để quay lại"), N_("Chạm Quay lại để quay lại") },
	{ N_("Bấm số để chọn · {ok} chọn dòng đầu · {del} khi trống: quay lại"), N_("Chạm vào tên để chọn") },
};

/* The hint (message id) as this booth says it: "Chạm" on touch booths. */
static const char *booth_hint(const struct app *a, const char *hint)
{
	size_t i;

	if (a->env.cfg == NULL || a->env.cfg->input != INPUT_TOUCH)
		return hint;
	for (i = 0; i < sizeof touch_hints / sizeof touch_hints[0]; i++)
		if (strcmp(hint, touch_hints[i][0]) == 0)
			return touch_hints[i][1];
	return hint;
}

/* The speaker button of a touch booth that speaks: the two footer rows
 * at the right, "▶ Nghe lại" (say the screen again). Returns the columns
 * it takes, 0 when there is none. */
static int draw_voice_button(struct app *a, struct canvas *c)
{
	const char *label = app_tr(a, N_("▶ Nghe lại"));
	int w = text_width(label) + 4, x = c->cols - w - 1, y = c->rows - 2;
	enum attr at = view_pressed(a, HIT_VOICE, 0) ? ATTR_FOCUS : ATTR_BUTTON;

	if (!app_voice_on(a) || a->env.cfg->input != INPUT_TOUCH)
		return 0;
	canvas_fill(c, y, x, 2, w, at);
	canvas_center(c, y + 1, x, w, label, at);
	view_hit(a, y, x, 2, w, HIT_VOICE, 0);
	return w + 1;
}

/* The footer: the hint (in attr) on the left, the booth's state on the right (left
 * of the speaker button, when there is one). A hint is never cut: when
 * both do not fit one row, the state moves up onto the rule above, at
 * its right. */
static void draw_footer(struct app *a, struct canvas *c, const char *hint, enum attr attr)
{
	const struct booth_state *st = &a->st;
	char state[256], part[128], text[512];
	int sw, y = c->rows - 1, cols = c->cols - draw_voice_button(a, c);

	/* Paused (the server refuses the booth), it is not "Có mạng" that
	 * matters: the requests do not go. */
	app_format(a, state, sizeof state,
		   st->paused[0] ? N_("● Chưa gửi được")
		   : st->online ? N_("● Có mạng") : N_("● Chưa có mạng"), 0);
	if (st->waiting > 0) {
		app_format(a, part, sizeof part, N_(" · {n} hồ sơ chờ gửi"), st->waiting);
		strncat(state, part, sizeof state - strlen(state) - 1);
	}
	if (st->last_upload > 0) {
		struct tm tm;

		localtime_r(&st->last_upload, &tm);
		snprintf(part, sizeof part, "%s %02d:%02d", app_tr(a, N_(" · gửi lần cuối lúc")),
			 tm.tm_hour, tm.tm_min);
		strncat(state, part, sizeof state - strlen(state) - 1);
	}
	canvas_hline(c, y - 1, 1, cols - 2, ATTR_NORMAL);
	app_format(a, text, sizeof text, booth_hint(a, hint), 0);
	sw = text_width(state);
	if (text_width(text) + 3 + sw > cols - 2) {
		/* " ● Chưa có mạng · 3 hồ sơ chờ gửi " over the rule. */
		canvas_text(c, y - 1, cols - sw - 2, " ", ATTR_NORMAL, 1);
		y--;
	}
	canvas_text(c, y, cols - sw - 1, state, st->online && !st->paused[0] ? ATTR_OK : ATTR_DIM, sw);
	if (y == c->rows - 1)
		canvas_text(c, y, 1, text, attr, cols - sw - 4);
	else
		canvas_text(c, y + 1, 1, text, attr, cols - 2);
}

/* The question asked after a while without a touch. */
static void draw_countdown(struct app *a, struct canvas *c, time_t now)
{
	int w = 60, h = 7, y = (c->rows - h) / 2, x = (c->cols - w) / 2;
	char line[256];

	canvas_fill(c, y, x, h, w, ATTR_ALERT);
	canvas_box(c, y, x, h, w, ATTR_ALERT);
	canvas_center(c, y + 2, x + 1, w - 2, app_tr(a, N_("Bạn còn ở đây không?")), ATTR_ALERT);
	app_format(a, line, sizeof line, N_("Chạm màn hình hoặc bấm phím bất kỳ để tiếp tục."), 0);
	canvas_center(c, y + 3, x + 1, w - 2, line, ATTR_ALERT);
	app_format(a, line, sizeof line, N_("Trạm sẽ về trang chủ sau {n} giây."), (long)(a->countdown_until - now));
	canvas_center(c, y + 4, x + 1, w - 2, line, ATTR_ALERT);
}

/* Below 80x24 nothing fits: say so in both languages, as far as it goes. */
static void draw_too_small(struct canvas *c)
{
	int y = c->rows / 2 - 1;

	canvas_center(c, y, 0, c->cols, "Màn hình quá nhỏ", ATTR_ALERT);
	canvas_center(c, y + 1, 0, c->cols, "Screen too small", ATTR_ALERT);
	canvas_center(c, y + 2, 0, c->cols, "80×24", ATTR_ALERT);
}

void app_draw(struct app *a, struct canvas *c, time_t now)
{
	struct frame *f = app_top(a);
	const struct frame_ops *ops = f->ops;
	const char *hint;
	int y = 2;

	a->nhits = 0;
	a->dirty = 0;
	a->shown_second = a->countdown_until ? (long)now : (long)(now / 60);
	canvas_clear(c, ATTR_NORMAL);
	a->too_small = c->rows < MIN_ROWS || c->cols < MIN_COLS;
	if (a->too_small) {
		draw_too_small(c);
		return;
	}
	draw_title(a, c, ops->title(a, f), ops->clock, now);
	if (ops->draw)
		y = ops->draw(a, f, c, y, now);
	draw_items(a, c, y, c->rows - 2, ops->columns ? ops->columns(a, f) : 1);
	hint = ops->hint ? ops->hint(a, f) : NULL; /* after the page's layout */
	draw_footer(a, c, a->notice ? a->notice : hint ? hint : N_("Bấm số để chọn, bấm 0 để quay lại"),
		    a->notice ? ATTR_ALERT : ATTR_DIM);
	if (a->countdown_until != 0)
		draw_countdown(a, c, now);
}

/* Checks one screen in language lang (see view_check). */
static void check_screen(struct app *a, const struct screen *s, struct problems *p)
{
	const char *code = i18n_code(a->env.i18n, a->lang);
	struct canvas scratch = { 0 };
	char text[512];
	int i, rows = 0, items, w, room, clock = s->clock ? 22 : 0;

	canvas_resize(&scratch, MIN_ROWS, MIN_COLS);
	app_format(a, text, sizeof text, s->title, 0);
	if (text_width(text) > MIN_COLS - 3 - clock)
		problems_add(p, s->file, s->title_line,
			     "the title is %d columns in \"%s\": room for %d at 80x24",
			     text_width(text), code, MIN_COLS - 3 - clock);
	for (i = 0; i < s->ntexts; i++) {
		app_format(a, text, sizeof text, s->texts[i], 0);
		rows += canvas_wrap(&scratch, 0, 0, MIN_COLS - 4, MIN_ROWS, text, ATTR_NORMAL);
	}
	if (s->ntexts > 0)
		rows++;
	items = s->nchoices + (strcmp(s->id, "home") != 0 ? 1 : 0);
	w = (MIN_COLS - 2 - (s->columns - 1)) / s->columns;
	room = w - 7;
	for (i = 0; i < s->nchoices; i++) {
		app_format(a, text, sizeof text, s->choices[i].label, 0);
		if (text_width(text) > room)
			problems_add(p, s->file, s->choices[i].line,
				     "choice %c is %d columns in \"%s\": room for %d at 80x24",
				     s->choices[i].key, text_width(text), code, room);
	}
	if (s->hint) {
		app_format(a, text, sizeof text, s->hint, 0);
		if (text_width(text) > MIN_COLS - 2)
			problems_add(p, s->file, 0, "the hint is %d columns in \"%s\": room for %d at 80x24",
				     text_width(text), code, MIN_COLS - 2);
	}
	rows += (items + s->columns - 1) / s->columns * BOX_MIN;
	if (rows > MIN_ROWS - 4)
		problems_add(p, s->file, 0,
			     "does not fit 80x24 in \"%s\": %d rows needed, %d available",
			     code, rows, MIN_ROWS - 4);
	canvas_free(&scratch);
}

/* Checks that every option of field fd fits beside its label at 80x24. */
static void check_options(struct app *a, const struct form *f, const struct form_field *fd,
			  struct problems *p)
{
	int k, room = FORM_OPTION_COLS(MIN_COLS) - 2;

	for (k = 0; k < fd->noptions; k++)
		if (text_width(app_tr(a, fd->options[k])) > room)
			problems_add(p, f->file, fd->line,
				     "option %d is %d columns in \"%s\": room for %d at 80x24", k + 1,
				     text_width(app_tr(a, fd->options[k])),
				     i18n_code(a->env.i18n, a->lang), room);
}

/* Checks that a form's labels fit their column, and that every step shows
 * all its fields and all their options at 80x24, in language lang. */
static void check_form(struct app *a, const struct form *f, struct problems *p)
{
	const char *code = i18n_code(a->env.i18n, a->lang);
	int rows[FORM_MAX_STEPS] = { 0 }, line[FORM_MAX_STEPS] = { 0 }, i;

	for (i = 0; i < f->nfields; i++) {
		const struct form_field *fd = &f->fields[i];
		const char *label = app_tr(a, fd->label);

		if (text_width(label) > FORM_LABEL_COLS)
			problems_add(p, f->file, fd->line,
				     "the label is %d columns in \"%s\": room for %d",
				     text_width(label), code, FORM_LABEL_COLS);
		check_options(a, f, fd, p);
		rows[fd->step] += scr_form_field_rows(a, fd, MIN_COLS);
		if (line[fd->step] == 0)
			line[fd->step] = fd->line;
	}
	for (i = 0; i < f->nsteps; i++)
		if (rows[i] > FORM_FIELD_ROOM(MIN_ROWS))
			problems_add(p, f->file, line[i],
				     "step %d (\"%s\") does not fit 80x24 in \"%s\": its fields and "
				     "options need %d rows, %d available", i + 1, app_tr(a, f->steps[i]),
				     code, rows[i], FORM_FIELD_ROOM(MIN_ROWS));
	if (strcmp(f->kind, "procedure") == 0 && text_width(app_tr(a, f->title)) > (MIN_COLS - 3) / 2 - 7)
		problems_add(p, f->file, 0,
			     "the title is %d columns in \"%s\": room for %d in the list of forms",
			     text_width(app_tr(a, f->title)), code, (MIN_COLS - 3) / 2 - 7);
}

void view_check(const struct screens *s, const struct forms *forms, const struct i18n *t,
		const struct config *cfg, struct problems *p)
{
	struct app a = { 0 };
	int i, lang;

	a.env.forms = forms;
	a.env.cfg = cfg;
	a.env.screens = s;
	a.env.i18n = t;
	for (lang = 0; lang < i18n_count(t); lang++) {
		a.lang = lang;
		for (i = 0; i < s->n; i++)
			check_screen(&a, &s->v[i], p);
		if (a.env.forms)
			for (i = 0; i < a.env.forms->n; i++)
				check_form(&a, &a.env.forms->v[i], p);
	}
}
