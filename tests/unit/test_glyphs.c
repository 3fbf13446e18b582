/* Tests for glyphs.c: the console fonts the booth ships hold every
 * character the kiosk draws (all 134 precomposed Vietnamese letters among
 * them), a character a font lacks falls back to the letter without its
 * mark, texts are checked line by line, and a canvas on a console booth
 * never draws a character its font lacks. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canvas.h"
#include "glyphs.h"
#include "problems.h"
#include "text.h"
#include "util.h"

static const char *const fonts[] = {
	SRCDIR "/assets/console/kiosk-8x16.psf",
	SRCDIR "/assets/console/kiosk-12x24.psf",
	SRCDIR "/assets/console/kiosk-16x32.psf",
};

/* What the screens draw besides letters: box drawing, blocks (the QR
 * codes, the cursor), arrows and bullets, punctuation, the đồng sign. */
static const char screen_signs[] = "─│┌┐└┘├┤┬┴┼═║▀▄█▌░▲▶▼◀←↑→↓●•·◐◑◒◓–—“”‘’…×₫\xef\xbf\xbd";

/* Loads a font or fails the test with why. */
static struct glyphs *load(const char *path)
{
	char *cause = NULL;
	struct glyphs *g = glyphs_load(path, &cause);

	if (g == NULL)
		fail_msg("%s", cause);
	return g;
}

/* The 134 precomposed Vietnamese letters: each of a ă â e ê i o ô ơ u ư y
 * with each of the six tones, both cases, less the six plain ASCII vowels
 * of each case, and đ Đ. Writes them to out (UTF-8); returns the count. */
static int vietnamese_letters(char *out)
{
	static const char *const vowels[] = { "a", "ă", "â", "e", "ê", "i",
					      "o", "ô", "ơ", "u", "ư", "y" };
	static const char *const tones[] = { "", "\xcc\x80", "\xcc\x81", "\xcc\x89",
					     "\xcc\x83", "\xcc\xa3" };
	size_t o = 0, v, t;
	int n = 0, upper;

	for (upper = 0; upper < 2; upper++)
		for (v = 0; v < 12; v++)
			for (t = 0; t < 6; t++) {
				char *s = xprintf("%s%s", vowels[v], tones[t]);
				char *nfc = upper ? text_upper(s) : text_nfc(s, strlen(s));
				uint32_t cp;

				assert_int_equal(text_decode(nfc, strlen(nfc), &cp), strlen(nfc));
				if (cp > 0x7f) {
					o += text_encode(cp, out + o);
					n++;
				}
				free(s);
				free(nfc);
			}
	o += text_encode(0x111, out + o); /* đ */
	o += text_encode(0x110, out + o); /* Đ */
	out[o] = '\0';
	return n + 2;
}

static void test_fonts_hold_every_vietnamese_letter(void **state)
{
	char letters[134 * 4 + 1];
	size_t i;
	uint32_t cp;

	(void)state;
	assert_int_equal(vietnamese_letters(letters), 134);
	for (i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
		struct glyphs *g = load(fonts[i]);

		cp = glyphs_missing(g, letters, strlen(letters));
		if (cp != 0)
			fail_msg("%s lacks U+%04X", fonts[i], (unsigned)cp);
		for (cp = 0x20; cp < 0x7f; cp++)
			assert_true(glyphs_has(g, cp));
		cp = glyphs_missing(g, screen_signs, strlen(screen_signs));
		if (cp != 0)
			fail_msg("%s lacks U+%04X", fonts[i], (unsigned)cp);
		assert_true(glyphs_count(g) > 95 + 134);
		assert_true(glyphs_count(g) <= 512 + 64); /* glyphs plus shared ones */
		glyphs_free(g);
	}
}

/* Writes a PSF2 font of one 8x8 glyph per character of chars (UTF-8,
 * each glyph's entry split by '|') to a temporary file; returns its path. */
static char *psf2_with(const char *chars)
{
	char *path = xstrdup("/tmp/kiosk-glyphs-XXXXXX");
	int fd = mkstemp(path), count = 1;
	unsigned char header[32] = { 0x72, 0xb5, 0x4a, 0x86, 0, 0, 0, 0, 32, 0, 0, 0, 1 };
	unsigned char blank[8] = { 0 };
	const char *c;
	FILE *f = fdopen(fd, "wb");
	int i;

	for (c = chars; *c; c++)
		count += *c == '|';
	header[16] = (unsigned char)count;
	header[20] = 8; /* bytes per glyph */
	header[24] = 8; /* height */
	header[28] = 8; /* width */
	fwrite(header, 1, sizeof header, f);
	for (i = 0; i < count; i++)
		fwrite(blank, 1, sizeof blank, f);
	for (c = chars; *c; c++)
		fputc(*c == '|' ? 0xff : (unsigned char)*c, f);
	fputc(0xff, f);
	fclose(f);
	return path;
}

static void test_fallback_drops_marks_step_by_step(void **state)
{
	char *path = psf2_with("a|u|ư|?|A");
	struct glyphs *g = load(path);

	(void)state;
	assert_int_equal(glyphs_count(g), 5);
	assert_int_equal(glyphs_fallback(g, 'a'), 'a');
	assert_int_equal(glyphs_fallback(g, 0x1ea1), 'a');     /* ạ: a without its dot */
	assert_int_equal(glyphs_fallback(g, 0x1ef1), 0x1b0);   /* ự: ư, the horn kept */
	assert_int_equal(glyphs_fallback(g, 0xfa), 'u');       /* ú */
	assert_int_equal(glyphs_fallback(g, 0xff21), 'A');     /* full-width Ａ */
	assert_int_equal(glyphs_fallback(g, 0x4e2d), '?');     /* 中: nothing like it */
	assert_int_equal(glyphs_fallback(g, 'b'), '?');
	assert_int_equal(glyphs_fallback(NULL, 0x4e2d), 0x4e2d); /* a terminal draws all */
	glyphs_free(g);
	unlink(path);
	free(path);
}

static void test_missing_names_the_first_hole(void **state)
{
	char *path = psf2_with("a|u|ư| |?");
	struct glyphs *g = load(path);
	const char *s = "ua ưa\xcc\x81 ạ b";

	(void)state;
	/* A combining mark (the acute after "ưa") is not asked for: it is never
	 * drawn on its own. */
	assert_int_equal(glyphs_missing(g, s, strlen(s)), 0x1ea1);
	assert_int_equal(glyphs_missing(g, "ua ư", strlen("ua ư")), 0);
	assert_int_equal(glyphs_missing(g, "a\nu\t", 4), 0); /* controls */
	assert_int_equal(glyphs_missing(g, "a\xff", 2), 0xfffd);
	glyphs_free(g);
	unlink(path);
	free(path);
}

static void test_check_file_names_line_and_character(void **state)
{
	char *font = psf2_with("a|b| |#|=|1|2|3");
	static const char body[] = "a b\n# ư is a comment\nab = ư\n\n  # ạ\n3 2 1 中\n";
	char text[] = "/tmp/kiosk-glyphs-text-XXXXXX";
	int fd = mkstemp(text);
	struct glyphs *g = load(font);
	struct problems p = { 0 };

	(void)state;
	assert_int_equal(write_all(fd, body, strlen(body)), 0);
	close(fd);
	assert_int_equal(glyphs_check_file(g, "F.psf", text, "x.screen", &p), 2);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.items[0],
			    "x.screen:3: U+01B0 \"ư\" cannot be drawn with the console font F.psf");
	assert_string_equal(p.items[1],
			    "x.screen:6: U+4E2D \"中\" cannot be drawn with the console font F.psf");
	problems_clear(&p);
	glyphs_free(g);
	unlink(text);
	unlink(font);
	free(font);
}

static void test_bad_font_files(void **state)
{
	char path[] = "/tmp/kiosk-glyphs-bad-XXXXXX";
	int fd = mkstemp(path);
	char *cause = NULL;

	(void)state;
	assert_int_equal(write_all(fd, "\x1f\x8b\x08\x00", 4), 0);
	close(fd);
	assert_null(glyphs_load(path, &cause));
	assert_non_null(strstr(cause, "compressed"));
	free(cause);
	assert_int_equal(truncate(path, 0), 0);
	assert_null(glyphs_load(path, &cause));
	assert_non_null(strstr(cause, "not a PSF console font"));
	free(cause);
	unlink(path);
	assert_null(glyphs_load("/nonexistent/font.psf", &cause));
	assert_non_null(strstr(cause, "/nonexistent/font.psf: "));
	free(cause);
}

static void test_psf1_table(void **state)
{
	char path[] = "/tmp/kiosk-glyphs-psf1-XXXXXX";
	int fd = mkstemp(path);
	/* PSF1, 256 glyphs of 1 byte, a table: glyph 0 is 'x' and U+01B0 ư,
	 * then a sequence (skipped), glyph 1 is 'y', the rest empty. */
	unsigned char *font = xcalloc(1, 4 + 256 + 2 * 256 + 16);
	size_t n = 4 + 256, i;
	static const unsigned char table[] = { 'x', 0, 0xb0, 0x01, 0xfe, 0xff, 'z', 0, 0xff, 0xff,
					      'y', 0, 0xff, 0xff };
	struct glyphs *g;

	(void)state;
	font[0] = 0x36;
	font[1] = 0x04;
	font[2] = 0x02; /* has a table */
	font[3] = 1;
	memcpy(font + n, table, sizeof table);
	n += sizeof table;
	for (i = 2; i < 256; i++, n += 2)
		font[n] = font[n + 1] = 0xff;
	assert_int_equal(write_all(fd, font, n), 0);
	close(fd);
	g = load(path);
	assert_int_equal(glyphs_count(g), 3);
	assert_true(glyphs_has(g, 0x1b0));
	assert_true(glyphs_has(g, 'y'));
	assert_false(glyphs_has(g, 'z')); /* only in a sequence */
	glyphs_free(g);
	free(font);
	unlink(path);
}

static void test_console_display(void **state)
{
	(void)state;
	assert_true(glyphs_console(DISPLAY_CONSOLE, NULL));
	assert_true(glyphs_console(DISPLAY_CONSOLE, "xterm-256color"));
	assert_true(glyphs_console(DISPLAY_AUTO, "linux"));
	assert_true(glyphs_console(DISPLAY_AUTO, "linux-16color"));
	assert_false(glyphs_console(DISPLAY_AUTO, "linuxish"));
	assert_false(glyphs_console(DISPLAY_AUTO, "xterm-256color"));
	assert_false(glyphs_console(DISPLAY_AUTO, NULL));
	assert_false(glyphs_console(DISPLAY_TERMINAL, "linux"));
}

static void test_font_path(void **state)
{
	char *path;

	(void)state;
	path = glyphs_font_path("/etc/kiosk/my.psf", "16x32");
	assert_string_equal(path, "/etc/kiosk/my.psf");
	free(path);
	/* This test program (build/tests/) has no packaged font beside it: the
	 * installed place is named. */
	path = glyphs_font_path("", "12x24");
	assert_non_null(strstr(path, "/tests/../share/kiosk/assets/console/kiosk-12x24.psf"));
	free(path);
}

static void test_canvas_draws_only_what_the_font_has(void **state)
{
	struct glyphs *g = load(fonts[2]);
	struct canvas c = { .glyphs = g };
	char *row;

	(void)state;
	canvas_resize(&c, 2, 40);
	/* A server's note with letters the font lacks: Latin Extended (ǖ, ṩ,
	 * ğ), a CJK character (two columns, drawn as one '?'). */
	canvas_text(&c, 0, 0, "Đã nhận: Lǖ ṩ Doğan 中.", ATTR_NORMAL, 40);
	row = canvas_row(&c, 0);
	assert_string_equal(row, "Đã nhận: Lü s Dogan ?.                  ");
	free(row);
	c.glyphs = NULL; /* a terminal: drawn as it is */
	canvas_text(&c, 1, 0, "Lǖ 中", ATTR_NORMAL, 40);
	row = canvas_row(&c, 1);
	assert_string_equal(row, "Lǖ 中                                   ");
	free(row);
	canvas_free(&c);
	glyphs_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fonts_hold_every_vietnamese_letter),
		cmocka_unit_test(test_fallback_drops_marks_step_by_step),
		cmocka_unit_test(test_missing_names_the_first_hole),
		cmocka_unit_test(test_check_file_names_line_and_character),
		cmocka_unit_test(test_bad_font_files),
		cmocka_unit_test(test_psf1_table),
		cmocka_unit_test(test_console_display),
		cmocka_unit_test(test_font_path),
		cmocka_unit_test(test_canvas_draws_only_what_the_font_has),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
