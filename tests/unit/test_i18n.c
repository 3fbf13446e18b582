/* Tests for i18n.c: reading .po catalogs, fallback to Vietnamese, and
 * problems reported with file and line. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "problems.h"
#include "util.h"

static char dir[64];

/* Writes one catalog file into the test folder. */
static void write_po(const char *name, const char *text)
{
	char *path = xprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

/* Makes an empty test folder. */
static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/kiosk-po-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

/* Removes the test folder. */
static int teardown(void **state)
{
	char *cmd = xprintf("rm -rf %s", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* Fails unless p holds the problem "DIR/where..." (where: "en.po:6: ..."). */
static void expect_po_problem(const struct problems *p, const char *where)
{
	char *want = xprintf("%s/%s", dir, where);

	expect_problem(p, want);
	free(want);
}

#define HEADER(lang, name) \
	"msgid \"\"\nmsgstr \"\"\n\"Language: " lang "\\n\"\n\"X-Native-Name: " name "\\n\"\n\n"

static void test_lookup_and_fallback(void **state)
{
	struct problems p = { 0 };
	struct i18n *t;
	int en;

	(void)state;
	write_po("vi.po", HEADER("vi", "Tiếng Việt") "msgid \"Quay lại\"\nmsgstr \"\"\n");
	write_po("en.po", HEADER("en", "English")
		 "# a comment\nmsgid \"Quay lại\"\nmsgstr \"Back\"\n\n"
		 "msgid \"\"\n\"Trạm sẽ về trang chủ \"\n\"sau {n} giây.\"\nmsgstr \"Back to the start\"\n\" in {n} seconds.\"\n\n"
		 "#, fuzzy\nmsgid \"Máy in\"\nmsgstr \"Printing machine\"\n\n"
		 "msgid \"Dòng\\nhai\"\nmsgstr \"Line\\ntwo \\\"quoted\\\"\"\n");
	t = i18n_load(dir, &p);
	problems_print(&p, stderr, "");
	assert_int_equal(p.n, 0);
	assert_int_equal(i18n_count(t), 2);
	assert_string_equal(i18n_code(t, 0), "vi");
	assert_string_equal(i18n_name(t, 0), "Tiếng Việt");
	en = i18n_find(t, "en");
	assert_int_equal(en, 1);
	assert_string_equal(i18n_name(t, en), "English");
	assert_string_equal(i18n_get(t, en, "Quay lại"), "Back");
	assert_string_equal(i18n_get(t, en, "Trạm sẽ về trang chủ sau {n} giây."),
			    "Back to the start in {n} seconds.");
	assert_string_equal(i18n_get(t, en, "Dòng\nhai"), "Line\ntwo \"quoted\"");
	/* Fuzzy and missing translations fall back to the Vietnamese id. */
	assert_string_equal(i18n_get(t, en, "Máy in"), "Máy in");
	assert_string_equal(i18n_get(t, en, "Không có"), "Không có");
	assert_string_equal(i18n_get(t, 0, "Quay lại"), "Quay lại");
	assert_int_equal(i18n_find(t, "fr"), -1);
	i18n_free(t);
}

static void test_problems_have_lines(void **state)
{
	struct problems p = { 0 };
	struct i18n *t;

	(void)state;
	write_po("en.po", HEADER("en", "English")
		 "msgid \"Còn {n} lần\"\nmsgstr \"{count} tries\"\n\n"   /* line 6 */
		 "msgid \"A\"\nmsgstr \"bad \\q escape\"\n\n"           /* line 10 */
		 "msgid \"B\"\nmsgstr \"Vie\xcc\x82\xcc\xa3" "t\"\n\n"          /* 12: NFD */
		 "msgstr \"orphan\"\nwhat is this\n");                    /* 15, 16 */
	t = i18n_load(dir, &p);
	i18n_load_all(t, &p);
	problems_print(&p, stderr, "  ");
	expect_po_problem(&p, "en.po:6: msgstr must keep the same {placeholders}");
	expect_po_problem(&p, "en.po:10: unknown escape");
	expect_po_problem(&p, "en.po:12: msgstr is not valid UTF-8 in NFC");
	expect_po_problem(&p, "en.po:15: msgstr without msgid");
	expect_po_problem(&p, "en.po:16: not a PO line");
	/* Vietnamese still works without vi.po. */
	assert_string_equal(i18n_code(t, 0), "vi");
	problems_clear(&p);
	i18n_free(t);
}

/* Found by fuzzing (tests/fuzz/fuzz_i18n.c): a second header replaced the
 * catalog's name and language (leaking the first name), and a catalog of
 * only a header sorted a NULL array. A second header is now a problem and
 * the first one counts. */
static void test_second_header(void **state)
{
	struct problems p = { 0 };
	struct i18n *t;
	int en;

	(void)state;
	write_po("en.po", HEADER("en", "English") HEADER("fr", "Français")); /* 6: second */
	t = i18n_load(dir, &p);
	i18n_load_all(t, &p);
	assert_int_equal(p.n, 1);
	expect_po_problem(&p, "en.po:6: a second header");
	en = i18n_find(t, "en");
	assert_int_equal(en, 1);
	assert_string_equal(i18n_name(t, en), "English");
	assert_int_equal(i18n_find(t, "fr"), -1);
	assert_string_equal(i18n_get(t, en, "Quay lại"), "Quay lại");
	problems_clear(&p);
	i18n_free(t);
}

/* Found by fuzzing: a catalog refused for its header (no "Language:")
 * and holding no message leaked its name; only the sanitizers see the
 * leak, this checks the refusal. */
static void test_header_without_language(void **state)
{
	struct problems p = { 0 };
	struct i18n *t;

	(void)state;
	write_po("en.po", HEADER("", "English"));
	t = i18n_load(dir, &p);
	assert_int_equal(p.n, 1);
	assert_non_null(strstr(p.items[0], "the header has no \"Language:\" field"));
	assert_int_equal(i18n_count(t), 1);
	problems_clear(&p);
	i18n_free(t);
}

static void test_missing_folder(void **state)
{
	struct problems p = { 0 };
	struct i18n *t = i18n_load("/nonexistent/locale", &p);

	(void)state;
	assert_int_equal(p.n, 1);
	assert_int_equal(i18n_count(t), 1);
	assert_string_equal(i18n_get(t, 0, "Xin chào"), "Xin chào");
	problems_clear(&p);
	i18n_free(t);
}

/* Other languages than Vietnamese are read up to their header at start,
 * the rest at their first use; their problems then go to the log, and
 * i18n_load_all reports them (kioskctl check). */
static void test_rest_read_at_first_use(void **state)
{
	struct problems p = { 0 };
	struct i18n *t;
	int en;

	(void)state;
	write_po("vi.po", HEADER("vi", "Tiếng Việt") "msgid \"Quay lại\"\nmsgstr \"\"\n"
		 "msgid \"Chưa\"\nmsgstr \"bad \\q\"\n");
	write_po("en.po", HEADER("en", "English") "msgid \"Quay lại\"\nmsgstr \"Back\"\n\n"
		 "msgid \"A\"\nmsgstr \"bad \\q escape\"\n");
	t = i18n_load(dir, &p);
	/* Vietnamese is read whole: its problem is there at once (the escape,
	 * and so an entry without msgstr). */
	assert_int_equal(p.n, 2);
	expect_po_problem(&p, "vi.po:9: unknown escape");
	en = i18n_find(t, "en");
	assert_string_equal(i18n_name(t, en), "English");
	assert_string_equal(i18n_get(t, en, "Quay lại"), "Back");
	i18n_load_all(t, &p);
	assert_int_equal(p.n, 2); /* en.po's problems went to the log at its first use */
	problems_clear(&p);
	i18n_free(t);

	t = i18n_load(dir, &p);
	problems_clear(&p);
	i18n_load_all(t, &p);
	assert_int_equal(p.n, 2);
	expect_po_problem(&p, "en.po:10: unknown escape");
	assert_string_equal(i18n_get(t, i18n_find(t, "en"), "Quay lại"), "Back");
	problems_clear(&p);
	i18n_free(t);
}

/* Every string kept is valid UTF-8; bytes that are not, in a comment or
 * an entry that is not kept, harm nothing. */
static void test_invalid_utf8(void **state)
{
	struct problems p = { 0 };
	struct i18n *t;

	(void)state;
	write_po("en.po", HEADER("en", "English")
		 "# caf\xe9\nmsgid \"Quay l\xe1i\"\nmsgstr \"Back\"\n\n"      /* line 7 */
		 "msgid \"Tiếp\"\nmsgstr \"Ne\xffxt\"\n\n"                     /* 10 */
		 "#, fuzzy\nmsgid \"M\xe1y\"\nmsgstr \"x\"\n\n"
		 "msgid \"Xong\"\nmsgstr \"Done\"\n");
	t = i18n_load(dir, &p);
	i18n_load_all(t, &p);
	problems_print(&p, stderr, "  ");
	assert_int_equal(p.n, 2);
	expect_po_problem(&p, "en.po:7: msgid is not valid UTF-8");
	expect_po_problem(&p, "en.po:10: msgstr is not valid UTF-8");
	assert_string_equal(i18n_get(t, 1, "Xong"), "Done");
	assert_string_equal(i18n_get(t, 1, "Tiếp"), "Tiếp");
	problems_clear(&p);
	i18n_free(t);
}

/* Placeholders are filled, unknown ones and those without a value are
 * left as written, and the result is cut to the buffer. */
static void test_fill(void **state)
{
	const struct i18n_vars v = { .commune = "Xã Hành Đức", .language = "English", .ok = "#", .n = 12 };
	char out[64], small[8];

	(void)state;
	i18n_fill(out, sizeof out, "{commune}: {n} hồ sơ, bấm {ok} {del} {x} {", &v);
	assert_string_equal(out, "Xã Hành Đức: 12 hồ sơ, bấm # {del} {x} {");
	i18n_fill(out, sizeof out, "Chọn {language}", &v);
	assert_string_equal(out, "Chọn English");
	i18n_fill(small, sizeof small, "{n} ngày còn lại", &v);
	assert_string_equal(small, "12 ngà");
	/* A letter that does not fit whole is left out, never cut in half. */
	i18n_fill(small, 6, "abc{commune}", &v);
	assert_string_equal(small, "abcX");
	i18n_fill(small, 6, "Xã Hành", &v);
	assert_string_equal(small, "Xã H");
	i18n_fill(small, 6, "abcXã{n}", &v);
	assert_string_equal(small, "abcX");
	i18n_fill(small, 5, "Xã Hành", &v);
	assert_string_equal(small, "Xã ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lookup_and_fallback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_problems_have_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_without_language, setup, teardown),
		cmocka_unit_test(test_missing_folder),
		cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rest_read_at_first_use, setup, teardown),
		cmocka_unit_test(test_fill),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
