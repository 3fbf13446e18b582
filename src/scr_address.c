/* The address picker for a form's address field: first the province or
 * city, then the commune, ward or special zone, each searched as you type
 * (marks and case ignored) and chosen by number or touch, also by the
 * names they had before the 2025 reform ("hanh duc" finds Xã Đình Cương,
 * "trước đây: Xã Hành Đức, Huyện Nghĩa Hành"). The choice is added to
 * what the villager typed in the field (a street, a hamlet, or the old
 * address from an ID card issued before the 2025 reform). */
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
	struct catalog_place hit[SHOWN];
	size_t n, total;
};

/* Communes of every province found by an old commune's or district's
 * name (not their own): for a villager who does not know the 2025
 * province. Writes up to room, returns how many. */
static size_t old_names(struct catalog *cat, const char *q, struct catalog_place *out, size_t room)
{
	struct catalog_place all[SHOWN];
	size_t n = catalog_search_places(cat, NULL, q, all, SHOWN, NULL), i, k = 0;

	for (i = 0; i < n && k < room; i++)
		if (all[i].was != NULL)
			out[k++] = all[i];
	return k;
}

/* Searches again for what is typed. */
static void refresh(struct app *a, struct picker *p)
{
	struct catalog *cat = app_catalog(a);
	const char *q = entry_text(&p->entry);

	p->n = p->total = 0;
	if (cat == NULL)
		return;
	if (p->province == NULL) {
		p->n = catalog_search_province_places(cat, q, p->hit, SHOWN, &p->total);
		if (p->n < SHOWN) /* an old commune's name, in any province */
			p->n += old_names(cat, q, p->hit + p->n, SHOWN - p->n);
	} else {
		p->n = catalog_search_places(cat, p->province->code, q, p->hit, SHOWN, &p->total);
	}
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
	if (p->province == NULL && p->hit[i].unit->province == NULL) {
		p->province = p->hit[i].unit;
		field_clear(&p->entry.field);
		p->choosing = 0;
		refresh(a, p);
		app_touch(a);
		return;
	}
	e = &p->st->entry[p->field];
	typed = entry_text(e);
	value = *typed ? xprintf("%s, %s, %s", typed, p->hit[i].unit->name,
				 p->hit[i].unit->province->name)
		       : xprintf("%s, %s", p->hit[i].unit->name, p->hit[i].unit->province->name);
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
	for (i = 0; i < p->n && y + 2 <= c->rows - 2 - 3; i++, y += 2) {
		const struct catalog_place *h = &p->hit[i];

		/* Found by an old name: "(trước đây: Xã Hành Đức, Huyện Nghĩa Hành)". */
		if (h->was)
			snprintf(line, sizeof line, "(%s %s, %s)", app_tr(a, N_("trước đây:")), h->was->name,
				 h->was->district);
		else if (h->was_province)
			snprintf(line, sizeof line, "(%s %s)", app_tr(a, N_("trước đây:")), h->was_province);
		else
			snprintf(line, sizeof line, "%s", h->unit->kind);
		if (p->province == NULL && h->unit->province != NULL) {
			char name[256];

			snprintf(name, sizeof name, "%s, %s", h->unit->name, h->unit->province->name);
			view_result(a, c, y, i, name, line, c->cols - 2, HIT_RESULT + (int)i);
		} else {
			view_result(a, c, y, i, h->unit->name, line, c->cols - 2, HIT_RESULT + (int)i);
		}
	}
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
	scr_address_open_in(a, st, field, NULL);
}

void scr_address_open_in(struct app *a, struct form_state *st, int field,
			 const struct catalog_unit *province)
{
	struct picker *p = xcalloc(1, sizeof *p);

	p->st = st;
	p->field = field;
	p->province = province;
	app_entry(a, &p->entry, 40, 0, VI_NONE);
	app_push(a, &scr_address, NULL, NULL, p);
}
