/* A request form (SCREENS.md "A form, one group of fields per screen"):
 * the fields of one step, each with its label, what was typed and, when
 * it is wrong, a plain message under it. Enter checks a field and goes to
 * the next; after the last step comes the review (scr_review.c). On touch
 * booths a field opens the on-screen keyboard, or a pad of digits for
 * numbers; options are touched. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cccd.h"
#include "clock.h"
#include "config.h"
#include "formdef.h"
#include "i18n.h"
#include "scr.h"
#include "scr_form.h"
#include "text.h"
#include "util.h"
#include "voice.h"

#define LABEL_W FORM_LABEL_COLS
#define VALUE_X (2 + LABEL_W + 1)   /* where values and options start */
#define OPTION_GAP 3             /* columns between two options */
#define HIT_FIELD 0          /* + field index */
#define HIT_OPTION 100       /* + field * 10 + option */
#define HIT_KEY 1000         /* + on-screen key */
#define HIT_PAD 2000         /* + digit pad key */
#define HIT_NEXT 3000
#define HIT_BACK 3001
#define HIT_FILL 3002
#define HIT_NOFILL 3003
#define HIT_HOME 3004
#define HIT_DROP 3005        /* "yes, drop it and go home" */
#define HIT_STAY 3006
#define HIT_CALL 3007        /* "Gọi cán bộ": call a helper */

static const char pad[] = "123456789\b0\n";

/* True for fields typed with digits only. */
static int digit_field(enum field_type t)
{
	return t == FT_PHONE || t == FT_CCCD || t == FT_NUMBER || t == FT_DATE;
}

/* True for fields chosen among options. */
static int option_field(enum field_type t)
{
	return t == FT_CHOICE || t == FT_YESNO;
}

/* The options of a field (yes/no has its own two). */
static int options(const struct form_field *fd, const char *const **out)
{
	static const char *const yesno[] = { N_("Có"), N_("Không") };

	if (fd->type == FT_YESNO) {
		*out = yesno;
		return 2;
	}
	*out = (const char *const *)fd->options;
	return fd->noptions;
}

/* Today as YYYY-MM-DD in out, for the date checks; NULL when the booth's
 * clock is not set (no date is then "in the future"). */
static const char *today(char *out, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!clock_known((long long)now))
		return NULL;
	localtime_r(&now, &tm);
	strftime(out, size, "%Y-%m-%d", &tm);
	return out;
}

/* Makes the form's state: one entry per field, focus on the first. */
static struct form_state *form_state_new(struct app *a, const struct form *form)
{
	struct form_state *st = xcalloc(1, sizeof *st);
	enum vi_method method = app_env(a)->cfg->typing;
	int i;

	st->form = form;
	for (i = 0; i < form->nfields; i++) {
		const struct form_field *fd = &form->fields[i];
		int max = fd->type == FT_NOTE ? 1000 : fd->type == FT_DATE ? 10 : 80;

		app_entry(a, &st->entry[i], max,
			  fd->type == FT_NAME ? FIELD_CAPS : digit_field(fd->type) ? FIELD_DIGITS
				: fd->type == FT_ADDRESS ? FIELD_PLACE : 0,
			  fd->type == FT_NAME || fd->type == FT_TEXT || fd->type == FT_NOTE ||
				  fd->type == FT_ADDRESS ? method : VI_NONE);
	}
	return st;
}

/* The first and one-past-last field of the current step. */
static void step_fields(const struct form_state *st, int *first, int *end)
{
	int i;

	*first = -1;
	*end = 0;
	for (i = 0; i < st->form->nfields; i++)
		if (st->form->fields[i].step == st->step) {
			if (*first < 0)
				*first = i;
			*end = i + 1;
		}
	if (*first < 0)
		*first = 0;
}

/* "Đăng ký khai sinh · Bước 2/3: Người đi khai", in this language. */
static const char *form_title(const struct app *a, const struct frame *f)
{
	struct form_state *st = f->data;
	char step[64];

	app_format(a, step, sizeof step, N_("Bước {n}"), st->step + 1);
	snprintf(st->title, sizeof st->title, "%s · %s/%d: %s", app_tr(a, st->form->title), step,
		 st->form->nsteps, app_tr(a, st->form->steps[st->step]));
	return st->title;
}

/* Puts 8 typed digits of a date into dd/mm/yyyy. */
static void tidy_date(struct entry *e)
{
	const char *v = entry_text(e);
	char buf[16];

	if (strlen(v) == 8 && strspn(v, "0123456789") == 8) {
		snprintf(buf, sizeof buf, "%.2s/%.2s/%.4s", v, v + 2, v + 4);
		field_set(&e->field, buf);
	}
}

/* Checks field i; returns 1 when it is right. */
static int check(struct form_state *st, int i)
{
	char day[16];

	if (st->form->fields[i].type == FT_DATE)
		tidy_date(&st->entry[i]);
	st->error[i] = formdef_check(&st->form->fields[i], entry_text(&st->entry[i]),
				     today(day, sizeof day));
	return st->error[i] == NULL;
}

static void next(struct app *a, struct form_state *st);

/* The address picker's choice for the focused field: added to what was
 * typed there (a street, a hamlet), then on to the next field. */
static void address_picked(struct app *a, void *arg, const char *commune, const char *province)
{
	struct form_state *st = arg;
	struct entry *e = &st->entry[st->focus];
	const char *typed = entry_text(e);
	char *value = *typed ? xprintf("%s, %s, %s", typed, commune, province)
			     : xprintf("%s, %s", commune, province);

	field_set(&e->field, value);
	free(value);
	st->picked[st->focus] = 1;
	st->error[st->focus] = NULL;
	next(a, st);
}

/* The answer to the proposal for a scanned card's old address (the field
 * the form's "scan" line gives the address): the 2025 address is written
 * in; or the picker opens on the 2025 province, the village part kept,
 * and its choice moves the form on from that field. */
static void old_address_answered(struct app *a, void *arg, const char *value, const char *kept,
				 const struct catalog_unit *province)
{
	struct form_state *st = arg;
	int field = st->form->scan[4];

	field_set(&st->entry[field].field, value ? value : kept);
	st->picked[field] = value != NULL;
	st->error[field] = NULL;
	if (value != NULL)
		return;
	st->step = st->form->fields[field].step;
	st->focus = field;
	st->open = 0;
	scr_address_open_in(a, province, address_picked, st);
}

/* On touch booths, opens the focused field's keyboard or pad (options
 * are touched where they are); elsewhere closes it. */
static void open_focus(struct form_state *st)
{
	st->open = st->entry[st->focus].mode == ENTRY_TOUCH &&
		   !option_field(st->form->fields[st->focus].type);
}

/* Moves on to the next step, or the review when the form is complete,
 * when every field of this step is right; else to the first wrong one (or
 * the first address whose commune is not picked yet: its picker). */
static void next_step(struct app *a, struct form_state *st)
{
	int first, end, i, bad = -1;

	step_fields(st, &first, &end);
	for (i = first; i < end; i++)
		if (st->form->fields[i].type == FT_ADDRESS && !st->picked[i] &&
		    (st->form->fields[i].required || *entry_text(&st->entry[i])) &&
		    app_catalog(a) != NULL) {
			st->focus = i;
			st->open = 0;
			scr_address_open(a, address_picked, st);
			return;
		}
	for (i = first; i < end; i++)
		if (!check(st, i) && bad < 0)
			bad = i;
	if (bad >= 0) {
		st->focus = bad;
		open_focus(st);
		return;
	}
	if (st->step + 1 < st->form->nsteps) {
		st->step++;
		step_fields(st, &first, &end);
		st->focus = first;
		open_focus(st);
		return;
	}
	st->open = 0;
	scr_review_open(a, st);
}

/* Moves on from the focused field: the next one, the next step, or the
 * review when the form is complete. */
static void next(struct app *a, struct form_state *st)
{
	int first, end;

	step_fields(st, &first, &end);
	if (st->form->fields[st->focus].type == FT_ADDRESS && !st->picked[st->focus] &&
	    app_catalog(a) != NULL) {
		/* What was typed is the street or hamlet; now the commune. */
		st->open = 0;
		scr_address_open(a, address_picked, st);
		return;
	}
	if (!check(st, st->focus))
		return;
	if (st->focus + 1 < end) {
		st->focus++;
		open_focus(st);
		return;
	}
	next_step(a, st);
}

/* Goes to the previous field, step, or screen. */
static void previous(struct app *a, struct form_state *st)
{
	int first, end;

	step_fields(st, &first, &end);
	st->open = 0;
	if (st->focus > first) {
		st->focus--;
	} else if (st->step > 0) {
		st->step--;
		step_fields(st, &first, &end);
		st->focus = end - 1;
	} else {
		app_back(a);
	}
}

/* "2 Nữ": option k of a field in this language, in out; returns its width. */
static int option_label(const struct app *a, const char *const *opt, int k, char *out, size_t size)
{
	snprintf(out, size, "%d %s", k + 1, app_tr(a, opt[k]));
	return text_width(out);
}

/* Lays out the options of field fd in rows w columns wide, wrapping onto
 * further rows as words do: option k goes to row[k], column col[k] (from
 * 0). Returns the rows used, or 0 when an option is wider than w. */
static int lay_options(const struct app *a, const struct form_field *fd, int w, int *row, int *col)
{
	const char *const *opt;
	int n = options(fd, &opt), k, x = 0, y = 0, fits = 1;

	for (k = 0; k < n; k++) {
		char label[128];
		int ow = option_label(a, opt, k, label, sizeof label);

		if (x > 0 && x + ow > w)
			y++, x = 0;
		fits = fits && ow <= w;
		row[k] = y;
		col[k] = x;
		x += ow + OPTION_GAP;
	}
	return fits ? y + 1 : 0;
}

int scr_form_field_rows(const struct app *a, const struct form_field *fd, int cols)
{
	int row[FORM_MAX_OPTIONS], col[FORM_MAX_OPTIONS];

	if (!option_field(fd->type))
		return 2;
	return lay_options(a, fd, FORM_OPTION_COLS(cols), row, col) + 1;
}

/* Draws the options of field i from row y, every one of them, wrapped. */
static void draw_options(struct app *a, struct form_state *st, struct canvas *c, int y, int i)
{
	const struct form_field *fd = &st->form->fields[i];
	const char *const *opt;
	int n = options(fd, &opt), k, row[FORM_MAX_OPTIONS], col[FORM_MAX_OPTIONS];
	int focus = st->focus == i, w = FORM_OPTION_COLS(c->cols);

	lay_options(a, fd, w, row, col);
	for (k = 0; k < n; k++) {
		char label[128];
		int ow = option_label(a, opt, k, label, sizeof label), x = VALUE_X + col[k];
		int on = strcmp(entry_text(&st->entry[i]), opt[k]) == 0;

		canvas_text(c, y + row[k], x, label, on ? ATTR_FOCUS : focus ? ATTR_BUTTON : ATTR_DIM,
			    c->cols - 2 - x);
		view_hit(a, y + row[k], x, 1, ow, HIT_OWN, HIT_OPTION + i * 10 + k);
	}
}

/* Draws one field in w columns: label, value (or options), and its
 * message below. Returns the rows it took. */
static int draw_field(struct app *a, struct form_state *st, struct canvas *c, int y, int i, int w)
{
	const struct form_field *fd = &st->form->fields[i];
	int focus = st->focus == i, x = VALUE_X, rows = 2;

	canvas_text(c, y, 2, app_tr(a, fd->label), focus ? ATTR_KEY : ATTR_NORMAL, LABEL_W);
	if (option_field(fd->type)) {
		draw_options(a, st, c, y, i);
		rows = scr_form_field_rows(a, fd, c->cols);
		rows = rows < 2 ? 2 : rows;
	} else {
		struct field_view v;
		char *shown;

		/* The field with the cursor scrolls to it; the others show their start. */
		field_view(&st->entry[i].field, w - 2, &v);
		if (!focus)
			v.start = 0, v.len = strlen(entry_text(&st->entry[i]));
		shown = xstrndup(entry_text(&st->entry[i]) + v.start, v.len);
		canvas_text(c, y, x - 1, "[", ATTR_DIM, 1);
		canvas_text(c, y, x, shown, focus ? ATTR_BUTTON : ATTR_NORMAL, w - 2);
		canvas_text(c, y, x + w - 1, "]", ATTR_DIM, 1);
		if (focus)
			view_cursor(c, y, x + v.cursor_col, entry_text(&st->entry[i]) + st->entry[i].field.cursor);
		free(shown);
	}
	view_hit(a, y, 0, 1, 2 + LABEL_W, HIT_OWN, HIT_FIELD + i);
	if (st->error[i])
		canvas_text(c, y + rows - 1, 4, app_tr(a, st->error[i]), ATTR_ALERT, c->cols - 6);
	return rows;
}

/* A pad of digits for number fields on touch booths, at the right from
 * row y. Returns the column where it starts. */
static int draw_pad(struct app *a, struct canvas *c, int y)
{
	int i, kw = 9, kh = 3, px = c->cols - 3 * (kw + 1) - 1;

	for (i = 0; pad[i]; i++) {
		char label[32];

		if (pad[i] == '\b')
			snprintf(label, sizeof label, "%s", app_tr(a, N_("Xoá")));
		else if (pad[i] == '\n')
			snprintf(label, sizeof label, "%s", app_tr(a, N_("Tiếp")));
		else
			snprintf(label, sizeof label, "%c", pad[i]);
		view_button(a, c, y + (i / 3) * kh, px + (i % 3) * (kw + 1), kh, kw, label, HIT_PAD + i);
	}
	return px;
}

/* The card's details and the question whether to fill them in. */
static int draw_card(struct app *a, struct form_state *st, struct canvas *c, int y)
{
	const struct cccd *k = st->card;
	const char *label[] = { N_("Số CCCD"), N_("Họ và tên"), N_("Ngày sinh"), N_("Giới tính"),
				N_("Địa chỉ trên thẻ") };
	const char *value[] = { k->id, k->name, k->birth.text, k->sex, k->address };
	int i;

	canvas_text(c, y++, 2, app_tr(a, N_("Đã đọc thẻ CCCD. Điền những thông tin này vào đơn?")),
		    ATTR_KEY, c->cols - 4);
	y++;
	for (i = 0; i < 5; i++) {
		canvas_text(c, y, 4, app_tr(a, label[i]), ATTR_DIM, 20);
		y += canvas_wrap(c, y, 26, c->cols - 28, 2, value[i], ATTR_NORMAL);
	}
	view_button(a, c, c->rows - 2 - 3, 1, 3, 36, app_tr(a, N_("1  Điền vào đơn")), HIT_FILL);
	view_button(a, c, c->rows - 2 - 3, c->cols - 37, 3, 36, app_tr(a, N_("2  Không điền")), HIT_NOFILL);
	return c->rows;
}

/* True when something was typed or chosen in any field of the form. */
static int anything_typed(const struct form_state *st)
{
	int i;

	for (i = 0; i < st->form->nfields; i++)
		if (*entry_text(&st->entry[i]) != '\0')
			return 1;
	return 0;
}

/* "Về trang chủ": at once when nothing was typed, else after asking. */
static void ask_home(struct app *a, struct form_state *st)
{
	if (anything_typed(st))
		st->asking_home = 1;
	else
		app_home(a);
}

/* The question before dropping what was typed, with its answers: drop
 * it, stay, or call a helper (the form stays as it is, under the call). */
static int draw_ask_home(struct app *a, struct canvas *c, int y)
{
	y += 2;
	y += canvas_wrap(c, y, 2, c->cols - 4, 2, app_tr(a, N_("Bỏ hồ sơ đang nhập?")), ATTR_KEY);
	canvas_wrap(c, y + 1, 2, c->cols - 4, 3,
		    app_tr(a, N_("Những gì bạn đã điền sẽ bị xoá, trạm về trang chủ.")), ATTR_NORMAL);
	int w = (c->cols - 4) / 3, by = c->rows - 2 - 3;

	view_button(a, c, by, 1, 3, w, app_tr(a, N_("1  Bỏ, về trang chủ")), HIT_DROP);
	view_button(a, c, by, 2 + w, 3, w, app_tr(a, N_("2  Ở lại điền tiếp")), HIT_STAY);
	view_button(a, c, by, c->cols - w - 1, 3, w, app_tr(a, N_("3  Gọi cán bộ hỗ trợ")), HIT_CALL);
	return c->rows;
}

/* "Về trang chủ" in one row at the right of row y, while a keyboard
 * fills the screen below the field. */
static void draw_home_link(struct app *a, struct canvas *c, int y)
{
	char label[128];
	int w;

	snprintf(label, sizeof label, "[ %s ]", app_tr(a, N_("Về trang chủ")));
	w = text_width(label);
	canvas_text(c, y, c->cols - w - 2, label, view_pressed(a, HIT_OWN, HIT_HOME) ? ATTR_FOCUS : ATTR_BUTTON, w);
	view_hit(a, y, c->cols - w - 2, 1, w, HIT_OWN, HIT_HOME);
}

/* The buttons under every step: back, home, call a helper, next ("0" is
 * a digit here). */
static void draw_buttons(struct app *a, struct canvas *c)
{
	int y = c->rows - 2 - 3, side = 15, mid = (c->cols - 5 - 2 * side) / 2;

	view_button(a, c, y, 1, 3, side, app_tr(a, N_("◀ Quay lại")), HIT_BACK);
	view_button(a, c, y, 2 + side, 3, mid, app_tr(a, N_("Về trang chủ")), HIT_HOME);
	view_button(a, c, y, 3 + side + mid, 3, mid, app_tr(a, N_("Gọi cán bộ")), HIT_CALL);
	view_button(a, c, y, 4 + side + 2 * mid, 3, c->cols - 5 - side - 2 * mid, app_tr(a, N_("Tiếp theo ▶")),
		    HIT_NEXT);
}

/* The step's fields; on touch booths the keyboard or pad of the focus. */
static int form_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct form_state *st = f->data;
	struct entry *e = &st->entry[st->focus];
	int first, end, i;

	(void)now;
	if (st->card)
		return draw_card(a, st, c, y);
	if (st->asking_home)
		return draw_ask_home(a, c, y);
	step_fields(st, &first, &end);
	if (st->open && e->mode == ENTRY_TOUCH && !digit_field(st->form->fields[st->focus].type)) {
		/* The on-screen keyboard: only the field being typed shows. */
		e->osk_open = 1;
		draw_field(a, st, c, y, st->focus, FORM_OPTION_COLS(c->cols));
		draw_home_link(a, c, y + 1);
		view_osk(a, c, e, y + 2, c->rows - 2 - (y + 2), HIT_KEY);
		return c->rows;
	}
	if (st->open && digit_field(st->form->fields[st->focus].type)) {
		/* The pad at the right; the field being typed beside it. */
		int px = draw_pad(a, c, y);

		draw_field(a, st, c, y, st->focus, px - VALUE_X - 1);
		draw_buttons(a, c);
		return c->rows;
	}
	if (st->scan_msg)
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, app_tr(a, st->scan_msg), ATTR_ALERT);
	for (i = first; i < end; i++)
		y += draw_field(a, st, c, y, i, FORM_OPTION_COLS(c->cols));
	y += view_keypad(a, c, e, y);
	draw_buttons(a, c);
	return c->rows; /* no numbered boxes */
}

/* Forgets a scanned card, leaving nothing of it in memory. */
static void forget_card(struct form_state *st)
{
	if (st->card) {
		cccd_wipe(st->card);
		free(st->card);
		st->card = NULL;
	}
}

/* Puts the card's details into the fields the form's "scan" line names;
 * an address from before the 2025 reform is kept for the request and the
 * 2025 commune it became is offered. */
static void fill_from_card(struct app *a, struct form_state *st)
{
	const struct cccd *k = st->card;
	const char *value[] = { k->id, k->name, k->birth.text, k->sex, k->address };
	int i, address = st->form->scan[4];

	for (i = 0; i < 5; i++) {
		int fi = st->form->scan[i];

		if (fi < 0)
			continue;
		field_set(&st->entry[fi].field, value[i]);
		st->error[fi] = NULL;
		st->picked[fi] = 0;
	}
	if (address >= 0) {
		free(st->card_address);
		st->card_address = xstrdup(k->address);
	}
	forget_card(st);
	if (address >= 0)
		scr_oldaddr_offer(a, st->card_address, old_address_answered, st);
}

/* A burst from a scanner: an ID card offers to fill the form (after the
 * villager says yes); anything else changes nothing and is told plainly. */
static void form_scan(struct app *a, struct frame *f, const char *text, time_t now)
{
	struct form_state *st = f->data;
	size_t n = strlen(text);
	char *cause = NULL;

	(void)a;
	(void)now;
	free(st->scan_msg);
	st->scan_msg = NULL;
	if (!cccd_looks_like(text, n)) {
		st->scan_msg = xstrdup(N_("Mã vừa quét không phải thẻ căn cước. Không có gì thay đổi."));
		return;
	}
	forget_card(st);
	st->card = xcalloc(1, sizeof *st->card);
	if (cccd_parse(text, n, st->card, &cause) != 0) {
		forget_card(st);
		st->scan_msg = cause; /* a plain Vietnamese message */
	}
}

/* Keys while a question shows over the form (a scanned card to fill in,
 * "Bỏ hồ sơ đang nhập?"); returns 1 when one was showing. The form may be
 * gone after it (home). */
static int question_key(struct app *a, struct form_state *st, uint32_t key)
{
	if (st->card) {
		if (key == '1' || key == AK_ENTER)
			fill_from_card(a, st);
		else if (key == '2' || key == AK_BACKSPACE)
			forget_card(st);
		return 1;
	}
	if (!st->asking_home)
		return 0;
	if (key == '1') {
		app_home(a);
	} else if (key == '2' || key == AK_BACKSPACE || key == AK_ENTER) {
		st->asking_home = 0;
	} else if (key == '3') {
		st->asking_home = 0;
		scr_call_open(a);
	}
	return 1;
}

/* True when '*' means "Về trang chủ" in this field: everywhere but in a
 * keypad's text field (where * switches letters and digits, or shows more
 * syllables) and in text typed in VIQR (where it is ư). */
static int star_is_home(const struct app *a, const struct form_field *fd, struct entry *e)
{
	if (e->mode == ENTRY_KEYPAD && e->keypad)
		return digit_field(fd->type) || option_field(fd->type);
	return app_env(a)->cfg->typing != VI_VIQR || digit_field(fd->type) ||
	       option_field(fd->type);
}

/* Keys: typing into the focused field, Enter next, Up/Down between
 * fields, digits pick options, Backspace on an empty field goes back. */
static int form_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct form_state *st = f->data;
	const struct form_field *fd = &st->form->fields[st->focus];
	struct entry *e = &st->entry[st->focus];
	int first, end;

	(void)now;
	step_fields(st, &first, &end);
	app_touch(a);
	if (question_key(a, st, key))
		return 1;
	if (key == '*' && star_is_home(a, fd, e)) {
		ask_home(a, st);
		return 1;
	}
	if (key == AK_UP || key == AK_DOWN) {
		if (key == AK_UP && st->focus > first)
			st->focus--;
		else if (key == AK_DOWN && st->focus + 1 < end)
			st->focus++;
		st->open = 0;
		return 1;
	}
	if (option_field(fd->type)) {
		const char *const *opt;
		int n = options(fd, &opt);

		if (key >= '1' && key < (uint32_t)('1' + n)) {
			field_set(&e->field, opt[key - '1']);
			st->error[st->focus] = NULL;
			return 1;
		}
		/* A keypad's # leaves the choice as it does a text field. */
		if (key == AK_ENTER || (e->mode == ENTRY_KEYPAD && key == '#'))
			next(a, st);
		else if (key == AK_BACKSPACE)
			previous(a, st);
		return 1;
	}
	if (digit_field(fd->type) && key < 0x110000 && key >= 0x20 &&
	    !(key >= '0' && key <= '9') && !(fd->type == FT_DATE && key == '/') &&
	    !(e->mode == ENTRY_KEYPAD && key == '#'))
		return 1; /* only digits here (a keypad's # finishes) */
	switch (entry_key(e, key)) {
	case ENTRY_DONE:
		next(a, st);
		break;
	case ENTRY_UNUSED:
		if (key == AK_BACKSPACE)
			previous(a, st);
		else if (key == AK_ENTER)
			next(a, st);
		break;
	case ENTRY_CHANGED:
		st->error[st->focus] = NULL;
		st->picked[st->focus] = 0;
		break;
	case ENTRY_USED:
		break;
	}
	return 1;
}

/* Touches: a field's label focuses it (and opens its keyboard), an option
 * picks it, the keys type, "Tiếp theo" moves on. */
static void form_tap(struct app *a, struct frame *f, int index, time_t now)
{
	struct form_state *st = f->data;

	app_touch(a);
	if (index == HIT_FILL || index == HIT_NOFILL || index == HIT_DROP || index == HIT_STAY) {
		question_key(a, st, index == HIT_FILL || index == HIT_DROP ? '1' : '2');
	} else if (index == HIT_HOME) {
		ask_home(a, st);
	} else if (index == HIT_CALL) {
		if (st->asking_home)
			question_key(a, st, '3');
		else
			scr_call_open(a);
	} else if (index == HIT_NEXT) {
		next_step(a, st);
	} else if (index == HIT_BACK) {
		previous(a, st);
	} else if (index >= HIT_PAD) {
		char k = pad[index - HIT_PAD];

		form_key(a, f, k == '\b' ? AK_BACKSPACE : k == '\n' ? AK_ENTER : (uint32_t)k, now);
	} else if (index >= HIT_KEY) {
		if (entry_osk(&st->entry[st->focus], index - HIT_KEY) == ENTRY_DONE) {
			st->open = 0;
			next(a, st);
		}
	} else if (index >= HIT_OPTION) {
		st->focus = (index - HIT_OPTION) / 10;
		form_key(a, f, (uint32_t)('1' + (index - HIT_OPTION) % 10), now);
	} else {
		st->focus = index - HIT_FIELD;
		open_focus(st);
	}
}

/* What the keys do here. */
static const char *form_hint(const struct app *a, const struct frame *f)
{
	const struct form_state *st = f->data;

	if (st->asking_home)
		return st->entry[st->focus].mode == ENTRY_TOUCH ? N_("Chạm vào một trong hai ô")
								 : N_("Bấm 1 để bỏ và về trang chủ, bấm 2 để điền tiếp");
	switch (st->entry[st->focus].mode) {
	case ENTRY_TOUCH:
		return N_("Chạm vào ô để điền · Chạm Tiếp theo để sang bước sau");
	case ENTRY_KEYPAD:
		if (!digit_field(st->form->fields[st->focus].type) &&
		    !option_field(st->form->fields[st->focus].type))
			return N_("{ok}: tiếp theo · {del} khi trống: quay lại"); /* * is letters/digits */
		/* fall through */
	default:
		(void)a;
		return N_("{ok}: tiếp theo · {del} khi trống: quay lại · *: về trang chủ");
	}
}

/* Wipes everything typed. */
static void form_done(struct frame *f)
{
	struct form_state *st = f->data;
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < st->form->nfields; i++)
		entry_free(&st->entry[i]);
	forget_card(st);
	free(st->scan_msg);
	if (st->card_address)
		wipe(st->card_address, strlen(st->card_address));
	free(st->card_address);
	wipe(st, sizeof *st);
	free(st);
}

/* The form's name, the step and its fields' labels, said. */
static void form_say(struct app *a, struct frame *f, struct voice_text *v)
{
	struct form_state *st = f->data;
	struct voice_env e;
	char step[64];
	int first, end, i;

	app_voice_env(a, &e);
	voice_add_msg(v, &e, st->form->title);
	app_format(a, step, sizeof step, N_("Bước {n}"), st->step + 1);
	voice_add(v, step);
	voice_add_msg(v, &e, st->form->steps[st->step]);
	step_fields(st, &first, &end);
	for (i = first; i < end; i++)
		voice_add_msg(v, &e, st->form->fields[i].label);
}

const struct frame_ops scr_form = {
	.title = form_title,
	.say = form_say,
	.draw = form_draw,
	.key = form_key,
	.tap = form_tap,
	.hint = form_hint,
	.done = form_done,
	.scan = form_scan,
};

void scr_form_open(struct app *a, const struct form *form)
{
	app_push(a, &scr_form, NULL, NULL, form_state_new(a, form));
}
