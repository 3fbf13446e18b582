/* Tests for escpos.c: raster bands, text commands, folding Vietnamese for
 * a printer's code page, feeds, the paper status reply. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "escpos.h"

static void test_raster_bands(void **state)
{
	struct bitmap bm;
	struct bytes b = { 0 };
	int bands[] = { 24, 128, 100 }, k, x, y, at, rows_seen;

	(void)state;
	bitmap_init(&bm, 384, 100);
	for (y = 0; y < 100; y++)
		for (x = 0; x < 384; x++)
			if ((x * 7 + y * 3) % 11 == 0)
				bitmap_set(&bm, x, y);
	for (k = 0; k < 3; k++) {
		b.len = 0;
		escpos_raster(&b, &bm, bands[k]);
		at = 0;
		rows_seen = 0;
		while ((size_t)at < b.len) {
			const uint8_t *h = b.data + at;
			int xbytes = h[4] | h[5] << 8, rows = h[6] | h[7] << 8;

			assert_memory_equal(h, "\x1dv0\0", 4);
			assert_int_equal(xbytes, 48);
			assert_true(rows <= bands[k]);
			/* Only the last band may be short. */
			assert_true(rows == bands[k] || rows_seen + rows == 100);
			assert_memory_equal(h + 8, bm.bits + rows_seen * 48, (size_t)rows * 48);
			rows_seen += rows;
			at += 8 + rows * 48;
		}
		assert_int_equal(rows_seen, 100);
		assert_int_equal(at, (int)b.len);
	}
	bytes_free(&b);
	bitmap_free(&bm);
}

static void test_fold_keeps_case(void **state)
{
	char *s;

	(void)state;
	s = escpos_fold("Đăng ký khai sinh – ĐỖ THỊ HƯỜNG, Quầy “Tư pháp”");
	assert_string_equal(s, "Dang ky khai sinh - DO THI HUONG, Quay \"Tu phap\"");
	free(s);
	s = escpos_fold("┏━━┓ ┃1┃ ₫ 中 Nguye\xcc\x82\xcc\x83n");
	assert_string_equal(s, "+--+ |1| d ? Nguyen");
	free(s);
	s = escpos_fold("bad \xff byte");
	assert_string_equal(s, "bad ? byte");
	free(s);
}

static void test_text_and_feed_commands(void **state)
{
	struct bytes b = { 0 };

	(void)state;
	escpos_init(&b);
	escpos_text(&b, "SO 12", 1, 2);
	assert_memory_equal(b.data, "\x1b@\x1b" "a\x01\x1d!\x11SO 12\n", 14);
	b.len = 0;
	escpos_text(&b, "x", 0, 1);
	assert_memory_equal(b.data, "\x1b" "a\x00\x1d!\x00x\n", 8);
	b.len = 0;
	escpos_feed_dots(&b, 300);
	assert_int_equal(b.len, 6);
	assert_memory_equal(b.data, "\x1bJ\xff\x1bJ\x2d", 6);
	b.len = 0;
	escpos_cut(&b);
	assert_memory_equal(b.data + b.len - 4, "\x1dV\x42\x00", 4);
	bytes_free(&b);
}

static void test_paper_status(void **state)
{
	(void)state;
	assert_int_equal(escpos_paper_out(0x12), 0);
	assert_int_equal(escpos_paper_out(0x12 | 0x0c), 0);  /* near end: still paper */
	assert_int_equal(escpos_paper_out(0x12 | 0x60), 1);
	assert_int_equal(escpos_paper_out(0x00), -1);
	assert_int_equal(escpos_paper_out(0xff), -1);
	assert_int_equal(escpos_paper_out('A'), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raster_bands),
		cmocka_unit_test(test_fold_keeps_case),
		cmocka_unit_test(test_text_and_feed_commands),
		cmocka_unit_test(test_paper_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
