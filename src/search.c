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

/* Prefixes up to this many bytes may be cached. */
#define CACHE_LEN 3

struct cached {
	char prefix[CACHE_LEN + 1];
	uint32_t off, n;        /* entries in merged[] */
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
	int unordered;          /* documents were not added in order */

	/* After search_finish: words in sorted order, postings per word. */
	uint32_t *sorted;       /* rank -> word number */
	uint32_t *start;        /* rank -> first posting; [nwords] = end */
	uint32_t *post;         /* doc << TIER_BITS | tiers */
	size_t npost;

	/* Short prefixes ("d", "ng", "tha") match words with a great many
	 * postings: for those, the best match per document is worked out once
	 * by search_finish, so a first keystroke reads at most ndocs entries. */
	struct cached *cache;   /* by prefix */
	size_t ncache;
	uint32_t *merged;       /* doc << 8 | quality, per cached prefix */
	size_t nmerged;

	char **names;           /* folded name text per document */
	uint8_t *name_words;    /* words in the name (at most 255) */
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
	free(s->name_words);
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
	free(s->cache);
	free(s->merged);
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
			if (s->nlist > 0 && doc < s->list[s->nlist - 1].doc)
				s->unordered = 1;
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

/* Orders postings (doc << TIER_BITS | tiers) by document. */
static int by_doc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a >> TIER_BITS, y = *(const uint32_t *)b >> TIER_BITS;

	return (x > y) - (x < y);
}

/* How well a posting matches a query word: 2 per tier above the lowest,
 * plus 1 when the word is the whole query word, not just its prefix. */
static uint8_t quality(uint32_t posting, int whole)
{
	unsigned tiers = posting & ((1u << TIER_BITS) - 1), t = 0;

	while (!(tiers & (1u << t)))
		t++;
	return (uint8_t)(2 * (SEARCH_TIERS - t) + whole);
}

static uint32_t lower_bound(const struct search *s, const char *w, size_t n);
static uint32_t prefix_end(const struct search *s, const char *w, size_t n, uint32_t lo);

/* Orders cached prefixes. */
static int by_prefix(const void *a, const void *b)
{
	return strcmp(((const struct cached *)a)->prefix, ((const struct cached *)b)->prefix);
}

/* Caches the best match per document of every prefix of 1 to CACHE_LEN
 * bytes whose words have more postings than there are documents. */
static void build_cache(struct search *s)
{
	uint8_t *best = xcalloc(s->ndocs ? s->ndocs : 1, 1);
	uint32_t *touched = xmalloc((s->ndocs ? s->ndocs : 1) * sizeof *touched);
	size_t cap = 0, mcap = 0, len;
	uint32_t r, e, k, nt, threshold = s->ndocs > 256 ? s->ndocs : 256;

	for (len = 1; len <= CACHE_LEN; len++) {
		for (r = 0; r < s->nwords; r = e) {
			const char *w = word_at(s, s->sorted[r]);
			struct cached *c;

			if (strlen(w) < len) {
				e = r + 1;
				continue;
			}
			e = prefix_end(s, w, len, r);
			if (s->start[e] - s->start[r] <= threshold)
				continue;
			for (nt = 0, k = r; k < e; k++) {
				int whole = strlen(word_at(s, s->sorted[k])) == len;
				uint32_t p;

				for (p = s->start[k]; p < s->start[k + 1]; p++) {
					uint32_t doc = s->post[p] >> TIER_BITS;
					uint8_t q = quality(s->post[p], whole);

					if (best[doc] == 0)
						touched[nt++] = doc;
					if (q > best[doc])
						best[doc] = q;
				}
			}
			if (s->ncache == cap) {
				cap = cap ? cap * 2 : 64;
				s->cache = xrealloc(s->cache, cap * sizeof *s->cache);
			}
			if (s->nmerged + nt > mcap) {
				mcap = (s->nmerged + nt) * 2;
				s->merged = xrealloc(s->merged, mcap * sizeof *s->merged);
			}
			c = &s->cache[s->ncache++];
			memcpy(c->prefix, w, len);
			c->prefix[len] = '\0';
			c->off = (uint32_t)s->nmerged;
			c->n = nt;
			for (k = 0; k < nt; k++) {
				s->merged[s->nmerged++] = touched[k] << 8 | best[touched[k]];
				best[touched[k]] = 0;
			}
		}
	}
	if (s->ncache > 0)
		qsort(s->cache, s->ncache, sizeof *s->cache, by_prefix);
	free(best);
	free(touched);
}

/* The cached merge of a query word, or NULL. */
static const struct cached *cache_find(const struct search *s, const char *w, size_t n)
{
	size_t lo = 0, hi = s->ncache;
	char key[CACHE_LEN + 1];

	if (n > CACHE_LEN)
		return NULL;
	memcpy(key, w, n);
	key[n] = '\0';
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->cache[mid].prefix, key);

		if (c == 0)
			return &s->cache[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void search_finish(struct search *s)
{
	uint32_t *rank, *sorted, i;
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
	sorting = NULL;

	/* Counting sort by word rank, stable: documents added in order stay
	 * in order within a word; otherwise each word's run is sorted. */
	s->start = xcalloc(s->nwords + 2, sizeof *s->start);
	for (k = 0; k < s->nlist; k++)
		s->start[rank[s->list[k].word] + 2]++;
	for (i = 2; i < s->nwords + 2; i++)
		s->start[i] += s->start[i - 1];
	sorted = xmalloc((s->nlist + 1) * sizeof *sorted);
	for (k = 0; k < s->nlist; k++) {
		uint32_t r = rank[s->list[k].word];

		sorted[s->start[r + 1]++] = s->list[k].doc << TIER_BITS | s->list[k].tiers;
	}
	free(rank);
	free(s->list);
	s->list = NULL;
	s->nlist = s->list_cap = 0;

	/* start[r] is now where run r begins; merge repeats of a document. */
	s->post = sorted;
	for (i = 0; i < s->nwords; i++) {
		uint32_t from = s->start[i], to = s->start[i + 1], j;

		if (s->unordered)
			qsort(sorted + from, to - from, sizeof *sorted, by_doc);
		s->start[i] = (uint32_t)n;
		for (j = from; j < to; j++) {
			if (n > s->start[i] && s->post[n - 1] >> TIER_BITS == sorted[j] >> TIER_BITS)
				s->post[n - 1] |= sorted[j];
			else
				s->post[n++] = sorted[j];
		}
	}
	s->start[s->nwords] = (uint32_t)n;
	s->npost = n;

	s->seen = xcalloc(s->ndocs, sizeof *s->seen);
	s->quality = xcalloc(s->ndocs, 1);
	s->matched = xcalloc(s->ndocs, 1);
	s->tier_count = xcalloc((size_t)s->ndocs * SEARCH_TIERS, 1);
	s->exact = xcalloc(s->ndocs, 1);
	s->cand = xcalloc(s->ndocs, sizeof *s->cand);
	s->name_words = xcalloc(s->ndocs ? s->ndocs : 1, 1);
	for (i = 0; i < s->ndocs; i++) {
		const char *p = s->names[i];
		unsigned words = 0;

		while (p != NULL && *p != '\0' && words < 255) {
			p += strcspn(p, " ");
			p += strspn(p, " ");
			words++;
		}
		s->name_words[i] = (uint8_t)words;
	}
	build_cache(s);
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
	const struct cached *cached; /* its merge, when cached */
	size_t cost;            /* postings to read */
};

/* Orders query words by the postings they need, fewest first. */
static int by_cost(const void *a, const void *b)
{
	const struct qword *x = a, *y = b;

	return (x->cost > y->cost) - (x->cost < y->cost);
}

/* True when the name holds the query words in the order typed, next to
 * each other, the last one as a prefix ("dang ky khai si" in "dang ky khai
 * sinh"). */
static int phrase_in(const char *name, const struct qword *q, size_t nq)
{
	const char *p = name;

	while (*p != '\0') {
		const char *w = p;
		size_t j;

		for (j = 0; j < nq; j++) {
			size_t n = strcspn(w, " ");

			if (n < q[j].len || (j + 1 < nq && n != q[j].len) ||
			    memcmp(w, q[j].text, q[j].len) != 0)
				break;
			w += n;
			w += strspn(w, " ");
		}
		if (j == nq)
			return 1;
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	return 0;
}

static int by_score(const void *a, const void *b);

/* Keeps the best max hits in a min-heap: heap[0] is the worst kept. */
static void heap_offer(struct search_hit *heap, size_t *n, size_t max, struct search_hit h)
{
	size_t i, c;

	if (*n == max) {
		if (by_score(&h, &heap[0]) >= 0)
			return;
		/* Replace the worst and sift it down. */
		i = 0;
		for (;;) {
			c = 2 * i + 1;
			if (c >= max)
				break;
			if (c + 1 < max && by_score(&heap[c + 1], &heap[c]) > 0)
				c++;
			if (by_score(&heap[c], &h) <= 0)
				break;
			heap[i] = heap[c];
			i = c;
		}
		heap[i] = h;
		return;
	}
	/* Add and sift up. */
	for (i = (*n)++; i > 0 && by_score(&heap[(i - 1) / 2], &h) < 0; i = (i - 1) / 2)
		heap[i] = heap[(i - 1) / 2];
	heap[i] = h;
}

/* Orders hits best first, then by document number. */
static int by_score(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Notes that doc matches the current query word with quality qual. The
 * first word (step 0) collects candidates (of the group, when one is
 * given); later ones only touch documents still in the running. */
static inline void visit(struct search *s, uint32_t doc, uint8_t qual, unsigned step,
			 unsigned group, size_t *ncand)
{
	if (step == 0) {
		if (group != 0 && s->group[doc] != group)
			return;
	} else if (s->matched[doc] != step) {
		return;
	}
	if (s->seen[doc] != s->gen) {
		s->seen[doc] = s->gen;
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

/* Reads the matches of one query word (its cached merge, or the postings
 * of every word it is a prefix of), then counts the word for each
 * document that has it. */
static void scan_word(struct search *s, const struct qword *q, unsigned step, unsigned group,
		      size_t *ncand)
{
	uint32_t r, k;

	s->gen++;
	if (q->cached != NULL) {
		const uint32_t *m = s->merged + q->cached->off;

		for (k = 0; k < q->cached->n; k++)
			visit(s, m[k] >> 8, (uint8_t)(m[k] & 0xff), step, group, ncand);
	} else {
		for (r = q->lo; r < q->hi; r++) {
			int whole = strlen(word_at(s, s->sorted[r])) == q->len;

			for (k = s->start[r]; k < s->start[r + 1]; k++)
				visit(s, s->post[k] >> TIER_BITS, quality(s->post[k], whole), step, group,
				      ncand);
		}
	}
	for (r = 0; r < *ncand; r++) {
		unsigned doc = s->cand[r];

		if (s->seen[doc] != s->gen || s->matched[doc] != step)
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
	char *folded;
	const char *p;
	size_t nq = 0, ncand = 0, nall = 0, nheap = 0, i;
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
		q[nq].cached = cache_find(s, p, n);
		q[nq].cost = q[nq].cached ? q[nq].cached->n : s->start[q[nq].hi] - s->start[q[nq].lo];
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

	for (i = 0; i < ncand; i++) {
		unsigned doc = s->cand[i], len = s->name_words[doc];
		const uint8_t *tc = s->tier_count + (size_t)doc * SEARCH_TIERS;
		struct search_hit h;
		int phrase;

		if (s->matched[doc] != nq)
			continue;
		nall++;
		if (max == 0)
			continue;
		/* A phrase needs every word in the name; one word is one. */
		phrase = tc[SEARCH_NAME] == nq &&
			 (nq == 1 || phrase_in(s->names[doc], typed, nq));
		/* Lexicographic: words found in the name, in the field, the
		 * query as a phrase of the name, whole words, short names. */
		h.doc = doc;
		h.score = tc[SEARCH_NAME];
		h.score = h.score << 4 | tc[SEARCH_FIELD];
		h.score = h.score << 1 | (unsigned long)phrase;
		h.score = h.score << 4 | s->exact[doc];
		h.score = h.score << 8 | (255 - len);
		heap_offer(hits, &nheap, max, h);
	}
	if (nheap > 0)
		qsort(hits, nheap, sizeof *hits, by_score);
	if (total)
		*total = nall;
	max = nheap;
	free(folded);
	return max;
}
