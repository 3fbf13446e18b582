/* Drawing text entries: the field with its cursor, the on-screen keyboard
 * of a touch booth, the spelling and syllable choices of a keypad booth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

void view_entry(struct app *a, struct canvas *c, struct entry *e, int y, int x, int w, int hit)
{
	struct field_view v;
	char *shown;

	canvas_box(c, y, x, 3, w, ATTR_BUTTON);
	field_view(&e->field, w - 4, &v);
	shown = xstrndup(field_text(&e->field) + v.start, v.len);
	canvas_text(c, y + 1, x + 2, shown, ATTR_NORMAL, w - 4);
	free(shown);
	view_cursor(c, y + 1, x + 2 + v.cursor_col, field_text(&e->field) + e->field.cursor);
	if (e->mode == ENTRY_TOUCH && !e->osk_open && field_chars(&e->field) == 0)
		canvas_text(c, y + 1, x + 4, app_tr(a, N_("(chạm vào đây để gõ)")), ATTR_DIM, w - 6);
	view_hit(a, y, x, 3, w, HIT_OWN, hit);
}

void view_cursor(struct canvas *c, int y, int x, const char *at)
{
	char ch[8] = { 0 };
	uint32_t cp;
	size_t n = text_decode(at, strlen(at), &cp);

	if (n == 0 || text_cp_width(cp) < 1) {
		canvas_text(c, y, x, "▌", ATTR_KEY, 1); /* where the next letter goes */
		return;
	}
	memcpy(ch, at, n);
	canvas_text(c, y, x, ch, ATTR_FOCUS, text_cp_width(cp));
}

int view_osk(struct app *a, struct canvas *c, struct entry *e, int y, int h, int first)
{
	struct osk *k = &e->osk;
	int i, w = c->cols - 2;

	if (e->mode != ENTRY_TOUCH || !e->osk_open)
		return 0;
	if (osk_layout(k, 1, y, w, h, &e->field) != 0)
		return 0;
	for (i = 0; i < k->nkeys; i++) {
		const struct osk_key *key = &k->key[i];
		char buf[16];
		const char *label = osk_label(k, i, &e->field, buf);
		int press = view_pressed(a, HIT_OWN, first + i) || k->focus == i;
		enum attr at = press ? ATTR_FOCUS : key->kind == OSK_SUGGEST ? ATTR_DIM : ATTR_BUTTON;

		if (key->w == 0)
			continue;
		if (key->kind == OSK_DELETE)
			label = app_tr(a, N_("Xoá"));
		else if (key->kind == OSK_SPACE)
			label = app_tr(a, N_("Dấu cách"));
		else if (key->kind == OSK_OK)
			label = app_tr(a, N_("Xong"));
		canvas_fill(c, key->y + 1, key->x + 1, key->h - 2, key->w - 2, at);
		canvas_box(c, key->y, key->x, key->h, key->w, at);
		canvas_center(c, key->y + key->h / 2, key->x + 1, key->w - 2, label, at);
		view_hit(a, key->y, key->x, key->h, key->w, HIT_OWN, first + i);
	}
	return h;
}

/* The keypad's input now, and its mode key. */
static const char *keypad_mode_line(const struct keypad *k)
{
	if (k->input == KEYPAD_DIGITS)
		return N_("Đang gõ SỐ: bấm số nào ra số đó · * quay về gõ chữ");
	if (k->input == KEYPAD_LETTERS)
		return N_("Gõ từng chữ cái: bấm lại phím để đổi chữ · 1 sang chữ sau");
	if (k->style == KEYPAD_MULTITAP)
		return N_("Đang gõ CHỮ: bấm lại phím để đổi chữ · * gõ số");
	return N_("Đang gõ CHỮ: mỗi chữ cái bấm một lần · * gõ số");
}

/* What the keys do in the keypad's state now. */
static const char *keypad_keys_line(const struct keypad *k, int shown)
{
	if (k->mode == KEYPAD_CHOOSING)
		return N_("Bấm số để chọn · {ok} chọn số 1 · {del} thôi chọn");
	if (k->input == KEYPAD_DIGITS)
		return N_("{ok} xong · {del} xoá");
	if (k->input == KEYPAD_LETTERS)
		return N_("0 xong chữ này và cách · {ok} xong chữ này");
	if (k->style == KEYPAD_MULTITAP)
		return k->nspell || k->tap_key ? N_("{ok} xem chữ có dấu · 1 sang chữ sau · 0 cách")
					       : N_("0 cách · {ok} xong");
	if (shown)
		return N_("0 lấy chữ sáng và cách · {ok} lấy chữ sáng · 1 chọn chữ khác");
	return k->nspell ? N_("Không có chữ nào như vậy · {del} xoá phím vừa bấm")
			 : N_("0 cách · 1 dấu câu , . - / · {ok} xong");
}

/* The row of choices: numbered while choosing, else the proposals with
 * the one # takes lit; "* thêm" when more follow. */
static void keypad_choices(struct app *a, struct canvas *c, const struct keypad *k,
			   char *const *choice, int n, int y)
{
	int i, x = 2, numbered = k->mode == KEYPAD_CHOOSING;
	char line[96];

	for (i = 0; i < n; i++) {
		const char *word = choice[i];
		int w;

		if (numbered)
			snprintf(line, sizeof line, "%d %s", i + 1, word);
		else
			snprintf(line, sizeof line, "%s", word);
		w = text_width(line);
		canvas_text(c, y, x, line, !numbered && i == 0 ? ATTR_FOCUS : ATTR_KEY, w);
		x += w + 2;
	}
	if (numbered && keypad_more(k))
		canvas_text(c, y, x, app_tr(a, N_("* thêm")), ATTR_DIM, c->cols - 2 - x);
}

/* The letters spelled by multi-tap, the one being tapped lit. */
static void keypad_letters(struct app *a, struct canvas *c, struct keypad *k, int y)
{
	const char *spell = keypad_spelling(k);
	char line[64];
	int x;

	snprintf(line, sizeof line, "%s: %.*s", app_tr(a, N_("Đang gõ")),
		 (int)strlen(spell) - (keypad_tapped(k) ? 1 : 0), spell);
	canvas_text(c, y, 2, line, ATTR_KEY, c->cols - 4);
	x = 2 + text_width(line);
	if (keypad_tapped(k))
		canvas_text(c, y, x, (char[]){ keypad_tapped(k), '\0' }, ATTR_FOCUS, 1);
}

int view_keypad(struct app *a, struct canvas *c, struct entry *e, int y)
{
	struct keypad *k = e->keypad;
	char *const *choice;
	char line[256];
	int n;

	if (e->mode != ENTRY_KEYPAD || k == NULL || (e->field.flags & FIELD_DIGITS))
		return 0;
	if (k->owner != &e->field)
		keypad_reset(k); /* what another field left: its next key would */
	n = keypad_page(k, &choice);
	canvas_text(c, y, 2, app_tr(a, keypad_mode_line(k)), ATTR_DIM, c->cols - 4);
	if (n > 0)
		keypad_choices(a, c, k, choice, n, y + 1);
	else if (*keypad_spelling(k) != '\0' && k->style == KEYPAD_MULTITAP)
		keypad_letters(a, c, k, y + 1);
	else if (k->input == KEYPAD_LETTERS)
		keypad_letters(a, c, k, y + 1);
	app_format(a, line, sizeof line, keypad_keys_line(k, n), 0);
	canvas_text(c, y + 2, 2, line, ATTR_NORMAL, c->cols - 4);
	if (k->input != KEYPAD_DIGITS)
		canvas_text(c, y + 3, 2,
			    app_tr(a, N_("2 abc  3 def  4 ghi  5 jkl  6 mno  7 pqrs  8 tuv  9 wxyz  0 cách")),
			    ATTR_DIM, c->cols - 4);
	return 4;
}

void view_result(struct app *a, struct canvas *c, int y, size_t i, const char *name,
		 const char *sub, int w, int hit)
{
	char num[8];
	int pressed = view_pressed(a, HIT_OWN, hit);
	enum attr at = pressed ? ATTR_FOCUS : ATTR_NORMAL;

	snprintf(num, sizeof num, "%zu", i + 1);
	canvas_fill(c, y, 1, 2, w, at);
	canvas_text(c, y, 2, num, pressed ? ATTR_FOCUS : ATTR_KEY, 2);
	canvas_text_cut(c, y, 5, name, at, w - 5);
	canvas_text_cut(c, y + 1, 5, sub, pressed ? ATTR_FOCUS : ATTR_DIM, w - 5);
	view_hit(a, y, 1, 2, w, HIT_OWN, hit);
}
