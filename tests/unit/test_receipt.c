/* Tests for slip.c and receipt.c: word wrapping of Vietnamese lines for
 * 58 and 80 mm paper, the receipt, ticket and payment slip contents, the
 * QR payload, and drawing within the paper. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "font.h"
#include "receipt.h"
#include "slip.h"
#include "text.h"
#include "util.h"

/* Index of the first text line containing needle, or -1. */
static int find(const struct slip *s, const char *needle)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->lines[i].text != NULL && strstr(s->lines[i].text, needle) != NULL)
			return i;
	return -1;
}

/* Every text line fits its width. */
static void check_widths(const struct slip *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->lines[i].kind == SLIP_TEXT &&
		    text_width(s->lines[i].text) > s->cols / s->lines[i].scale)
			fail_msg("line %d \"%s\" is wider than %d cells", i, s->lines[i].text,
				 s->cols / s->lines[i].scale);
}

static void test_wrap_keeps_words_and_text(void **state)
{
	const char *text = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản "
			   "khác gắn liền với đất (bản sao có chứng thực)";
	int cols[] = { 46, 70, 32, 48 }, k, i;

	(void)state;
	for (k = 0; k < 4; k++) {
		struct slip s;
		char *joined = xstrdup("");

		slip_init(&s, cols[k]);
		slip_text(&s, SLIP_LEFT, 1, 2, text);
		check_widths(&s);
		assert_true(s.n >= 2);
		for (i = 0; i < s.n; i++) {
			const char *line = s.lines[i].text;
			char *next;

			/* Continuation lines are indented by two cells. */
			if (i > 0) {
				assert_memory_equal(line, "  ", 2);
				assert_true(line[2] != ' ');
				line += 2;
			}
			next = xprintf("%s%s%s", joined, i ? " " : "", line);
			free(joined);
			joined = next;
			/* A line break never falls inside a word that would fit. */
			if (i + 1 < s.n) {
				size_t w = strcspn(s.lines[i + 1].text + 2, " ");
				char *word = xstrndup(s.lines[i + 1].text + 2, w);

				assert_true(text_width(s.lines[i].text) + 1 + text_width(word) > cols[k]);
				free(word);
			}
		}
		assert_string_equal(joined, text);
		free(joined);
		slip_free(&s);
	}
}

static void test_wrap_cuts_long_words_and_scales(void **state)
{
	struct slip s;

	(void)state;
	slip_init(&s, 46);
	slip_text(&s, SLIP_CENTER, 2, 0, "PHIẾU BIÊN NHẬN HỒ SƠ ĐĂNG KÝ KHAI SINH");
	check_widths(&s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.lines[0].scale, 2);
	slip_free(&s);
	slip_init(&s, 10);
	slip_text(&s, SLIP_LEFT, 1, 0, "https://dichvucong.gov.vn/x\nhai\n\nba");
	check_widths(&s);
	assert_string_equal(s.lines[0].text, "https://di");
	assert_int_equal(find(&s, "hai"), 3);
	assert_string_equal(s.lines[4].text, "");
	assert_string_equal(s.lines[5].text, "ba");
	slip_free(&s);
}

static void test_qr_payload(void **state)
{
	char *p;

	(void)state;
	p = receipt_qr_payload("", "HD7-K4Q2-9");
	assert_string_equal(p, "HD7-K4Q2-9");
	free(p);
	p = receipt_qr_payload("https://dvc.example.vn/tra-cuu?ma={code}&b=1", "HD7-K4Q2-9");
	assert_string_equal(p, "https://dvc.example.vn/tra-cuu?ma=HD7-K4Q2-9&b=1");
	free(p);
	p = receipt_qr_payload("https://x.vn/{code}/{code}", "A B&C");
	assert_string_equal(p, "https://x.vn/A%20B%26C/A%20B%26C");
	free(p);
}

static void test_qr_code_of_scan(void **state)
{
	(void)state;
	assert_string_equal(receipt_qr_code("107-000001-6"), "107-000001-6");
	assert_string_equal(receipt_qr_code("https://x.vn/tra-cuu?ma=107-000001-6"), "107-000001-6");
	assert_string_equal(receipt_qr_code("https://x.vn/hs/107-000001-6"), "107-000001-6");
	assert_string_equal(receipt_qr_code("https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html#107-000001-6"),
			    "107-000001-6");
}

static void test_receipt_content(void **state)
{
	static const char *const papers[] = { "Tờ khai đăng ký khai sinh", "Giấy chứng sinh (bản chính)" };
	struct receipt r = {
		.commune = "Xã Nghĩa Hành", .booth = "demo-01", .procedure = "Đăng ký khai sinh",
		.code = "HD7-K4Q2-9", .name = "Nguyễn Thị Kim Thư", .submitted = 1795742460,
		.due = { 2026, 12, 2 }, .fee = "Miễn phí", .papers = papers, .npapers = 2,
		.papers_complete = 1, .qr = "https://x.vn/?ma=HD7-K4Q2-9",
	};
	const char *order[] = { "UBND XÃ NGHĨA HÀNH", "Trạm demo-01", "PHIẾU BIÊN NHẬN", "Đăng ký khai sinh",
				"HD7-K4Q2-9", "Người nộp: Nguyễn Thị Kim Thư", "Nộp lúc: 08:21 27/11/2026",
				"Hẹn trả kết quả: 02/12/2026", "Lệ phí: Miễn phí", "Mang theo",
				"- Tờ khai đăng ký khai sinh", "- Giấy chứng sinh (bản chính)" };
	int cols[] = { 46, 70 }, k, i, qr;

	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	for (k = 0; k < 2; k++) {
		struct slip s;

		slip_init(&s, cols[k]);
		receipt_layout(&r, &s);
		check_widths(&s);
		for (i = 0; i < (int)(sizeof order / sizeof order[0]); i++)
			if (find(&s, order[i]) != (i == 0 ? 0 : find(&s, order[i - 1]) + 1))
				fail_msg("\"%s\" is not where the receipt's order puts it", order[i]);
		assert_int_equal(s.lines[find(&s, "PHIẾU BIÊN NHẬN")].scale, 2);
		assert_int_equal(s.lines[find(&s, "HD7-K4Q2-9")].scale, 2);
		assert_int_equal(find(&s, receipt_see_list), -1);
		for (qr = -1, i = 0; i < s.n; i++)
			if (s.lines[i].kind == SLIP_QR)
				qr = i;
		assert_true(qr > find(&s, "Giấy chứng sinh"));
		assert_string_equal(s.lines[qr].text, r.qr);
		assert_false(s.lines[qr].plain); /* UTF-8 behind an ECI header */
		assert_true(find(&s, "Quét mã") > qr);
		slip_free(&s);
	}
}

/* Papers beyond six lines, or a list not all named, end with a pointer to
 * the full list, within six lines; a fee says it is not paid yet; a due
 * day that is the day of the request is "trong ngày". */
static void test_receipt_papers_and_fee(void **state)
{
	static const char *const papers[] = {
		"Tờ khai", "CCCD hoặc giấy tờ tùy thân", "Giấy tờ có giá trị chứng minh thông tin về cư trú (nếu có)",
		"Văn bản ủy quyền (nếu có)", "Giấy báo tử (bản chính)", "Giấy tờ khác",
	};
	struct receipt r = { .code = "HD7", .submitted = 1795742460, .due = { 2026, 11, 27 },
			     .fee = "7.000 đồng", .papers = papers, .npapers = 6, .papers_complete = 1 };
	struct slip s;
	int first, i, lines = 0;

	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	slip_init(&s, 46);
	receipt_layout(&r, &s);
	first = find(&s, "Mang theo") + 1;
	for (i = first; i < s.n && s.lines[i].kind == SLIP_TEXT; i++)
		lines++;
	assert_int_equal(lines, 6);
	assert_int_equal(find(&s, receipt_see_list), first + 5);
	assert_int_equal(find(&s, "Giấy tờ khác"), -1);
	assert_true(find(&s, "Lệ phí: 7.000 đồng (chưa nộp)") > 0);
	assert_true(find(&s, "Hẹn trả kết quả: trong ngày") > 0);
	slip_free(&s);
	/* No names at all: only the pointer; no date known: a helper tells. */
	r = (struct receipt){ .code = "HD7", .submitted = 1795742460 };
	slip_init(&s, 46);
	receipt_layout(&r, &s);
	assert_int_equal(find(&s, receipt_see_list), find(&s, "Mang theo") + 1);
	assert_true(find(&s, "Hẹn trả kết quả: cán bộ sẽ báo") > 0);
	slip_free(&s);
	/* Feedback: nothing to collect. */
	r.feedback = 1;
	slip_init(&s, 46);
	receipt_layout(&r, &s);
	assert_int_equal(find(&s, "Hẹn trả"), -1);
	assert_int_equal(find(&s, "Mang theo"), -1);
	slip_free(&s);
}

static void test_ticket_and_payslip(void **state)
{
	struct ticket t = { "Phường Ba Đình", "Quầy Tư pháp - Hộ tịch", 1024, 3, 1795742460 };
	struct payslip p = { "Xã Nghĩa Hành", "Chứng thực bản sao", "HD7-K4Q2-9", 50000,
			     "Vietcombank", "0011004123456", "UBND XA NGHIA HANH", "000201...", 1795742460 };
	struct slip s;
	int big;

	(void)state;
	slip_init(&s, 46);
	ticket_layout(&t, &s);
	check_widths(&s);
	assert_int_equal(find(&s, "UBND PHƯỜNG BA ĐÌNH"), 0);
	big = find(&s, "1024");
	assert_true(s.lines[big].boxed);
	assert_int_equal(s.lines[big].scale, 4);
	assert_true(find(&s, "Trước bạn còn 3 người") > big);
	slip_free(&s);
	t.ahead = 0;
	slip_init(&s, 46);
	ticket_layout(&t, &s);
	assert_true(find(&s, "Không có ai trước bạn") > 0);
	slip_free(&s);
	slip_init(&s, 70);
	payslip_layout(&p, &s);
	check_widths(&s);
	assert_true(find(&s, "50.000 đồng") > 0);
	assert_true(find(&s, "Số tài khoản: 0011004123456") > 0);
	assert_true(find(&s, "Nội dung chuyển khoản: HD7-K4Q2-9") > 0);
	/* The VietQR code is bare ASCII, as banking apps expect. */
	for (big = 0; big < s.n && s.lines[big].kind != SLIP_QR; big++)
		;
	assert_true(big < s.n);
	assert_string_equal(s.lines[big].text, "000201...");
	assert_true(s.lines[big].plain);
	slip_free(&s);
}

/* A receipt saved while the booth's clock was not set says so in words. */
static void test_unknown_time(void **state)
{
	struct receipt r = { .commune = "Xã A", .booth = "demo-01", .procedure = "Đăng ký khai sinh",
			     .code = "HD7-K4Q2-9" };
	struct slip s;

	(void)state;
	slip_init(&s, 46);
	receipt_layout(&r, &s);
	assert_true(find(&s, "Nộp lúc: chưa rõ giờ") >= 0);
	assert_int_equal(find(&s, "1970"), -1);
	assert_true(find(&s, "Hẹn trả kết quả: cán bộ sẽ báo") >= 0);
	slip_free(&s);
}

static void test_missing_parts_are_left_out(void **state)
{
	struct receipt r = { .code = "HD7-K4Q2-9", .submitted = 1795742460, .booth = "" };
	struct payslip p = { "Xã A", NULL, "HD7", 1000, NULL, "123", NULL, NULL, 1795742460 };
	struct slip s;
	int i;

	(void)state;
	slip_init(&s, 46);
	receipt_layout(&r, &s);
	assert_int_equal(find(&s, "chưa rõ giờ"), -1);
	assert_int_equal(find(&s, "Người nộp"), -1);
	assert_int_equal(find(&s, "Lệ phí"), -1);
	assert_int_equal(find(&s, "Trạm"), -1);
	assert_int_equal(find(&s, "null"), -1);
	/* Without a payload the QR holds the code. */
	for (i = 0; i < s.n && s.lines[i].kind != SLIP_QR; i++)
		;
	assert_true(i < s.n);
	assert_string_equal(s.lines[i].text, "HD7-K4Q2-9");
	slip_free(&s);
	slip_init(&s, 46);
	payslip_layout(&p, &s);
	for (i = 0; i < s.n; i++)
		assert_int_not_equal(s.lines[i].kind, SLIP_QR);
	assert_int_equal(find(&s, "Ngân hàng"), -1);
	slip_free(&s);
}

static void test_render_fills_the_paper_width(void **state)
{
	char *cause = NULL;
	struct font *f = font_load(SRCDIR "/assets/unifont-kiosk.hex", &cause);
	int widths[] = { 384, 576 }, k, x, y, outside, left, right;

	(void)state;
	assert_non_null(f);
	for (k = 0; k < 2; k++) {
		struct slip s;
		struct bitmap b;

		slip_init(&s, widths[k] / 8 - 2);
		testpage_layout("Xã Nghĩa Hành", "demo-01", 1795742460, &s);
		assert_int_equal(slip_render(&s, f, widths[k], SLIP_RASTER, &b, &cause), 0);
		assert_int_equal(b.w, widths[k]);
		assert_true(b.h > 400);
		/* Nothing in the margins (a cell each side); the long lines reach
		 * within two cells of both edges. */
		for (outside = left = right = 0, y = 0; y < b.h; y++)
			for (x = 0; x < b.w; x++) {
				if (!UNIT_DOT(&b, x, y))
					continue;
				outside += x < 8 || x >= b.w - 8;
				left += x < 16;
				right += x >= b.w - 16;
			}
		assert_int_equal(outside, 0);
		assert_true(left > 0 && right > 0);
		bitmap_free(&b);
		slip_free(&s);
	}
	font_free(f);
}

static void test_qr_module_size(void **state)
{
	(void)state;
	/* A receipt code (version 1 with quiet zone: 29 modules): 1 mm modules. */
	assert_int_equal(slip_qr_module(29, 384), 8);
	/* A VietQR code (version 7, 53 modules) stays scannable on 58 mm. */
	assert_true(slip_qr_module(53, 384) >= 4);
	assert_true(slip_qr_module(53, 384) * 53 <= 384);
	/* Version 40 does not fit on 58 mm paper. */
	assert_int_equal(slip_qr_module(185, 384), 2);
	assert_int_equal(slip_qr_module(200, 384), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_keeps_words_and_text),
		cmocka_unit_test(test_wrap_cuts_long_words_and_scales),
		cmocka_unit_test(test_qr_payload),
		cmocka_unit_test(test_qr_code_of_scan),
		cmocka_unit_test(test_receipt_papers_and_fee),
		cmocka_unit_test(test_receipt_content),
		cmocka_unit_test(test_ticket_and_payslip),
		cmocka_unit_test(test_missing_parts_are_left_out),
		cmocka_unit_test(test_unknown_time),
		cmocka_unit_test(test_render_fills_the_paper_width),
		cmocka_unit_test(test_qr_module_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
