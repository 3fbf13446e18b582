/* Tests for qr.c: sizes the screen needs, the half-block picture read
 * back into modules, and errors. (zbarimg reads real codes in tests/cli.) */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "qr.h"
#include "text.h"

/* Reads the half-block picture back into a module grid (1 = ink) and
 * checks it against the code: dark modules for dark ink, light for light. */
static void check_picture(const struct qr *q, enum qr_ink ink)
{
	char **lines = qr_text(q, ink);
	int rows = qr_text_rows(q), cols = qr_text_cols(q), r, c;

	for (r = 0; r < rows; r++) {
		const char *p = lines[r];

		for (c = 0; c < cols; c++) {
			uint32_t cp = 0;
			size_t len = text_decode(p, strlen(p), &cp);
			int top, bottom, x = c - QR_QUIET, y = 2 * r - QR_QUIET;

			assert_true(len > 0);
			p += len;
			top = cp == 0x2580 || cp == 0x2588;     /* ▀ █ */
			bottom = cp == 0x2584 || cp == 0x2588;  /* ▄ █ */
			if (!top && !bottom && cp != ' ')
				fail_msg("row %d col %d: unexpected U+%04X", r, c, (unsigned)cp);
			assert_int_equal(top, qr_dark(q, x, y) == (ink == QR_INK_DARK));
			assert_int_equal(bottom, qr_dark(q, x, y + 1) == (ink == QR_INK_DARK));
		}
		assert_string_equal(p, "");
	}
	free(lines);
}

static void test_receipt_code_fits_beside_text(void **state)
{
	struct qr q;
	char *cause = NULL;

	(void)state;
	assert_int_equal(qr_encode(&q, "HD7-K4Q2-9", &cause), 0);
	/* Version 1 (21 modules) even with the ECI header: 15 rows, 29 columns
	 * with the quiet zone, beside text on an 80x24 screen. */
	assert_int_equal(q.version, 1);
	assert_int_equal(q.size, 21);
	assert_int_equal(qr_text_rows(&q), 15);
	assert_int_equal(qr_text_cols(&q), 29);
	check_picture(&q, QR_INK_DARK);
	check_picture(&q, QR_INK_LIGHT);
	qr_free(&q);
}

static void test_quiet_zone(void **state)
{
	struct qr q;
	char *cause = NULL, **dark, **light;

	(void)state;
	assert_int_equal(qr_encode(&q, "Nguyễn Thị Kim Thư", &cause), 0);
	dark = qr_text(&q, QR_INK_DARK);
	light = qr_text(&q, QR_INK_LIGHT);
	/* Two text rows are the 4 light module rows above the code. */
	assert_int_equal(strspn(dark[0], " "), (size_t)qr_text_cols(&q));
	assert_int_equal(strspn(dark[1], " "), (size_t)qr_text_cols(&q));
	assert_int_equal(strlen(light[0]), 3 * (size_t)qr_text_cols(&q));
	assert_null(strstr(light[0], " "));
	/* Four columns of light on the left of every row. */
	assert_memory_equal(dark[5], "    ", 4);
	assert_memory_equal(light[5], "████", 12);
	check_picture(&q, QR_INK_DARK);
	free(dark);
	free(light);
	qr_free(&q);
}

static void test_url_size(void **state)
{
	struct qr q;
	char *cause = NULL;

	(void)state;
	assert_int_equal(qr_encode(&q, "https://dichvucong.hanhduc.gov.vn/tra-cuu?ma=HD7-K4Q2-9", &cause), 0);
	assert_true(q.version <= 4);
	assert_true(qr_text_rows(&q) <= 21);
	check_picture(&q, QR_INK_LIGHT);
	qr_free(&q);
}

static void test_errors(void **state)
{
	struct qr q;
	char *cause = NULL, *big;

	(void)state;
	assert_int_equal(qr_encode(&q, "Vi\xe1t", &cause), -1);
	assert_non_null(strstr(cause, "UTF-8"));
	free(cause);
	cause = NULL;
	/* Version 40-M holds 2331 bytes: more cannot be a code. */
	big = malloc(4001);
	memset(big, 'A', 4000);
	big[4000] = '\0';
	assert_int_equal(qr_encode(&q, big, &cause), -1);
	assert_non_null(strstr(cause, "too long"));
	assert_null(q.dark);
	free(cause);
	free(big);
}

/* A VietQR payload (all ASCII, long runs of digits) in the compact modes
 * fits an 80x24 screen beside its text at level L, and is smaller than the
 * same text as bytes behind an ECI header; text that is not ASCII is
 * refused. */
static void test_ascii_compact(void **state)
{
	static const char payload[] = "00020101021238570010A00000072701270006970436011300110041234560208"
				      "QRIBFTTA5303704540470005802VN62160812107-000042-463048823";
	struct qr q, l, m;
	char *cause = NULL;

	(void)state;
	assert_int_equal(qr_encode(&q, payload, &cause), 0);
	assert_int_equal(qr_encode_ascii(&l, payload, QR_LEVEL_L, &cause), 0);
	assert_int_equal(qr_encode_ascii(&m, payload, QR_LEVEL_M, &cause), 0);
	assert_true(l.size <= m.size);
	assert_true(m.size < q.size);
	/* Rows 1..21 of 24: between the title bar and the footer. */
	assert_true(qr_text_rows(&l) <= 21);
	assert_true(qr_text_cols(&l) <= 80 - 38 - 1);
	check_picture(&l, QR_INK_DARK);
	qr_free(&q);
	qr_free(&l);
	qr_free(&m);
	assert_int_equal(qr_encode_ascii(&q, "Hồ sơ", QR_LEVEL_M, &cause), -1);
	assert_non_null(strstr(cause, "ASCII"));
	assert_null(q.dark);
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_receipt_code_fits_beside_text),
		cmocka_unit_test(test_quiet_zone),
		cmocka_unit_test(test_url_size),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_ascii_compact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
