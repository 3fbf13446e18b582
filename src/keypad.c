/* Text entry with only a numeric keypad: multi-tap spelling, then
 * numbered choices of real syllables (see keypad.h). */
#include "keypad.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "vi_input.h"
#include "vi_names.h"

static const char *const taps_of[10] = {
	NULL, NULL, "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz",
};

int keypad_init(struct keypad *k, const char *path, char **cause)
{
	size_t len, cap = 0;
	char *data, *line, *save = NULL;

	memset(k, 0, sizeof *k);
	data = file_read(path, &len);
	if (data == NULL) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *fold;

		if (line[0] == '#' || line[0] == '\0')
			continue;
		fold = text_fold(line);
		if (fold == NULL || fold[0] == '\0') {
			free(fold);
			continue;
		}
		if (k->nsyllables == cap) {
			cap = cap ? cap * 2 : 8192;
			k->syllable = xrealloc(k->syllable, cap * sizeof *k->syllable);
			k->folded = xrealloc(k->folded, cap * sizeof *k->folded);
		}
		k->syllable[k->nsyllables] = xstrdup(line);
		k->folded[k->nsyllables++] = fold;
	}
	free(data);
	return 0;
}

/* Drops the choices and goes back to spelling. */
static void choices_free(struct keypad *k)
{
	int i;

	for (i = 0; i < k->nchoices; i++)
		free(k->choice[i]);
	free(k->choice);
	k->choice = NULL;
	k->nchoices = 0;
	k->page = 0;
	k->mode = KEYPAD_SPELLING;
}

/* Forgets the spelled word. */
static void spell_reset(struct keypad *k)
{
	choices_free(k);
	wipe(k->spell, sizeof k->spell);
	wipe(k->shown, sizeof k->shown);
	k->nspell = 0;
	k->tap_key = 0;
	k->taps = 0;
}

void keypad_reset(struct keypad *k)
{
	spell_reset(k);
	k->mode = KEYPAD_SPELLING;
}

void keypad_free(struct keypad *k)
{
	size_t i;

	spell_reset(k);
	for (i = 0; i < k->nsyllables; i++) {
		free(k->syllable[i]);
		free(k->folded[i]);
	}
	free(k->syllable);
	free(k->folded);
	memset(k, 0, sizeof *k);
}

/* The letter being tapped, or 0. */
static char tapped(const struct keypad *k)
{
	const char *letters = k->tap_key ? taps_of[k->tap_key - '0'] : NULL;

	return letters ? letters[(k->taps - 1) % (int)strlen(letters)] : '\0';
}

int keypad_timeout(struct keypad *k)
{
	char c = tapped(k);

	k->tap_key = 0;
	k->taps = 0;
	if (c == '\0')
		return 0;
	k->spell[k->nspell++] = c;
	k->spell[k->nspell] = '\0';
	return 1;
}

const char *keypad_spelling(struct keypad *k)
{
	char c = tapped(k);

	snprintf(k->shown, sizeof k->shown, "%s%s", k->spell, (char[]){ c, '\0' });
	return k->shown;
}

int keypad_page(const struct keypad *k, char *const **first)
{
	int left = k->nchoices - k->page * KEYPAD_PAGE;

	*first = NULL;
	if (k->mode != KEYPAD_CHOOSING || left <= 0)
		return 0;
	*first = k->choice + k->page * KEYPAD_PAGE;
	return left < KEYPAD_PAGE ? left : KEYPAD_PAGE;
}

/* A new copy of word with its first letter in upper or lower case. */
static char *recase(const char *word, int upper)
{
	struct vi_word w;
	char out[VI_TEXT_MAX];

	vi_word_init(&w, VI_NONE, 0);
	if (vi_word_load(&w, word, strlen(word)) != 0 || w.n == 0)
		return xstrdup(word);
	w.letter[0].upper = (unsigned char)upper;
	vi_word_text(&w, out);
	return xstrdup(out);
}

/* Adds a choice (capitalised or not) unless it is there already. */
static void choice_add(struct keypad *k, const char *word, int caps)
{
	char *c = recase(word, caps);
	int i;

	for (i = 0; i < k->nchoices; i++)
		if (strcmp(k->choice[i], c) == 0) {
			free(c);
			return;
		}
	k->choice = xrealloc(k->choice, (size_t)(k->nchoices + 1) * sizeof *k->choice);
	k->choice[k->nchoices++] = c;
}

/* The tone of a syllable (0 none ... 5 nặng), for ordering choices. */
static int tone_of(const char *s)
{
	struct vi_word w;

	vi_word_init(&w, VI_NONE, 0);
	vi_word_load(&w, s, strlen(s));
	return (int)w.tone;
}

/* The ordering of syllable choices: by tone (none, huyền, sắc, hỏi, ngã,
 * nặng, the order Vietnamese dictionaries use), then by spelling. */
static int by_tone(const void *a, const void *b)
{
	static const int rank[] = { 0, 2, 1, 3, 4, 5 };
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int d = rank[tone_of(x)] - rank[tone_of(y)];

	return d != 0 ? d : strcmp(x, y);
}

/* Lists the choices for the spelled letters: name syllables, the other
 * syllables, then the letters as spelled. */
static void choices_build(struct keypad *k, const struct field *f)
{
	size_t i, start, nmatch = 0;
	const char **match = xcalloc(k->nsyllables + 1, sizeof *match);
	int caps = (f->flags & FIELD_CAPS) && field_word(f, &start) == 0;

	choices_free(k);
	for (i = 0; i < vi_names_count; i++) {
		char *fold = text_fold(vi_names[i]);

		if (fold != NULL && strcmp(fold, k->spell) == 0)
			choice_add(k, vi_names[i], caps);
		free(fold);
	}
	for (i = 0; i < k->nsyllables; i++)
		if (strcmp(k->folded[i], k->spell) == 0 && vi_names_rank(k->syllable[i]) < 0)
			match[nmatch++] = k->syllable[i];
	qsort(match, nmatch, sizeof *match, by_tone);
	for (i = 0; i < nmatch; i++)
		choice_add(k, match[i], caps);
	free(match);
	choice_add(k, k->spell, caps);
	k->mode = KEYPAD_CHOOSING;
}

/* Types choice i (and a space) into the field; back to spelling. */
static enum keypad_result take(struct keypad *k, int i, int space, struct field *f)
{
	int ok;

	if (i < 0 || i >= k->nchoices)
		return KEYPAD_REFUSED;
	ok = field_insert(f, k->choice[i], strlen(k->choice[i]));
	if (ok && space)
		ok = field_insert(f, " ", 1);
	spell_reset(k);
	return ok ? KEYPAD_TYPED : KEYPAD_REFUSED;
}

/* A key while spelling. */
static enum keypad_result spelling_key(struct keypad *k, int key, struct field *f)
{
	if (key >= '2' && key <= '9') {
		if (key == k->tap_key) {
			k->taps++;
			return KEYPAD_CHANGED;
		}
		keypad_timeout(k);
		if (k->nspell >= KEYPAD_SPELL_MAX)
			return KEYPAD_REFUSED;
		k->tap_key = key;
		k->taps = 1;
		return KEYPAD_CHANGED;
	}
	keypad_timeout(k);
	switch (key) {
	case '1':
		return KEYPAD_CHANGED;
	case '#':
	case '*':
	case KEYPAD_ENTER:
		if (k->nspell == 0)
			return key == '*' ? KEYPAD_NOTHING : KEYPAD_DONE;
		choices_build(k, f);
		return KEYPAD_CHANGED;
	case '0':
		if (k->nspell == 0)
			return field_insert(f, " ", 1) ? KEYPAD_TYPED : KEYPAD_REFUSED;
		choices_build(k, f);
		return take(k, 0, 1, f);
	case KEYPAD_BACKSPACE:
		if (k->nspell == 0)
			return field_backspace(f) ? KEYPAD_TYPED : KEYPAD_NOTHING;
		k->spell[--k->nspell] = '\0';
		return KEYPAD_CHANGED;
	}
	return KEYPAD_NOTHING;
}

enum keypad_result keypad_key(struct keypad *k, int key, struct field *f)
{
	if (k->mode == KEYPAD_SPELLING)
		return spelling_key(k, key, f);
	if (key >= '1' && key <= '9')
		return take(k, k->page * KEYPAD_PAGE + key - '1', 0, f);
	switch (key) {
	case '*':
		k->page++;
		if (k->page * KEYPAD_PAGE >= k->nchoices)
			k->page = 0;
		return KEYPAD_CHANGED;
	case '#':
	case KEYPAD_ENTER:
		return take(k, k->page * KEYPAD_PAGE, 0, f);
	case '0':
		return take(k, k->page * KEYPAD_PAGE, 1, f);
	case KEYPAD_BACKSPACE:
		choices_free(k);
		return KEYPAD_CHANGED;
	}
	return KEYPAD_NOTHING;
}
