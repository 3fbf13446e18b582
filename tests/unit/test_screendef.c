/* Tests for screendef.c and the 80x24 fit checks of view.c. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "problems.h"
#include "screendef.h"
#include "uidata.h"
#include "util.h"
#include "view.h"

static void test_parse_good_screen(void **state)
{
	struct problems p = { 0 };
	struct screen s;

	(void)state;
	assert_int_equal(screendef_parse(&s, "t.screen", "t",
					 "# comment\n\ntitle  Xin chào · {commune}\r\nclock yes\ncolumns 2\n"
					 "text Một dòng chữ.\nchoice 1 procedures  Tìm thủ tục\n"
					 "choice 2   dossier Xem hồ sơ  \nhint Bấm số\n", &p), 0);
	assert_int_equal(p.n, 0);
	assert_string_equal(s.title, "Xin chào · {commune}");
	assert_int_equal(s.title_line, 3);
	assert_true(s.clock);
	assert_int_equal(s.columns, 2);
	assert_int_equal(s.ntexts, 1);
	assert_int_equal(s.nchoices, 2);
	assert_int_equal(s.choices[1].key, '2');
	assert_string_equal(s.choices[1].target, "dossier");
	assert_string_equal(s.choices[1].label, "Xem hồ sơ");
	assert_int_equal(s.choices[1].line, 8);
	assert_string_equal(s.hint, "Bấm số");
	screendef_free_one(&s);
}

static void test_parse_errors_have_lines(void **state)
{
	struct problems p = { 0 };
	struct screen s;

	(void)state;
	assert_int_equal(screendef_parse(&s, "b.screen", "b",
					 "title A\n"
					 "title B\n"                      /* 2 */
					 "choice 0 home Về nhà\n"         /* 3 */
					 "choice 1 home\n"                /* 4: no label -> target missing */
					 "choice 2 Home Nhà\n"            /* 5: bad target name */
					 "choice 3 home Nhà\n"
					 "choice 3 home Lại nhà\n"        /* 7 */
					 "clock maybe\n"                  /* 8 */
					 "columns 3\n"                    /* 9 */
					 "text Vie\xcc\x82\xcc\xa3" "t\n" /* 10: NFD */
					 "text \x1b" "[31mred\n"           /* 11 */
					 "blink yes\n",                   /* 12 */
					 &p), -1);
	expect_problem(&p, "b.screen:2: title given twice");
	expect_problem(&p, "b.screen:3: choice key must be one digit 1-9");
	expect_problem(&p, "b.screen:4: the text is missing");
	expect_problem(&p, "b.screen:5: choice 2 needs a target");
	expect_problem(&p, "b.screen:7: choice 3 is already used on line 6");
	expect_problem(&p, "b.screen:8: clock must be yes or no");
	expect_problem(&p, "b.screen:9: columns must be 1 or 2");
	expect_problem(&p, "b.screen:10: text must be UTF-8 in NFC");
	expect_problem(&p, "b.screen:11: control characters are not allowed");
	expect_problem(&p, "b.screen:12: unknown directive \"blink\"");
	screendef_free_one(&s);
	problems_clear(&p);
	assert_int_equal(screendef_parse(&s, "e.screen", "e", "clock no\n", &p), -1);
	expect_problem(&p, "e.screen: the screen has no title");
	screendef_free_one(&s);
	problems_clear(&p);
}

static void test_builtins(void **state)
{
	(void)state;
	assert_int_equal(screendef_builtin("quit"), BUILTIN_QUIT);
	assert_int_equal(screendef_builtin("procedures"), BUILTIN_PROCEDURES);
	assert_int_equal(screendef_builtin("queue"), BUILTIN_QUEUE);
	assert_int_equal(screendef_builtin("pay"), BUILTIN_PAY);
	assert_int_equal(screendef_builtin("language"), BUILTIN_LANGUAGE);
	assert_int_equal(screendef_builtin("shell"), BUILTIN_NONE);
}

static void test_checkout_content_is_clean(void **state)
{
	struct config cfg;
	struct problems p = { 0 };
	struct uidata u = { 0 };

	(void)state;
	config_defaults(&cfg);
	snprintf(cfg.content_dir, sizeof cfg.content_dir, "%s", SRCDIR);
	if (uidata_load(&u, &cfg, &p) != 0 || uidata_check(&u, &cfg, &p) != 0) {
		problems_print(&p, stderr, "  ");
		fail_msg("the screens and catalogs of the checkout have problems");
	}
	assert_non_null(screendef_find(&u.screens, "home"));
	assert_non_null(screendef_find(&u.screens, "helper"));
	uidata_free(&u);
}

static void test_fit_checks_every_language(void **state)
{
	struct config cfg;
	struct problems p = { 0 };
	struct screens ss = { 0 };
	struct i18n *t = i18n_load(SRCDIR "/locale", &p);
	struct screen s;

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(p.n, 0);
	/* "Quay lại" fits; a 39-column label does not fit a half-width box. */
	assert_int_equal(screendef_parse(&s, "w.screen", "w",
					 "title Màn hình thử\ncolumns 2\n"
					 "choice 1 home Quay lại\n"
					 "choice 2 home Một nhãn rất dài không vừa một ô nào cả\n"
					 "choice 3 home A\nchoice 4 home B\nchoice 5 home C\n"
					 "choice 6 home D\nchoice 7 home E\n", &p), 0);
	ss.v = &s;
	ss.n = 1;
	view_check(&ss, NULL, t, &cfg, &p);
	expect_problem(&p, "w.screen:4: choice 2 is 39 columns in \"vi\": room for 31");
	/* 7 choices + back in 2 columns = 4 rows of boxes: it fits. */
	assert_int_equal(p.n, 2); /* choice 2 in vi, and (untranslated) in en */
	problems_clear(&p);
	screendef_free_one(&s);
	i18n_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good_screen),
		cmocka_unit_test(test_parse_errors_have_lines),
		cmocka_unit_test(test_builtins),
		cmocka_unit_test(test_checkout_content_is_clean),
		cmocka_unit_test(test_fit_checks_every_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
