/* What the booth says aloud (voice.c), with the checkout's catalogs. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "problems.h"
#include "screendef.h"
#include "voice.h"

struct fixture {
	struct i18n *t;
	struct config cfg;
	struct voice_env vi, en;
};

/* Loads locale/ of the checkout. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct problems p = { 0 };

	f->t = i18n_load(SRCDIR "/locale", &p);
	assert_int_equal(p.n, 0);
	config_defaults(&f->cfg);
	f->vi = (struct voice_env){ f->t, i18n_find(f->t, "vi"), &f->cfg };
	f->en = (struct voice_env){ f->t, i18n_find(f->t, "en"), &f->cfg };
	assert_true(f->en.lang > 0);
	*state = f;
	return 0;
}

/* Frees the fixture. */
static int teardown(void **state)
{
	struct fixture *f = *state;

	i18n_free(f->t);
	free(f);
	return 0;
}

/* Checks that got (freed) is want. */
static void expect(char *got, const char *want)
{
	assert_string_equal(got, want);
	free(got);
}

static void test_codes_digit_by_digit(void **state)
{
	struct fixture *f = *state;

	expect(voice_digits(&f->vi, "107-000042-4"),
	       "một không bảy, không không không không bốn hai, bốn");
	expect(voice_digits(&f->en, "107-000042-4"), "one zero seven, zero zero zero zero four two, four");
	expect(voice_digits(&f->vi, "-"), "");
}

static void test_dates_in_words(void **state)
{
	struct fixture *f = *state;

	expect(voice_date(&f->vi, 2026, 11, 27), "ngày 27 tháng 11 năm 2026");
	expect(voice_date(&f->en, 2026, 11, 27), "November 27, 2026");
	expect(voice_date(&f->en, 2027, 1, 4), "January 4, 2027");
}

static void test_choices(void **state)
{
	struct fixture *f = *state;

	expect(voice_choice(&f->vi, '1', "Tìm thủ tục, giấy tờ cần mang"),
	       "Bấm số một: Tìm thủ tục, giấy tờ cần mang");
	expect(voice_choice(&f->en, '0', "Quay lại"), "Press zero: Back");
	/* {language}: the next language's name, said in words. */
	expect(voice_choice(&f->vi, '8', "{language}"), "Bấm số tám: English, tiếng Anh");
	expect(voice_choice(&f->en, '8', "{language}"), "Press eight: Vietnamese");
}

static void test_spoken_forms(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(voice_tr(&f->vi, "Số CCCD"), "Số căn cước công dân");
	assert_string_equal(voice_tr(&f->en, "Số CCCD"), "ID card number");
	/* No spoken form: the written words. */
	assert_string_equal(voice_tr(&f->vi, "Xem kết quả hồ sơ"), "Xem kết quả hồ sơ");
	assert_string_equal(voice_tr(&f->en, "Xem kết quả hồ sơ"), i18n_get(f->t, f->en.lang, "Xem kết quả hồ sơ"));
	/* The screen shows the written form. */
	assert_string_equal(i18n_get(f->t, f->vi.lang, "Số CCCD"), "Số CCCD");
}

static void test_clean(void **state)
{
	struct voice_text v = { { 0 }, 0 };

	(void)state;
	expect(voice_clean("TRẠM DỊCH VỤ CÔNG · Xã Nghĩa Hành"), "TRẠM DỊCH VỤ CÔNG, Xã Nghĩa Hành");
	expect(voice_clean("Tiếp theo ▶"), "Tiếp theo");
	expect(voice_clean("◀ Quay lại"), "Quay lại");
	expect(voice_clean("● Chưa có mạng"), "Chưa có mạng");
	voice_add(&v, "▶ ◀ ·");    /* nothing to say: no segment */
	voice_add(&v, "  Xin chào  ");
	assert_int_equal(v.n, 1);
	assert_string_equal(v.seg[0], "Xin chào");
	voice_free(&v);
	assert_int_equal(v.n, 0);
}

static void test_keys(void **state)
{
	char a[VOICE_KEY], b[VOICE_KEY], c[VOICE_KEY], d[VOICE_KEY];

	(void)state;
	voice_key("Gọi cán bộ hỗ trợ", a);
	voice_key("Gọi cán bộ hỗ trợ", b);
	voice_key("Gọi cán bộ", c);
	assert_int_equal(strlen(a), 16);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strspn(a, "0123456789abcdef"), 16);
	/* The cache's name changes with the voice, the rate and the volume. */
	voice_cache_key("vi", 140, 100, "Xin chào", a);
	voice_cache_key("vi", 150, 100, "Xin chào", b);
	voice_cache_key("vi-vn-x-central", 140, 100, "Xin chào", c);
	voice_cache_key("vi", 140, 100, "Xin chào", d);
	assert_string_not_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_equal(a, d);
}

static void test_screen_prompt(void **state)
{
	struct fixture *f = *state;
	struct problems p = { 0 };
	struct screen s;
	struct voice_text v = { { 0 }, 0 };

	assert_int_equal(screendef_parse(&s, "t.screen", "t",
					 "title Xem kết quả hồ sơ\ntext Gõ mã biên nhận\n"
					 "choice 1 home Số CCCD\n", &p), 0);
	voice_screen(&f->vi, &s, 0, &v);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.seg[1], "Gõ mã biên nhận");
	voice_free(&v);
	voice_screen(&f->vi, &s, 1, &v);
	assert_int_equal(v.n, 4);
	assert_string_equal(v.seg[2], "Bấm số một: Số căn cước công dân");
	assert_string_equal(v.seg[3], "Bấm số không: Quay lại");
	voice_free(&v);
	screendef_free_one(&s);
}

static void test_check(void **state)
{
	struct fixture *f = *state;
	struct problems p = { 0 };
	struct screen sv[1];
	struct screens s = { sv, 1 };

	assert_int_equal(screendef_parse(&sv[0], "t.screen", "t", "title ▶ ◀\nchoice 1 home Quay lại\n",
					 &p), 0);
	voice_check(&s, NULL, f->t, &f->cfg, &p);
	assert_int_equal(p.n, 2); /* the title, in each language */
	assert_non_null(strstr(p.items[0], "t.screen:1: the title says nothing aloud in \"vi\""));
	problems_clear(&p);
	screendef_free_one(&sv[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_codes_digit_by_digit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dates_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_choices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spoken_forms, setup, teardown),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_keys),
		cmocka_unit_test_setup_teardown(test_screen_prompt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
