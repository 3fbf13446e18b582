/* The address picker: first the province or city, then the commune, ward
 * or special zone, each searched as you type (marks and case ignored) and
 * chosen by number or touch, also by the names they had before the 2025
 * reform ("hanh duc" finds Xã Đình Cương, "trước đây: Xã Hành Đức, Huyện
 * Nghĩa Hành"; on a predictive keypad, an old commune's name one press a
 * letter). The choice goes to the caller's function (scr.h): a form adds
 * it to what the villager typed in the field (a street, a hamlet, or the
 * old address from an ID card issued before the 2025 reform). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "i18n.h"
#include "predict.h"
#include "scr.h"
#include "util.h"

#define SHOWN 6
#define HIT_FIELD 1
#define HIT_RESULT 200
#define HIT_KEY 1000
#define T9_LATER 32         /* old names matched by a later word, kept */

struct picker {
	scr_address_fn *done;               /* told the choice */
	void *arg;
	struct entry entry;                 /* the search */
	int choosing;                       /* keypad: digits choose matches now */
	const struct catalog_unit *province;/* chosen in the first step */
	struct catalog_place hit[SHOWN];
	size_t n, total;
	size_t shown;                       /* matches on screen, for the digits */
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

/* The keys pressed on a keypad booth typing predictive words, or NULL. */
static const char *t9_keys(const struct picker *p)
{
	const struct keypad *k = p->entry.keypad;

	if (p->entry.mode != ENTRY_KEYPAD || k == NULL || k->style != KEYPAD_PREDICTIVE ||
	    k->input != KEYPAD_WORDS || k->nspell == 0)
		return NULL;
	return k->spell;
}

/* Adds a match unless its unit is shown already; counts it either way. */
static void add_hit(struct picker *p, struct catalog_place h)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->hit[i].unit == h.unit)
			return;
	if (p->n < SHOWN)
		p->hit[p->n++] = h;
	p->total++;
}

/* The units whose name has a word the keys pressed start (one press per
 * letter), those whose first word does first, into p's matches. */
static void t9_search(struct picker *p, const struct catalog_unit *units, size_t n, const char *keys)
{
	int want;
	size_t i;

	for (want = 2; want >= 1; want--)
		for (i = 0; i < n; i++) {
			size_t skip = strncmp(units[i].name, units[i].kind, strlen(units[i].kind)) == 0
					      ? strlen(units[i].kind) : 0;

			if (predict_match(keys, units[i].name, skip) == want)
				add_hit(p, (struct catalog_place){ &units[i], NULL, NULL });
		}
}

/* Bytes of the kind word in front of an old commune's name, as the
 * content writes them in full ("Thị trấn Chợ Chùa"), or 0. */
static size_t old_kind_len(const char *name)
{
	static const char *const kinds[] = { "Xã ", "Phường ", "Thị trấn " };
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(name, kinds[i], strlen(kinds[i])) == 0)
			return strlen(kinds[i]);
	return 0;
}

/* Adds the 2025 communes an old commune went into, each saying so. */
static void add_old(struct picker *p, const struct catalog_old *o)
{
	size_t j;

	for (j = 0; j < o->nnow; j++)
		add_hit(p, (struct catalog_place){ o->now[j], o, NULL });
}

/* Then the 2025 communes (of the chosen province, or of any) of the old
 * communes whose name has a word the keys pressed start, its kind word
 * left aside (4 2 6 4 finds Xã Hành Đức's), those whose first word does
 * first. One pass: the others wait in later (the first T9_LATER). */
static void t9_old(struct picker *p, struct catalog *cat, const char *keys)
{
	size_t n, i, nlater = 0;
	const struct catalog_old *old = catalog_olds(cat, &n), *later[T9_LATER];

	for (i = 0; i < n; i++) {
		int got;

		if (old[i].nnow == 0 || (p->province && old[i].now[0]->province != p->province))
			continue;
		got = predict_match(keys, old[i].name, old_kind_len(old[i].name));
		if (got == 2)
			add_old(p, &old[i]);
		else if (got == 1 && nlater < T9_LATER)
			later[nlater++] = &old[i];
	}
	for (i = 0; i < nlater; i++)
		add_old(p, later[i]);
}

/* Searches again for what is typed. */
static void refresh(struct app *a, struct picker *p)
{
	struct catalog *cat = app_catalog(a);
	const char *q = entry_text(&p->entry);
	const char *keys = t9_keys(p);
	const struct catalog_unit *units;
	size_t nunits;

	p->n = p->total = 0;
	if (cat == NULL)
		return;
	if (keys != NULL) {
		units = p->province ? catalog_communes(cat, p->province->code, &nunits)
				    : catalog_provinces(cat, &nunits);
		t9_search(p, units, nunits, keys);
		t9_old(p, cat, keys);
	} else if (p->province == NULL) {
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
	const char *commune, *province;
	scr_address_fn *done;
	void *arg;

	if (i >= p->n)
		return;
	if (p->province == NULL && p->hit[i].unit->province == NULL) {
		p->province = p->hit[i].unit;
		field_clear(&p->entry.field);
		if (p->entry.keypad)
			keypad_reset(p->entry.keypad);
		p->choosing = 0;
		refresh(a, p);
		app_touch(a);
		return;
	}
	/* The names are the catalog's: they outlive the picker. */
	commune = p->hit[i].unit->name;
	province = p->hit[i].unit->province->name;
	done = p->done;
	arg = p->arg;
	app_back(a); /* frees p */
	done(a, arg, commune, province);
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
	p->shown = i; /* a digit takes only a match on screen */
	if (p->n == 0 && (*entry_text(&p->entry) != '\0' || t9_keys(p) != NULL))
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
		if ((size_t)(key - '1') < p->shown)
			take(a, p, key - '1');
		return 1;
	}
	if (typing_digits && (key == AK_ENTER || key == '#') && t9_keys(p) != NULL) {
		p->choosing = 1; /* the keys pressed found the matches: choose */
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
	if (r == ENTRY_CHANGED || r == ENTRY_USED)
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

void scr_address_open(struct app *a, scr_address_fn *done, void *arg)
{
	scr_address_open_in(a, NULL, done, arg);
}

void scr_address_open_in(struct app *a, const struct catalog_unit *province,
			 scr_address_fn *done, void *arg)
{
	struct picker *p = xcalloc(1, sizeof *p);

	p->done = done;
	p->arg = arg;
	p->province = province;
	app_entry(a, &p->entry, 40, FIELD_PLACE, VI_NONE);
	app_push(a, &scr_address, NULL, NULL, p);
}
