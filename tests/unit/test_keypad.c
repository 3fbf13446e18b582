/* Tests for keypad.c: multi-tap spelling and numbered syllable choices,
 * with the real syllable list from assets/. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keypad.h"

#define SYLLABLES SRCDIR "/assets/vi-syllables.txt"

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
	int at;

	spell(k, f, plain);
	assert_string_equal(keypad_spelling(k), plain);
	assert_int_equal(keypad_key(k, '#', f), KEYPAD_CHANGED);
	at = find_choice(k, want);
	if (at < 0)
		fail_msg("\"%s\" is not among the choices for \"%s\"", want, plain);
	while (k->page != at / KEYPAD_PAGE)
		keypad_key(k, '*', f);
	assert_int_equal(keypad_key(k, '1' + at % KEYPAD_PAGE, f), KEYPAD_TYPED);
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
	assert_int_equal(keypad_init(&k, SYLLABLES, &cause), 0);
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
	keypad_init(&k, SYLLABLES, &cause);
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
	keypad_init(&k, SYLLABLES, &cause);
	field_init(&f, 60, 0);
	/* 7 four times is s; the pause ends it; 7 again starts a new letter. */
	keypad_key(&k, '7', &f);
	keypad_key(&k, '7', &f);
	keypad_key(&k, '7', &f);
	keypad_key(&k, '7', &f);
	assert_string_equal(keypad_spelling(&k), "s");
	keypad_key(&k, '7', &f);
	assert_string_equal(keypad_spelling(&k), "p");
	assert_int_equal(keypad_timeout(&k), 1);
	assert_int_equal(keypad_timeout(&k), 0);
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

	(void)state;
	keypad_init(&k, SYLLABLES, &cause);
	field_init(&f, 60, 0);
	/* "do" has more than nine syllables (do đó đỗ ...): * shows the next
	 * ones, then wraps. */
	spell(&k, &f, "do");
	keypad_key(&k, '#', &f);
	assert_true(k.nchoices > 2 * KEYPAD_PAGE);
	assert_int_equal(keypad_page(&k, &page), KEYPAD_PAGE);
	snprintf(first, sizeof first, "%s", page[0]);
	keypad_key(&k, '*', &f);
	assert_true(keypad_page(&k, &page) >= 1);
	assert_string_not_equal(page[0], first);
	while (k.page != 0)
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
	assert_int_equal(keypad_init(&k, "/nonexistent/vi-syllables.txt", &cause), -1);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nguyen_choices),
		cmocka_unit_test(test_full_names),
		cmocka_unit_test(test_multitap_and_backspace),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_without_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
