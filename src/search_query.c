/* Reading a query the ways a villager may have meant it: the words as
 * typed; as Telex and VNI keys compose them ("ddawng kys" -> "đăng ký",
 * "d9a8ng" -> "đăng"); with the villagers' words replaced by the
 * catalog's (synonyms); and, for a word that matches nothing, with a typo
 * put right (one letter dropped, doubled, swapped or mistyped, or a
 * spelling that sounds the same in a dialect: ch/tr, s/x, d/gi/r, l/n,
 * n/ng, c/t). Also the look of a word: its key (folded, "ký" and "kí"
 * alike) and its own marks, whatever vowel the tone was put on. */
#include "search_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "vi_input.h"

/* True for a letter that is no vowel (in keys and shapes). */
static int consonant(char c)
{
	return (c >= 'a' && c <= 'z' && strchr("aeiouy", c) == NULL) || c == 'D';
}

/* "ký" and "kí", "lý" and "lí" are the same word: a y after consonants
 * only, ending the word, reads as i. */
static void same_i(char *w)
{
	size_t n = strlen(w), i;

	if (n < 2 || w[n - 1] != 'y')
		return;
	for (i = 0; i + 1 < n; i++)
		if (!consonant(w[i]))
			return;
	w[n - 1] = 'i';
}

/* The tone of a combining mark, or 0. */
static uint8_t tone_of(uint32_t mark)
{
	switch (mark) {
	case 0x301: return 1; /* sắc */
	case 0x300: return 2; /* huyền */
	case 0x309: return 3; /* hỏi */
	case 0x303: return 4; /* ngã */
	case 0x323: return 5; /* nặng */
	default: return 0;
	}
}

/* A letter with its marks (base first) as one byte of a shape, the tone
 * going to *tone. */
static char shape_letter(const uint32_t *d, int n, uint8_t *tone)
{
	char c = d[0] == 0x111 ? 'D' : (char)d[0];
	int i;

	for (i = 1; i < n; i++) {
		if (tone_of(d[i]))
			*tone = tone_of(d[i]);
		else if (d[i] == 0x302 && strchr("aeo", c))
			c = (char)(c - 'a' + 'A');
		else if (d[i] == 0x306 && c == 'a')
			c = 'B';
		else if (d[i] == 0x31b && (c == 'o' || c == 'u'))
			c = c == 'o' ? 'Q' : 'W';
	}
	return c;
}

/* Writes the shape of a word (n bytes) and its tone. Letters that are not
 * Latin keep their bytes. */
static void shape_of(const char *word, size_t n, char *shape, uint8_t *tone)
{
	size_t i = 0, o = 0;

	*tone = 0;
	while (i < n && o + 4 < KEY_MAX) {
		uint32_t cp, d[4];
		size_t len = text_decode(word + i, n - i, &cp);
		int k;

		if (len == 0)
			break;
		k = text_decompose(cp, d);
		if (k == 0) {
			d[0] = cp;
			k = 1;
		}
		if (d[0] < 0x80 || d[0] == 0x111)
			shape[o++] = shape_letter(d, k, tone);
		else
			o += text_encode(d[0], shape + o);
		i += len;
	}
	shape[o] = '\0';
	same_i(shape);
}

void search_look(struct look *l, const char *word, size_t n)
{
	char *copy = xstrndup(word, n), *key = text_fold(copy);
	size_t k = key ? strcspn(key, " ") : 0;

	if (k >= KEY_MAX)
		k = KEY_MAX - 1;
	memcpy(l->key, key ? key : "", k);
	l->key[k] = '\0';
	same_i(l->key);
	shape_of(copy, n, l->shape, &l->tone);
	free(key);
	free(copy);
}

int search_own(const char *shape, uint8_t tone, const struct qword *q)
{
	size_t n = strlen(q->look.shape);

	if (!q->strict)
		return 1;
	if (q->prefix ? strncmp(shape, q->look.shape, n) != 0 : strcmp(shape, q->look.shape) != 0)
		return 0;
	if (q->look.tone != 0)
		return tone == q->look.tone;
	return q->prefix || tone == 0;
}

/* True when a word's shape or tone shows marks. */
static int has_marks(const struct look *l)
{
	const char *p;

	for (p = l->shape; *p != '\0'; p++)
		if (strchr("ABDEOQW", *p) != NULL)
			return 1;
	return l->tone != 0;
}

/* Reads one word (n bytes, lower case) into w. */
static void read_word(struct qword *w, const char *word, size_t n, int prefix, int exact_only)
{
	memset(w, 0, sizeof *w);
	search_look(&w->look, word, n);
	w->len = strlen(w->look.key);
	w->prefix = (uint8_t)prefix;
	w->exact_only = (uint8_t)exact_only;
	w->marked = (uint8_t)has_marks(&w->look);
}

/* Appends the words of text (text_words' output) to a reading; the last
 * one is a prefix when last_prefix is set. Marks count in every word when
 * any of them has some. Returns the number of words added. */
static unsigned read_words(struct reading *rd, const char *text, int last_prefix, int exact_only)
{
	const char *p = text;
	unsigned first = rd->n, i;
	int marked = 0;

	while (*p != '\0' && rd->n < SEARCH_MAX_WORDS) {
		size_t n = strcspn(p, " ");

		read_word(&rd->w[rd->n], p, n, 0, exact_only);
		if (rd->w[rd->n].len > 0)
			marked |= rd->w[rd->n++].marked;
		p += n;
		p += strspn(p, " ");
	}
	for (i = first; i < rd->n; i++)
		rd->w[i].strict = (uint8_t)marked;
	if (rd->n > first && *p == '\0')
		rd->w[rd->n - 1].prefix = (uint8_t)last_prefix;
	return rd->n - first;
}

/* --- Synonyms -------------------------------------------------------- */

/* Keys of a phrase, space-separated, "" when it has no word. */
static char *phrase_keys(const char *phrase, unsigned *nwords)
{
	char *f = text_fold(phrase), *out, *p;
	size_t o = 0;

	*nwords = 0;
	if (f == NULL)
		return xstrdup("");
	out = xmalloc(strlen(f) + 1);
	for (p = f; *p != '\0';) {
		size_t n = strcspn(p, " ");
		char w[KEY_MAX];

		snprintf(w, sizeof w, "%.*s", (int)n, p);
		same_i(w);
		o += (size_t)sprintf(out + o, "%s%s", o ? " " : "", w);
		(*nwords)++;
		p += n;
		p += strspn(p, " ");
	}
	out[o] = '\0';
	free(f);
	return out;
}

void search_synonym(struct search *s, const char *phrase, const char *target)
{
	struct synonym *y;
	unsigned nw, nt = 0;
	char *keys, *words;

	if (s->finished || phrase == NULL || target == NULL)
		return;
	keys = phrase_keys(phrase, &nw);
	words = text_words(target);
	free(phrase_keys(target, &nt));
	if (words == NULL || nw == 0 || nw > SEARCH_MAX_WORDS || nt > SEARCH_MAX_WORDS) {
		free(keys);
		free(words);
		return;
	}
	if (s->nsyn == s->syn_cap) {
		s->syn_cap = s->syn_cap ? s->syn_cap * 2 : 64;
		s->syn = xrealloc(s->syn, s->syn_cap * sizeof *s->syn);
	}
	y = &s->syn[s->nsyn++];
	y->phrase = keys;
	y->nwords = nw;
	y->target = words;
}

/* Orders synonyms by phrase, then as added. */
static int by_phrase(const void *a, const void *b)
{
	const struct synonym *x = a, *y = b;
	int c = strcmp(x->phrase, y->phrase);

	return c ? c : (x < y ? -1 : x > y);
}

void search_synonyms_finish(struct search *s)
{
	if (s->nsyn > 1)
		qsort(s->syn, s->nsyn, sizeof *s->syn, by_phrase);
}

void search_synonyms_free(struct search *s)
{
	size_t i;

	for (i = 0; i < s->nsyn; i++) {
		free(s->syn[i].phrase);
		free(s->syn[i].target);
	}
	free(s->syn);
}

/* True when synonym y's phrase is the words of rd from at on. The last
 * word typed may be the start of the phrase's last word, when the phrase
 * has two words or more or it has three letters or more. */
static int phrase_at(const struct synonym *y, const struct reading *rd, unsigned at)
{
	const char *p = y->phrase;
	unsigned j;

	if (at + y->nwords > rd->n)
		return 0;
	for (j = 0; j < y->nwords; j++) {
		const struct qword *w = &rd->w[at + j];
		size_t n = strcspn(p, " ");
		int last = j + 1 == y->nwords;

		if (n != w->len || memcmp(p, w->look.key, n) != 0) {
			if (!(last && w->prefix && w->len < n && memcmp(p, w->look.key, w->len) == 0 &&
			      (y->nwords > 1 || w->len >= 3)))
				return 0;
		}
		p += n;
		p += strspn(p, " ");
	}
	return 1;
}

/* A place in a reading where synonyms apply: words [at, at + len)
 * replaced by one of the targets of syn[first .. first + count). */
struct swap {
	unsigned at, len;
	size_t first, count;
};

/* Finds where synonyms apply in rd, longest phrase first, left to right.
 * Returns the number of places. */
static unsigned find_swaps(const struct search *s, const struct reading *rd, struct swap *out)
{
	unsigned at = 0, n = 0;
	size_t i;

	while (at < rd->n) {
		struct swap best = { at, 0, 0, 0 };

		for (i = 0; i < s->nsyn; i++) {
			if (s->syn[i].nwords < best.len || !phrase_at(&s->syn[i], rd, at))
				continue;
			if (s->syn[i].nwords > best.len || strcmp(s->syn[i].phrase, s->syn[best.first].phrase) != 0) {
				best.len = s->syn[i].nwords;
				best.first = i;
				best.count = 0;
			}
			best.count++;
		}
		if (best.len > 0) {
			out[n++] = best;
			at += best.len;
		} else {
			at++;
		}
	}
	return n;
}

/* Builds the reading of base with, at each place, the target chosen by
 * pick[]. Returns 0 when it has no word left. */
static int swapped(const struct search *s, const struct reading *base, const struct swap *sw,
		   unsigned nsw, const size_t *pick, struct reading *out)
{
	unsigned at = 0, k;

	out->n = 0;
	for (k = 0; k <= nsw; k++) {
		unsigned until = k < nsw ? sw[k].at : base->n;

		for (; at < until && out->n < SEARCH_MAX_WORDS; at++)
			out->w[out->n++] = base->w[at];
		if (k < nsw) {
			read_words(out, s->syn[sw[k].first + pick[k]].target, 0, 1);
			at += sw[k].len;
		}
	}
	return out->n > 0;
}

/* Adds the readings of base with synonyms in place (every choice of
 * targets, while there is room). Returns the number of readings now. */
static unsigned add_synonyms(struct search *s, unsigned nread, unsigned from)
{
	struct swap sw[SEARCH_MAX_WORDS];
	size_t pick[SEARCH_MAX_WORDS] = { 0 };
	unsigned nsw = find_swaps(s, &s->readings[from], sw), k;

	while (nsw > 0 && nread < MAX_READINGS) {
		if (swapped(s, &s->readings[from], sw, nsw, pick, &s->readings[nread]))
			nread++;
		/* The next choice: count in a mixed base, last place fastest. */
		for (k = nsw; k-- > 0;) {
			if (++pick[k] < sw[k].count)
				break;
			pick[k] = 0;
		}
		if (k == (unsigned)-1)
			break;
	}
	return nread;
}

/* --- Readings -------------------------------------------------------- */

/* Adds the reading of text (any case, NULL ignored) unless an earlier one
 * is the same. Returns the number of readings now. */
static unsigned add_reading(struct search *s, unsigned nread, char *text, char **seen,
			    int last_prefix)
{
	char *words = text ? text_words(text) : NULL;
	unsigned i;

	free(text);
	if (words == NULL || words[0] == '\0') {
		free(words);
		return nread;
	}
	for (i = 0; i < nread; i++)
		if (seen[i] != NULL && strcmp(seen[i], words) == 0)
			break;
	if (i < nread) {
		free(words);
		return nread;
	}
	s->readings[nread].n = 0;
	read_words(&s->readings[nread], words, last_prefix, 0);
	seen[nread] = words;
	return nread + 1;
}

unsigned search_readings(struct search *s, const char *query, unsigned opts)
{
	char *seen[MAX_READINGS] = { 0 };
	size_t len = strlen(query);
	int last_prefix = len == 0 || strchr(" \t\n", query[len - 1]) == NULL;
	unsigned n = 0, bases, i;

	n = add_reading(s, n, xstrdup(query), seen, last_prefix);
	if (!(opts & SEARCH_AS_TYPED)) {
		n = add_reading(s, n, vi_compose(query, VI_TELEX, 0), seen, last_prefix);
		n = add_reading(s, n, vi_compose(query, VI_VNI, 0), seen, last_prefix);
	}
	bases = n;
	for (i = 0; i < MAX_READINGS; i++)
		free(seen[i]);
	if (!(opts & SEARCH_AS_TYPED))
		for (i = 0; i < bases; i++)
			n = add_synonyms(s, n, i);
	return n;
}

/* --- Typos ----------------------------------------------------------- */

/* Spellings that sound alike in some dialect: at the start of a word, and
 * at its end. */
static const char *const onsets[][2] = {
	{ "ch", "tr" }, { "s", "x" }, { "d", "gi" }, { "d", "r" }, { "gi", "r" }, { "l", "n" },
	{ "d", "v" },
};
static const char *const endings[][2] = { { "n", "ng" }, { "c", "t" }, { "n", "nh" } };

/* Adds key (n bytes) as a way to read w with a typo put right, when the
 * index has it (as a prefix for the last word typed) and w has room. */
static void try_key(const struct search *s, struct qword *w, const char *key, size_t n)
{
	char k[KEY_MAX];
	uint32_t lo, hi;
	unsigned a;
	int exact;

	if (n == 0 || n >= KEY_MAX || w->nalt >= MAX_ALTS)
		return;
	memcpy(k, key, n);
	k[n] = '\0';
	same_i(k);
	lo = search_key_lower(s, k, n);
	exact = lo < s->nkeys && strcmp(search_key(s, lo), k) == 0;
	hi = w->prefix ? search_key_end(s, k, n, lo) : lo + (uint32_t)exact;
	if (lo == hi)
		return;
	for (a = 0; a < w->nalt; a++)
		if (w->alt[a].lo <= lo && hi <= w->alt[a].hi)
			return;
	w->alt[w->nalt].lo = lo;
	w->alt[w->nalt].hi = hi;
	w->alt[w->nalt].exact = exact ? lo : NO_ID;
	w->alt[w->nalt].typo = 1;
	w->nalt++;
}

/* Tries the word with a start or an end spelt the other way of a pair. */
static void try_swap(const struct search *s, struct qword *w, const char *from, const char *to,
		     int at_end)
{
	const char *key = w->look.key;
	size_t n = w->len, f = strlen(from), t = strlen(to);
	char buf[KEY_MAX * 2];

	if (n <= f || n - f + t >= KEY_MAX)
		return;
	if (!at_end && strncmp(key, from, f) == 0) {
		snprintf(buf, sizeof buf, "%s%s", to, key + f);
		try_key(s, w, buf, strlen(buf));
	} else if (at_end && strcmp(key + n - f, from) == 0 && !consonant(key[n - f - 1])) {
		snprintf(buf, sizeof buf, "%.*s%s", (int)(n - f), key, to);
		try_key(s, w, buf, strlen(buf));
	}
}

/* Tries the word with one letter dropped, two swapped, one changed or
 * one added. */
static void try_edits(const struct search *s, struct qword *w)
{
	const char *key = w->look.key;
	size_t n = w->len, i;
	char buf[KEY_MAX + 1], c;

	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%.*s%s", (int)i, key, key + i + 1);
		try_key(s, w, buf, n - 1);
	}
	for (i = 0; i + 1 < n; i++) {
		memcpy(buf, key, n + 1);
		buf[i] = key[i + 1];
		buf[i + 1] = key[i];
		try_key(s, w, buf, n);
	}
	for (i = 0; i <= n && n + 1 < KEY_MAX; i++)
		for (c = 'a'; c <= 'z'; c++) {
			if (i < n && c != key[i]) {
				memcpy(buf, key, n + 1);
				buf[i] = c;
				try_key(s, w, buf, n);
			}
			snprintf(buf, sizeof buf, "%.*s%c%s", (int)i, key, c, key + i);
			try_key(s, w, buf, n + 1);
		}
}

void search_typos(const struct search *s, struct qword *w)
{
	size_t i;

	if (w->len < 2 || w->exact_only)
		return;
	for (i = 0; i < sizeof onsets / sizeof onsets[0]; i++) {
		try_swap(s, w, onsets[i][0], onsets[i][1], 0);
		try_swap(s, w, onsets[i][1], onsets[i][0], 0);
	}
	for (i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		try_swap(s, w, endings[i][0], endings[i][1], 1);
		try_swap(s, w, endings[i][1], endings[i][0], 1);
	}
	if (w->len >= 4)
		try_edits(s, w);
}
