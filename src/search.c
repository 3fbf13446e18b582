/* Search as you type: an inverted index of folded words.
 *
 * While documents are added, each word gets a number through a hash table
 * and every (word, document, tier) is appended to a list. search_finish()
 * sorts the distinct words, so that all words starting with a prefix sit
 * in one run, and sorts the list into postings: for each word, the
 * documents holding it with a bit per tier. A query word is a prefix: its
 * run of words is found by binary search and their postings are merged. */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define TIER_BITS 3            /* one bit per tier in a posting */
#define NO_WORD UINT32_MAX

struct posting {
	uint32_t word;
	uint32_t doc;
	uint8_t tiers;
};

struct search {
	unsigned ndocs;
	int finished;

	/* Words: NUL-terminated strings in one arena, found by offset. */
	char *arena;
	size_t arena_len, arena_cap;
	uint32_t *word_off;     /* word number -> offset in arena */
	uint32_t nwords, words_cap;
	uint32_t *table;        /* hash table of word numbers (building only) */
	uint32_t table_cap;

	/* While building: every (word, doc, tiers); after: merged and sorted. */
	struct posting *list;
	size_t nlist, list_cap;

	/* After search_finish: words in sorted order, postings per word. */
	uint32_t *sorted;       /* rank -> word number */
	uint32_t *start;        /* rank -> first posting; [nwords] = end */
	uint32_t *post;         /* doc << TIER_BITS | tiers */
	size_t npost;

	char **names;           /* folded name text per document */
	unsigned *group;        /* group per document */

	/* Scratch for one query. */
	uint32_t *seen;         /* generation that last touched the doc */
	uint8_t *quality;       /* best match of the current word in the doc */
	uint8_t *matched;       /* words matched so far */
	uint8_t *tier_count;    /* SEARCH_TIERS counters per doc */
	uint8_t *exact;         /* words matched as whole words */
	unsigned *cand;
	uint32_t gen;
};

/* FNV-1a over n bytes. */
static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

struct search *search_new(unsigned ndocs)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->ndocs = ndocs;
	s->table_cap = 1024;
	s->table = xmalloc(s->table_cap * sizeof *s->table);
	memset(s->table, 0xff, s->table_cap * sizeof *s->table);
	s->names = xcalloc(ndocs, sizeof *s->names);
	s->group = xcalloc(ndocs, sizeof *s->group);
	return s;
}

void search_free(struct search *s)
{
	unsigned i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ndocs; i++)
		free(s->names[i]);
	free(s->names);
	free(s->group);
	free(s->arena);
	free(s->word_off);
	free(s->table);
	free(s->list);
	free(s->sorted);
	free(s->start);
	free(s->post);
	free(s->seen);
	free(s->quality);
	free(s->matched);
	free(s->tier_count);
	free(s->exact);
	free(s->cand);
	free(s);
}

/* The word at a number. */
static const char *word_at(const struct search *s, uint32_t w)
{
	return s->arena + s->word_off[w];
}

/* Doubles the hash table and puts every word back. */
static void table_grow(struct search *s)
{
	uint32_t i, cap = s->table_cap * 2;
	uint32_t *t = xmalloc(cap * sizeof *t);

	memset(t, 0xff, cap * sizeof *t);
	for (i = 0; i < s->nwords; i++) {
		const char *w = word_at(s, i);
		uint32_t h = hash(w, strlen(w)) & (cap - 1);

		while (t[h] != NO_WORD)
			h = (h + 1) & (cap - 1);
		t[h] = i;
	}
	free(s->table);
	s->table = t;
	s->table_cap = cap;
}

/* The number of the word w (n bytes), adding it when new. */
static uint32_t word_intern(struct search *s, const char *w, size_t n)
{
	uint32_t h, id;

	if (s->nwords * 2 >= s->table_cap)
		table_grow(s);
	h = hash(w, n) & (s->table_cap - 1);
	while ((id = s->table[h]) != NO_WORD) {
		const char *have = word_at(s, id);

		if (strncmp(have, w, n) == 0 && have[n] == '\0')
			return id;
		h = (h + 1) & (s->table_cap - 1);
	}
	if (s->arena_len + n + 1 > s->arena_cap) {
		s->arena_cap = (s->arena_len + n + 1) * 2;
		s->arena = xrealloc(s->arena, s->arena_cap);
	}
	if (s->nwords == s->words_cap) {
		s->words_cap = s->words_cap ? s->words_cap * 2 : 1024;
		s->word_off = xrealloc(s->word_off, s->words_cap * sizeof *s->word_off);
	}
	memcpy(s->arena + s->arena_len, w, n);
	s->arena[s->arena_len + n] = '\0';
	s->word_off[s->nwords] = (uint32_t)s->arena_len;
	s->arena_len += n + 1;
	s->table[h] = s->nwords;
	return s->nwords++;
}

void search_add(struct search *s, unsigned doc, enum search_tier tier, const char *folded)
{
	const char *p = folded;

	if (s->finished || doc >= s->ndocs || folded == NULL)
		return;
	if (tier == SEARCH_NAME) {
		char *old = s->names[doc];

		s->names[doc] = old ? xprintf("%s %s", old, folded) : xstrdup(folded);
		free(old);
	}
	while (*p != '\0') {
		size_t n = strcspn(p, " ");

		if (n > 0) {
			if (s->nlist == s->list_cap) {
				s->list_cap = s->list_cap ? s->list_cap * 2 : 4096;
				s->list = xrealloc(s->list, s->list_cap * sizeof *s->list);
			}
			s->list[s->nlist].word = word_intern(s, p, n);
			s->list[s->nlist].doc = doc;
			s->list[s->nlist].tiers = (uint8_t)(1u << tier);
			s->nlist++;
		}
		p += n;
		p += strspn(p, " ");
	}
}

void search_set_group(struct search *s, unsigned doc, unsigned group)
{
	if (doc < s->ndocs)
		s->group[doc] = group;
}

/* qsort callbacks (qsort has no context argument: the index being sorted
 * is kept here while search_finish runs). */
static const struct search *sorting;

/* Orders word numbers by their text. */
static int by_text(const void *a, const void *b)
{
	return strcmp(word_at(sorting, *(const uint32_t *)a), word_at(sorting, *(const uint32_t *)b));
}

/* Orders postings by word rank, then document. */
static int by_word_doc(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;

	if (x->word != y->word)
		return x->word < y->word ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return 0;
}

void search_finish(struct search *s)
{
	uint32_t *rank, i;
	size_t k, n = 0;

	if (s->finished)
		return;
	s->finished = 1;
	free(s->table);
	s->table = NULL;
	s->sorted = xmalloc((s->nwords + 1) * sizeof *s->sorted);
	for (i = 0; i < s->nwords; i++)
		s->sorted[i] = i;
	sorting = s;
	qsort(s->sorted, s->nwords, sizeof *s->sorted, by_text);
	rank = xmalloc((s->nwords + 1) * sizeof *rank);
	for (i = 0; i < s->nwords; i++)
		rank[s->sorted[i]] = i;
	for (k = 0; k < s->nlist; k++)
		s->list[k].word = rank[s->list[k].word];
	free(rank);
	qsort(s->list, s->nlist, sizeof *s->list, by_word_doc);
	sorting = NULL;

	/* Merge repeats of a (word, doc) and cut the list into runs. */
	s->post = xmalloc((s->nlist + 1) * sizeof *s->post);
	s->start = xcalloc(s->nwords + 1, sizeof *s->start);
	for (k = 0; k < s->nlist; k++) {
		struct posting *p = &s->list[k];

		if (n > 0 && k > 0 && p->word == s->list[k - 1].word &&
		    p->doc == s->list[k - 1].doc) {
			s->post[n - 1] |= p->tiers;
			continue;
		}
		if (k == 0 || p->word != s->list[k - 1].word)
			s->start[p->word] = (uint32_t)n;
		s->post[n++] = p->doc << TIER_BITS | p->tiers;
	}
	/* Words never start empty runs, but keep start[] monotonic anyway. */
	s->start[s->nwords] = (uint32_t)n;
	s->npost = n;
	free(s->list);
	s->list = NULL;
	s->nlist = s->list_cap = 0;

	s->seen = xcalloc(s->ndocs, sizeof *s->seen);
	s->quality = xcalloc(s->ndocs, 1);
	s->matched = xcalloc(s->ndocs, 1);
	s->tier_count = xcalloc((size_t)s->ndocs * SEARCH_TIERS, 1);
	s->exact = xcalloc(s->ndocs, 1);
	s->cand = xcalloc(s->ndocs, sizeof *s->cand);
}

/* First rank whose word is not less than w (n bytes), comparing only the
 * first n bytes: with n = strlen(w) it is the first word starting with w. */
static uint32_t lower_bound(const struct search *s, const char *w, size_t n)
{
	uint32_t lo = 0, hi = s->nwords;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strncmp(word_at(s, s->sorted[mid]), w, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First rank after the words starting with w (n bytes), from lo. */
static uint32_t prefix_end(const struct search *s, const char *w, size_t n, uint32_t lo)
{
	uint32_t hi = s->nwords;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strncmp(word_at(s, s->sorted[mid]), w, n) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A query word and the run of index words it is a prefix of. */
struct qword {
	const char *text;
	size_t len;
	uint32_t lo, hi;        /* ranks */
	size_t cost;            /* postings to read */
};

/* Orders query words by the postings they need, fewest first. */
static int by_cost(const void *a, const void *b)
{
	const struct qword *x = a, *y = b;

	return (x->cost > y->cost) - (x->cost < y->cost);
}

/* True when the name holds the query words in the order typed, next to
 * each other, the last one as a prefix ("dang ky khai si" in "thu tuc dang
 * ky khai sinh"). Also gives the number of words of the name. */
static int phrase_in(const char *name, const struct qword *q, size_t nq, unsigned *nwords)
{
	const char *tok[64];
	size_t len[64], nt = 0, i, j;
	const char *p = name;

	while (*p != '\0' && nt < 64) {
		size_t n = strcspn(p, " ");

		tok[nt] = p;
		len[nt++] = n;
		p += n;
		p += strspn(p, " ");
	}
	*nwords = (unsigned)nt;
	for (i = 0; i + nq <= nt; i++) {
		for (j = 0; j < nq; j++) {
			int last = j + 1 == nq;

			if (len[i + j] < q[j].len || (!last && len[i + j] != q[j].len) ||
			    memcmp(tok[i + j], q[j].text, q[j].len) != 0)
				break;
		}
		if (j == nq)
			return 1;
	}
	return 0;
}

/* Orders hits best first, then by document number. */
static int by_score(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Reads the postings of one query word into the per-document scratch:
 * quality = 2 * (tiers - best tier) + whole word. The first word (first)
 * collects candidates; later ones only touch documents still in the
 * running. */
static void scan_word(struct search *s, const struct qword *q, unsigned step, unsigned group,
		      size_t *ncand)
{
	uint32_t r, gen = ++s->gen;

	for (r = q->lo; r < q->hi; r++) {
		int whole = strlen(word_at(s, s->sorted[r])) == q->len;
		uint32_t k;

		for (k = s->start[r]; k < s->start[r + 1]; k++) {
			uint32_t doc = s->post[k] >> TIER_BITS;
			unsigned tiers = s->post[k] & ((1u << TIER_BITS) - 1), t = 0;
			uint8_t qual;

			if (step == 0) {
				if (group != 0 && s->group[doc] != group)
					continue;
			} else if (s->matched[doc] != step) {
				continue;
			}
			while (!(tiers & (1u << t)))
				t++;
			qual = (uint8_t)(2 * (SEARCH_TIERS - t) + whole);
			if (s->seen[doc] != gen) {
				s->seen[doc] = gen;
				s->quality[doc] = qual;
				if (step == 0) {
					s->cand[(*ncand)++] = doc;
					s->matched[doc] = 0;
					memset(s->tier_count + (size_t)doc * SEARCH_TIERS, 0, SEARCH_TIERS);
					s->exact[doc] = 0;
				}
			} else if (qual > s->quality[doc]) {
				s->quality[doc] = qual;
			}
		}
	}
	/* Count the word for each document that has it. */
	for (r = 0; r < *ncand; r++) {
		unsigned doc = s->cand[r];

		if (s->seen[doc] != gen || s->matched[doc] != step)
			continue;
		s->matched[doc] = (uint8_t)(step + 1);
		s->tier_count[(size_t)doc * SEARCH_TIERS + SEARCH_TIERS - s->quality[doc] / 2]++;
		s->exact[doc] += s->quality[doc] & 1;
	}
}

size_t search_run(struct search *s, const char *query, unsigned group,
		  struct search_hit *hits, size_t max, size_t *total)
{
	struct qword q[SEARCH_MAX_WORDS], typed[SEARCH_MAX_WORDS];
	struct search_hit *all;
	char *folded;
	const char *p;
	size_t nq = 0, ncand = 0, nall = 0, i;
	unsigned step;

	if (total)
		*total = 0;
	if (!s->finished || (folded = text_fold(query ? query : "")) == NULL)
		return 0;
	for (p = folded; *p != '\0' && nq < SEARCH_MAX_WORDS;) {
		size_t n = strcspn(p, " ");

		q[nq].text = p;
		q[nq].len = n;
		q[nq].lo = lower_bound(s, p, n);
		q[nq].hi = prefix_end(s, p, n, q[nq].lo);
		q[nq].cost = s->start[q[nq].hi] - s->start[q[nq].lo];
		nq++;
		p += n;
		p += strspn(p, " ");
	}
	if (nq == 0) {
		free(folded);
		return 0;
	}
	memcpy(typed, q, sizeof q);
	qsort(q, nq, sizeof *q, by_cost);
	for (step = 0; step < nq; step++)
		scan_word(s, &q[step], step, group, &ncand);

	all = xmalloc((ncand ? ncand : 1) * sizeof *all);
	for (i = 0; i < ncand; i++) {
		unsigned doc = s->cand[i], len = 0;
		int phrase;
		const uint8_t *tc = s->tier_count + (size_t)doc * SEARCH_TIERS;
		unsigned long score;

		if (s->matched[doc] != nq)
			continue;
		phrase = s->names[doc] ? phrase_in(s->names[doc], typed, nq, &len) : 0;
		/* Lexicographic: words found in the name, in the field, the
		 * query as a phrase of the name, whole words, short names. */
		score = tc[SEARCH_NAME];
		score = score << 4 | tc[SEARCH_FIELD];
		score = score << 1 | (unsigned long)phrase;
		score = score << 4 | s->exact[doc];
		score = score << 8 | (len < 255 ? 255 - len : 0);
		all[nall].doc = doc;
		all[nall].score = score;
		nall++;
	}
	qsort(all, nall, sizeof *all, by_score);
	if (max > nall)
		max = nall;
	if (max > 0)
		memcpy(hits, all, max * sizeof *hits);
	if (total)
		*total = nall;
	free(all);
	free(folded);
	return max;
}

void search_stats(const struct search *s, size_t *words, size_t *postings)
{
	*words = s->nwords;
	*postings = s->finished ? s->npost : s->nlist;
}
