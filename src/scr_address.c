/* The address picker for a form's address field: first the province or
 * city, then the commune, ward or special zone, each searched as you type
 * (marks and case ignored) and chosen by number or touch. The choice is
 * added to what the villager typed in the field (a street, a hamlet, or
 * the old address from an ID card issued before the 2025 reform). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
#include "catalog.h"
#include "i18n.h"
#include "util.h"

#define SHOWN 6
#define HIT_FIELD 1
#define HIT_RESULT 200
#define HIT_KEY 1000

struct picker {
	struct form_state *st;              /* the form below, and its field */
	int field;
	struct entry entry;                 /* the search */
	int choosing;                       /* keypad: digits choose matches now */
	const struct catalog_unit *province;/* chosen in the first step */
	const struct catalog_unit *hit[SHOWN];
	size_t n, total;
};

/* Searches again for what is typed. */
static void refresh(struct app *a, struct picker *p)
{
	struct catalog *cat = app_catalog(a);
	const char *q = entry_text(&p->entry);

	p->n = p->total = 0;
	if (cat == NULL)
		return;
	if (p->province == NULL)
		p->n = catalog_search_provinces(cat, q, p->hit, SHOWN, &p->total);
	else
		p->n = catalog_search_communes(cat, p->province->code, q, p->hit, SHOWN, &p->total);
}

/* "Chọn tỉnh, thành phố" or "Chọn xã, phường". */
static const char *picker_title(const struct app *a, const struct frame *f)
{
	const struct picker *p = f->data;

	(void)a;
	return p->province ? N_("Chọn xã, phường, đặc khu") : N_("Chọn tỉnh, thành phố");
}

/* Takes result i: a province leads to its communes; a commune ends it. */
static void take(struct app *a, struct picker *p, size_t i)
{
	struct form_state *st;
	struct entry *e;
	char *value;
	const char *typed;

	if (i >= p->n)
		return;
	if (p->province == NULL) {
		p->province = p->hit[i];
		field_clear(&p->entry.field);
		p->choosing = 0;
		refresh(a, p);
		app_touch(a);
		return;
	}
	e = &p->st->entry[p->field];
	typed = entry_text(e);
	value = *typed ? xprintf("%s, %s, %s", typed, p->hit[i]->name, p->province->name)
		       : xprintf("%s, %s", p->hit[i]->name, p->province->name);
	field_set(&e->field, value);
	free(value);
	p->st->picked[p->field] = 1;
	p->st->error[p->field] = NULL;
	st = p->st;
	app_back(a);            /* frees p */
	scr_form_advance(a, st); /* and on to the next field */
}

/* The search field, then the matches. */
static int picker_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct picker *p = f->data;
	char line[256];
	size_t i;

	(void)now;
	if (p->entry.osk_open) {
		view_entry(a, c, &p->entry, y - 1, 1, c->cols - 2, HIT_FIELD);
		view_osk(a, c, &p->entry, y + 2, c->rows - 2 - (y + 2), HIT_KEY);
		return c->rows;
	}
	if (p->province) {
		snprintf(line, sizeof line, "%s %s", p->province->name,
			 app_tr(a, N_("· gõ tên xã, phường:")));
		canvas_text(c, y, 2, line, ATTR_NORMAL, c->cols - 4);
	} else {
		canvas_text(c, y, 2, app_tr(a, N_("Gõ tên tỉnh hoặc thành phố, không cần dấu:")),
			    ATTR_NORMAL, c->cols - 4);
	}
	view_entry(a, c, &p->entry, y + 1, 1, c->cols - 2, HIT_FIELD);
	y += 4;
	y += view_keypad(a, c, &p->entry, y);
	for (i = 0; i < p->n && y + 2 <= c->rows - 2 - 3; i++, y += 2)
		view_result(a, c, y, i, p->hit[i]->name, p->hit[i]->kind, c->cols - 2,
			    HIT_RESULT + (int)i);
	if (p->n == 0 && *entry_text(&p->entry) != '\0')
		y += canvas_wrap(c, y, 2, c->cols - 4, 2,
				 app_tr(a, N_("Không tìm thấy. Xin xem lại chữ đã gõ, hoặc gõ ít chữ hơn.")),
				 ATTR_ALERT);
	return y;
}

/* Digits choose (typing is letters; on keypad booths, after #); the rest
 * searches. */
static int picker_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct picker *p = f->data;
	enum entry_result r;
	int typing_digits = p->entry.mode == ENTRY_KEYPAD && !p->choosing;

	(void)now;
	app_touch(a);
	if (!typing_digits && !p->entry.osk_open && key >= '1' && key <= '9') {
		take(a, p, key - '1');
		return 1;
	}
	if (!typing_digits && key == AK_ENTER && p->n > 0) {
		take(a, p, 0); /* Enter takes the best match */
		return 1;
	}
	if (p->choosing && key == AK_BACKSPACE) {
		p->choosing = 0; /* back to spelling */
		return 1;
	}
	r = entry_key(&p->entry, key);
	if (r == ENTRY_UNUSED && key == AK_BACKSPACE && p->province) {
		p->province = NULL; /* back to the province */
		refresh(a, p);
		return 1;
	}
	if (r == ENTRY_CHANGED)
		refresh(a, p);
	if (r == ENTRY_DONE && p->entry.mode == ENTRY_KEYPAD)
		p->choosing = 1;
	return r != ENTRY_UNUSED;
}

/* The field opens the keyboard; its keys type; a match is taken. */
static void picker_tap(struct app *a, struct frame *f, int index, time_t now)
{
	struct picker *p = f->data;

	(void)now;
	if (index == HIT_FIELD && p->entry.mode == ENTRY_TOUCH)
		p->entry.osk_open = 1;
	else if (index >= HIT_KEY) {
		if (entry_osk(&p->entry, index - HIT_KEY) == ENTRY_CHANGED)
			refresh(a, p);
	} else if (index >= HIT_RESULT)
		take(a, p, (size_t)(index - HIT_RESULT));
	app_touch(a);
}

/* What the keys do here. */
static const char *picker_hint(const struct app *a, const struct frame *f)
{
	const struct picker *p = f->data;

	(void)a;
	if (p && p->entry.mode == ENTRY_KEYPAD && !p->choosing)
		return N_("Gõ như điện thoại · bấm {ok} để chọn chữ, xem kết quả");
	return N_("Bấm số để chọn · {ok} chọn dòng đầu · {del} khi trống: quay lại");
}

/* Wipes the search. */
static void picker_done(struct frame *f)
{
	struct picker *p = f->data;

	entry_free(&p->entry);
	wipe(p, sizeof *p);
	free(p);
}

const struct frame_ops scr_address = {
	.title = picker_title,
	.draw = picker_draw,
	.key = picker_key,
	.tap = picker_tap,
	.hint = picker_hint,
	.done = picker_done,
};

void scr_address_open(struct app *a, struct form_state *st, int field)
{
	struct picker *p = xcalloc(1, sizeof *p);

	p->st = st;
	p->field = field;
	app_entry(a, &p->entry, 40, 0, VI_NONE);
	app_push(a, &scr_address, NULL, NULL, p);
}
