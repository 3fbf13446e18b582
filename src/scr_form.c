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

#include "appstate.h"
#include "cccd.h"
#include "clock.h"
#include "config.h"
#include "formdef.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#define LABEL_W FORM_LABEL_COLS
#define HIT_FIELD 0          /* + field index */
#define HIT_OPTION 100       /* + field * 10 + option */
#define HIT_KEY 1000         /* + on-screen key */
#define HIT_PAD 2000         /* + digit pad key */
#define HIT_NEXT 3000
#define HIT_BACK 3001
#define HIT_FILL 3002
#define HIT_NOFILL 3003

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
	enum vi_method method = VI_TELEX;
	int i;

	vi_method_parse(a->env.cfg->typing, &method);
	st->form = form;
	for (i = 0; i < form->nfields; i++) {
		const struct form_field *fd = &form->fields[i];
		int max = fd->type == FT_NOTE ? 1000 : fd->type == FT_DATE ? 10 : 80;

		app_entry(a, &st->entry[i], max,
			  fd->type == FT_NAME ? FIELD_CAPS : digit_field(fd->type) ? FIELD_DIGITS : 0,
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

/* Moves on from the focused field: the next one, the next step, or the
 * review when the form is complete. */
static void next(struct app *a, struct form_state *st)
{
	int first, end, i, bad = -1;

	step_fields(st, &first, &end);
	if (st->form->fields[st->focus].type == FT_ADDRESS && !st->picked[st->focus] &&
	    app_catalog(a) != NULL) {
		/* What was typed is the street or hamlet; now the commune. */
		st->open = 0;
		scr_address_open(a, st, st->focus);
		return;
	}
	if (!check(st, st->focus))
		return;
	st->open = 0;
	if (st->focus + 1 < end) {
		st->focus++;
		return;
	}
	for (i = first; i < end; i++)
		if (!check(st, i) && bad < 0)
			bad = i;
	if (bad >= 0) {
		st->focus = bad;
		return;
	}
	if (st->step + 1 < st->form->nsteps) {
		st->step++;
		step_fields(st, &first, &end);
		st->focus = first;
		return;
	}
	scr_review_open(a, st);
}

void scr_form_advance(struct app *a, struct form_state *st)
{
	next(a, st);
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

/* Draws one field: label, value (or options), and its message below. */
static void draw_field(struct app *a, struct form_state *st, struct canvas *c, int y, int i)
{
	const struct form_field *fd = &st->form->fields[i];
	int focus = st->focus == i, x = 2 + LABEL_W + 1, w = c->cols - x - 2;

	canvas_text(c, y, 2, app_tr(a, fd->label), focus ? ATTR_KEY : ATTR_NORMAL, LABEL_W);
	if (option_field(fd->type)) {
		const char *const *opt;
		int n = options(fd, &opt), k;

		for (k = 0; k < n; k++) {
			char label[128];
			int ow, on = strcmp(entry_text(&st->entry[i]), opt[k]) == 0;

			snprintf(label, sizeof label, "%s%d %s ", focus ? "" : "", k + 1, app_tr(a, opt[k]));
			ow = text_width(label);
			if (x + ow > c->cols - 2)
				break;
			canvas_text(c, y, x, label, on ? ATTR_FOCUS : focus ? ATTR_BUTTON : ATTR_DIM, ow);
			view_hit(a, y, x, 1, ow, HIT_OWN, HIT_OPTION + i * 10 + k);
			x += ow + 2;
		}
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
			canvas_text(c, y, x + v.cursor_col, "▌", ATTR_KEY, 1);
		free(shown);
	}
	view_hit(a, y, 0, 1, 2 + LABEL_W, HIT_OWN, HIT_FIELD + i);
	if (st->error[i])
		canvas_text(c, y + 1, 4, app_tr(a, st->error[i]), ATTR_ALERT, c->cols - 6);
}

/* A pad of digits for number fields on touch booths, at the right. */
static void draw_pad(struct app *a, struct canvas *c, int y)
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

/* The step's fields; on touch booths the keyboard or pad of the focus. */
static int form_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct form_state *st = f->data;
	struct entry *e = &st->entry[st->focus];
	int first, end, i;

	(void)now;
	if (st->card)
		return draw_card(a, st, c, y);
	step_fields(st, &first, &end);
	if (st->open && e->mode == ENTRY_TOUCH && !digit_field(st->form->fields[st->focus].type)) {
		/* The on-screen keyboard: only the field being typed shows. */
		e->osk_open = 1;
		draw_field(a, st, c, y, st->focus);
		view_osk(a, c, e, y + 2, c->rows - 2 - (y + 2), HIT_KEY);
		return c->rows;
	}
	if (st->scan_msg)
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, app_tr(a, st->scan_msg), ATTR_ALERT);
	for (i = first; i < end; i++, y += 2)
		draw_field(a, st, c, y, i);
	y += view_keypad(a, c, e, y);
	if (st->open && digit_field(st->form->fields[st->focus].type))
		draw_pad(a, c, 2);
	/* Its own two buttons: "0" is a digit in many fields here. */
	view_button(a, c, c->rows - 2 - 3, 1, 3, 24, app_tr(a, N_("◀ Quay lại")), HIT_BACK);
	view_button(a, c, c->rows - 2 - 3, c->cols - 25, 3, 24, app_tr(a, N_("Tiếp theo ▶")), HIT_NEXT);
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
		scr_oldaddr_offer(a, st, address, st->card_address);
}

/* A burst from a scanner: an ID card offers to fill the form (after the
 * villager says yes); anything else is pasted into the field. */
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
		if (field_insert(&st->entry[st->focus].field, text, n))
			st->error[st->focus] = NULL;
		return;
	}
	forget_card(st);
	st->card = xcalloc(1, sizeof *st->card);
	if (cccd_parse(text, n, st->card, &cause) != 0) {
		forget_card(st);
		st->scan_msg = cause; /* a plain Vietnamese message */
	}
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
	if (st->card) {
		if (key == '1' || key == AK_ENTER)
			fill_from_card(a, st);
		else if (key == '2' || key == AK_BACKSPACE)
			forget_card(st);
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
		if (key == AK_ENTER)
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
	if (index == HIT_FILL || index == HIT_NOFILL) {
		form_key(a, f, index == HIT_FILL ? '1' : '2', now);
	} else if (index == HIT_NEXT) {
		form_key(a, f, AK_ENTER, now);
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
		st->open = st->entry[st->focus].mode == ENTRY_TOUCH;
	}
}

/* What the keys do here. */
static const char *form_hint(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("{ok}: tiếp theo · {del} khi trống: quay lại");
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

const struct frame_ops scr_form = {
	.title = form_title,
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
