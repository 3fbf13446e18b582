/* Predictive keypad entry: the syllables a key sequence spells, ranked
 * (see predict.h). */
#include "predict.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "vi_input.h"

/* How much each weight column counts for each kind of field and word:
 * ordinary text, a place, then a name's first word (the surname), its
 * second (mostly a middle name), and the others (given names, or a second
 * middle name). */
static const int factor[5][PW_N] = {
	/* text place surname middle given */
	{ 8, 1, 0, 0, 0 },
	{ 2, 8, 0, 0, 0 },
	{ 0, 0, 8, 1, 1 },
	{ 0, 0, 1, 8, 2 },
	{ 0, 0, 0, 1, 16 },
};

char predict_key(unsigned c)
{
	static const char keys[] = "22233344455566677778889999";

	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return c >= 'a' && c <= 'z' ? keys[c - 'a'] : 0;
}

int predict_keys(const char *word, char *out, size_t size)
{
	char *fold = text_fold(word);
	size_t n = 0, i;

	if (fold == NULL)
		return -1;
	for (i = 0; fold[i] != '\0'; i++) {
		char k = predict_key((unsigned char)fold[i]);

		if (k == 0)
			continue;
		if (n + 1 >= size) {
			free(fold);
			return -1;
		}
		out[n++] = k;
	}
	out[n] = '\0';
	free(fold);
	return (int)n;
}

/* The tone of a syllable (0 none ... 5 nặng). */
static int tone_of(const char *s)
{
	struct vi_word w;

	vi_word_init(&w, VI_NONE, 0);
	vi_word_load(&w, s, strlen(s));
	return (int)w.tone;
}

/* Adds word to p unless it is there (then returns the one there), or
 * NULL when it cannot be keyed (a long or foreign word). */
static struct predict_word *add(struct predict *p, size_t *cap, const char *word)
{
	struct predict_word *w;

	if (*cap == p->n) {
		*cap = *cap ? *cap * 2 : 8192;
		p->word = xrealloc(p->word, *cap * sizeof *p->word);
	}
	w = &p->word[p->n];
	memset(w, 0, sizeof *w);
	if (predict_keys(word, w->keys, sizeof w->keys) <= 0)
		return NULL;
	w->text = xstrdup(word);
	w->tone = tone_of(word);
	p->n++;
	return w;
}

/* Orders words by keys, then text. */
static int by_keys(const void *a, const void *b)
{
	const struct predict_word *x = a, *y = b;
	int d = strcmp(x->keys, y->keys);

	return d != 0 ? d : strcmp(x->text, y->text);
}

/* The word of p spelled text, or NULL (p sorted). */
static struct predict_word *lookup(const struct predict *p, const char *text)
{
	struct predict_word key;
	struct predict_word *found;

	memset(&key, 0, sizeof key);
	if (predict_keys(text, key.keys, sizeof key.keys) <= 0)
		return NULL;
	key.text = xstrdup(text);
	found = bsearch(&key, p->word, p->n, sizeof *p->word, by_keys);
	free(key.text);
	return found;
}

/* Reads the weights file into p: a weight line's word gets its weights,
 * a word p lacks is added (*cap its room). */
static void load_weights(struct predict *p, size_t *cap, const char *path)
{
	size_t len;
	char *data = file_read(path, &len), *line, *save = NULL;

	if (data == NULL)
		return;
	for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char word[64];
		int w[PW_N];
		struct predict_word *pw;

		if (line[0] == '#' || sscanf(line, "%63s %d %d %d %d %d", word, &w[0], &w[1], &w[2],
					     &w[3], &w[4]) != 1 + PW_N)
			continue;
		if ((pw = lookup(p, word)) != NULL) {
			memcpy(pw->w, w, sizeof w);
		} else if ((pw = add(p, cap, word)) != NULL) {
			memcpy(pw->w, w, sizeof w); /* a name only: keep p sorted */
			qsort(p->word, p->n, sizeof *p->word, by_keys);
		}
	}
	free(data);
}

int predict_load(struct predict *p, const char *syllables, const char *weights, char **cause)
{
	size_t len, cap = 0;
	char *data, *line, *save = NULL;

	memset(p, 0, sizeof *p);
	data = file_read(syllables, &len);
	if (data == NULL) {
		*cause = xprintf("%s: %s", syllables, strerror(errno));
		return -1;
	}
	for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (line[0] != '#' && line[0] != '\0')
			add(p, &cap, line);
	free(data);
	qsort(p->word, p->n, sizeof *p->word, by_keys);
	load_weights(p, &cap, weights);
	return 0;
}

void predict_free(struct predict *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->word[i].text);
	free(p->word);
	memset(p, 0, sizeof *p);
}

/* A candidate while ranking: the word and its score. */
struct cand {
	const struct predict_word *w;
	long score;
};

/* The order of candidates: score, then tone (none, huyền, sắc, hỏi, ngã,
 * nặng, as dictionaries order them), then spelling. */
static int by_score(const void *a, const void *b)
{
	static const int rank[] = { 0, 2, 1, 3, 4, 5 };
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->w->tone != y->w->tone)
		return rank[x->w->tone] - rank[y->w->tone];
	return strcmp(x->w->text, y->w->text);
}

/* The first word of p whose keys are not below keys (binary search). */
static size_t lower_bound(const struct predict *p, const char *keys)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(p->word[mid].keys, keys) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Ranks the words [from, to) of p into out after *n (up to max): the best
 * max - *n of them kept in order as they come (a range may hold a
 * thousand words for one key; only a page or so is wanted). */
static void rank_into(const struct predict *p, size_t from, size_t to, const int *f,
		      const char **out, size_t *n, size_t max)
{
	size_t want = max - *n, ntop = 0, i, k;
	struct cand *top;

	if (from >= to || *n >= max)
		return;
	top = xcalloc(want + 1, sizeof *top);
	for (i = from; i < to; i++) {
		struct cand c = { &p->word[i], 0 };

		for (k = 0; k < PW_N; k++)
			c.score += (long)f[k] * p->word[i].w[k];
		if (ntop == want && by_score(&c, &top[ntop - 1]) >= 0)
			continue;
		for (k = ntop < want ? ntop++ : want - 1; k > 0 && by_score(&c, &top[k - 1]) < 0; k--)
			top[k] = top[k - 1];
		top[k] = c;
	}
	for (i = 0; i < ntop; i++)
		out[(*n)++] = top[i].w->text;
	free(top);
}

size_t predict_find(const struct predict *p, const char *keys, enum predict_kind kind, int word,
		    const char **out, size_t max)
{
	size_t len = strlen(keys), from, exact, end, n = 0;
	const int *f = factor[kind == PREDICT_NAME ? 2 + (word > 2 ? 2 : word) : (int)kind];

	if (len == 0 || p->n == 0)
		return 0;
	from = lower_bound(p, keys);
	for (exact = from; exact < p->n && strcmp(p->word[exact].keys, keys) == 0; exact++)
		;
	for (end = exact; end < p->n && strncmp(p->word[end].keys, keys, len) == 0; end++)
		;
	rank_into(p, from, exact, f, out, &n, max);
	rank_into(p, exact, end, f, out, &n, max);
	return n;
}

int predict_match(const char *keys, const char *name, size_t skip)
{
	char *fold = text_fold(name + (skip < strlen(name) ? skip : strlen(name)));
	size_t len = strlen(keys);
	int first = 1, got = 0;
	const char *w;

	if (fold == NULL || len == 0) {
		free(fold);
		return 0;
	}
	for (w = fold; *w && !got; first = 0) {
		size_t i;

		w += strspn(w, " ");
		for (i = 0; i < len && w[i] && predict_key((unsigned char)w[i]) == keys[i]; i++)
			;
		if (i == len)
			got = first ? 2 : 1;
		w += strcspn(w, " ");
	}
	free(fold);
	return got;
}
