/* Tests for field.c: typing, deleting and moving by character, limits,
 * bad input, bursts, the visible slice. */
#include "unit.h"

#include <string.h>

#include "field.h"
#include "text.h"

/* Moves the cursor to the start, as the left arrow held down does. */
static void to_start(struct field *f)
{
	while (field_left(f))
		;
}

/* Moves the cursor to the end, as the right arrow held down does. */
static void to_end(struct field *f)
{
	while (field_right(f))
		;
}

/* Types an ASCII key sequence into f, one key at a time. */
static void type(struct field *f, const char *keys)
{
	size_t i;

	for (i = 0; keys[i] != '\0'; i++)
		field_key(f, (unsigned char)keys[i]);
}

static void test_telex_name(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	type(&f, "nguyeenx thij bichs ra");
	assert_string_equal(field_text(&f), "Nguyễn Thị Bích Ra");
	assert_int_equal(field_chars(&f), 18);
	field_clear(&f);
	type(&f, "Hoangf Vawn Thuyr");
	assert_string_equal(field_text(&f), "Hoàng Văn Thuỷ");
	field_clear(&f);
	type(&f, "giangf a kys");
	assert_string_equal(field_text(&f), "Giàng A Ký");
	field_clear(&f);
	/* The capital survives the key that strokes the d. */
	type(&f, "ddawngj vux");
	assert_string_equal(field_text(&f), "Đặng Vũ");
	field_free(&f);
	assert_null(f.text);
}

static void test_methods(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 60, 0);
	field_set_method(&f, VI_VNI, 0);
	type(&f, "Nguye64n 56");
	assert_string_equal(field_text(&f), "Nguyễn 56");
	field_clear(&f);
	field_set_method(&f, VI_TELEX, VI_OLD_STYLE);
	type(&f, "hoaf");
	assert_string_equal(field_text(&f), "hòa");
	field_clear(&f);
	field_set_method(&f, VI_NONE, 0);
	type(&f, "hoaf");
	assert_string_equal(field_text(&f), "hoaf");
	field_free(&f);
}

static void test_delete_by_character(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 60, 0);
	field_set(&f, "Nguyễn Đức");
	/* Backspace takes a whole letter with its marks, never a byte. */
	assert_int_equal(field_backspace(&f), 1);
	assert_string_equal(field_text(&f), "Nguyễn Đứ");
	to_start(&f);
	field_right(&f);
	field_right(&f);
	field_right(&f);
	field_right(&f);
	field_right(&f);
	assert_int_equal(field_backspace(&f), 1);
	assert_string_equal(field_text(&f), "Nguyn Đứ");
	to_end(&f);
	field_left(&f);
	assert_int_equal(field_backspace(&f), 1);
	assert_string_equal(field_text(&f), "Nguyn ứ");
	assert_true(text_valid(field_text(&f), strlen(field_text(&f))));
	to_start(&f);
	assert_int_equal(field_backspace(&f), 0);
	assert_int_equal(field_left(&f), 0);
	to_end(&f);
	assert_int_equal(field_right(&f), 0);
	/* Home, End and Delete (the letter after the cursor, marks and all). */
	assert_int_equal(field_home(&f), 1);
	assert_int_equal(field_home(&f), 0);
	assert_int_equal(field_delete(&f), 1);
	assert_string_equal(field_text(&f), "guyn ứ");
	assert_int_equal(field_end(&f), 1);
	assert_int_equal(field_delete(&f), 0);
	field_left(&f);
	assert_int_equal(field_delete(&f), 1);
	assert_string_equal(field_text(&f), "guyn ");
	/* A decomposed letter counts and deletes as one character. */
	field_set(&f, "");
	field_set_method(&f, VI_NONE, 0);
	field_key(&f, 'e');
	field_key(&f, 0x302);
	assert_string_equal(field_text(&f), "ê");
	assert_int_equal(field_chars(&f), 1);
	field_free(&f);
}

static void test_backspace_while_typing(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 60, 0);
	type(&f, "vieetj");
	field_backspace(&f);
	assert_string_equal(field_text(&f), "việ");
	type(&f, "t");
	assert_string_equal(field_text(&f), "việt");
	/* "ww" is w; after moving away and back, w keeps working on the word. */
	field_clear(&f);
	type(&f, "ww");
	assert_string_equal(field_text(&f), "w");
	field_clear(&f);
	type(&f, "tuong");
	field_left(&f);
	field_right(&f);
	type(&f, "w");
	assert_string_equal(field_text(&f), "tương");
	field_free(&f);
}

static void test_maximum_length(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 5, 0);
	type(&f, "vieetj");
	/* Marks and tones still apply when the field is full. */
	type(&f, "nam");
	assert_string_equal(field_text(&f), "việtn");
	assert_int_equal(field_chars(&f), 5);
	assert_int_equal(field_key(&f, 'k'), 0);
	field_clear(&f);
	/* A paste is cut at the maximum, on a character boundary. */
	assert_int_equal(field_insert(&f, "Đặng Văn", strlen("Đặng Văn")), 0);
	assert_string_equal(field_text(&f), "Đặng ");
	field_free(&f);
}

static void test_bad_input_dropped(void **state)
{
	struct field f;
	static const char burst[] = "a\x1b[2J\xff\xc3(b\x07\tc\r\nd\xc2\x9b" "e";

	(void)state;
	field_init(&f, 60, 0);
	field_set_method(&f, VI_NONE, 0);
	assert_int_equal(field_key(&f, 0x1b), 0);
	assert_int_equal(field_key(&f, '\n'), 0);
	assert_int_equal(field_key(&f, 0xd800), 0);
	assert_int_equal(field_key(&f, 0x110000), 0);
	assert_string_equal(field_text(&f), "");
	field_insert(&f, burst, sizeof burst - 1);
	assert_string_equal(field_text(&f), "a[2J(b c de");
	field_free(&f);
}

static void test_scanned_burst(void **state)
{
	struct field f;
	/* A scanner's burst goes in as it is: no Telex on it. */
	static const char scan[] = "093186002237|Nguyễn Thị Kim Thư|Ninh Kiều, Cần Thơ";
	/* The same name decomposed (NFD), as some devices send it. */
	static const char nfd[] = "Nguye\xcc\x82\xcc\x83n";

	(void)state;
	field_init(&f, 200, 0);
	assert_int_equal(field_insert(&f, scan, sizeof scan - 1), 1);
	assert_string_equal(field_text(&f), scan);
	field_clear(&f);
	assert_int_equal(f.len, 0);
	field_insert(&f, nfd, sizeof nfd - 1);
	assert_string_equal(field_text(&f), "Nguyễn");
	/* Names get capitals when pasted too. */
	field_free(&f);
	field_init(&f, 60, FIELD_CAPS);
	field_insert(&f, "đặng thị ánh", strlen("đặng thị ánh"));
	assert_string_equal(field_text(&f), "Đặng Thị Ánh");
	field_free(&f);
}

static void test_clear_wipes(void **state)
{
	struct field f;
	size_t i;

	(void)state;
	field_init(&f, 40, 0);
	type(&f, "093186002237 nguyeenx");
	field_clear(&f);
	for (i = 0; i < f.cap; i++)
		assert_int_equal(f.text[i], 0);
	field_free(&f);
}

static void test_tone_and_letter(void **state)
{
	struct field f;
	size_t start;

	(void)state;
	field_init(&f, 60, FIELD_CAPS);
	field_set_method(&f, VI_NONE, 0);
	field_letter(&f, 'h');
	field_letter(&f, 'o');
	assert_int_equal(field_tone(&f, VI_HUYEN), 1);
	assert_string_equal(field_text(&f), "Hò");
	/* The tone moves as letters come: hoà, then hoàn. */
	field_letter(&f, 'a');
	assert_string_equal(field_text(&f), "Hoà");
	field_letter(&f, 'n');
	field_letter(&f, 'g');
	assert_string_equal(field_text(&f), "Hoàng");
	field_letter(&f, ' ');
	assert_int_equal(field_tone(&f, VI_SAC), 0);
	field_letter(&f, 0x1b0); /* ư */
	assert_int_equal(field_word(&f, &start), strlen("Ư"));
	assert_int_equal(field_replace_word(&f, "vũ"), 1);
	assert_string_equal(field_text(&f), "Hoàng Vũ");
	field_free(&f);
}

static void test_view_scrolls(void **state)
{
	struct field f;
	struct field_view v;

	(void)state;
	field_init(&f, 100, 0);
	field_set(&f, "Nguyễn Thị Bích Ra");
	field_view(&f, 40, &v);
	assert_int_equal(v.start, 0);
	assert_int_equal(v.len, strlen("Nguyễn Thị Bích Ra"));
	assert_int_equal(v.cursor_col, 18);
	/* Narrow: the end is shown, cursor in the last column. */
	field_view(&f, 8, &v);
	assert_int_equal(v.cursor_col, 7);
	assert_string_equal(field_text(&f) + v.start, "Bích Ra");
	to_start(&f);
	field_view(&f, 8, &v);
	assert_int_equal(v.start, 0);
	assert_int_equal(v.cursor_col, 0);
	assert_int_equal(v.len, strlen("Nguyễn T"));
	/* Wide characters count two columns. */
	field_set(&f, "中文中文");
	field_view(&f, 5, &v);
	assert_int_equal(v.cursor_col, 4);
	field_free(&f);
}

static void test_every_letter_one_column(void **state)
{
	uint32_t cp;
	int letters = 0;

	(void)state;
	for (cp = 0x80; cp < 0x2000; cp++) {
		if (!vi_is_letter(cp))
			continue;
		letters++;
		assert_int_equal(text_cp_width(cp), 1);
	}
	/* 66 marked vowels and đ, in both cases. */
	assert_int_equal(letters, 134);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_telex_name),
		cmocka_unit_test(test_methods),
		cmocka_unit_test(test_delete_by_character),
		cmocka_unit_test(test_backspace_while_typing),
		cmocka_unit_test(test_maximum_length),
		cmocka_unit_test(test_bad_input_dropped),
		cmocka_unit_test(test_scanned_burst),
		cmocka_unit_test(test_clear_wipes),
		cmocka_unit_test(test_tone_and_letter),
		cmocka_unit_test(test_view_scrolls),
		cmocka_unit_test(test_every_letter_one_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
