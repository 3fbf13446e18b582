/* Tests for keymap.c: on a keypad booth every key of the keypad is the key
 * printed on it in each way a terminal sends it, the [keypad] settings
 * choose the keys acting as #, * and Backspace, and the hints get their
 * names; on keyboard and touch booths arrows stay arrows. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "config.h"
#include "keymap.h"

/* A keymap for input (keyboard, touch, keypad), the [keypad] layout and
 * settings (NULL: not set); fails the test when keymap_init refuses them. */
static struct keymap map(enum ui_input input, enum keypad_layout layout, const char *hash,
			 const char *star, const char *backspace)
{
	struct config cfg;
	struct keymap m;
	char *cause = NULL;

	config_defaults(&cfg);
	cfg.input = input;
	cfg.keypad_layout = layout;
	if (hash)
		snprintf(cfg.keypad_hash, sizeof cfg.keypad_hash, "%s", hash);
	if (star)
		snprintf(cfg.keypad_star, sizeof cfg.keypad_star, "%s", star);
	if (backspace)
		snprintf(cfg.keypad_backspace, sizeof cfg.keypad_backspace, "%s", backspace);
	if (keymap_init(&m, &cfg, &cause) != 0)
		fail_msg("keymap_init: %s", cause);
	return m;
}

/* The key the terminal sends for seq, from keymap_seqs. */
static uint32_t seq_key(const char *seq)
{
	int i;

	for (i = 0; i < keymap_nseqs; i++)
		if (strcmp(keymap_seqs[i].seq, seq) == 0)
			return keymap_seqs[i].key;
	fail_msg("no sequence ESC %s", seq + 1);
	return 0;
}

/* Each digit key of a PC numpad as it comes with NumLock on (the
 * character), in application mode (ESC O p ... ESC O y, or the curses
 * KEY_A1 ... codes term.c turns into KM_KP*), and with NumLock off (the
 * cursor keys): every one is its digit on a keypad booth. */
static void test_keypad_digits_in_every_mode(void **state)
{
	static const uint32_t numlock_off[10] = {
		KM_INSERT, KM_END, AK_DOWN, KM_PGDN, AK_LEFT, KM_BEGIN, AK_RIGHT, KM_HOME, AK_UP, KM_PGUP
	};
	struct keymap pc = map(INPUT_KEYPAD, LAYOUT_PC, NULL, NULL, NULL);
	struct keymap phone = map(INPUT_KEYPAD, LAYOUT_PHONE, NULL, NULL, NULL);
	char seq[4] = "\033O?";
	uint32_t d;

	(void)state;
	for (d = 0; d < 10; d++) {
		seq[2] = (char)('p' + d);
		assert_int_equal(keymap_key(&pc, '0' + d), '0' + d);
		assert_int_equal(keymap_key(&pc, KM_KP0 + d), '0' + d);
		assert_int_equal(keymap_key(&pc, seq_key(seq)), '0' + d);
		assert_int_equal(keymap_key(&pc, numlock_off[d]), '0' + d);
		assert_int_equal(keymap_key(&phone, numlock_off[d]), '0' + d);
	}
	/* The middle key with NumLock off: xterm, and the Linux console. */
	assert_int_equal(keymap_key(&pc, seq_key("\033[E")), '5');
	assert_int_equal(keymap_key(&pc, seq_key("\033[G")), '5');
	/* Home and End as tmux and VT220s send them. */
	assert_int_equal(keymap_key(&pc, seq_key("\033[1~")), '7');
	assert_int_equal(keymap_key(&pc, seq_key("\033[4~")), '1');
}

/* A PC numpad's other keys with the default layout: Enter and + finish
 * (the app's # is AK_ENTER), * is *, . (Del) is Backspace, / stays / (the
 * helper sequence * / * /), in each mode of the terminal. */
static void test_pc_layout(void **state)
{
	struct keymap m = map(INPUT_KEYPAD, LAYOUT_PC, NULL, NULL, NULL);

	(void)state;
	assert_int_equal(keymap_key(&m, AK_ENTER), AK_ENTER);
	assert_int_equal(keymap_key(&m, seq_key("\033OM")), AK_ENTER);
	assert_int_equal(keymap_key(&m, '+'), AK_ENTER);
	assert_int_equal(keymap_key(&m, seq_key("\033Ok")), AK_ENTER);
	assert_int_equal(keymap_key(&m, seq_key("\033Ol")), AK_ENTER); /* the Linux console's + */
	assert_int_equal(keymap_key(&m, '*'), '*');
	assert_int_equal(keymap_key(&m, seq_key("\033Oj")), '*');
	assert_int_equal(keymap_key(&m, seq_key("\033OR")), '*');
	assert_int_equal(keymap_key(&m, '.'), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, ','), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, seq_key("\033On")), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, KM_DELETE), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, AK_BACKSPACE), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, '/'), '/');
	assert_int_equal(keymap_key(&m, seq_key("\033Oo")), '/');
	assert_int_equal(keymap_key(&m, seq_key("\033OQ")), '/');
	/* - says the screen again (the voice); so does F1 on every booth. */
	assert_int_equal(keymap_key(&m, seq_key("\033Om")), AK_VOICE);
	assert_int_equal(keymap_key(&m, '-'), AK_VOICE);
	assert_int_equal(keymap_key(&m, AK_VOICE), AK_VOICE);
	assert_int_equal(keymap_key(&m, '#'), '#');
	assert_string_equal(keymap_name(&m, AK_ENTER), "Enter");
	assert_string_equal(keymap_name(&m, AK_BACKSPACE), "Del");
	assert_string_equal(keymap_name(&m, '*'), "*");
}

/* A 12-key phone-style keypad sends # and * as characters: # finishes. */
static void test_phone_layout(void **state)
{
	struct keymap m = map(INPUT_KEYPAD, LAYOUT_PHONE, NULL, NULL, NULL);

	(void)state;
	assert_int_equal(keymap_key(&m, '#'), AK_ENTER);
	assert_int_equal(keymap_key(&m, AK_ENTER), AK_ENTER);
	assert_int_equal(keymap_key(&m, '*'), '*');
	assert_int_equal(keymap_key(&m, AK_BACKSPACE), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, '+'), '+');
	assert_int_equal(keymap_key(&m, '.'), '.');
	assert_int_equal(keymap_key(&m, '-'), '-');  /* no voice key of its own */
	assert_string_equal(keymap_name(&m, AK_ENTER), "#");
	assert_string_equal(keymap_name(&m, AK_BACKSPACE), "Xoá");
}

/* The settings override the layout; the first key named is the hint's. */
static void test_settings_choose_the_keys(void **state)
{
	struct keymap m = map(INPUT_KEYPAD, LAYOUT_PC, "plus", "slash", "minus, dot");

	(void)state;
	assert_int_equal(keymap_key(&m, '+'), AK_ENTER);
	assert_int_equal(keymap_key(&m, '/'), '*');
	assert_int_equal(keymap_key(&m, '-'), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, '.'), AK_BACKSPACE);
	assert_int_equal(keymap_key(&m, '*'), '*');          /* its own meaning */
	assert_int_equal(keymap_key(&m, AK_ENTER), AK_ENTER);
	assert_string_equal(keymap_name(&m, AK_ENTER), "+");
	assert_string_equal(keymap_name(&m, AK_BACKSPACE), "-");
	assert_string_equal(keymap_name(&m, '*'), "/");
	/* "none": no key acts as * (the * key then types *). */
	m = map(INPUT_KEYPAD, LAYOUT_PC, NULL, "none", NULL);
	assert_int_equal(keymap_key(&m, seq_key("\033Oj")), '*');
	m = map(INPUT_KEYPAD, LAYOUT_PC, NULL, "none", "star");
	assert_int_equal(keymap_key(&m, '*'), AK_BACKSPACE);
	assert_null(keymap_name(&m, '*'));
}

/* Expects keymap_init to refuse the settings with a message holding want,
 * leaving the layout's defaults. */
static void expect_refused(const char *hash, const char *star, const char *backspace,
			   const char *want)
{
	struct config cfg;
	struct keymap m;
	char *cause = NULL;

	config_defaults(&cfg);
	cfg.input = INPUT_KEYPAD;
	snprintf(cfg.keypad_hash, sizeof cfg.keypad_hash, "%s", hash);
	snprintf(cfg.keypad_star, sizeof cfg.keypad_star, "%s", star);
	snprintf(cfg.keypad_backspace, sizeof cfg.keypad_backspace, "%s", backspace);
	assert_int_equal(keymap_init(&m, &cfg, &cause), -1);
	if (cause == NULL || strstr(cause, want) == NULL)
		fail_msg("got \"%s\", wanted \"%s\"", cause ? cause : "(none)", want);
	free(cause);
	assert_int_equal(keymap_key(&m, '+'), AK_ENTER);
	assert_int_equal(keymap_key(&m, '.'), AK_BACKSPACE);
}

static void test_bad_settings_are_refused(void **state)
{
	(void)state;
	expect_refused("enter plus", "plus", "", "the key \"plus\" is given to both hash and star");
	expect_refused("none", "", "enter", "no key finishes a field");
}

/* On keyboard and touch booths arrows are arrows, Delete is Backspace,
 * the keypad types what is printed on it, Home and the like do nothing. */
static void test_keyboard_booth(void **state)
{
	struct keymap kb = map(INPUT_KEYBOARD, LAYOUT_PC, NULL, NULL, NULL);
	struct keymap touch = map(INPUT_TOUCH, LAYOUT_PC, NULL, NULL, NULL);
	struct keymap zero;

	(void)state;
	memset(&zero, 0, sizeof zero);
	assert_int_equal(keymap_key(&kb, AK_UP), AK_UP);
	assert_int_equal(keymap_key(&kb, AK_LEFT), AK_LEFT);
	assert_int_equal(keymap_key(&touch, AK_DOWN), AK_DOWN);
	assert_int_equal(keymap_key(&kb, KM_DELETE), AK_DELETE);
	assert_int_equal(keymap_key(&kb, KM_KP0 + 3), '3');
	assert_int_equal(keymap_key(&kb, seq_key("\033Oj")), '*');
	assert_int_equal(keymap_key(&kb, seq_key("\033On")), '.');
	assert_int_equal(keymap_key(&kb, KM_HOME), AK_HOME);
	assert_int_equal(keymap_key(&kb, KM_PGDN), AK_IGNORED);
	assert_int_equal(keymap_key(&kb, seq_key("\033[E")), AK_IGNORED); /* NumLock off: no 5 */
	assert_int_equal(keymap_key(&kb, '.'), '.');
	assert_int_equal(keymap_key(&kb, '#'), '#');
	assert_int_equal(keymap_key(&kb, 0x1ea1), 0x1ea1); /* ạ */
	assert_string_equal(keymap_name(&kb, AK_ENTER), "Enter");
	assert_string_equal(keymap_name(&kb, AK_BACKSPACE), "Xoá");
	assert_string_equal(keymap_name(&touch, AK_BACKSPACE), "Xoá");
	assert_string_equal(keymap_name(&zero, AK_ENTER), "Enter");
}

/* Keys that are no keypad's pass on a keypad booth (a scanner's letters),
 * or are ignored (an unknown KM_* key, Esc and function keys). */
static void test_other_keys_on_a_keypad_booth(void **state)
{
	struct keymap m = map(INPUT_KEYPAD, LAYOUT_PC, NULL, NULL, NULL);

	(void)state;
	assert_int_equal(keymap_key(&m, 'a'), 'a');
	assert_int_equal(keymap_key(&m, AK_IGNORED), AK_IGNORED);
	assert_int_equal(keymap_key(&m, KM_BEGIN + 1), AK_IGNORED);
}

/* Each sequence is listed once, and is an escape sequence. */
static void test_sequences_are_unique(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < keymap_nseqs; i++) {
		assert_int_equal(keymap_seqs[i].seq[0], '\033');
		for (j = i + 1; j < keymap_nseqs; j++)
			if (strcmp(keymap_seqs[i].seq, keymap_seqs[j].seq) == 0)
				fail_msg("ESC %s is listed twice", keymap_seqs[i].seq + 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keypad_digits_in_every_mode),
		cmocka_unit_test(test_pc_layout),
		cmocka_unit_test(test_phone_layout),
		cmocka_unit_test(test_settings_choose_the_keys),
		cmocka_unit_test(test_bad_settings_are_refused),
		cmocka_unit_test(test_keyboard_booth),
		cmocka_unit_test(test_other_keys_on_a_keypad_booth),
		cmocka_unit_test(test_sequences_are_unique),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
