/* Drawing text entries: the field with its cursor, the on-screen keyboard
 * of a touch booth, the spelling and syllable choices of a keypad booth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
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
	/* The cursor: a block after the text, where the next letter goes. */
	canvas_text(c, y + 1, x + 2 + v.cursor_col, "▌", ATTR_KEY, 1);
	if (e->mode == ENTRY_TOUCH && !e->osk_open && field_chars(&e->field) == 0)
		canvas_text(c, y + 1, x + 4, app_tr(a, N_("(chạm vào đây để gõ)")), ATTR_DIM, w - 6);
	view_hit(a, y, x, 3, w, HIT_OWN, hit);
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

int view_keypad(struct app *a, struct canvas *c, struct entry *e, int y)
{
	char *const *choice;
	int n, i, x = 2;
	char line[64];

	if (e->mode != ENTRY_KEYPAD || e->keypad == NULL)
		return 0;
	n = keypad_page(e->keypad, &choice);
	if (n == 0) {
		const char *spell = keypad_spelling(e->keypad);

		if (*spell == '\0')
			return 0;
		snprintf(line, sizeof line, "%s: %s", app_tr(a, N_("Đang gõ")), spell);
		canvas_text(c, y, 2, line, ATTR_KEY, c->cols - 4);
		return 1;
	}
	for (i = 0; i < n; i++) {
		int w;

		snprintf(line, sizeof line, "%d %s", i + 1, choice[i]);
		w = text_width(line);
		if (x + w >= c->cols - 2)
			break;
		canvas_text(c, y, x, line, ATTR_KEY, w);
		x += w + 3;
	}
	return 1;
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
