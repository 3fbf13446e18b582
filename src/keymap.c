/* What the keys of the booth mean (see keymap.h). */
#include "keymap.h"

#include <string.h>

#include "config.h"
#include "event.h"
#include "i18n.h"
#include "util.h"

#define ESC "\033"

/* Application-mode keypads (xterm: ESC O j..y and ESC O M; the Linux
 * console: ESC O l + and ESC O P..S), the middle key with NumLock off
 * (ESC [ E, ESC O E, ESC [ G), and the cursor keys as VT220s, tmux and
 * xterm's two cursor modes send them. */
const struct keymap_seq keymap_seqs[] = {
	{ ESC "Op", KM_KP0 }, { ESC "Oq", KM_KP0 + 1 }, { ESC "Or", KM_KP0 + 2 },
	{ ESC "Os", KM_KP0 + 3 }, { ESC "Ot", KM_KP0 + 4 }, { ESC "Ou", KM_KP0 + 5 },
	{ ESC "Ov", KM_KP0 + 6 }, { ESC "Ow", KM_KP0 + 7 }, { ESC "Ox", KM_KP0 + 8 },
	{ ESC "Oy", KM_KP0 + 9 }, { ESC "OM", AK_ENTER }, { ESC "Oj", KM_KPSTAR },
	{ ESC "Ok", KM_KPPLUS }, { ESC "Ol", KM_KPPLUS }, { ESC "Om", KM_KPMINUS },
	{ ESC "On", KM_KPDOT }, { ESC "Oo", KM_KPSLASH }, { ESC "OQ", KM_KPSLASH },
	{ ESC "OR", KM_KPSTAR }, { ESC "OS", KM_KPMINUS },
	{ ESC "[E", KM_BEGIN }, { ESC "OE", KM_BEGIN }, { ESC "[G", KM_BEGIN },
	{ ESC "[A", AK_UP }, { ESC "[B", AK_DOWN }, { ESC "[C", AK_RIGHT }, { ESC "[D", AK_LEFT },
	{ ESC "OA", AK_UP }, { ESC "OB", AK_DOWN }, { ESC "OC", AK_RIGHT }, { ESC "OD", AK_LEFT },
	{ ESC "[1~", KM_HOME }, { ESC "[H", KM_HOME }, { ESC "OH", KM_HOME },
	{ ESC "[4~", KM_END }, { ESC "[F", KM_END }, { ESC "OF", KM_END },
	{ ESC "[5~", KM_PGUP }, { ESC "[6~", KM_PGDN }, { ESC "[2~", KM_INSERT },
	{ ESC "[3~", KM_DELETE },
};

const int keymap_nseqs = (int)(sizeof keymap_seqs / sizeof keymap_seqs[0]);

/* The keys besides the digits: the config's word, the name shown in hints
 * (a message id), and what the key does when no setting gives it a job. */
static const struct {
	const char *word;
	const char *name;
	uint32_t own;
} pad[PAD_N] = {
	[PAD_ENTER] = { "enter", "Enter", AK_ENTER },
	[PAD_PLUS] = { "plus", "+", '+' },
	[PAD_MINUS] = { "minus", "-", '-' },
	[PAD_STAR] = { "star", "*", '*' },
	[PAD_SLASH] = { "slash", "/", '/' },
	[PAD_DOT] = { "dot", "Del", '.' },
	[PAD_HASH] = { "hash", "#", '#' },
	[PAD_BACKSPACE] = { "backspace", N_("Xoá"), AK_BACKSPACE },
};

/* The jobs a key can be given: the setting, what the app gets, and each
 * layout's keys for it. */
static const struct {
	const char *name;
	uint32_t out;
	const char *pc, *phone;
} jobs[] = {
	{ "hash", AK_ENTER, "enter plus", "hash enter" },
	{ "star", '*', "star", "star" },
	{ "backspace", AK_BACKSPACE, "dot backspace", "backspace" },
	{ "voice", AK_VOICE, "minus", "" },
};

#define NJOBS ((int)(sizeof jobs / sizeof jobs[0]))

/* The setting of job j in cfg, or "" when the layout decides. */
static const char *job_setting(const struct config *cfg, int j)
{
	const char *set[NJOBS] = { cfg->keypad_hash, cfg->keypad_star, cfg->keypad_backspace,
				   cfg->keypad_voice };

	return set[j];
}

/* The key named by the n bytes at word, or PAD_N. */
static enum keymap_pad pad_of(const char *word, size_t n)
{
	int i;

	for (i = 0; i < PAD_N; i++)
		if (strlen(pad[i].word) == n && strncmp(pad[i].word, word, n) == 0)
			return (enum keymap_pad)i;
	return PAD_N;
}

/* Gives job j to each key of list (words separated by spaces or commas);
 * *given counts the keys placed in m->order. Returns -1 with *cause set
 * when a key already has a job (lenient: the layout's own voice key then
 * stays with the job the config gave it). */
static int give(struct keymap *m, int j, const char *list, int lenient, int *given,
		int taken[PAD_N], char **cause)
{
	const char *p = list;

	while (*(p += strspn(p, " ,")) != '\0') {
		size_t n = strcspn(p, " ,");
		enum keymap_pad k = pad_of(p, n);

		p += n;
		if (k == PAD_N)
			continue; /* "none" (config.c refuses other words) */
		if (taken[k] >= 0 && jobs[j].out == AK_VOICE && lenient)
			continue; /* the layout's voice key, given another job */
		if (taken[k] >= 0) {
			*cause = xprintf("[keypad] the key \"%s\" is given to both %s and %s",
					 pad[k].word, jobs[taken[k]].name, jobs[j].name);
			return -1;
		}
		taken[k] = j;
		m->out[k] = jobs[j].out;
		m->order[(*given)++] = k;
	}
	return 0;
}

/* Fills m for a keypad booth from each job's list (the layout's when
 * phone or the config's own); the keys with no job come last in order. */
static int give_all(struct keymap *m, const struct config *cfg, int phone, int defaults,
		    char **cause)
{
	int taken[PAD_N], given = 0, j, k;

	for (k = 0; k < PAD_N; k++) {
		m->out[k] = pad[k].own;
		taken[k] = -1;
	}
	for (j = 0; j < NJOBS; j++) {
		const char *list = job_setting(cfg, j);
		int layout = defaults || list[0] == '\0';

		if (layout)
			list = phone ? jobs[j].phone : jobs[j].pc;
		if (give(m, j, list, layout, &given, taken, cause) != 0)
			return -1;
	}
	for (k = 0; k < PAD_N; k++)
		if (taken[k] < 0)
			m->order[given++] = (enum keymap_pad)k;
	return 0;
}

int keymap_init(struct keymap *m, const struct config *cfg, char **cause)
{
	int phone = cfg->keypad_layout == LAYOUT_PHONE;

	memset(m, 0, sizeof *m);
	m->keypad = cfg->input == INPUT_KEYPAD;
	if (give_all(m, cfg, phone, 0, cause) != 0) {
		give_all(m, cfg, phone, 1, cause);
		return -1;
	}
	if (m->keypad && keymap_name(m, AK_ENTER) == NULL) {
		*cause = xstrdup("[keypad] hash: no key finishes a field (the keypad needs one)");
		give_all(m, cfg, phone, 1, cause);
		return -1;
	}
	return 0;
}

/* The digit printed on the keypad key that sent key (NumLock on or off,
 * any keypad mode), or 0. */
static uint32_t keypad_digit(uint32_t key)
{
	static const uint32_t numlock_off[10] = {
		KM_INSERT, KM_END, AK_DOWN, KM_PGDN, AK_LEFT, KM_BEGIN, AK_RIGHT, KM_HOME, AK_UP, KM_PGUP
	};
	uint32_t d;

	if (key >= '0' && key <= '9')
		return key;
	if (key >= KM_KP0 && key <= KM_KP9)
		return '0' + (key - KM_KP0);
	for (d = 0; d < 10; d++)
		if (numlock_off[d] == key)
			return '0' + d;
	return 0;
}

/* The keypad key, other than a digit, that sent key, or PAD_N. */
static enum keymap_pad keypad_other(uint32_t key)
{
	static const struct {
		uint32_t key;
		enum keymap_pad pad;
	} sent[] = {
		{ AK_ENTER, PAD_ENTER }, { '+', PAD_PLUS }, { KM_KPPLUS, PAD_PLUS },
		{ '-', PAD_MINUS }, { KM_KPMINUS, PAD_MINUS }, { '*', PAD_STAR },
		{ KM_KPSTAR, PAD_STAR }, { '/', PAD_SLASH }, { KM_KPSLASH, PAD_SLASH },
		{ '.', PAD_DOT }, { ',', PAD_DOT }, { KM_KPDOT, PAD_DOT }, { KM_DELETE, PAD_DOT },
		{ '#', PAD_HASH }, { AK_BACKSPACE, PAD_BACKSPACE },
	};
	size_t i;

	for (i = 0; i < sizeof sent / sizeof sent[0]; i++)
		if (sent[i].key == key)
			return sent[i].pad;
	return PAD_N;
}

/* A key on a keyboard or touch booth: the keypad's keys type what is
 * printed on them, Delete, Home and End edit, Page Up/Down and Insert mean
 * nothing. */
static uint32_t keyboard_key(uint32_t key)
{
	static const uint32_t typed[] = {
		[KM_KPSTAR - KM_KPSTAR] = '*', [KM_KPPLUS - KM_KPSTAR] = '+',
		[KM_KPMINUS - KM_KPSTAR] = '-', [KM_KPSLASH - KM_KPSTAR] = '/',
		[KM_KPDOT - KM_KPSTAR] = '.',
	};

	if (key >= KM_KP0 && key <= KM_KP9)
		return '0' + (key - KM_KP0);
	if (key >= KM_KPSTAR && key <= KM_KPDOT)
		return typed[key - KM_KPSTAR];
	if (key == KM_DELETE)
		return AK_DELETE;
	if (key == KM_HOME)
		return AK_HOME;
	if (key == KM_END)
		return AK_END;
	if (key >= KM_KP0)
		return AK_IGNORED;
	return key;
}

uint32_t keymap_key(const struct keymap *m, uint32_t key)
{
	uint32_t d;
	enum keymap_pad k;

	if (!m->keypad)
		return keyboard_key(key);
	if ((d = keypad_digit(key)) != 0)
		return d;
	if ((k = keypad_other(key)) != PAD_N)
		return m->out[k];
	return key >= KM_KP0 ? AK_IGNORED : key;
}

const char *keymap_name(const struct keymap *m, uint32_t want)
{
	int i;

	if (!m->keypad) {
		if (want == AK_ENTER)
			return "Enter";
		if (want == AK_BACKSPACE)
			return N_("Xoá"); /* as the on-screen keys say */
		return want == '*' ? "*" : NULL;
	}
	for (i = 0; i < PAD_N; i++)
		if (m->out[m->order[i]] == want)
			return pad[m->order[i]].name;
	return NULL;
}
