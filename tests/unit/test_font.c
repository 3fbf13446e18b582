/* Tests for font.c with the glyphs the booth ships: every Vietnamese
 * letter has its own glyph with its marks, missing precomposed letters are
 * composed, decomposed text draws the same, scaling is exact. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bitmap.h"
#include "font.h"
#include "text.h"

#define FONT SRCDIR "/assets/unifont-kiosk.hex"

/* Every Vietnamese letter with a mark, lower and upper case. */
static const char vietnamese[] =
	"àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";

static struct font *load(const char *path)
{
	char *cause = NULL;
	struct font *f = font_load(path, &cause);

	if (f == NULL)
		fail_msg("%s", cause);
	return f;
}

/* Draws text at scale 1 into a new bitmap just wide enough. */
static void draw(const struct font *f, const char *text, int scale, struct bitmap *b)
{
	bitmap_init(b, font_width(f, text) * scale + 1, FONT_HEIGHT * scale);
	assert_int_equal(font_draw(f, b, 0, 0, text, scale), font_width(f, text) * scale);
}

/* Black dots of b in rows [y0, y1). */
static int dots(const struct bitmap *b, int y0, int y1)
{
	int x, y, n = 0;

	for (y = y0; y < y1; y++)
		for (x = 0; x < b->w; x++)
			n += UNIT_DOT(b, x, y);
	return n;
}

/* True when two bitmaps of the same size have the same dots. */
static int same(const struct bitmap *a, const struct bitmap *b)
{
	return a->w == b->w && a->h == b->h &&
	       memcmp(a->bits, b->bits, (size_t)a->h * (size_t)a->stride) == 0;
}

static void test_every_vietnamese_letter_has_a_glyph(void **state)
{
	struct font *f = load(FONT);
	const char *p = vietnamese;
	int letters = 0;

	(void)state;
	while (*p) {
		uint32_t cp, base[4];
		size_t len = text_decode(p, strlen(p), &cp);
		char one[8] = "", plain[8] = "";
		struct bitmap a, b;

		memcpy(one, p, len);
		p += len;
		letters++;
		if (font_glyph_width(f, cp) != 8)
			fail_msg("no 8-dot glyph for %s", one);
		/* Its marks show: it differs from its base letter. */
		if (text_decompose(cp, base) > 0)
			plain[text_encode(base[0], plain)] = '\0';
		else
			snprintf(plain, sizeof plain, "%s", cp == 0x111 ? "d" : "D");
		draw(f, one, 1, &a);
		draw(f, plain, 1, &b);
		if (same(&a, &b))
			fail_msg("%s draws like %s", one, plain);
		bitmap_free(&a);
		bitmap_free(&b);
	}
	assert_int_equal(letters, 134);
	font_free(f);
}

static void test_decomposed_text_draws_like_composed(void **state)
{
	struct font *f = load(FONT);
	struct bitmap a, b;

	(void)state;
	draw(f, "Nguyễn Thị Kim Thư", 1, &a);
	draw(f, "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Kim Thu\xcc\x9b", 1, &b);
	assert_true(same(&a, &b));
	assert_int_equal(font_width(f, "Hành Đức"), 8 * 8);
	bitmap_free(&a);
	bitmap_free(&b);
	font_free(f);
}

/* Writes a font of a few glyphs copied from the shipped one. */
static void write_font(const char *path, const char *const *codes, int n)
{
	FILE *in = fopen(FONT, "r"), *out = fopen(path, "w");
	char line[256];
	int i;

	assert_non_null(in);
	assert_non_null(out);
	while (fgets(line, sizeof line, in) != NULL)
		for (i = 0; i < n; i++)
			if (strncmp(line, codes[i], strlen(codes[i])) == 0)
				fputs(line, out);
	fclose(in);
	fclose(out);
}

static void test_missing_precomposed_letter_is_composed(void **state)
{
	static const char *const codes[] = { "0065:", "00EA:", "0302:", "0301:", "0045:" };
	char path[] = "/tmp/kiosk-font-XXXXXX";
	int fd = mkstemp(path);
	struct font *f;
	struct bitmap e, composed, full;
	struct font *all = load(FONT);
	int i;

	(void)state;
	close(fd);
	write_font(path, codes, 5);
	f = load(path);
	for (i = 0; i < 5; i++) /* the five glyphs copied */
		assert_int_equal(font_glyph_width(f, (uint32_t)strtoul(codes[i], NULL, 16)), 8);
	assert_int_equal(font_glyph_width(f, 0x1ebf), 0);
	/* "ế" (U+1EBF) is not in this font: ê with the acute over it. */
	draw(f, "ế", 1, &composed);
	draw(f, "e", 1, &e);
	draw(all, "ế", 1, &full);
	assert_int_equal(composed.w, e.w);
	assert_false(same(&composed, &e));
	/* The circumflex and the acute are both above the letter's body... */
	assert_true(dots(&composed, 0, 6) > dots(&e, 0, 6) + 3);
	/* ... where the real glyph has them too, and the body is the same. */
	assert_true(dots(&full, 0, 6) > 0);
	assert_int_equal(dots(&composed, 7, 16), dots(&full, 7, 16));
	bitmap_free(&composed);
	/* A combining mark typed after a letter goes over it, taking no room. */
	draw(f, "E\xcc\x81", 1, &composed);
	assert_int_equal(composed.w, 9);
	bitmap_free(&composed);
	bitmap_free(&e);
	bitmap_free(&full);
	font_free(f);
	font_free(all);
	unlink(path);
}

static void test_missing_character_takes_room(void **state)
{
	struct font *f = load(FONT);
	struct bitmap b;

	(void)state;
	/* A Chinese character is not in the booth's glyphs: U+FFFD instead. */
	assert_int_equal(font_glyph_width(f, 0x4e2d), 0);
	draw(f, "a中b", 1, &b);
	assert_int_equal(b.w - 1, 8 + font_glyph_width(f, 0xfffd) + 8);
	assert_true(dots(&b, 0, 16) > 0);
	bitmap_free(&b);
	font_free(f);
}

static void test_double_size_is_exact(void **state)
{
	struct font *f = load(FONT);
	struct bitmap one, two;
	int x, y;

	(void)state;
	draw(f, "Số 1024 ┃", 1, &one);
	draw(f, "Số 1024 ┃", 2, &two);
	assert_int_equal(two.w - 1, 2 * (one.w - 1));
	for (y = 0; y < two.h; y++)
		for (x = 0; x < two.w - 1; x++)
			assert_int_equal(UNIT_DOT(&two, x, y), UNIT_DOT(&one, x / 2, y / 2));
	bitmap_free(&one);
	bitmap_free(&two);
	font_free(f);
}

static void test_bad_font_file(void **state)
{
	char path[] = "/tmp/kiosk-font-XXXXXX";
	int fd = mkstemp(path);
	char *cause = NULL;
	FILE *fp = fdopen(fd, "w");

	(void)state;
	fputs("# a comment\n0041:0000000018242442427E424242420000\n0042:00FF\n", fp);
	fclose(fp);
	assert_null(font_load(path, &cause));
	assert_non_null(strstr(cause, ":3: not a Unifont .hex glyph line"));
	free(cause);
	unlink(path);
	assert_null(font_load("/nonexistent/font.hex", &cause));
	assert_non_null(strstr(cause, "cannot open"));
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_vietnamese_letter_has_a_glyph),
		cmocka_unit_test(test_decomposed_text_draws_like_composed),
		cmocka_unit_test(test_missing_precomposed_letter_is_composed),
		cmocka_unit_test(test_missing_character_takes_room),
		cmocka_unit_test(test_double_size_is_exact),
		cmocka_unit_test(test_bad_font_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
