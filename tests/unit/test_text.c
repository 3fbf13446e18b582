/* Tests for text.c: UTF-8, NFC, widths, search folding, sanitising. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#include <unistr.h>
#include <uniwidth.h>

/* Checks that a call returning a new string gives the expected one. */
static void expect_str(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_nfc_composes_decomposed(void **state)
{
	/* "Việt" with the marks as combining characters (NFD). */
	const char *nfd = "Vie\xcc\x82\xcc\xa3t";

	(void)state;
	expect_str(text_nfc(nfd, strlen(nfd)), "Việt");
	assert_false(text_is_nfc(nfd));
	assert_true(text_is_nfc("Nguyễn Thị Bích Ra"));
}

static void test_nfc_quick_check_is_sound(void **state)
{
	uint32_t cp;

	(void)state;
	/* Every code point the quick check trusts is NFC by libunistring,
	 * also when a combining mark could follow... */
	for (cp = 0x20; cp < 0x2600; cp++) {
		char buf[16], *nfc;
		size_t n;

		if (!text_nfc_stable(cp) || (cp >= 0x7f && cp < 0xa0))
			continue;
		n = text_encode(cp, buf);
		buf[n] = '\0';
		nfc = text_nfc(buf, n);
		assert_non_null(nfc);
		if (strcmp(nfc, buf) != 0)
			fail_msg("U+%04X is trusted by the quick check but is not NFC", (unsigned)cp);
		free(nfc);
	}
	/* ... and marks themselves are never trusted. */
	for (cp = 0x300; cp < 0x370; cp++)
		assert_false(text_nfc_stable(cp));
	/* A trusted letter followed by a mark is still caught. */
	assert_false(text_is_nfc("e\xcc\x82"));
}

static void test_nfc_rejects_invalid(void **state)
{
	(void)state;
	assert_null(text_nfc("a\xff", 2));
	assert_null(text_nfc("\xc0\xaf", 2)); /* overlong '/' */
	assert_false(text_valid("\xed\xa0\x80", 3)); /* surrogate */
}

/* text_valid takes what u8_check takes: every pair of bytes, before each
 * kind of continuation byte, after one ASCII byte and after nine (its
 * eight-at-a-time path), cut at every length and followed by ASCII. */
static void test_valid_agrees_with_libunistring(void **state)
{
	static const unsigned char tails[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff };
	unsigned char b[32];
	unsigned a, c, t, u, pre;

	(void)state;
	memset(b, 'x', sizeof b);
	for (pre = 1; pre <= 9; pre += 8)
		for (a = 0; a < 256; a++)
			for (c = 0; c < 256; c++)
				for (t = 0; t < sizeof tails; t++)
					for (u = 0; u < sizeof tails; u++) {
						size_t n;

						b[pre] = (unsigned char)a, b[pre + 1] = (unsigned char)c;
						b[pre + 2] = tails[t], b[pre + 3] = tails[u];
						for (n = pre + 1; n <= pre + 4; n++)
							if (text_valid((char *)b, n) != (u8_check(b, n) == NULL))
								fail_msg("%02x %02x %02x %02x after %u (%zu bytes): u8_check disagrees",
									 a, c, tails[t], tails[u], pre, n);
						if (text_valid((char *)b, sizeof b) != (u8_check(b, sizeof b) == NULL))
							fail_msg("%02x %02x %02x %02x after %u: u8_check disagrees",
								 a, c, tails[t], tails[u], pre);
					}
}

/* The shortcut widths (Latin, Vietnamese, marks) are uc_width's. */
static void test_width_shortcut_agrees(void **state)
{
	uint32_t cp;

	(void)state;
	for (cp = 0xa0; cp < 0x1f00; cp++) /* past the shortcut's ranges */
		if (text_cp_width(cp) != uc_width(cp, "UTF-8"))
			fail_msg("U+%04X: %d columns, uc_width says %d", (unsigned)cp, text_cp_width(cp),
				 uc_width(cp, "UTF-8"));
}

static void test_width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width("Nguyễn"), 6);
	assert_int_equal(text_width("Đăng ký khai sinh"), 17);
	assert_int_equal(text_width("中文"), 4);
	/* Cutting never splits a letter. */
	assert_int_equal(text_fit("Đăng", 2), strlen("Đă"));
	assert_int_equal(text_fit("中文", 3), strlen("中"));
}

static void test_fold_for_search(void **state)
{
	(void)state;
	expect_str(text_fold("Đăng Ký  Khai sinh!"), "dang ky khai sinh");
	expect_str(text_fold("THỦ TỤC – hành chính"), "thu tuc hanh chinh");
	expect_str(text_fold("  ĐẮK LẮK  "), "dak lak");
	assert_null(text_fold("\xff"));
	/* The same words, keeping their marks (NFC even from decomposed text). */
	expect_str(text_words("Đăng Ký  Khai sinh!"), "đăng ký khai sinh");
	expect_str(text_words("THỦ TỤC – hành chính"), "thủ tục hành chính");
	expect_str(text_words("Ho\xcc\x80" "a gia\xcc\x89" "i"), "hòa giải");
	expect_str(text_words("\xcc\x80 a"), "a"); /* a mark with no letter */
	assert_null(text_words("\xff"));
}

static void test_sanitize_drops_controls(void **state)
{
	(void)state;
	expect_str(text_sanitize("a\x1b[2Jb\x07" "c\xc2\x9b" "d", 0), "a[2Jbcd");
	expect_str(text_sanitize("x\ty\nz", 0), "x y z");
	expect_str(text_sanitize("x\ny", 1), "x\ny");
	expect_str(text_sanitize("a\xffz", 0), "a\xef\xbf\xbdz");
}

/* text_terminal_safe on s (n bytes): what it writes, and *rest. */
static void expect_safe(const char *s, size_t n, const char *want, size_t want_rest)
{
	char out[64];
	size_t rest, o = text_terminal_safe(s, n, out, &rest);

	out[o] = '\0';
	assert_string_equal(out, want);
	assert_int_equal(rest, want_rest);
}

/* expect_safe on a string literal, its bytes counted by the compiler. */
#define SAFE(lit, want, rest) expect_safe(lit, sizeof lit - 1, want, rest)

static void test_terminal_safe(void **state)
{
	(void)state;
	/* OSC title, CSI, C1 CSI, BEL, DEL, bidi override: gone; marks kept. */
	SAFE("\x1b]0;X\x07" "Đức\x1b[31m!\x7f", "]0;XĐức[31m!", 0);
	SAFE("a\xc2\x9b" "1mb\xc2\x9d" "c\xe2\x80\xae" "d\xe2\x81\xa6" "e", "a1mbcde", 0);
	SAFE("x\ty\nz\r", "x\ty\nz", 0);
	/* A sequence cut at the end waits for its next bytes; a broken one is '?'. */
	SAFE("Vi\xe1\xbb", "Vi", 2);
	SAFE("\xe1\xbb\x87t", "ệt", 0);
	SAFE("a\xff\xc2z\x9b", "a??z?", 0);
	SAFE("\xc2", "", 1);
}

static void test_upper_unmark_decompose(void **state)
{
	uint32_t parts[4];

	(void)state;
	expect_str(text_upper("Xã Hành Đức, phường Ỷ La"), "XÃ HÀNH ĐỨC, PHƯỜNG Ỷ LA");
	expect_str(text_unmark("Đặng Thị Hường, ĐỖ VĂN BÌNH"), "Dang Thi Huong, DO VAN BINH");
	expect_str(text_unmark("Nguye\xcc\x82\xcc\x83n"), "Nguyen");
	assert_null(text_unmark("\xff"));
	assert_true(text_is_mark(0x301));
	assert_false(text_is_mark('e'));
	/* "ế" is e, circumflex, acute: base first, marks after. */
	assert_int_equal(text_decompose(0x1ebf, parts), 3);
	assert_int_equal(parts[0], 'e');
	assert_int_equal(parts[1], 0x302);
	assert_int_equal(parts[2], 0x301);
	assert_int_equal(text_decompose('a', parts), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_upper_unmark_decompose),
		cmocka_unit_test(test_nfc_composes_decomposed),
		cmocka_unit_test(test_nfc_quick_check_is_sound),
		cmocka_unit_test(test_nfc_rejects_invalid),
		cmocka_unit_test(test_width_counts_columns),
		cmocka_unit_test(test_valid_agrees_with_libunistring),
		cmocka_unit_test(test_width_shortcut_agrees),
		cmocka_unit_test(test_fold_for_search),
		cmocka_unit_test(test_sanitize_drops_controls),
		cmocka_unit_test(test_terminal_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
