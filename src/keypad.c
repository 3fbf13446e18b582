/* Text entry with only a numeric keypad: predictive words or multi-tap
 * letters, numbered choices, digits (see keypad.h). */
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

/* The punctuation 1 offers with nothing spelled. */
static const char *const marks[] = { ",", ".", "-", "/", "(", ")", ":", "'" };

/* Loads the multi-tap syllable list from path. */
static int load_syllables(struct keypad *k, const char *path, char **cause)
{
	size_t len, cap = 0;
	char *data, *line, *save = NULL;

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

int keypad_init(struct keypad *k, enum keypad_style style, const char *dir, char **cause)
{
	char *syllables = xprintf("%s/vi-syllables.txt", dir);
	char *weights = xprintf("%s/vi-freq.txt", dir);
	int rc;

	memset(k, 0, sizeof *k);
	k->style = style;
	k->letters_at = -1;
	if (style == KEYPAD_PREDICTIVE)
		rc = predict_load(&k->dict, syllables, weights, cause);
	else
		rc = load_syllables(k, syllables, cause);
	free(syllables);
	free(weights);
	return rc;
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
	k->first = 0;
	k->letters_at = -1;
	k->punctuation = 0;
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
	k->input = KEYPAD_WORDS;
	k->owner = NULL;
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
	predict_free(&k->dict);
	memset(k, 0, sizeof *k);
}

char keypad_tapped(const struct keypad *k)
{
	const char *letters = k->tap_key ? taps_of[k->tap_key - '0'] : NULL;

	return letters ? letters[(k->taps - 1) % (int)strlen(letters)] : '\0';
}

/* Ends the letter being tapped: it joins the spelling. Returns 1 when a
 * letter was pending. */
static int end_tap(struct keypad *k)
{
	char c = keypad_tapped(k);

	k->tap_key = 0;
	k->taps = 0;
	if (c == '\0')
		return 0;
	k->spell[k->nspell++] = c;
	k->spell[k->nspell] = '\0';
	return 1;
}

int keypad_clock(struct keypad *k, long long now_ms)
{
	k->now_ms = now_ms;
	return k->tap_key != 0 && now_ms - k->tap_ms >= KEYPAD_PAUSE_MS && end_tap(k);
}

int keypad_wait_ms(const struct keypad *k)
{
	long long left = k->tap_ms + KEYPAD_PAUSE_MS - k->now_ms;

	if (k->tap_key == 0)
		return -1;
	return left < 0 ? 0 : (int)left;
}

const char *keypad_spelling(struct keypad *k)
{
	char c = keypad_tapped(k);

	snprintf(k->shown, sizeof k->shown, "%s%s", k->spell, (char[]){ c, '\0' });
	return k->shown;
}

/* How many choices from first fit one row (each "n word" and two spaces). */
static int page_len(const struct keypad *k, int first)
{
	int n = 0, cols = 0;

	while (first + n < k->nchoices && n < KEYPAD_PAGE) {
		int w = 2 + text_width(k->choice[first + n]);

		if (n > 0 && cols + 2 + w > KEYPAD_ROW_COLS)
			break;
		cols += (n > 0 ? 2 : 0) + w;
		n++;
	}
	return n;
}

int keypad_page(const struct keypad *k, char *const **first)
{
	int n = k->nchoices > 0 ? page_len(k, k->first) : 0;

	*first = n > 0 ? k->choice + k->first : NULL;
	return n;
}

int keypad_more(const struct keypad *k)
{
	return k->nchoices > k->first + page_len(k, k->first);
}

int keypad_is_letters(const struct keypad *k, int i)
{
	return k->letters_at >= 0 && k->first + i == k->letters_at;
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

/* True when the word being typed into f starts a name's or a place's
 * word: a capital, as the address picker writes "Xã Nghĩa Hành". */
static int caps_here(const struct field *f)
{
	size_t start;

	return (f->flags & (FIELD_CAPS | FIELD_PLACE)) && field_word(f, &start) == 0;
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

/* Multi-tap: the choices for the spelled letters: name syllables, the
 * other syllables, then the letters as spelled. */
static void multitap_choices(struct keypad *k, const struct field *f)
{
	size_t i, nmatch = 0;
	const char **match = xcalloc(k->nsyllables + 1, sizeof *match);
	int caps = caps_here(f);

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

/* The place of the word being typed among the words of f before it. */
static int word_index(const struct field *f)
{
	const char *t = field_text(f);
	size_t i;
	int n = 0;

	for (i = 0; i < f->cursor; i++)
		if (t[i] != ' ' && (i == 0 || t[i - 1] == ' '))
			n++;
	return n;
}

/* Predictive: the proposals for the keys pressed, then "abc". */
static void proposals(struct keypad *k, const struct field *f)
{
	const char *found[KEYPAD_PROPOSALS];
	enum predict_kind kind = f->flags & FIELD_CAPS ? PREDICT_NAME
			       : f->flags & FIELD_PLACE ? PREDICT_PLACE : PREDICT_TEXT;
	size_t n = predict_find(&k->dict, k->spell, kind, word_index(f), found, KEYPAD_PROPOSALS), i;
	int caps = caps_here(f);

	choices_free(k);
	for (i = 0; i < n; i++)
		choice_add(k, found[i], caps);
	if (k->nspell > 0) {
		k->letters_at = k->nchoices;
		choice_add(k, "abc", 0);
	}
}

/* Inserts a punctuation mark: after the word before it (a space typed
 * before it goes), then a space, as in "Thôn 3, xã". */
static int put_mark(struct field *f, const char *mark)
{
	const char *t = field_text(f);
	int closing = strchr(",.:)", mark[0]) != NULL;

	if (closing && f->cursor > 0 && t[f->cursor - 1] == ' ')
		field_backspace(f);
	if (!field_insert(f, mark, strlen(mark)))
		return 0;
	return !closing || field_insert(f, " ", 1);
}

/* Takes choice i (and a space); back to spelling words. */
static enum keypad_result take(struct keypad *k, int i, int space, struct field *f)
{
	int ok;

	if (i < 0 || i >= k->nchoices)
		return KEYPAD_REFUSED;
	if (i == k->letters_at) {
		spell_reset(k);
		k->input = KEYPAD_LETTERS;
		return KEYPAD_CHANGED;
	}
	if (k->punctuation) {
		ok = put_mark(f, k->choice[i]);
	} else {
		ok = field_insert(f, k->choice[i], strlen(k->choice[i]));
		if (ok && space)
			ok = field_insert(f, " ", 1);
	}
	spell_reset(k);
	return ok ? KEYPAD_TYPED : KEYPAD_REFUSED;
}

/* Finishes the field: a space typed last goes. */
static enum keypad_result done(struct field *f)
{
	const char *t = field_text(f);

	if (f->cursor > 0 && f->cursor == f->len && t[f->len - 1] == ' ')
		field_backspace(f);
	return KEYPAD_DONE;
}

/* Types the letters spelled (multi-tap) into f, and a space. */
static enum keypad_result put_letters(struct keypad *k, struct field *f, int space)
{
	int ok = 1;

	end_tap(k);
	if (k->nspell > 0) {
		char *word = recase(k->spell, caps_here(f));

		ok = field_insert(f, word, strlen(word));
		free(word);
	}
	if (ok && space)
		ok = field_insert(f, " ", 1);
	spell_reset(k);
	k->input = KEYPAD_WORDS;
	return ok ? KEYPAD_TYPED : KEYPAD_REFUSED;
}

/* Switches words and digits. */
static enum keypad_result switch_input(struct keypad *k)
{
	k->input = k->input == KEYPAD_DIGITS ? KEYPAD_WORDS : KEYPAD_DIGITS;
	return KEYPAD_CHANGED;
}

/* A key while typing digits. */
static enum keypad_result digits_key(struct keypad *k, int key, struct field *f)
{
	if (key >= '0' && key <= '9')
		return field_insert(f, (char[]){ (char)key, '\0' }, 1) ? KEYPAD_TYPED : KEYPAD_REFUSED;
	switch (key) {
	case '*':
		return switch_input(k);
	case '#':
	case KEYPAD_ENTER:
		return done(f);
	case KEYPAD_BACKSPACE:
		return field_backspace(f) ? KEYPAD_TYPED : KEYPAD_NOTHING;
	}
	return KEYPAD_NOTHING;
}

/* A tap of a letter key (multi-tap). */
static enum keypad_result tap(struct keypad *k, int key)
{
	if (key == k->tap_key) {
		k->taps++;
		k->tap_ms = k->now_ms;
		return KEYPAD_CHANGED;
	}
	end_tap(k);
	if (k->nspell >= KEYPAD_SPELL_MAX)
		return KEYPAD_REFUSED;
	k->tap_key = key;
	k->taps = 1;
	k->tap_ms = k->now_ms;
	return KEYPAD_CHANGED;
}

/* Backspace while spelling: the last letter or key, or the field's last
 * character. */
static enum keypad_result spell_back(struct keypad *k, struct field *f)
{
	if (k->tap_key != 0) {
		k->tap_key = 0;
		k->taps = 0;
		return KEYPAD_CHANGED;
	}
	if (k->nspell == 0)
		return field_backspace(f) ? KEYPAD_TYPED : KEYPAD_NOTHING;
	k->spell[--k->nspell] = '\0';
	return KEYPAD_CHANGED;
}

/* A key while spelling letters by multi-tap (the letters input, or the
 * multitap style's spelling). */
static enum keypad_result letters_key(struct keypad *k, int key, struct field *f)
{
	if (key >= '2' && key <= '9')
		return tap(k, key);
	if (key == KEYPAD_BACKSPACE)
		return spell_back(k, f);
	end_tap(k);
	if (key == '1')
		return KEYPAD_CHANGED;
	if (k->style == KEYPAD_PREDICTIVE) {
		if (key == '0' || key == '#' || key == '*' || key == KEYPAD_ENTER)
			return put_letters(k, f, key == '0');
		return KEYPAD_NOTHING;
	}
	switch (key) {
	case '*':
	case '#':
	case KEYPAD_ENTER:
		if (k->nspell == 0)
			return key == '*' ? switch_input(k) : done(f);
		multitap_choices(k, f);
		return KEYPAD_CHANGED;
	case '0':
		if (k->nspell == 0)
			return field_insert(f, " ", 1) ? KEYPAD_TYPED : KEYPAD_REFUSED;
		multitap_choices(k, f);
		return take(k, 0, 1, f);
	}
	return KEYPAD_NOTHING;
}

/* Predictive: 1 with nothing pressed offers punctuation. */
static enum keypad_result offer_marks(struct keypad *k)
{
	size_t i;

	choices_free(k);
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		choice_add(k, marks[i], 0);
	k->punctuation = 1;
	k->mode = KEYPAD_CHOOSING;
	return KEYPAD_CHANGED;
}

/* A key while spelling predictive words. */
static enum keypad_result words_key(struct keypad *k, int key, struct field *f)
{
	if (key >= '2' && key <= '9') {
		if (k->nspell >= KEYPAD_SPELL_MAX)
			return KEYPAD_REFUSED;
		k->spell[k->nspell++] = (char)key;
		k->spell[k->nspell] = '\0';
		proposals(k, f);
		return KEYPAD_CHANGED;
	}
	switch (key) {
	case '0':
		if (k->nspell == 0)
			return field_insert(f, " ", 1) ? KEYPAD_TYPED : KEYPAD_REFUSED;
		return take(k, 0, 1, f);
	case '#':
	case KEYPAD_ENTER:
		return k->nspell == 0 ? done(f) : take(k, 0, 0, f);
	case '1':
		if (k->nspell == 0)
			return offer_marks(k);
		k->mode = KEYPAD_CHOOSING;
		return KEYPAD_CHANGED;
	case '*':
		if (k->nspell > 0 && k->letters_at != 0)
			take(k, 0, 0, f);
		spell_reset(k);
		switch_input(k);
		return KEYPAD_TYPED;
	case KEYPAD_BACKSPACE:
		if (k->nspell == 0)
			return field_backspace(f) ? KEYPAD_TYPED : KEYPAD_NOTHING;
		k->spell[--k->nspell] = '\0';
		proposals(k, f);
		return KEYPAD_CHANGED;
	}
	return KEYPAD_NOTHING;
}

/* A key while the choices are numbered. */
static enum keypad_result choosing_key(struct keypad *k, int key, struct field *f)
{
	int n = page_len(k, k->first);

	if (key >= '1' && key <= '9')
		return key - '1' < n ? take(k, k->first + key - '1', k->style == KEYPAD_PREDICTIVE, f)
				     : KEYPAD_REFUSED;
	switch (key) {
	case '*':
		k->first += n;
		if (k->first >= k->nchoices)
			k->first = 0;
		return KEYPAD_CHANGED;
	case '#':
	case KEYPAD_ENTER:
		return take(k, k->first, 0, f);
	case '0':
		return take(k, k->first, 1, f);
	case KEYPAD_BACKSPACE:
		k->mode = KEYPAD_SPELLING;
		k->first = 0;
		if (k->punctuation || k->style == KEYPAD_MULTITAP)
			choices_free(k);
		return KEYPAD_CHANGED;
	}
	return KEYPAD_NOTHING;
}

enum keypad_result keypad_key(struct keypad *k, int key, struct field *f)
{
	if (f != k->owner) {
		keypad_reset(k); /* a new field: words, nothing spelled */
		k->owner = f;
	}
	if (k->mode == KEYPAD_CHOOSING)
		return choosing_key(k, key, f);
	if (k->input == KEYPAD_DIGITS)
		return digits_key(k, key, f);
	if (k->input == KEYPAD_LETTERS || k->style == KEYPAD_MULTITAP)
		return letters_key(k, key, f);
	return words_key(k, key, f);
}
