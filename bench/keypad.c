/* Benchmark: a keypad key press to the proposals drawn, for every letter
 * of real names and words (assets/vi-names.txt and the commonest words of
 * assets/vi-freq.txt), predictive entry (one press a letter, the ranked
 * syllables after each) against multi-tap (taps, then # for the choices)
 * measured in the same run on the same words.
 *
 *   build/bench/keypad ASSETS_DIR
 *
 * Each press is timed from keypad_key() to the page of choices written
 * into an 80x24 canvas, as the screen draws it; prints p50, p99 and max
 * per press for each path and the ratio of the p99s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "canvas.h"
#include "keypad.h"
#include "text.h"
#include "util.h"

#define ROUNDS 20
#define MAX_WORDS 600

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The words to type: the names, then the commonest words (folded a-z). */
static int load_words(const char *dir, char *words[MAX_WORDS])
{
	static const char *const files[] = { "vi-names.txt", "vi-freq.txt" };
	int n = 0, i;

	for (i = 0; i < 2; i++) {
		char *path = xprintf("%s/%s", dir, files[i]), *data, *line, *save = NULL;
		size_t len;

		data = file_read(path, &len);
		free(path);
		if (data == NULL)
			continue;
		for (line = strtok_r(data, "\n", &save); line && n < MAX_WORDS;
		     line = strtok_r(NULL, "\n", &save)) {
			char word[64], *fold;

			if (line[0] == '#' || sscanf(line, i == 0 ? "%*s %63s" : "%63s", word) != 1)
				continue;
			fold = text_fold(word);
			if (fold && strspn(fold, "abcdefghijklmnopqrstuvwxyz") == strlen(fold) && *fold)
				words[n++] = fold;
			else
				free(fold);
		}
		free(data);
	}
	return n;
}

/* Draws the page of choices as the screen does: one row, numbered. */
static void draw(struct canvas *c, const struct keypad *k)
{
	char *const *choice;
	int n = keypad_page(k, &choice), i, x = 2;
	char label[96];

	canvas_clear(c, ATTR_NORMAL);
	for (i = 0; i < n; i++) {
		snprintf(label, sizeof label, "%d %s", i + 1, choice[i]);
		x += canvas_text(c, 12, x, label, ATTR_KEY, c->cols - x) + 2;
	}
}

/* Presses key and draws; appends the time taken to t. */
static void press(struct keypad *k, struct field *f, struct canvas *c, int key, double *t, size_t *nt)
{
	double start = now();

	keypad_key(k, key, f);
	draw(c, k);
	t[(*nt)++] = now() - start;
}

/* Types word by one press a letter (predictive) or by multi-tap then #
 * (the choices), then clears, timing every press. */
static void type_word(struct keypad *k, struct field *f, struct canvas *c, const char *word,
		      double *t, size_t *nt)
{
	static const char *const taps = "22233344455566677778889999";
	size_t i;

	for (i = 0; word[i]; i++) {
		char key = taps[word[i] - 'a'];
		int n = 1;

		if (k->style == KEYPAD_PREDICTIVE) {
			press(k, f, c, key, t, nt);
			continue;
		}
		if (i > 0 && taps[word[i - 1] - 'a'] == key)
			press(k, f, c, '1', t, nt);
		while (word[i] - n >= 'a' && taps[word[i] - n - 'a'] == key)
			n++;
		while (n-- > 0)
			press(k, f, c, key, t, nt);
	}
	if (k->style == KEYPAD_MULTITAP)
		press(k, f, c, '#', t, nt);
	keypad_reset(k);
	field_clear(f);
}

/* Orders doubles. */
static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Times every press of every word over ROUNDS; prints and returns p99. */
static double run(const char *dir, enum keypad_style style, char **words, int nwords)
{
	struct keypad k;
	struct field f;
	struct canvas c = { 0 };
	char *cause = NULL;
	size_t nt = 0, cap = (size_t)nwords * 40 * ROUNDS;
	double *t = xcalloc(cap, sizeof *t), p99;
	int r, i;

	if (keypad_init(&k, style, dir, &cause) != 0) {
		fprintf(stderr, "keypad: %s\n", cause);
		exit(1);
	}
	canvas_resize(&c, 24, 80);
	field_init(&f, 80, FIELD_CAPS);
	for (r = 0; r < ROUNDS; r++)
		for (i = 0; i < nwords && nt + 40 < cap; i++)
			type_word(&k, &f, &c, words[i], t, &nt);
	qsort(t, nt, sizeof *t, by_value);
	p99 = t[nt * 99 / 100];
	printf("%-11s %7zu presses  p50 %6.1f us  p99 %6.1f us  max %7.1f us\n",
	       style == KEYPAD_PREDICTIVE ? "predictive" : "multi-tap", nt, t[nt / 2] * 1e6, p99 * 1e6,
	       t[nt - 1] * 1e6);
	free(t);
	field_free(&f);
	canvas_free(&c);
	keypad_free(&k);
	return p99;
}

int main(int argc, char **argv)
{
	char *words[MAX_WORDS];
	int n, i;
	double predictive, multitap;

	if (argc != 2) {
		fprintf(stderr, "usage: %s ASSETS_DIR\n", argv[0]);
		return 2;
	}
	n = load_words(argv[1], words);
	printf("keypad: %d names and words, %d rounds; a key press to the proposals drawn\n", n, ROUNDS);
	multitap = run(argv[1], KEYPAD_MULTITAP, words, n);
	predictive = run(argv[1], KEYPAD_PREDICTIVE, words, n);
	printf("predictive p99 / multi-tap p99: %.2f; predictive p99 is %.2f%% of a 16 ms frame\n",
	       predictive / multitap, predictive / 0.016 * 100);
	for (i = 0; i < n; i++)
		free(words[i]);
	return predictive < 0.016 ? 0 : 1;
}
