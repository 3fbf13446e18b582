/* Drawing the app's state into a canvas, and recording where each
 * touchable element landed (see appstate.h). Layout follows SCREENS.md:
 * a title row with the clock, big numbered boxes, a footer with hints and
 * the booth's state. Everything is laid out from the canvas size, so any
 * size works; below 80x24 a message asks for a bigger screen. */
#include <stdio.h>
#include <string.h>

#include "appstate.h"
#include "config.h"
#include "i18n.h"
#include "problems.h"
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

/* Remembers a touchable rectangle. */
static void add_hit(struct app *a, int y, int x, int h, int w, enum hit_kind kind, int index)
{
	if (a->nhits == HIT_MAX)
		return;
	a->hits[a->nhits++] = (struct hit){ y, x, h, w, kind, index };
}

/* True when hit (kind, index) is the one being pressed. */
static int is_pressed(const struct app *a, enum hit_kind kind, int index)
{
	return a->pressed >= 0 && a->pressed < a->nhits && a->hits[a->pressed].kind == kind &&
	       a->hits[a->pressed].index == index;
}

/* The title row: the title on the left, the day and time on the right. */
static void draw_title(struct app *a, struct canvas *c, const char *msgid, int clock, time_t now)
{
	char title[512], when[128];
	int cw = 0;

	canvas_fill(c, 0, 0, 1, c->cols, ATTR_TITLE);
	if (clock) {
		struct tm tm;

		localtime_r(&now, &tm);
		snprintf(when, sizeof when, "%s %02d/%02d  %02d:%02d", app_tr(a, day_names[tm.tm_wday]),
			 tm.tm_mday, tm.tm_mon + 1, tm.tm_hour, tm.tm_min);
		cw = text_width(when);
		canvas_text(c, 0, c->cols - cw - 1, when, ATTR_TITLE, cw);
		add_hit(a, 0, c->cols - cw - 1, 1, cw + 1, HIT_CLOCK, 0);
	}
	app_format(a, title, sizeof title, msgid, 0);
	canvas_text(c, 0, 1, title, ATTR_TITLE, c->cols - cw - 3);
	canvas_hline(c, 1, 1, c->cols - 2, ATTR_NORMAL);
}

/* One numbered box: "N  Label", the label centred vertically. */
static void draw_box(struct app *a, struct canvas *c, int y, int x, int h, int w, char key,
		     const char *label, int index)
{
	int focus = a->focus == index || is_pressed(a, HIT_ITEM, index);
	enum attr at = focus ? ATTR_FOCUS : ATTR_BUTTON;
	int mid = y + h / 2;
	char k[2] = { key, '\0' };

	canvas_fill(c, y + 1, x + 1, h - 2, w - 2, at);
	canvas_box(c, y, x, h, w, at);
	canvas_text(c, mid, x + 2, k, focus ? ATTR_FOCUS : ATTR_KEY, 1);
	canvas_text(c, mid, x + 5, label, at, w - 7);
	add_hit(a, y, x, h, w, HIT_ITEM, index);
}

/* The grid of numbered boxes from row y0 to row y1 (exclusive). */
static void draw_items(struct app *a, struct canvas *c, int y0, int y1)
{
	const struct frame *f = app_top(a);
	int n = app_items(a), cols = f->kind == F_SCREEN ? f->screen->columns : 1;
	int nchoices = f->kind == F_SCREEN ? f->screen->nchoices : 0;
	int rows = (n + cols - 1) / cols, w, h, i;

	if (n == 0)
		return;
	w = (c->cols - 2 - (cols - 1)) / cols;
	h = (y1 - y0) / rows;
	if (h > BOX_MAX)
		h = BOX_MAX;
	if (h < BOX_MIN)
		h = BOX_MIN;
	for (i = 0; i < n; i++) {
		int y = y0 + (i / cols) * h, x = 1 + (i % cols) * (w + 1);
		char label[512];

		if (y + h > y1)
			break;
		if (i < nchoices) {
			const struct choice *ch = &f->screen->choices[i];

			app_format(a, label, sizeof label, ch->label, 0);
			draw_box(a, c, y, x, h, w, ch->key, label, i);
		} else {
			draw_box(a, c, y, x, h, w, '0', app_tr(a, N_("Quay lại")), i);
		}
	}
}

/* The footer: the hint on the left, the booth's state on the right. */
static void draw_footer(struct app *a, struct canvas *c, const char *hint)
{
	const struct booth_state *st = &a->st;
	char state[256], part[128];
	int sw, y = c->rows - 1;

	app_format(a, state, sizeof state, st->online ? N_("● Có mạng") : N_("● Chưa có mạng"), 0);
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
	canvas_hline(c, y - 1, 1, c->cols - 2, ATTR_NORMAL);
	sw = text_width(state);
	canvas_text(c, y, c->cols - sw - 1, state, st->online ? ATTR_OK : ATTR_DIM, sw);
	canvas_text(c, y, 1, app_tr(a, hint), ATTR_DIM, c->cols - sw - 4);
}

/* A screen from screens/: its text lines, then its boxes. */
static void draw_screen(struct app *a, struct canvas *c)
{
	const struct screen *s = app_top(a)->screen;
	int y = 2, i;

	for (i = 0; i < s->ntexts; i++) {
		char text[512];

		app_format(a, text, sizeof text, s->texts[i], 0);
		y += canvas_wrap(c, y, 2, c->cols - 4, c->rows - 4 - y, text, ATTR_NORMAL);
	}
	if (s->ntexts > 0)
		y++;
	draw_items(a, c, y, c->rows - 2);
}

/* A service that is not in this version yet: a polite note and "back". */
static void draw_notice(struct app *a, struct canvas *c)
{
	int y = 3;

	y += canvas_wrap(c, y, 2, c->cols - 4, 4, app_tr(a, N_("Phần này đang được chuẩn bị, sẽ có trong bản cập nhật tới.")), ATTR_NORMAL);
	y += canvas_wrap(c, y, 2, c->cols - 4, 4, app_tr(a, N_("Xin lỗi bạn. Cán bộ một cửa ở xã sẽ giúp bạn việc này.")), ATTR_NORMAL);
	draw_items(a, c, y + 1, c->rows - 2);
}

/* The helper PIN: the masked field and messages on the left, a pad of
 * digits on the right for touch screens. */
static void draw_pin(struct app *a, struct canvas *c)
{
	static const char pad[] = "123456789\b0\n";
	int i, kw = 11, kh = 3, px = c->cols - 3 * (kw + 1) - 1, py = 3;
	char dots[64] = "";

	canvas_wrap(c, 3, 2, px - 4, 3, app_tr(a, N_("Dành cho cán bộ hỗ trợ. Nhập mã PIN rồi bấm Enter.")), ATTR_NORMAL);
	canvas_box(c, 6, 2, 3, 24, ATTR_BUTTON);
	for (i = 0; i < a->pinlen; i++)
		strcat(dots, "● ");
	canvas_text(c, 7, 4, dots, ATTR_BUTTON, 20);
	canvas_wrap(c, 10, 2, px - 4, 4, a->pinmsg, ATTR_ALERT);
	for (i = 0; pad[i]; i++) {
		int y = py + (i / 3) * (kh + 1), x = px + (i % 3) * (kw + 1);
		int press = is_pressed(a, HIT_PINKEY, pad[i] == '\b' ? AK_BACKSPACE : pad[i] == '\n' ? AK_ENTER : pad[i]);
		enum attr at = press ? ATTR_FOCUS : ATTR_BUTTON;
		char label[32];

		if (pad[i] == '\b')
			snprintf(label, sizeof label, "%s", app_tr(a, N_("Xoá")));
		else if (pad[i] == '\n')
			snprintf(label, sizeof label, "OK");
		else
			snprintf(label, sizeof label, "%c", pad[i]);
		canvas_fill(c, y + 1, x + 1, kh - 2, kw - 2, at);
		canvas_box(c, y, x, kh, kw, at);
		canvas_center(c, y + 1, x + 1, kw - 2, label, at);
		add_hit(a, y, x, kh, kw, HIT_PINKEY,
			pad[i] == '\b' ? AK_BACKSPACE : pad[i] == '\n' ? AK_ENTER : pad[i]);
	}
	draw_items(a, c, c->rows - 2 - BOX_MIN, c->rows - 2);
}

/* One "label: value" line of the status screen. */
static void status_line(struct app *a, struct canvas *c, int y, const char *label, const char *value)
{
	int w = canvas_text(c, y, 2, app_tr(a, label), ATTR_DIM, 30);

	canvas_text(c, y, 4 + (w < 28 ? 28 : w), value, ATTR_NORMAL, c->cols - 34);
}

/* The booth's state for helpers. */
static void draw_status(struct app *a, struct canvas *c)
{
	const struct config *cfg = a->env.cfg;
	char buf[64];

	status_line(a, c, 3, N_("Phiên bản phần mềm"), KIOSK_VERSION);
	status_line(a, c, 4, N_("Mã trạm"), cfg->booth_id);
	status_line(a, c, 5, N_("Thư mục nội dung"), cfg->content_dir);
	status_line(a, c, 6, N_("Thư mục dữ liệu"), cfg->state_dir);
	snprintf(buf, sizeof buf, "%ld", a->st.waiting);
	status_line(a, c, 7, N_("Hồ sơ chờ gửi"), a->st.waiting < 0 ? "?" : buf);
	status_line(a, c, 8, N_("Máy chủ nhận hồ sơ"), cfg->upload_url[0] ? cfg->upload_url : app_tr(a, N_("(chưa đặt, trạm chạy không mạng)")));
	status_line(a, c, 9, N_("Máy in"), cfg->printer_type);
	draw_items(a, c, c->rows - 2 - BOX_MIN, c->rows - 2);
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
	const struct frame *f = app_top(a);
	const char *hint = N_("Bấm số để chọn, bấm 0 để quay lại");

	a->nhits = 0;
	a->dirty = 0;
	a->shown_second = a->countdown_until ? (long)now : (long)(now / 60);
	canvas_clear(c, ATTR_NORMAL);
	if (c->rows < MIN_ROWS || c->cols < MIN_COLS) {
		draw_too_small(c);
		return;
	}
	switch (f->kind) {
	case F_SCREEN:
		draw_title(a, c, f->screen->title, f->screen->clock, now);
		draw_screen(a, c);
		if (f->screen->hint)
			hint = f->screen->hint;
		break;
	case F_NOTICE:
		draw_title(a, c, f->title, 1, now);
		draw_notice(a, c);
		break;
	case F_PIN:
		draw_title(a, c, N_("Mở menu cán bộ"), 1, now);
		draw_pin(a, c);
		hint = N_("Bấm Enter để xác nhận, bấm Xoá để sửa");
		break;
	case F_STATUS:
		draw_title(a, c, N_("Tình trạng trạm"), 1, now);
		draw_status(a, c);
		break;
	}
	draw_footer(a, c, hint);
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
	rows += (items + s->columns - 1) / s->columns * BOX_MIN;
	if (rows > MIN_ROWS - 4)
		problems_add(p, s->file, 0,
			     "does not fit 80x24 in \"%s\": %d rows needed, %d available",
			     code, rows, MIN_ROWS - 4);
	canvas_free(&scratch);
}

void view_check(const struct screens *s, const struct i18n *t, const struct config *cfg,
		struct problems *p)
{
	struct app a = { 0 };
	int i, lang;

	a.env.cfg = cfg;
	a.env.screens = s;
	a.env.i18n = t;
	for (lang = 0; lang < i18n_count(t); lang++) {
		a.lang = lang;
		for (i = 0; i < s->n; i++)
			check_screen(&a, &s->v[i], p);
	}
}
