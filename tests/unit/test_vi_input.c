/* Tests for vi_input.c: Telex, VNI and VIQR composition, tone placement,
 * the key-by-key word API. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "vi_input.h"

struct compose_case {
	const char *typed;
	const char *want;
};

/* Composes each case with method and flags and compares. */
static void check_cases(const struct compose_case *c, size_t n, enum vi_method method, int flags)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *got = vi_compose(c[i].typed, method, flags);

		assert_non_null(got);
		if (strcmp(got, c[i].want) != 0)
			fail_msg("method %d: \"%s\" gave \"%s\", want \"%s\"", (int)method,
				 c[i].typed, got, c[i].want);
		assert_true(text_is_nfc(got));
		free(got);
	}
}

#define CASES(c) (c), sizeof(c) / sizeof((c)[0])

static void test_telex(void **state)
{
	static const struct compose_case c[] = {
		/* The examples. */
		{ "chuaarn", "chuẩn" }, { "mootj", "một" }, { "ddawks", "đắk" },
		{ "sawss", "săs" }, { "ww", "w" }, { "VIEETJ", "VIỆT" },
		{ "Nguyeenx Thij Bichs Ra", "Nguyễn Thị Bích Ra" },
		{ "Hoangf Vawn Thuyr", "Hoàng Văn Thuỷ" },
		{ "Giangf A Kys", "Giàng A Ký" },
		/* Tone anywhere in the word, marks after the word. */
		{ "mojot", "một" }, { "motjo", "một" }, { "chuarna", "chuẩn" },
		{ "vietej", "việt" }, { "duongw", "dương" }, { "dinhd", "đinh" },
		{ "hofa", "hoà" }, { "tuyeenr", "tuyển" }, { "nguoiwf", "người" },
		/* Horn and breve. */
		{ "uw", "ư" }, { "w", "ư" }, { "nhw", "như" }, { "giwx", "giữ" },
		{ "muaw", "mưa" }, { "cuuws", "cứu" }, { "thuowr", "thuở" },
		{ "xoawn", "xoăn" }, { "quawng", "quăng" }, { "quowf", "quờ" },
		{ "aw", "ă" }, { "aaw", "ă" }, { "awa", "â" },
		/* Undo by repeating; the key then stays a letter. */
		{ "aaa", "aa" }, { "aaaa", "aaa" }, { "xooong", "xoong" },
		{ "ddd", "dd" }, { "uww", "uw" }, { "www", "ww" }, { "asss", "ass" },
		{ "Ksorr", "Ksor" },
		/* z removes the tone; with no tone it is a letter. */
		{ "mootjz", "môt" }, { "zoo", "zô" }, { "asfz", "a" },
		/* Case is kept per letter. */
		{ "DDAWNGJ", "ĐẶNG" }, { "Ddawngj", "Đặng" }, { "vIEEtj", "vIỆt" },
		{ "W", "Ư" }, { "tRuwowngf", "tRường" },
		/* Not words: left as they are. */
		{ "56 Kv6, P.5", "56 Kv6, P.5" }, { "a-b", "a-b" }, { "", "" },
		{ "s", "s" }, { "xin", "xin" }, { "tr", "tr" },
	};

	(void)state;
	check_cases(CASES(c), VI_TELEX, 0);
}

static void test_tone_placement(void **state)
{
	static const struct compose_case modern[] = {
		{ "hoaf", "hoà" }, { "thuyr", "thuỷ" }, { "khoer", "khoẻ" },
		{ "hoafn", "hoàn" }, { "huyfnh", "huỳnh" },
		/* qu and gi onsets. */
		{ "quar", "quả" }, { "quys", "quý" }, { "giaf", "già" },
		{ "gif", "gì" }, { "gifn", "gìn" }, { "gieengs", "giếng" },
		/* The marked vowel takes it. */
		{ "muwaf", "mừa" }, { "tuaanf", "tuần" }, { "khuaays", "khuấy" },
		/* Three vowels: the middle one. */
		{ "ngoaif", "ngoài" }, { "khuyur", "khuỷu" }, { "xoays", "xoáy" },
		{ "ngoeoj", "ngoẹo" },
		/* Two vowels before a final consonant: the second. */
		{ "toans", "toán" }, { "xooongs", "xoóng" }, { "sooocs", "soóc" },
		/* Two open vowels: the first. */
		{ "muaf", "mùa" }, { "tais", "tái" }, { "nuis", "núi" }, { "kias", "kía" },
	};
	static const struct compose_case old[] = {
		{ "hoaf", "hòa" }, { "thuyr", "thủy" }, { "khoer", "khỏe" },
		{ "hoafn", "hoàn" }, { "quys", "quý" }, { "muaf", "mùa" },
	};

	(void)state;
	check_cases(CASES(modern), VI_TELEX, 0);
	check_cases(CASES(old), VI_TELEX, VI_OLD_STYLE);
}

static void test_vni(void **state)
{
	static const struct compose_case c[] = {
		{ "chua63n", "chuẩn" }, { "mo65t", "một" }, { "d9a81k", "đắk" },
		{ "VIE65T", "VIỆT" }, { "Nguye64n Thi5 Bi1ch Ra", "Nguyễn Thị Bích Ra" },
		{ "Hoa2ng Va8n Thuy3", "Hoàng Văn Thuỷ" }, { "Gia2ng A Ky1", "Giàng A Ký" },
		{ "duong79", "đương" }, { "nguoi72", "người" }, { "u7", "ư" },
		{ "a11", "a1" }, { "mo65t0", "môt" }, { "a66", "a6" },
		/* Digits with nothing to change stay digits. */
		{ "56 Kv6 0912345678", "56 Kv6 0912345678" },
	};

	(void)state;
	check_cases(CASES(c), VI_VNI, 0);
}

static void test_viqr(void **state)
{
	static const struct compose_case c[] = {
		{ "chua^?n", "chuẩn" }, { "mo^.t", "một" }, { "dda(k'", "đắk" },
		{ "Nguye^~n Thi. Bi'ch Ra", "Nguyễn Thị Bích Ra" },
		{ "Hoa`ng Va(n Thuy?", "Hoàng Văn Thuỷ" }, { "Gia`ng A Ky'", "Giàng A Ký" },
		{ "ddu+o+`ng", "đường" }, { "DDu*o*`ng", "Đường" },
		/* A backslash keeps a mark as it is. */
		{ "Nam\\.", "Nam." }, { "ai\\?", "ai?" }, { "Tp. HCM", "Tp. HCM" },
	};

	(void)state;
	check_cases(CASES(c), VI_VIQR, 0);
}

static void test_normalises_input(void **state)
{
	/* "Việt" decomposed (NFD) and precomposed both come out NFC. */
	static const struct compose_case c[] = {
		{ "Vie\xcc\x82\xcc\xa3t Nam", "Việt Nam" }, { "Việt Nam", "Việt Nam" },
		{ "Nguyễn 中文 ok", "Nguyễn 中文 ok" },
	};
	char *s;

	(void)state;
	check_cases(CASES(c), VI_TELEX, 0);
	check_cases(CASES(c), VI_NONE, 0);
	assert_null(vi_compose("a\xff", VI_TELEX, 0));
	/* Old and modern placements of a composed word follow the flag. */
	s = vi_compose("hòa", VI_TELEX, 0);
	assert_string_equal(s, "hoà");
	free(s);
}

/* Types keys one by one into w and checks the drawn word. */
static void type_keys(struct vi_word *w, const char *keys, const char *want)
{
	char out[VI_TEXT_MAX];
	size_t i;

	for (i = 0; keys[i] != '\0'; i++)
		assert_int_equal(vi_word_key(w, (unsigned char)keys[i]), 1);
	vi_word_text(w, out);
	assert_string_equal(out, want);
}

static void test_word_key_by_key(void **state)
{
	struct vi_word w;
	char out[VI_TEXT_MAX];

	(void)state;
	vi_word_init(&w, VI_TELEX, 0);
	type_keys(&w, "vi", "vi");
	type_keys(&w, "e", "vie");
	type_keys(&w, "e", "viê");
	type_keys(&w, "t", "viêt");
	type_keys(&w, "j", "việt");
	/* A space is not a word key: the caller ends the word. */
	assert_int_equal(vi_word_key(&w, ' '), 0);
	/* Backspace deletes the last letter; the tone stays on its vowel. */
	assert_int_equal(vi_word_backspace(&w), 1);
	vi_word_text(&w, out);
	assert_string_equal(out, "việ");
	/* Deleting the vowel that carries the tone deletes the tone. */
	vi_word_init(&w, VI_TELEX, 0);
	type_keys(&w, "hoaf", "hoà");
	vi_word_backspace(&w);
	vi_word_text(&w, out);
	assert_string_equal(out, "ho");
	vi_word_backspace(&w);
	vi_word_backspace(&w);
	assert_int_equal(vi_word_backspace(&w), 0);
	assert_int_equal(w.n, 0);
}

static void test_word_load_and_tone(void **state)
{
	struct vi_word w;
	char out[VI_TEXT_MAX];

	(void)state;
	vi_word_init(&w, VI_TELEX, 0);
	/* A word already in the field (decomposed here) takes more keys. */
	assert_int_equal(vi_word_load(&w, "Nguye\xcc\x82n", 8), 0);
	type_keys(&w, "x", "Nguyễn");
	assert_int_equal(vi_word_load(&w, "Hoà", strlen("Hoà")), 0);
	type_keys(&w, "n", "Hoàn");
	assert_int_equal(vi_word_load(&w, "a b", 3), -1);
	assert_int_equal(w.n, 0);
	/* The tone row of an on-screen keyboard. */
	vi_word_init(&w, VI_NONE, 0);
	assert_int_equal(vi_word_set_tone(&w, VI_NGA), 0);
	assert_int_equal(vi_word_letter(&w, 'N'), 1);
	vi_word_letter(&w, 'g');
	vi_word_letter(&w, 'u');
	vi_word_letter(&w, 'y');
	assert_int_equal(vi_word_letter(&w, 0xea), 1); /* ê */
	vi_word_letter(&w, 'n');
	assert_int_equal(vi_word_set_tone(&w, VI_NGA), 1);
	vi_word_text(&w, out);
	assert_string_equal(out, "Nguyễn");
	assert_int_equal(vi_word_tone_at(&w), 4);
	assert_int_equal(vi_word_letter(&w, '-'), 0);
	/* With no method, s is only a letter. */
	assert_int_equal(vi_word_key(&w, 's'), 1);
	vi_word_text(&w, out);
	assert_string_equal(out, "Nguyễns");
}

static void test_word_is_bounded(void **state)
{
	struct vi_word w;
	char out[VI_TEXT_MAX];
	int i, taken = 0;

	(void)state;
	vi_word_init(&w, VI_TELEX, 0);
	for (i = 0; i < 100; i++)
		taken += vi_word_key(&w, "wa"[i % 2]);
	/* Past VI_WORD_MAX letters keys are refused (the caller types them). */
	assert_int_equal(w.n, VI_WORD_MAX);
	assert_true(taken < 100);
	assert_true(vi_word_text(&w, out) < VI_TEXT_MAX);
	assert_true(text_valid(out, strlen(out)));
}

static void test_letters_and_case(void **state)
{
	(void)state;
	assert_true(vi_is_letter(0x1ec7)); /* ệ */
	assert_true(vi_is_letter(0x110));  /* Đ */
	assert_true(vi_is_letter('k'));
	assert_false(vi_is_letter(0xe7));  /* ç */
	assert_false(vi_is_letter('1'));
	assert_int_equal(vi_upper(0x1ec7), 0x1ec6); /* ệ -> Ệ */
	assert_int_equal(vi_upper(0x111), 0x110);
	assert_int_equal(vi_upper(0x1b0), 0x1af);   /* ư -> Ư */
	assert_int_equal(vi_upper('3'), '3');
}

static void test_methods_by_name(void **state)
{
	enum vi_method m;

	(void)state;
	assert_int_equal(vi_method_parse("vni", &m), 0);
	assert_int_equal(m, VI_VNI);
	assert_int_equal(vi_method_parse("viqr", &m), 0);
	assert_int_equal(m, VI_VIQR);
	assert_int_equal(vi_method_parse("vietnamese", &m), -1);
}

/* Random bytes of every kind never crash the engine, and what comes out
 * is valid NFC (a fixed seed keeps the run the same each time). */
static void test_random_input(void **state)
{
	static const char alphabet[] = "aeiouydwsfrxjz0123456789'`?~.^(+*\\ AEOWD";
	unsigned seed = 12345;
	int round, i;

	(void)state;
	for (round = 0; round < 3000; round++) {
		char in[48];
		int n = 1 + round % 40;
		char *out;

		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			in[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		in[n] = '\0';
		out = vi_compose(in, (enum vi_method)(1 + round % 3), round & 1);
		assert_non_null(out);
		assert_true(text_is_nfc(out));
		free(out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_telex),
		cmocka_unit_test(test_tone_placement),
		cmocka_unit_test(test_vni),
		cmocka_unit_test(test_viqr),
		cmocka_unit_test(test_normalises_input),
		cmocka_unit_test(test_word_key_by_key),
		cmocka_unit_test(test_word_load_and_tone),
		cmocka_unit_test(test_word_is_bounded),
		cmocka_unit_test(test_letters_and_case),
		cmocka_unit_test(test_methods_by_name),
		cmocka_unit_test(test_random_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
