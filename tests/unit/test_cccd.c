/* Tests for cccd.c: the ID card's QR text, good scans and bad ones. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "cccd.h"
#include "text.h"

/* The example from the format's description (a 2024 card). */
static const char card[] =
	"093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|"
	"56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ|04102024||||";

/* Parses s and expects a refusal whose message contains want. */
static void refused(const char *s, size_t n, const char *want)
{
	struct cccd c;
	char *cause = NULL;

	assert_int_equal(cccd_parse(s, n, &c, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("\"%.*s\": message \"%s\", want \"%s\"", (int)n, s, cause, want);
	assert_true(text_is_nfc(cause));
	/* Nothing is left to fill a form with. */
	assert_string_equal(c.name, "");
	assert_string_equal(c.id, "");
	free(cause);
}

#define REFUSED(s, want) refused(s, strlen(s), want)

static void test_parses_card(void **state)
{
	struct cccd c;
	char *cause = NULL;

	(void)state;
	assert_int_equal(cccd_parse(card, strlen(card), &c, &cause), 0);
	assert_string_equal(c.id, "093186002237");
	assert_string_equal(c.old_id, "362499103");
	assert_string_equal(c.name, "Nguyễn Thị Kim Thư");
	assert_string_equal(c.birth.text, "11/01/1986");
	assert_int_equal(c.birth.year, 1986);
	assert_string_equal(c.sex, "Nữ");
	assert_string_equal(c.address, "56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ");
	assert_string_equal(c.issued.text, "04/10/2024");
	cccd_wipe(&c);
	assert_string_equal(c.name, "");
}

static void test_variants_accepted(void **state)
{
	/* Seven fields, no old number, an old three-level address (kept). */
	static const char seven[] = "001090012345||Hoàng  Văn Thuỷ |15031990|Nam|"
		"Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi|20052021";
	/* Born in 2003 (digit 4 is 2: a man born 2000-2099); CR LF NUL after. */
	static const char young[] = "002203004567||Giàng A Ký|02022003|Nam|"
		"Bản Sả Phìn, Đồng Văn, Hà Giang|10102021\r\n";
	/* Decomposed text (NFD) from some scanners. */
	static const char nfd[] = "001192012345||Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Bi\xcc\x81" "ch Ra|"
		"29021992|Nu\xcc\x9b\xcc\x83|Xã Tân Hưng|01022022|";
	struct cccd c;
	char *cause = NULL;

	(void)state;
	assert_int_equal(cccd_parse(seven, strlen(seven), &c, &cause), 0);
	assert_string_equal(c.name, "Hoàng Văn Thuỷ");
	assert_string_equal(c.old_id, "");
	assert_string_equal(c.address, "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi");
	assert_int_equal(cccd_parse(young, sizeof young, &c, &cause), 0);
	assert_string_equal(c.name, "Giàng A Ký");
	assert_string_equal(c.birth.text, "02/02/2003");
	assert_int_equal(cccd_parse(nfd, strlen(nfd), &c, &cause), 0);
	assert_string_equal(c.name, "Nguyễn Thị Bích Ra");
	assert_string_equal(c.sex, "Nữ");
	assert_string_equal(c.birth.text, "29/02/1992");
}

static void test_bad_scans_refused(void **state)
{
	(void)state;
	REFUSED("", "Chưa đọc được");
	REFUSED("\r\n", "Chưa đọc được");
	REFUSED("https://dichvucong.gov.vn", "không phải mã QR trên thẻ căn cước");
	/* Cut short. */
	REFUSED("093186002237|362499103|Nguyễn Thị Kim", "một phần");
	/* A keyboard wedge that turned letters with marks into '?'. */
	REFUSED("093186002237|362499103|Nguy?n Th? Kim Th?|11011986|N?|56 Tr?n|04102024",
		"đọc sai chữ có dấu");
	/* ... or dropped the marks. */
	REFUSED("093186002237|362499103|Nguyen Thi Kim Thu|11011986|Nu|56 Tran|04102024",
		"đọc sai chữ có dấu");
	/* UTF-8 read as Latin-1 (mojibake). */
	REFUSED("093186002237|362499103|Nguyá»…n Thá»‹ Kim ThÆ°|11011986|Ná»¯|56|04102024",
		"đọc sai chữ có dấu");
	/* Bytes that are not UTF-8 (a letter cut in half). */
	REFUSED("093186002237|362499103|Nguy\xe1\xbb|11011986|N\xe1\xbb\xaf|56|04102024",
		"đọc sai chữ có dấu");
	REFUSED("09318600223A|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56|04102024",
		"Số căn cước");
	REFUSED("093186002237|362499103|Nguyễn Thị Kim Thư|31021986|Nữ|56|04102024",
		"Ngày sinh");
	REFUSED("093186002237|362499103|Nguyễn Thị Kim Thư|11012999|Nữ|56|04102024",
		"Ngày sinh");
	REFUSED("093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56|04101985",
		"Ngày cấp");
	/* The ID says a woman born in 1986: a man, or 1987, does not match. */
	REFUSED("093186002237|362499103|Nguyễn Văn Thư|11011986|Nam|56|04102024",
		"không khớp");
	REFUSED("093186002237|362499103|Nguyễn Thị Kim Thư|11011987|Nữ|56|04102024",
		"không khớp");
	REFUSED("099186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56|04102024",
		"không khớp");
}

static void test_looks_like(void **state)
{
	(void)state;
	assert_true(cccd_looks_like(card, strlen(card)));
	assert_false(cccd_looks_like("Nguyễn", strlen("Nguyễn")));
	assert_false(cccd_looks_like("09318600223|", 12));
}

/* Damaged copies of a good scan (bytes changed, cut anywhere) are refused
 * with a message or read whole; never a crash (fixed seed). */
static void test_damaged_scans(void **state)
{
	unsigned seed = 7;
	int round;

	(void)state;
	for (round = 0; round < 5000; round++) {
		char s[sizeof card];
		size_t n = sizeof card - 1;
		struct cccd c;
		char *cause = NULL;
		int k;

		memcpy(s, card, sizeof card);
		for (k = 0; k < 1 + round % 4; k++) {
			seed = seed * 1103515245 + 12345;
			s[(seed >> 8) % n] = (char)(seed >> 20);
		}
		if (round % 3 == 0)
			n = (seed >> 4) % n;
		if (cccd_parse(s, n, &c, &cause) == 0) {
			assert_true(text_is_nfc(c.name));
			assert_int_equal(strlen(c.id), 12);
		} else {
			assert_non_null(cause);
			free(cause);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parses_card),
		cmocka_unit_test(test_variants_accepted),
		cmocka_unit_test(test_bad_scans_refused),
		cmocka_unit_test(test_looks_like),
		cmocka_unit_test(test_damaged_scans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
