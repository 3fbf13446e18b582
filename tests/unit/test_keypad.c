/* Tests for keypad.c: multi-tap spelling and numbered syllable choices,
 * with the real syllable list from assets/. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keypad.h"
#include "text.h"

#define ASSETS SRCDIR "/assets"

/* Taps the letters of word (a-z) as a villager would: the key once per
 * position of the letter, 1 between two letters on the same key. */
static void spell(struct keypad *k, struct field *f, const char *word)
{
	static const char *const keys = "22233344455566677778889999";
	size_t i;

	for (i = 0; word[i] != '\0'; i++) {
		char key = keys[word[i] - 'a'];
		int n = 1;

		while (word[i] - n >= 'a' && keys[word[i] - n - 'a'] == key)
			n++;
		if (i > 0 && keys[word[i - 1] - 'a'] == key)
			keypad_key(k, '1', f);
		while (n-- > 0)
			assert_int_equal(keypad_key(k, key, f), KEYPAD_CHANGED);
	}
}

/* Index (0-based) of word among all the choices, or -1. */
static int find_choice(const struct keypad *k, const char *word)
{
	int i;

	for (i = 0; i < k->nchoices; i++)
		if (strcmp(k->choice[i], word) == 0)
			return i;
	return -1;
}

/* Spells plain, opens the choices, pages to want and presses its number,
 * then 0 for a space when space is set. */
static void enter_word(struct keypad *k, struct field *f, const char *plain,
		       const char *want, int space)
{
	char *const *page;
	int at;

	spell(k, f, plain);
	assert_string_equal(keypad_spelling(k), plain);
	assert_int_equal(keypad_key(k, '#', f), KEYPAD_CHANGED);
	at = find_choice(k, want);
	if (at < 0)
		fail_msg("\"%s\" is not among the choices for \"%s\"", want, plain);
	while (at < k->first || at >= k->first + keypad_page(k, &page))
		keypad_key(k, '*', f);
	assert_int_equal(keypad_key(k, '1' + at - k->first, f), KEYPAD_TYPED);
	if (space)
		assert_int_equal(keypad_key(k, '0', f), KEYPAD_TYPED);
}

static void test_nguyen_choices(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;
	char *const *page;
	int n;

	(void)state;
	assert_int_equal(keypad_init(&k, KEYPAD_MULTITAP, ASSETS, &cause), 0);
	assert_true(k.nsyllables > 6000);
	field_init(&f, 60, FIELD_CAPS);
	spell(&k, &f, "nguyen");
	/* Spelling, before any choice: no page (make test-asan once caught
	 * arithmetic on the empty choice list here). */
	assert_int_equal(keypad_page(&k, &page), 0);
	assert_null(page);
	keypad_key(&k, KEYPAD_ENTER, &f);
	n = keypad_page(&k, &page);
	assert_true(n >= 5);
	/* The surname first, the given name next, then the other tones. */
	assert_string_equal(page[0], "Nguyễn");
	assert_string_equal(page[1], "Nguyên");
	assert_true(find_choice(&k, "Nguyền") > 1);
	assert_true(find_choice(&k, "Nguyện") > 1);
	/* The letters as spelled come last. */
	assert_string_equal(k.choice[k.nchoices - 1], "Nguyen");
	assert_int_equal(keypad_key(&k, '1', &f), KEYPAD_TYPED);
	assert_string_equal(field_text(&f), "Nguyễn");
	assert_int_equal(k.mode, KEYPAD_SPELLING);
	field_free(&f);
	keypad_free(&k);
}

static void test_full_names(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;

	(void)state;
	keypad_init(&k, KEYPAD_MULTITAP, ASSETS, &cause);
	field_init(&f, 60, FIELD_CAPS);
	enter_word(&k, &f, "nguyen", "Nguyễn", 1);
	enter_word(&k, &f, "thi", "Thị", 1);
	enter_word(&k, &f, "bich", "Bích", 1);
	enter_word(&k, &f, "ra", "Ra", 0);
	assert_string_equal(field_text(&f), "Nguyễn Thị Bích Ra");
	assert_int_equal(keypad_key(&k, '#', &f), KEYPAD_DONE);
	field_clear(&f);
	enter_word(&k, &f, "hoang", "Hoàng", 1);
	enter_word(&k, &f, "van", "Văn", 1);
	enter_word(&k, &f, "thuy", "Thuỷ", 0);
	assert_string_equal(field_text(&f), "Hoàng Văn Thuỷ");
	field_clear(&f);
	enter_word(&k, &f, "giang", "Giàng", 1);
	enter_word(&k, &f, "a", "A", 1);
	enter_word(&k, &f, "ky", "Ký", 0);
	assert_string_equal(field_text(&f), "Giàng A Ký");
	field_free(&f);
	keypad_free(&k);
}

static void test_multitap_and_backspace(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;

	(void)state;
	keypad_init(&k, KEYPAD_MULTITAP, ASSETS, &cause);
	field_init(&f, 60, 0);
	/* 7 four times is s; the pause ends it; 7 again starts a new letter. */
	keypad_clock(&k, 5000);
	keypad_key(&k, '7', &f);
	keypad_key(&k, '7', &f);
	keypad_key(&k, '7', &f);
	keypad_key(&k, '7', &f);
	assert_string_equal(keypad_spelling(&k), "s");
	keypad_key(&k, '7', &f);
	assert_string_equal(keypad_spelling(&k), "p");
	assert_int_equal(keypad_wait_ms(&k), KEYPAD_PAUSE_MS);
	assert_int_equal(keypad_clock(&k, 5000 + KEYPAD_PAUSE_MS - 1), 0);
	assert_string_equal(keypad_spelling(&k), "p");
	assert_int_equal(keypad_clock(&k, 5000 + KEYPAD_PAUSE_MS), 1);
	assert_int_equal(keypad_clock(&k, 9000), 0);
	assert_int_equal(keypad_wait_ms(&k), -1);
	keypad_key(&k, '7', &f);
	assert_string_equal(keypad_spelling(&k), "pp");
	/* Backspace drops the letter being tapped, then spelled ones. */
	keypad_key(&k, KEYPAD_BACKSPACE, &f);
	assert_string_equal(keypad_spelling(&k), "p");
	keypad_key(&k, KEYPAD_BACKSPACE, &f);
	assert_string_equal(keypad_spelling(&k), "");
	/* With nothing spelled it deletes from the field. */
	field_set(&f, "Hà");
	assert_int_equal(keypad_key(&k, KEYPAD_BACKSPACE, &f), KEYPAD_TYPED);
	assert_string_equal(field_text(&f), "H");
	/* 0 with letters spelled takes the first choice and a space. */
	field_clear(&f);
	spell(&k, &f, "xa");
	assert_int_equal(keypad_key(&k, '0', &f), KEYPAD_TYPED);
	assert_string_equal(field_text(&f), "xa ");
	/* Not a name field: choices in lower case. */
	spell(&k, &f, "le");
	keypad_key(&k, '#', &f);
	assert_string_equal(k.choice[0], "lê");
	/* Backspace while choosing goes back to the spelling. */
	assert_int_equal(keypad_key(&k, KEYPAD_BACKSPACE, &f), KEYPAD_CHANGED);
	assert_int_equal(k.mode, KEYPAD_SPELLING);
	assert_string_equal(keypad_spelling(&k), "le");
	field_free(&f);
	keypad_free(&k);
}

static void test_pages(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;
	char *const *page;
	char first[64];
	int n, i, cols;

	(void)state;
	keypad_init(&k, KEYPAD_MULTITAP, ASSETS, &cause);
	field_init(&f, 60, 0);
	/* "do" has more than nine syllables (do đó đỗ ...): * shows the next
	 * ones, then wraps. */
	spell(&k, &f, "do");
	keypad_key(&k, '#', &f);
	assert_true(k.nchoices > 2 * KEYPAD_PAGE);
	n = keypad_page(&k, &page);
	assert_true(n >= 1 && n <= KEYPAD_PAGE);
	/* A page fits its row: "1 do  2 đó ..." */
	for (i = 0, cols = -2; i < n; i++)
		cols += 2 + 2 + text_width(page[i]);
	assert_true(cols <= KEYPAD_ROW_COLS);
	assert_true(keypad_more(&k));
	snprintf(first, sizeof first, "%s", page[0]);
	keypad_key(&k, '*', &f);
	assert_true(keypad_page(&k, &page) >= 1);
	assert_string_not_equal(page[0], first);
	while (k.first != 0)
		keypad_key(&k, '*', &f);
	keypad_page(&k, &page);
	assert_string_equal(page[0], first);
	field_free(&f);
	keypad_free(&k);
}

static void test_without_list(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;

	(void)state;
	assert_int_equal(keypad_init(&k, KEYPAD_MULTITAP, "/nonexistent", &cause), -1);
	assert_non_null(cause);
	free(cause);
	field_init(&f, 60, FIELD_CAPS);
	/* Names still come from the built-in list, then the letters. */
	spell(&k, &f, "tran");
	keypad_key(&k, '#', &f);
	assert_string_equal(k.choice[0], "Trần");
	assert_string_equal(k.choice[k.nchoices - 1], "Tran");
	/* A number with no choice behind it is refused. */
	assert_int_equal(keypad_key(&k, '9', &f), KEYPAD_REFUSED);
	keypad_key(&k, '#', &f);
	assert_string_equal(field_text(&f), "Trần");
	field_free(&f);
	keypad_free(&k);
}

/* Presses the keys of plain one a letter (predictive words). */
static void press_word(struct keypad *k, struct field *f, const char *plain)
{
	size_t i;

	for (i = 0; plain[i] != '\0'; i++)
		assert_int_equal(keypad_key(k, predict_key((unsigned char)plain[i]), f), KEYPAD_CHANGED);
}

/* Types want by its letters plain, one press each: 0 (or #, when space is
 * not set) when it is the first proposal, else 1 and its number (paging
 * with *). Returns the presses. */
static int predict_word(struct keypad *k, struct field *f, const char *plain, const char *want,
			int space)
{
	int presses = (int)strlen(plain) + 1, at;
	char *const *page;

	press_word(k, f, plain);
	at = find_choice(k, want);
	if (at < 0)
		fail_msg("\"%s\" is not proposed for \"%s\"", want, plain);
	if (at == 0) {
		assert_int_equal(keypad_key(k, space ? '0' : '#', f), KEYPAD_TYPED);
		return presses;
	}
	assert_int_equal(keypad_key(k, '1', f), KEYPAD_CHANGED);
	while (at < k->first || at >= k->first + keypad_page(k, &page)) {
		keypad_key(k, '*', f);
		presses++;
	}
	assert_int_equal(keypad_key(k, '1' + at - k->first, f), KEYPAD_TYPED);
	return presses + 1;
}

static void test_predictive_names(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;
	int n;

	(void)state;
	assert_int_equal(keypad_init(&k, KEYPAD_PREDICTIVE, ASSETS, &cause), 0);
	field_init(&f, 60, FIELD_CAPS);
	/* Each surname first where a surname goes: one press a letter, 0. */
	press_word(&k, &f, "nguyen");
	assert_string_equal(k.choice[0], "Nguyễn");
	keypad_key(&k, KEYPAD_BACKSPACE, &f);
	keypad_key(&k, KEYPAD_BACKSPACE, &f);
	keypad_key(&k, '3', &f);
	keypad_key(&k, '6', &f);
	n = 7;
	assert_int_equal(keypad_key(&k, '0', &f), KEYPAD_TYPED);
	n += predict_word(&k, &f, "thi", "Thị", 1);
	n += predict_word(&k, &f, "bich", "Bích", 1);
	n += predict_word(&k, &f, "ra", "Ra", 0);
	assert_string_equal(field_text(&f), "Nguyễn Thị Bích Ra");
	assert_int_equal(keypad_key(&k, '#', &f), KEYPAD_DONE);
	assert_true(n <= 20);
	field_clear(&f);
	keypad_reset(&k);
	/* A space typed last goes when the field is done. */
	predict_word(&k, &f, "le", "Lê", 1);
	predict_word(&k, &f, "van", "Văn", 1);
	predict_word(&k, &f, "tam", "Tám", 1);
	assert_string_equal(field_text(&f), "Lê Văn Tám ");
	assert_int_equal(keypad_key(&k, '#', &f), KEYPAD_DONE);
	assert_string_equal(field_text(&f), "Lê Văn Tám");
	field_free(&f);
	keypad_free(&k);
}

static void test_predictive_digits_marks_letters(void **state)
{
	struct keypad k;
	struct field f;
	char *cause = NULL;
	char *const *page;
	int i, n;

	(void)state;
	keypad_init(&k, KEYPAD_PREDICTIVE, ASSETS, &cause);
	field_init(&f, 60, FIELD_PLACE);
	/* A place: capitals, places first. * takes the first and switches to
	 * digits; 1 with nothing pressed offers punctuation. */
	press_word(&k, &f, "xa");
	assert_string_equal(k.choice[0], "Xã");
	assert_int_equal(keypad_key(&k, '*', &f), KEYPAD_TYPED);
	assert_int_equal(k.input, KEYPAD_DIGITS);
	assert_int_equal(keypad_key(&k, '0', &f), KEYPAD_TYPED);
	assert_int_equal(keypad_key(&k, '1', &f), KEYPAD_TYPED);
	assert_int_equal(keypad_key(&k, '*', &f), KEYPAD_CHANGED);
	assert_int_equal(k.input, KEYPAD_WORDS);
	assert_string_equal(field_text(&f), "Xã01");
	assert_int_equal(keypad_key(&k, '1', &f), KEYPAD_CHANGED);
	n = keypad_page(&k, &page);
	for (i = 0; i < n && strcmp(page[i], ",") != 0; i++)
		;
	assert_true(i < n);
	assert_int_equal(keypad_key(&k, '1' + i, &f), KEYPAD_TYPED);
	assert_string_equal(field_text(&f), "Xã01, ");
	/* The last proposal spells letter by letter: "Smith", multi-tap. */
	field_clear(&f);
	press_word(&k, &f, "smith");
	assert_string_equal(k.choice[k.letters_at], "abc");
	keypad_key(&k, '1', &f);
	while (!keypad_is_letters(&k, keypad_page(&k, &page) - 1))
		keypad_key(&k, '*', &f);
	assert_int_equal(keypad_key(&k, '0' + keypad_page(&k, &page), &f), KEYPAD_CHANGED);
	assert_int_equal(k.input, KEYPAD_LETTERS);
	spell(&k, &f, "smith");
	assert_int_equal(keypad_key(&k, '#', &f), KEYPAD_TYPED);
	assert_string_equal(field_text(&f), "Smith");
	assert_int_equal(k.input, KEYPAD_WORDS);
	/* Keys that spell nothing: only "abc"; # takes nothing. */
	field_clear(&f);
	press_word(&k, &f, "qqqq");
	assert_int_equal(k.nchoices, 1);
	field_free(&f);
	keypad_free(&k);
}

static void test_predict_ranking(void **state)
{
	struct predict p;
	char *cause = NULL, keys[24];
	const char *out[20];
	size_t n;

	(void)state;
	assert_int_equal(predict_load(&p, ASSETS "/vi-syllables.txt", ASSETS "/vi-freq.txt", &cause), 0);
	assert_int_equal(predict_keys("Nguyễn", keys, sizeof keys), 6);
	assert_string_equal(keys, "648936");
	assert_int_equal(predict_keys("Đỗ", keys, sizeof keys), 2);
	assert_string_equal(keys, "36");
	/* The same keys, ranked by what the field holds and where. */
	n = predict_find(&p, "53", PREDICT_NAME, 0, out, 20);
	assert_true(n > 3);
	assert_string_equal(out[0], "lê");
	n = predict_find(&p, "844", PREDICT_NAME, 1, out, 20);
	assert_string_equal(out[0], "thị");
	n = predict_find(&p, "92", PREDICT_PLACE, 0, out, 20);
	assert_string_equal(out[0], "xã");
	/* Longer syllables that start with the keys come after. */
	n = predict_find(&p, "64893", PREDICT_NAME, 0, out, 20);
	assert_true(n > 0);
	assert_string_equal(out[0], "nguyễn");
	assert_int_equal(predict_find(&p, "", PREDICT_TEXT, 0, out, 20), 0);
	/* Units by one press a letter of a word, the kind skipped. */
	assert_int_equal(predict_match("782", "Tỉnh Quảng Ngãi", strlen("Tỉnh")), 2);
	assert_int_equal(predict_match("642", "Tỉnh Quảng Ngãi", strlen("Tỉnh")), 1);
	assert_int_equal(predict_match("846", "Tỉnh Quảng Ngãi", strlen("Tỉnh")), 0);
	predict_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nguyen_choices),
		cmocka_unit_test(test_full_names),
		cmocka_unit_test(test_multitap_and_backspace),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_without_list),
		cmocka_unit_test(test_predictive_names),
		cmocka_unit_test(test_predictive_digits_marks_letters),
		cmocka_unit_test(test_predict_ranking),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
