/* The on-screen keyboard model: keys, their places, touches and keypad
 * walking (see osk.h). */
#include "osk.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "vi_names.h"

static const char *const letters[3][12] = {
	{ "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y" },
	{ "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", NULL },
	{ "q", "r", "s", "t", "v", "x", "f", "j", "w", "z", NULL, NULL },
};

/* The tone row shows each tone on an a, then its name. */
static const char *const tones[] = {
	"a bỏ dấu", "á sắc", "à huyền", "ả hỏi", "ã ngã", "ạ nặng",
};

/* Keys before the suggestions: letters, tones, delete, space, OK. */
#define OSK_FIXED (12 + 11 + 10 + 6 + 3)

/* Adds a key to the keyboard. */
static struct osk_key *add_key(struct osk *k, enum osk_kind kind, const char *label, int row)
{
	struct osk_key *key = &k->key[k->nkeys++];

	memset(key, 0, sizeof *key);
	key->kind = kind;
	key->label = label;
	key->row = row;
	return key;
}

/* The pad of digits: 1-9 in three rows, then delete, 0 and OK. */
static void init_digits(struct osk *k)
{
	static const char *const digit[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0" };
	int i;

	k->digits = 1;
	for (i = 0; i < 9; i++)
		add_key(k, OSK_LETTER, digit[i], 1 + i / 3)->cp = (uint32_t)digit[i][0];
	add_key(k, OSK_DELETE, "Xoá", 4);
	add_key(k, OSK_LETTER, digit[9], 4)->cp = '0';
	add_key(k, OSK_OK, "Xong", 4);
}

void osk_init(struct osk *k, int digits)
{
	int r, i;

	memset(k, 0, sizeof *k);
	if (digits) {
		init_digits(k);
		return;
	}
	for (r = 0; r < 3; r++)
		for (i = 0; i < 12 && letters[r][i] != NULL; i++) {
			struct osk_key *key = add_key(k, OSK_LETTER, letters[r][i], r + 1);

			text_decode(key->label, strlen(key->label), &key->cp);
		}
	for (i = 0; i < 6; i++)
		add_key(k, OSK_TONE, tones[i], 4)->tone = i;
	add_key(k, OSK_DELETE, "Xoá", 5);
	add_key(k, OSK_SPACE, "Dấu cách", 5);
	add_key(k, OSK_OK, "Xong", 5);
}

/* Places keys [first, first + n) side by side across the area's width in
 * row r, widths in proportion to weight (NULL: equal). Returns -1 when a
 * key would be narrower than OSK_KEY_MIN_W. */
static int place_row(struct osk *k, int first, int n, int r, const int *weight)
{
	int i, total = 0, sum = 0, room = k->w - (n - 1), rh = k->h / OSK_ROWS;

	for (i = 0; i < n; i++)
		total += weight ? weight[i] : 1;
	for (i = 0; i < n; i++) {
		struct osk_key *key = &k->key[first + i];
		int left = room * sum / total;

		sum += weight ? weight[i] : 1;
		key->x = k->x + left + i;
		key->w = room * sum / total - left;
		if (key->w < OSK_KEY_MIN_W)
			return -1;
		key->y = k->y + r * rh;
		/* A blank line between rows when there is room for one. */
		key->h = rh > OSK_KEY_MIN_H ? rh - 1 : rh;
	}
	return 0;
}

/* Fills the suggestion row with the names that start like the word before
 * the cursor, as many as fit: surnames first for the first word of the
 * field, middle and given names first after it. Only name fields
 * (FIELD_CAPS) get them: a search or an address is no person's name. */
static void suggest(struct osk *k, const struct field *f)
{
	size_t start, n = field_word(f, &start), j;
	char *word = xstrndup(field_text(f) + start, n);
	char *typed = text_fold(word);
	int x = k->x, rh = k->h / OSK_ROWS;
	int middle = vi_names_rank("Văn");
	size_t first = start > 0 && middle > 0 ? (size_t)middle : 0;

	k->nkeys = OSK_FIXED;
	for (j = 0; (f->flags & FIELD_CAPS) && j < vi_names_count && k->nkeys < OSK_MAX_KEYS &&
		    typed != NULL; j++) {
		size_t i = (first + j) % vi_names_count;
		char *fold = text_fold(vi_names[i]);
		int w = text_width(vi_names[i]) + 4;
		struct osk_key *key;

		if (w < OSK_KEY_MIN_W + 2)
			w = OSK_KEY_MIN_W + 2;
		if (fold == NULL || strncmp(fold, typed, strlen(typed)) != 0 ||
		    x + w > k->x + k->w) {
			free(fold);
			continue;
		}
		free(fold);
		key = add_key(k, OSK_SUGGEST, vi_names[i], 0);
		key->x = x;
		key->y = k->y;
		key->w = w;
		key->h = rh > OSK_KEY_MIN_H ? rh - 1 : rh;
		x += w + 1;
	}
	wipe(word, n);
	free(word);
	free(typed);
	if (k->focus >= k->nkeys)
		k->focus = k->nkeys > OSK_FIXED ? OSK_FIXED : 0;
}

int osk_layout(struct osk *k, int x, int y, int w, int h, const struct field *f)
{
	static const int actions[] = { 1, 2, 1 };

	if (h / OSK_ROWS < OSK_KEY_MIN_H || w < 12 * (OSK_KEY_MIN_W + 1) - 1)
		return -1;
	k->x = x;
	k->y = y;
	k->w = w;
	k->h = h;
	if (k->digits)
		return place_row(k, 0, 3, 1, NULL) != 0 || place_row(k, 3, 3, 2, NULL) != 0 ||
		       place_row(k, 6, 3, 3, NULL) != 0 || place_row(k, 9, 3, 4, NULL) != 0 ? -1 : 0;
	if (place_row(k, 0, 12, 1, NULL) != 0 || place_row(k, 12, 11, 2, NULL) != 0 ||
	    place_row(k, 23, 10, 3, NULL) != 0 || place_row(k, 33, 6, 4, NULL) != 0 ||
	    place_row(k, 39, 3, 5, actions) != 0)
		return -1;
	suggest(k, f);
	return 0;
}

/* Does what key i says to field f. */
static enum osk_result press(const struct osk_key *key, struct field *f)
{
	int ok = 0;

	switch (key->kind) {
	case OSK_LETTER:
		ok = field_letter(f, key->cp);
		break;
	case OSK_TONE:
		ok = field_tone(f, (enum vi_tone)key->tone);
		break;
	case OSK_DELETE:
		ok = field_backspace(f);
		break;
	case OSK_SPACE:
		ok = field_insert(f, " ", 1);
		break;
	case OSK_SUGGEST:
		ok = field_replace_word(f, key->label) && field_insert(f, " ", 1);
		break;
	case OSK_OK:
		return OSK_DONE;
	}
	return ok ? OSK_CHANGED : OSK_REFUSED;
}

enum osk_result osk_press(struct osk *k, int i, struct field *f)
{
	enum osk_result r;

	if (i < 0 || i >= k->nkeys)
		return OSK_NOTHING;
	k->focus = i;
	r = press(&k->key[i], f);
	if (k->w > 0 && !k->digits)
		suggest(k, f);
	return r;
}

/* Centre column of a key, doubled to stay in whole numbers. */
static int centre2(const struct osk_key *key)
{
	return 2 * key->x + key->w;
}

/* Moves the highlight to the next key left or right (dx) in its row, or
 * to the nearest key in the next row up or down (dy) that has keys. */
static void move_focus(struct osk *k, int dx, int dy)
{
	const struct osk_key *cur = &k->key[k->focus];
	int i, row, best = -1, dist = 0;

	if (dx != 0) {
		for (i = k->focus + dx; i >= 0 && i < k->nkeys; i += dx)
			if (k->key[i].row == cur->row && k->key[i].w > 0) {
				k->focus = i;
				return;
			}
		return;
	}
	for (row = cur->row + dy; row >= 0 && row < OSK_ROWS && best < 0; row += dy)
		for (i = 0; i < k->nkeys; i++) {
			int d = abs(centre2(&k->key[i]) - centre2(cur));

			if (k->key[i].row != row || k->key[i].w == 0)
				continue;
			if (best < 0 || d < dist) {
				best = i;
				dist = d;
			}
		}
	if (best >= 0)
		k->focus = best;
}

enum osk_result osk_keypad(struct osk *k, int ch, struct field *f)
{
	switch (ch) {
	case '2':
		move_focus(k, 0, -1);
		break;
	case '8':
		move_focus(k, 0, 1);
		break;
	case '4':
		move_focus(k, -1, 0);
		break;
	case '6':
		move_focus(k, 1, 0);
		break;
	case '5':
		return osk_press(k, k->focus, f);
	}
	return OSK_NOTHING;
}

const char *osk_label(const struct osk *k, int i, const struct field *f, char *buf)
{
	const struct osk_key *key = &k->key[i];
	size_t start;

	if (key->kind != OSK_LETTER || !(f->flags & FIELD_CAPS) || field_word(f, &start) > 0)
		return key->label;
	buf[text_encode(vi_upper(key->cp), buf)] = '\0';
	return buf;
}
