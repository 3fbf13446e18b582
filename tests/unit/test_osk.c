/* Tests for osk.c: key places, touches, the tone row, suggestions, keypad
 * walking. A touch is at the centre of a key, found among the keys laid
 * out as the app finds a touched area among those drawn. */
#include "unit.h"

#include <string.h>

#include "osk.h"

/* True when key is labelled label, or is the tone key whose label ends
 * with it ("huyền" for "à huyền"). */
static int labelled(const struct osk_key *key, const char *label)
{
	size_t n = strlen(key->label), m = strlen(label);

	if (strcmp(key->label, label) == 0)
		return 1;
	return key->kind == OSK_TONE && n > m && key->label[n - m - 1] == ' ' &&
	       strcmp(key->label + n - m, label) == 0;
}

/* The key drawn over cell (x, y), or -1 (a gap or outside), found as the
 * app finds a touched area among those drawn. */
static int key_at(const struct osk *k, int x, int y)
{
	int i;

	for (i = 0; i < k->nkeys; i++) {
		const struct osk_key *key = &k->key[i];

		if (key->w > 0 && x >= key->x && x < key->x + key->w &&
		    y >= key->y && y < key->y + key->h)
			return i;
	}
	return -1;
}

/* Touches the key labelled label at its centre; fails when there is none. */
static enum osk_result touch(struct osk *k, struct field *f, const char *label)
{
	int i;

	for (i = 0; i < k->nkeys; i++) {
		const struct osk_key *key = &k->key[i];

		if (key->w > 0 && labelled(key, label)) {
			int hit = key_at(k, key->x + key->w / 2, key->y + key->h / 2);

			assert_int_equal(hit, i);
			return osk_press(k, hit, f);
		}
	}
	fail_msg("no key \"%s\" on the keyboard", label);
	return OSK_NOTHING;
}

/* Touches each space-separated label in turn. */
static void touch_all(struct osk *k, struct field *f, const char *labels)
{
	char buf[256], *save = NULL, *tok;

	strcpy(buf, labels);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, "_") == 0)
			touch(k, f, "Dấu cách");
		else
			touch(k, f, tok);
	}
}

static void test_layout_fits_80x24(void **state)
{
	struct osk k;
	struct field f;
	int i, j;

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	osk_init(&k, 0);
	/* A 24-line screen: 6 lines for the title and the field. */
	assert_int_equal(osk_layout(&k, 0, 6, 80, 18, &f), 0);
	assert_true(k.nkeys > 42); /* the suggestions are there */
	for (i = 0; i < k.nkeys; i++) {
		const struct osk_key *a = &k.key[i];

		assert_true(a->w >= OSK_KEY_MIN_W);
		assert_true(a->h >= OSK_KEY_MIN_H);
		assert_true(a->x >= 0 && a->x + a->w <= 80);
		assert_true(a->y >= 6 && a->y + a->h <= 24);
		for (j = 0; j < i; j++) {
			const struct osk_key *b = &k.key[j];

			assert_false(a->x < b->x + b->w && b->x < a->x + a->w &&
				     a->y < b->y + b->h && b->y < a->y + a->h);
		}
	}
	/* Too small for a finger: refused. */
	assert_int_equal(osk_layout(&k, 0, 0, 50, 18, &f), -1);
	assert_int_equal(osk_layout(&k, 0, 0, 80, 15, &f), -1);
	/* Bigger screens get bigger keys. */
	assert_int_equal(osk_layout(&k, 0, 0, 160, 48, &f), 0);
	assert_true(k.key[0].w >= 12 && k.key[0].h >= 7);
	assert_int_equal(key_at(&k, 500, 500), -1);
	field_free(&f);
}

/* Touches the key whose label is want; fails when there is none. */
static enum osk_result touch_key(struct osk *k, const char *want, struct field *f)
{
	int i;

	for (i = 0; i < k->nkeys; i++)
		if (strcmp(k->key[i].label, want) == 0)
			return osk_press(k, i, f);
	fail_msg("no key %s", want);
	return OSK_NOTHING;
}

static void test_digit_pad(void **state)
{
	struct osk k;
	struct field f;
	int i;

	(void)state;
	field_init(&f, 20, FIELD_DIGITS);
	osk_init(&k, 1);
	assert_int_equal(osk_layout(&k, 0, 6, 80, 18, &f), 0);
	assert_int_equal(k.nkeys, 12); /* ten digits, delete, OK: no letters */
	for (i = 0; i < k.nkeys; i++)
		assert_true(k.key[i].w >= 20 && k.key[i].h >= OSK_KEY_MIN_H);
	touch_key(&k, "0", &f);
	touch_key(&k, "0", &f);
	touch_key(&k, "1", &f);
	touch_key(&k, "9", &f);
	assert_int_equal(touch_key(&k, "Xoá", &f), OSK_CHANGED);
	touch_key(&k, "7", &f);
	assert_string_equal(field_text(&f), "0017");
	assert_int_equal(k.nkeys, 12); /* no name suggestions come */
	assert_int_equal(touch_key(&k, "Xong", &f), OSK_DONE);
	field_free(&f);
}

static void test_touch_names(void **state)
{
	struct osk k;
	struct field f;

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	osk_init(&k, 0);
	assert_int_equal(osk_layout(&k, 0, 6, 80, 18, &f), 0);
	/* Letters, then the tone: it lands on the right vowel. */
	touch_all(&k, &f, "h o a n g huyền _ v ă n _ t h u y hỏi");
	assert_string_equal(field_text(&f), "Hoàng Văn Thuỷ");
	field_clear(&f);
	/* The tone first: it moves as letters come (gì, then già, giàng). */
	touch_all(&k, &f, "g i huyền a n g _ a _ k y sắc");
	assert_string_equal(field_text(&f), "Giàng A Ký");
	field_clear(&f);
	/* Suggestions: the first is there on an empty field; "t h" shows Thị. */
	osk_layout(&k, 0, 6, 80, 18, &f);
	touch_all(&k, &f, "Nguyễn t h Thị b i c h sắc _ r a");
	assert_string_equal(field_text(&f), "Nguyễn Thị Bích Ra");
	assert_int_equal(touch(&k, &f, "Xong"), OSK_DONE);
	field_free(&f);
}

static void test_tone_row_and_delete(void **state)
{
	struct osk k;
	struct field f;

	(void)state;
	field_init(&f, 60, 0);
	osk_init(&k, 0);
	osk_layout(&k, 0, 0, 80, 18, &f);
	/* A tone with no vowel to carry it does nothing. */
	assert_int_equal(touch(&k, &f, "sắc"), OSK_REFUSED);
	touch_all(&k, &f, "đ ư ơ n g ngã");
	assert_string_equal(field_text(&f), "đưỡng");
	touch(&k, &f, "huyền");
	assert_string_equal(field_text(&f), "đường");
	touch(&k, &f, "dấu");
	assert_string_equal(field_text(&f), "đương");
	assert_int_equal(touch(&k, &f, "Xoá"), OSK_CHANGED);
	assert_string_equal(field_text(&f), "đươn");
	field_free(&f);
}

/* A field that is not a name (a search, an address) gets no surnames. */
static void test_no_names_outside_name_fields(void **state)
{
	struct osk k;
	struct field f;
	int before;

	(void)state;
	field_init(&f, 60, 0);
	osk_init(&k, 0);
	osk_layout(&k, 0, 0, 80, 18, &f);
	before = k.nkeys;
	touch_all(&k, &f, "n g");
	assert_int_equal(k.nkeys, before);
	field_free(&f);
	field_init(&f, 60, FIELD_CAPS);
	osk_layout(&k, 0, 0, 80, 18, &f);
	assert_true(k.nkeys > before);
	touch_all(&k, &f, "n g");
	assert_true(k.nkeys > before); /* Nguyễn, Ngô ... */
	field_free(&f);
}

static void test_suggestions_follow_word(void **state)
{
	struct osk k;
	struct field f;
	int i, shown = 0;

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	osk_init(&k, 0);
	osk_layout(&k, 0, 0, 80, 18, &f);
	touch_all(&k, &f, "n g");
	for (i = 0; i < k.nkeys; i++) {
		if (k.key[i].kind != OSK_SUGGEST)
			continue;
		shown++;
		assert_true(strncmp(k.key[i].label, "Ng", 2) == 0);
		assert_int_equal(k.key[i].row, 0);
	}
	assert_true(shown >= 3); /* Nguyễn, Ngô, Ngọc ... */
	/* Nothing matches: no suggestions. */
	touch_all(&k, &f, "x x");
	for (i = 0; i < k.nkeys; i++)
		assert_int_not_equal(k.key[i].kind, OSK_SUGGEST);
	field_free(&f);
}

static void test_capital_labels(void **state)
{
	struct osk k;
	struct field f;
	char buf[8];

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	osk_init(&k, 0);
	osk_layout(&k, 0, 0, 80, 18, &f);
	assert_string_equal(osk_label(&k, 1, &f, buf), "Ă");
	touch(&k, &f, "ă");
	assert_string_equal(osk_label(&k, 1, &f, buf), "ă");
	field_free(&f);
	field_init(&f, 60, 0);
	assert_string_equal(osk_label(&k, 1, &f, buf), "ă");
	field_free(&f);
}

static void test_keypad_walks(void **state)
{
	struct osk k;
	struct field f;
	int i;

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	osk_init(&k, 0);
	osk_layout(&k, 0, 0, 80, 18, &f);
	/* From the first vowel: down to b, right to c, press. */
	k.focus = 0;
	assert_string_equal(k.key[k.focus].label, "a");
	osk_keypad(&k, '8', &f);
	assert_string_equal(k.key[k.focus].label, "b");
	osk_keypad(&k, '6', &f);
	assert_int_equal(osk_keypad(&k, '5', &f), OSK_CHANGED);
	assert_string_equal(field_text(&f), "C");
	/* Up twice reaches the suggestions; left stops at the row's start. */
	osk_keypad(&k, '2', &f);
	osk_keypad(&k, '4', &f);
	osk_keypad(&k, '4', &f);
	assert_string_equal(k.key[k.focus].label, "a");
	osk_keypad(&k, '2', &f);
	assert_int_equal(k.key[k.focus].kind, OSK_SUGGEST);
	assert_string_equal(k.key[k.focus].label, "Cao");
	/* Down to the bottom row, right to the end: OK. */
	for (i = 0; i < 10; i++)
		osk_keypad(&k, '8', &f);
	for (i = 0; i < 10; i++)
		osk_keypad(&k, '6', &f);
	assert_int_equal(k.key[k.focus].kind, OSK_OK);
	assert_int_equal(osk_keypad(&k, '5', &f), OSK_DONE);
	field_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_fits_80x24),
		cmocka_unit_test(test_digit_pad),
		cmocka_unit_test(test_touch_names),
		cmocka_unit_test(test_tone_row_and_delete),
		cmocka_unit_test(test_suggestions_follow_word),
		cmocka_unit_test(test_no_names_outside_name_fields),
		cmocka_unit_test(test_capital_labels),
		cmocka_unit_test(test_keypad_walks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
