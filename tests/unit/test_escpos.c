/* Tests for escpos.c: raster bands, text commands, folding Vietnamese for
 * a printer's code page, feeds, the paper status reply. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "escpos.h"

/* Rebuilds the image a printer prints from raster bytes (GS v 0 bands
 * and ESC J feeds) into out, width dots wide; fails on anything else or a
 * band taller than band. Returns the number of bands. */
static int rebuild(const struct bytes *b, int band, struct bitmap *out, int width)
{
	size_t at = 0;
	int bands = 0, r;

	bitmap_init(out, width, 0);
	while (at < b->len) {
		const uint8_t *h = b->data + at;

		if (h[0] == 0x1b && h[1] == 'J') {
			bitmap_extend(out, h[2]);
			at += 3;
			continue;
		}
		assert_memory_equal(h, "\x1dv0\0", 4);
		{
			int xbytes = h[4] | h[5] << 8, rows = h[6] | h[7] << 8, y = bitmap_extend(out, rows);

			assert_true(xbytes * 8 <= width);
			assert_true(rows <= band);
			for (r = 0; r < rows; r++)
				memcpy(out->bits + (size_t)(y + r) * (size_t)out->stride, h + 8 + r * xbytes, (size_t)xbytes);
			at += 8 + (size_t)(rows * xbytes);
		}
		bands++;
	}
	return bands;
}

static void test_raster_bands(void **state)
{
	struct bitmap bm, got;
	struct bytes b = { 0 };
	int bands[] = { 24, 128, 100 }, k, x, y;

	(void)state;
	bitmap_init(&bm, 384, 100);
	for (y = 0; y < 100; y++)
		for (x = 0; x < 384; x++)
			if ((x * 7 + y * 3) % 11 == 0)
				bitmap_set(&bm, x, y);
	for (k = 0; k < 3; k++) {
		b.len = 0;
		escpos_raster(&b, &bm, bands[k]);
		/* Every row has dots up to the right edge: full-width bands. */
		assert_int_equal(rebuild(&b, bands[k], &got, 384), (100 + bands[k] - 1) / bands[k]);
		assert_int_equal(got.h, 100);
		assert_memory_equal(got.bits, bm.bits, 100 * 48);
		assert_int_equal(b.len, (size_t)((100 + bands[k] - 1) / bands[k] * 8 + 100 * 48));
		bitmap_free(&got);
	}
	bytes_free(&b);
	bitmap_free(&bm);
}

/* Blank paper is fed, not sent as dots; a band is as wide as its ink. */
static void test_raster_skips_blank(void **state)
{
	struct bitmap bm, got;
	struct bytes b = { 0 };

	(void)state;
	bitmap_init(&bm, 384, 700);
	bitmap_fill(&bm, 0, 10, 20, 16);      /* a word at the left */
	bitmap_fill(&bm, 100, 400, 150, 150); /* a square in the middle */
	escpos_raster(&b, &bm, 128);
	assert_int_equal(rebuild(&b, 128, &got, 384), 3);
	assert_int_equal(got.h, 700);
	assert_memory_equal(got.bits, bm.bits, 700 * 48);
	/* 16 rows of 3 bytes and 150 of 32, headers and feeds: not 700 x 48. */
	assert_true(b.len < 16 * 3 + 150 * 32 + 3 * 8 + 5 * 3);
	bytes_free(&b);
	bitmap_free(&got);
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
		cmocka_unit_test(test_raster_skips_blank),
		cmocka_unit_test(test_fold_keeps_case),
		cmocka_unit_test(test_text_and_feed_commands),
		cmocka_unit_test(test_paper_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
