/* Tests for config.c: defaults, good values, and errors that name the
 * file, line and key. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

/* Writes text to a temp file and loads it over the defaults. */
static int load(const char *text, struct config *cfg, char **cause, char *path)
{
	int fd;
	FILE *f;

	strcpy(path, "/tmp/kiosk-config-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	config_defaults(cfg);
	*cause = NULL;
	return config_load(cfg, path, cause);
}

static void test_defaults_run_offline(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_string_equal(cfg.state_dir, "var");
	assert_int_equal(cfg.printer_type, PRINTER_FILE);
	assert_string_equal(cfg.upload_url, "");
	assert_string_equal(cfg.language, "vi");
	assert_int_equal(cfg.idle_timeout, 90);
}

static void test_values_are_read_and_normalised(void **state)
{
	struct config cfg;
	char *cause, path[64];

	(void)state;
	/* "Xã Hành Đức" typed with combining marks (NFD). */
	assert_int_equal(load("; comment\n[booth]\nid = hd-07\ncommune = Xa\xcc\x83 Ha\xcc\x80nh \xc4\x90\xc6\xb0\xcc\x81" "c\n"
			      "[ui]\nidle_timeout = 45\nlanguage = en\ninput = keypad\n"
			      "[touch]\nfont_size = 28\n",
			      &cfg, &cause, path), 0);
	assert_string_equal(cfg.booth_id, "hd-07");
	assert_string_equal(cfg.commune, "Xã Hành Đức");
	assert_int_equal(cfg.idle_timeout, 45);
	assert_string_equal(cfg.language, "en");
	assert_int_equal(cfg.input, INPUT_KEYPAD);
	assert_int_equal(cfg.touch_font_size, 28);
	assert_string_equal(cfg.path, path);
	unlink(path);
}

/* Expects loading text to fail with a message ending in want, after path:line. */
static void expect_error(const char *text, int line, const char *want)
{
	struct config cfg;
	char *cause, path[64], prefix[96];

	assert_int_equal(load(text, &cfg, &cause, path), -1);
	snprintf(prefix, sizeof prefix, "%s:%d: ", path, line);
	if (strncmp(cause, prefix, strlen(prefix)) != 0 || strstr(cause, want) == NULL)
		fail_msg("got \"%s\", wanted \"%s%s\"", cause, prefix, want);
	free(cause);
	unlink(path);
}

static void test_errors_name_line_and_key(void **state)
{
	(void)state;
	expect_error("[ui]\nidle_timeout = 4\n", 2, "[ui] idle_timeout must be a whole number from 5 to 3600");
	expect_error("[ui]\nidle_timeout = 30s\n", 2, "[ui] idle_timeout must be a whole number");
	expect_error("\n\n[ui]\nlanguage = fr\n", 4, "[ui] language must be one of: vi en");
	expect_error("[touch]\nfont_size = 300\n", 2, "[touch] font_size must be a whole number from 0 to 200");
	expect_error("[booth]\nid = 1\nnmae = x\n", 3, "[booth] nmae: unknown key");
	expect_error("[printr]\ntype = file\n", 2, "unknown section [printr]");
	expect_error("[booth]\njust words\n", 2, "not a \"key = value\" line");
}

/* Found by fuzzing (tests/fuzz/fuzz_config.c): libinih reads on after a bad
 * line, and every later bad key replaced the message (and leaked the
 * first) while the line number stayed the first one's. */
static void test_first_error_is_reported(void **state)
{
	(void)state;
	expect_error("[printr]\ntype = file\nwidth = 58\n", 2, "unknown section [printr] (key type)");
	expect_error("[booth]\nnmae = x\nid = 1\ncomune = y\n", 2, "[booth] nmae: unknown key");
	expect_error("[booth]\njust words\nnmae = x\n", 2, "not a \"key = value\" line");
}

/* [keypad]: the layout, and lists of key names separated by spaces or
 * commas, each name checked; one key given two jobs is refused. */
static void test_keypad_section(void **state)
{
	struct config cfg;
	char *cause, path[64];

	(void)state;
	assert_int_equal((config_defaults(&cfg), cfg.keypad_layout), LAYOUT_PC);
	assert_string_equal(cfg.keypad_hash, "");
	assert_int_equal(load("[ui]\ninput = keypad\n[keypad]\nlayout = phone\nhash = hash,  enter\n"
			      "backspace = dot,backspace\nstar = none\n", &cfg, &cause, path), 0);
	assert_int_equal(cfg.keypad_layout, LAYOUT_PHONE);
	assert_string_equal(cfg.keypad_hash, "hash enter");
	assert_string_equal(cfg.keypad_backspace, "dot backspace");
	assert_string_equal(cfg.keypad_star, "none");
	unlink(path);
	expect_error("[keypad]\nlayout = numpad\n", 2, "[keypad] layout must be one of: pc phone");
	expect_error("[keypad]\nhash = enter, pluss\n", 2,
		     "[keypad] hash takes words from: enter plus minus star slash dot hash backspace none "
		     "(not \"pluss\")");
	assert_int_equal(load("[keypad]\nhash = plus\nstar = plus\n", &cfg, &cause, path), -1);
	assert_non_null(strstr(cause, path));
	assert_non_null(strstr(cause, "[keypad] the key \"plus\" is given to both hash and star"));
	free(cause);
	unlink(path);
}

static void test_missing_file(void **state)
{
	struct config cfg;
	char *cause = NULL;

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(config_load(&cfg, "/nonexistent/kiosk.ini", &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/kiosk.ini: cannot open"));
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_run_offline),
		cmocka_unit_test(test_values_are_read_and_normalised),
		cmocka_unit_test(test_errors_name_line_and_key),
		cmocka_unit_test(test_first_error_is_reported),
		cmocka_unit_test(test_keypad_section),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
