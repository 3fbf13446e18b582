/* Search as you type: an inverted index of words and of pairs of words
 * side by side.
 *
 * While documents are added, each word (with its marks) gets a number
 * through a hash table, and so does each pair of words next to each
 * other; every (word or pair, document, tier) goes into a list.
 * search_finish() folds each word into its key ("Đăng" -> "dang"), sorts
 * the words by key then marks, so that all words starting with a prefix
 * sit in one run, and the pairs by their two keys, so that "khai" followed
 * by any word starting with "si" is one run too; the lists become
 * postings: for each word or pair, the documents holding it with a bit per
 * tier. A query (read several ways by search_query.c) finds each word's
 * run by binary search, merges its postings, keeps the documents that have
 * every word, looks up the pairs of those, and ranks them (search_rank). */
#include "search_impl.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* One note of the lists: a word or pair number and its posting (doc <<
 * TIER_BITS | the tier's bit); eight bytes, since the lists of a national
 * catalog hold a million of them. */
struct entry {
	uint32_t id;
	uint32_t post;
};

/* The latest document a word or pair was noted in, and at which tiers. */
struct last {
	uint32_t doc;
	uint8_t tiers;
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

/* A hash of a pair of word numbers. */
static uint32_t hash_pair(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	return (uint32_t)k;
}

struct search *search_new(unsigned ndocs)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->ndocs = ndocs;
	s->table_cap = 1024;
	s->table = xmalloc(s->table_cap * sizeof *s->table);
	memset(s->table, 0xff, s->table_cap * sizeof *s->table);
	s->ptable_cap = 1024;
	s->ptable = xmalloc(s->ptable_cap * sizeof *s->ptable);
	memset(s->ptable, 0xff, s->ptable_cap * sizeof *s->ptable);
	s->name_words = xcalloc(ndocs ? ndocs : 1, 1);
	s->group = xcalloc(ndocs ? ndocs : 1, sizeof *s->group);
	s->flags = xcalloc(ndocs ? ndocs : 1, 1);
	return s;
}

void search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->arena);
	free(s->word_off);
	free(s->table);
	free(s->pair_words);
	free(s->ptable);
	free(s->list);
	free(s->plist);
	free(s->last);
	free(s->plast);
	free(s->keys);
	free(s->key_off);
	free(s->key_start);
	free(s->word_key);
	free(s->shapes);
	free(s->shape_off);
	free(s->tone);
	free(s->start);
	free(s->post);
	free(s->pair_k1);
	free(s->pair_k2);
	free(s->pair_r1);
	free(s->pair_r2);
	free(s->pstart);
	free(s->ppost);
	free(s->cache);
	free(s->merged);
	free(s->name_words);
	free(s->group);
	free(s->flags);
	search_synonyms_free(s);
	free(s->seen);
	free(s->quality);
	free(s->matched);
	free(s->missed);
	free(s->cgen);
	free(s->wq);
	free(s->pq);
	free(s->full);
	free(s->best);
	free(s->best_gen);
	free(s->cand);
	free(s->hit_docs);
	free(s);
}

/* The word at a number (building) or the key at a number (after). */
static const char *word_at(const struct search *s, uint32_t w)
{
	return s->arena + s->word_off[w];
}

/* The key (folded word) of a number. */
static const char *key_at(const struct search *s, uint32_t k)
{
	return s->keys + s->key_off[k];
}

const char *search_key(const struct search *s, uint32_t k)
{
	return key_at(s, k);
}

int search_resolve(const struct search *s, struct qword *w)
{
	uint32_t lo = search_key_lower(s, w->look.key, w->len), hi;
	int exact = lo < s->nkeys && strcmp(key_at(s, lo), w->look.key) == 0;

	hi = w->exact_only ? lo + (uint32_t)exact : search_key_end(s, w->look.key, w->len, lo);
	w->nalt = 0;
	if (lo == hi)
		return 0;
	w->alt[0].lo = lo;
	w->alt[0].hi = hi;
	w->alt[0].exact = exact ? lo : NO_ID;
	w->alt[0].typo = 0;
	w->nalt = 1;
	return 1;
}

/* The marks of the word at a rank. */
static int own_at(const struct search *s, uint32_t rank, const struct qword *q)
{
	return search_own(s->shapes + s->shape_off[rank], s->tone[rank], q);
}

/* Doubles the word hash table and puts every word back. */
static void table_grow(struct search *s)
{
	uint32_t i, cap = s->table_cap * 2;
	uint32_t *t = xmalloc(cap * sizeof *t);

	memset(t, 0xff, cap * sizeof *t);
	for (i = 0; i < s->nwords; i++) {
		const char *w = word_at(s, i);
		uint32_t h = hash(w, strlen(w)) & (cap - 1);

		while (t[h] != NO_ID)
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
	while ((id = s->table[h]) != NO_ID) {
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
		s->last = xrealloc(s->last, s->words_cap * sizeof *s->last);
	}
	memcpy(s->arena + s->arena_len, w, n);
	s->arena[s->arena_len + n] = '\0';
	s->word_off[s->nwords] = (uint32_t)s->arena_len;
	s->last[s->nwords].doc = NO_ID;
	s->arena_len += n + 1;
	s->table[h] = s->nwords;
	return s->nwords++;
}

/* Doubles the pair hash table and puts every pair back. */
static void ptable_grow(struct search *s)
{
	uint32_t i, cap = s->ptable_cap * 2;
	uint32_t *t = xmalloc(cap * sizeof *t);

	memset(t, 0xff, cap * sizeof *t);
	for (i = 0; i < s->npairs; i++) {
		uint32_t h = hash_pair(s->pair_words[i]) & (cap - 1);

		while (t[h] != NO_ID)
			h = (h + 1) & (cap - 1);
		t[h] = i;
	}
	free(s->ptable);
	s->ptable = t;
	s->ptable_cap = cap;
}

/* The number of the pair of words a, b, adding it when new. */
static uint32_t pair_intern(struct search *s, uint32_t a, uint32_t b)
{
	uint64_t k = (uint64_t)a << 32 | b;
	uint32_t h, id;

	if (s->npairs * 2 >= s->ptable_cap)
		ptable_grow(s);
	h = hash_pair(k) & (s->ptable_cap - 1);
	while ((id = s->ptable[h]) != NO_ID) {
		if (s->pair_words[id] == k)
			return id;
		h = (h + 1) & (s->ptable_cap - 1);
	}
	if (s->npairs == s->pairs_cap) {
		s->pairs_cap = s->pairs_cap ? s->pairs_cap * 2 : 4096;
		s->pair_words = xrealloc(s->pair_words, s->pairs_cap * sizeof *s->pair_words);
		s->plast = xrealloc(s->plast, s->pairs_cap * sizeof *s->plast);
	}
	s->pair_words[s->npairs] = k;
	s->plast[s->npairs].doc = NO_ID;
	s->ptable[h] = s->npairs;
	return s->npairs++;
}

/* Notes that document doc holds word or pair id at a tier, unless its
 * latest note said so already (search_finish merges the tiers). */
static void note(struct entry **list, size_t *n, size_t *cap, struct last *last, uint32_t id,
		 unsigned doc, enum search_tier tier)
{
	struct last *l = &last[id];

	if (l->doc == doc && (l->tiers & (1u << tier)))
		return;
	if (l->doc != doc)
		l->tiers = 0;
	l->doc = doc;
	l->tiers |= (uint8_t)(1u << tier);
	if (*n == *cap) { /* by half: less left unused at the end than doubling */
		*cap = *cap ? *cap + *cap / 2 : 4096;
		*list = xrealloc(*list, *cap * sizeof **list);
	}
	(*list)[*n].id = id;
	(*list)[*n].post = (uint32_t)doc << TIER_BITS | 1u << tier;
	(*n)++;
}

void search_add(struct search *s, unsigned doc, enum search_tier tier, const char *words)
{
	const char *p = words;
	uint32_t prev = NO_ID;

	if (s->finished || doc >= s->ndocs || words == NULL)
		return;
	while (*p != '\0') {
		size_t n = strcspn(p, " ");

		if (n > 0) {
			uint32_t w = word_intern(s, p, n);

			note(&s->list, &s->nlist, &s->list_cap, s->last, w, doc, tier);
			if (prev != NO_ID) {
				/* Numbered first: it may move s->plast. */
				uint32_t pair = pair_intern(s, prev, w);

				note(&s->plist, &s->nplist, &s->plist_cap, s->plast, pair, doc, tier);
			}
			prev = w;
			if (tier == SEARCH_NAME && s->name_words[doc] < 255)
				s->name_words[doc]++;
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

void search_set_flags(struct search *s, unsigned doc, unsigned flags)
{
	if (doc < s->ndocs)
		s->flags[doc] = (uint8_t)(flags & (SEARCH_AT_LEVEL | SEARCH_HAS_FORM));
}

/* qsort callbacks (qsort has no context argument: what is being sorted
 * is kept here while search_finish runs). */
static const struct search *sorting;
static char **sort_keys;        /* the key of each word number */
static const uint32_t *sort_rank; /* rank of each word number */

/* Orders word numbers by key, then by the word with its marks. */
static int by_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = strcmp(sort_keys[x], sort_keys[y]);

	return c ? c : strcmp(word_at(sorting, x), word_at(sorting, y));
}

/* Orders pair numbers by their words' keys, then ranks. */
static int by_pair(const void *a, const void *b)
{
	const struct search *s = sorting;
	uint64_t x = s->pair_words[*(const uint32_t *)a], y = s->pair_words[*(const uint32_t *)b];
	uint32_t xr1 = sort_rank[x >> 32], xr2 = sort_rank[(uint32_t)x];
	uint32_t yr1 = sort_rank[y >> 32], yr2 = sort_rank[(uint32_t)y];
	uint32_t xk1 = s->word_key[xr1], yk1 = s->word_key[yr1];
	uint32_t xk2 = s->word_key[xr2], yk2 = s->word_key[yr2];

	if (xk1 != yk1)
		return xk1 < yk1 ? -1 : 1;
	if (xk2 != yk2)
		return xk2 < yk2 ? -1 : 1;
	if (xr1 != yr1)
		return xr1 < yr1 ? -1 : 1;
	return (xr2 > yr2) - (xr2 < yr2);
}

/* Orders postings (doc << TIER_BITS | tiers) by document. */
static int by_doc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a >> TIER_BITS, y = *(const uint32_t *)b >> TIER_BITS;

	return (x > y) - (x < y);
}

/* Turns a list of entries into postings grouped by rank (rank[id]; n
 * ranks): *start gets n + 1 offsets, *post the postings, one per document
 * with its tiers merged. Frees the list. Returns the number of postings. */
static size_t postings(struct entry *list, size_t nlist, const uint32_t *rank, uint32_t n,
		       uint32_t **start_out, uint32_t **post_out)
{
	uint32_t *start = xcalloc((size_t)n + 2, sizeof *start), *post, i;
	size_t k, out = 0;

	for (k = 0; k < nlist; k++)
		start[rank[list[k].id] + 2]++;
	for (i = 2; i < n + 2; i++)
		start[i] += start[i - 1];
	post = xmalloc((nlist + 1) * sizeof *post);
	for (k = 0; k < nlist; k++)
		post[start[rank[list[k].id] + 1]++] = list[k].post;
	free(list);
	/* start[r] is now where run r begins; sort each run by document and
	 * merge repeats (documents added out of order). */
	for (i = 0; i < n; i++) {
		uint32_t from = start[i], to = start[i + 1], j;

		for (j = from; j + 1 < to && post[j] >> TIER_BITS <= post[j + 1] >> TIER_BITS; j++)
			;
		if (j + 1 < to)
			qsort(post + from, to - from, sizeof *post, by_doc);
		start[i] = (uint32_t)out;
		for (j = from; j < to; j++) {
			if (out > start[i] && post[out - 1] >> TIER_BITS == post[j] >> TIER_BITS)
				post[out - 1] |= post[j];
			else
				post[out++] = post[j];
		}
	}
	start[n] = (uint32_t)out;
	*start_out = start;
	*post_out = post;
	return out;
}

/* Appends a shape to the arena of shapes. */
static void keep_shape(struct search *s, const char *shape, size_t *len, size_t *cap)
{
	size_t n = strlen(shape) + 1;

	if (*len + n > *cap) {
		*cap = (*len + n) * 2;
		s->shapes = xrealloc(s->shapes, *cap);
	}
	memcpy(s->shapes + *len, shape, n);
	*len += n;
}

/* Gives every word its key and look, numbers the distinct keys and sorts
 * the words by key. Returns each word number's rank (the caller frees). */
static uint32_t *sort_words(struct search *s)
{
	uint32_t *order = xmalloc((s->nwords + 1) * sizeof *order);
	uint32_t *rank = xmalloc((s->nwords + 1) * sizeof *rank), i;
	struct look *looks = xmalloc((s->nwords + 1) * sizeof *looks);
	size_t len = 0, cap = 0, shapes_len = 0, shapes_cap = 0;

	sort_keys = xmalloc((s->nwords + 1) * sizeof *sort_keys);
	for (i = 0; i < s->nwords; i++) {
		const char *w = word_at(s, i);

		search_look(&looks[i], w, strlen(w));
		sort_keys[i] = looks[i].key;
		order[i] = i;
	}
	sorting = s;
	qsort(order, s->nwords, sizeof *order, by_key);
	s->word_key = xmalloc((s->nwords + 1) * sizeof *s->word_key);
	s->shape_off = xmalloc((s->nwords + 1) * sizeof *s->shape_off);
	s->tone = xmalloc(s->nwords + 1);
	s->key_off = xmalloc((s->nwords + 1) * sizeof *s->key_off);
	s->key_start = xmalloc((s->nwords + 1) * sizeof *s->key_start);
	for (i = 0; i < s->nwords; i++) {
		const char *k = sort_keys[order[i]];

		if (s->nkeys == 0 || strcmp(k, key_at(s, s->nkeys - 1)) != 0) {
			size_t n = strlen(k) + 1;

			if (len + n > cap) {
				cap = (len + n) * 2;
				s->keys = xrealloc(s->keys, cap);
			}
			memcpy(s->keys + len, k, n);
			s->key_off[s->nkeys] = (uint32_t)len;
			s->key_start[s->nkeys++] = i;
			len += n;
		}
		s->word_key[i] = s->nkeys - 1;
		s->shape_off[i] = (uint32_t)shapes_len;
		s->tone[i] = looks[order[i]].tone;
		keep_shape(s, looks[order[i]].shape, &shapes_len, &shapes_cap);
		rank[order[i]] = i;
	}
	s->key_start[s->nkeys] = s->nwords;
	sorting = NULL;
	free(sort_keys);
	sort_keys = NULL;
	free(looks);
	free(order);
	return rank;
}

/* Sorts the pairs by their words' keys and makes their postings. */
static void sort_pairs(struct search *s, const uint32_t *rank)
{
	uint32_t *order = xmalloc((s->npairs + 1) * sizeof *order);
	uint32_t *prank = xmalloc((s->npairs + 1) * sizeof *prank), i;

	for (i = 0; i < s->npairs; i++)
		order[i] = i;
	sorting = s;
	sort_rank = rank;
	qsort(order, s->npairs, sizeof *order, by_pair);
	sorting = NULL;
	sort_rank = NULL;
	s->pair_k1 = xmalloc((s->npairs + 1) * sizeof *s->pair_k1);
	s->pair_k2 = xmalloc((s->npairs + 1) * sizeof *s->pair_k2);
	s->pair_r1 = xmalloc((s->npairs + 1) * sizeof *s->pair_r1);
	s->pair_r2 = xmalloc((s->npairs + 1) * sizeof *s->pair_r2);
	for (i = 0; i < s->npairs; i++) {
		uint64_t k = s->pair_words[order[i]];

		s->pair_r1[i] = rank[k >> 32];
		s->pair_r2[i] = rank[(uint32_t)k];
		s->pair_k1[i] = s->word_key[s->pair_r1[i]];
		s->pair_k2[i] = s->word_key[s->pair_r2[i]];
		prank[order[i]] = i;
	}
	free(order);
	s->nppost = postings(s->plist, s->nplist, prank, s->npairs, &s->pstart, &s->ppost);
	s->plist = NULL;
	free(prank);
}

/* How well a posting matches a query word: its best tier, plus whole and
 * own (SEARCH_Q_*). */
static uint8_t quality(uint32_t posting, unsigned extra)
{
	unsigned tiers = posting & ((1u << TIER_BITS) - 1), t = 0;

	while (!(tiers & (1u << t)))
		t++;
	return (uint8_t)((SEARCH_TIERS - t) << 1 | extra);
}

/* First key number whose key is not less than key (n bytes), comparing
 * only the first n bytes: the first key starting with key. */
uint32_t search_key_lower(const struct search *s, const char *key, size_t n)
{
	uint32_t lo = 0, hi = s->nkeys;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strncmp(key_at(s, mid), key, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First key number after the keys starting with key (n bytes), from lo. */
uint32_t search_key_end(const struct search *s, const char *key, size_t n, uint32_t lo)
{
	uint32_t hi = s->nkeys;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strncmp(key_at(s, mid), key, n) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Orders cached prefixes. */
static int by_prefix(const void *a, const void *b)
{
	return strcmp(((const struct cached *)a)->prefix, ((const struct cached *)b)->prefix);
}

/* Caches the best match per document (as if own) of one prefix run of
 * keys [k, e). */
static void cache_run(struct search *s, const char *prefix, size_t len, uint32_t k, uint32_t e,
		      uint8_t *best, uint32_t *touched, size_t *cap, size_t *mcap)
{
	uint32_t nt = 0, r, p, i;
	struct cached *c;

	for (; k < e; k++) {
		unsigned extra = SEARCH_Q_OWN | (strlen(key_at(s, k)) == len ? SEARCH_Q_WHOLE : 0);

		for (r = s->key_start[k]; r < s->key_start[k + 1]; r++)
			for (p = s->start[r]; p < s->start[r + 1]; p++) {
				uint32_t doc = s->post[p] >> TIER_BITS;
				uint8_t q = quality(s->post[p], extra);

				if (best[doc] == 0)
					touched[nt++] = doc;
				if (q > best[doc])
					best[doc] = q;
			}
	}
	if (s->ncache == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		s->cache = xrealloc(s->cache, *cap * sizeof *s->cache);
	}
	if (s->nmerged + nt > *mcap) {
		*mcap = (s->nmerged + nt) * 2;
		s->merged = xrealloc(s->merged, *mcap * sizeof *s->merged);
	}
	c = &s->cache[s->ncache++];
	memcpy(c->prefix, prefix, len);
	c->prefix[len] = '\0';
	c->off = (uint32_t)s->nmerged;
	c->n = nt;
	for (i = 0; i < nt; i++) {
		s->merged[s->nmerged++] = touched[i] << 8 | best[touched[i]];
		best[touched[i]] = 0;
	}
}

/* Caches every prefix of 1 to CACHE_LEN bytes whose words have more
 * postings than there are documents. */
static void build_cache(struct search *s)
{
	uint8_t *best = xcalloc(s->ndocs ? s->ndocs : 1, 1);
	uint32_t *touched = xmalloc((s->ndocs ? s->ndocs : 1) * sizeof *touched);
	size_t cap = 0, mcap = 0, len;
	uint32_t k, e, threshold = s->ndocs > 256 ? s->ndocs : 256;

	for (len = 1; len <= CACHE_LEN; len++) {
		for (k = 0; k < s->nkeys; k = e) {
			const char *key = key_at(s, k);

			if (strlen(key) < len) {
				e = k + 1;
				continue;
			}
			e = search_key_end(s, key, len, k);
			if (s->start[s->key_start[e]] - s->start[s->key_start[k]] > threshold)
				cache_run(s, key, len, k, e, best, touched, &cap, &mcap);
		}
	}
	if (s->ncache > 0)
		qsort(s->cache, s->ncache, sizeof *s->cache, by_prefix);
	free(best);
	free(touched);
}

/* The cached merge of a key prefix, or NULL. */
static const struct cached *cache_find(const struct search *s, const char *key, size_t n)
{
	size_t lo = 0, hi = s->ncache;
	char want[CACHE_LEN + 1];

	if (n > CACHE_LEN)
		return NULL;
	memcpy(want, key, n);
	want[n] = '\0';
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->cache[mid].prefix, want);

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
	uint32_t *rank;
	size_t scratch = (size_t)(s->ndocs ? s->ndocs : 1);

	if (s->finished)
		return;
	s->finished = 1;
	free(s->table);
	free(s->ptable);
	free(s->last);
	free(s->plast);
	s->table = s->ptable = NULL;
	s->last = s->plast = NULL;
	rank = sort_words(s);
	s->npost = postings(s->list, s->nlist, rank, s->nwords, &s->start, &s->post);
	s->list = NULL;
	sort_pairs(s, rank);
	free(rank);
	free(s->pair_words);
	free(s->arena);
	free(s->word_off);
	s->pair_words = NULL;
	s->arena = NULL;
	s->word_off = NULL;
	build_cache(s);
	search_synonyms_finish(s);

	s->seen = xcalloc(scratch, sizeof *s->seen);
	s->quality = xcalloc(scratch, 1);
	s->matched = xcalloc(scratch, 1);
	s->missed = xcalloc(scratch, 1);
	s->cgen = xcalloc(scratch, sizeof *s->cgen);
	s->wq = xcalloc(scratch * SEARCH_MAX_WORDS, 1);
	s->pq = xcalloc(scratch * SEARCH_MAX_WORDS, 1);
	s->full = xcalloc(scratch, sizeof *s->full);
	s->best = xcalloc(scratch, sizeof *s->best);
	s->best_gen = xcalloc(scratch, sizeof *s->best_gen);
	s->cand = xcalloc(scratch, sizeof *s->cand);
	s->hit_docs = xcalloc(scratch, sizeof *s->hit_docs);
}

/* Orders query words by the postings they need, fewest first. */
static int by_cost(const void *a, const void *b)
{
	const struct qword *x = *(struct qword *const *)a, *y = *(struct qword *const *)b;

	return (x->cost > y->cost) - (x->cost < y->cost);
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

/* What a scan of one word needs to know. */
struct scan {
	unsigned step;          /* words looked at before this one */
	unsigned group;
	int relax;              /* a document may miss one word */
	int phrase;             /* only the words as written, side by side */
	uint32_t gen;           /* the reading's generation (s->cgen) */
	size_t ncand;
};

/* Makes doc a candidate of the reading, missing the word before this
 * one when missed is set. */
static void candidate(struct search *s, uint32_t doc, int missed, struct scan *sc)
{
	s->cand[sc->ncand++] = doc;
	s->cgen[doc] = sc->gen;
	s->matched[doc] = 0;
	s->missed[doc] = (uint8_t)missed;
	memset(s->wq + (size_t)doc * SEARCH_MAX_WORDS, 0, SEARCH_MAX_WORDS);
}

/* Notes that doc matches the current query word with quality q. The
 * first word (step 0) collects candidates (of the group, when one is
 * given), and so does the second when a document may miss one word;
 * later ones only touch documents still in the running. */
static inline void visit(struct search *s, uint32_t doc, uint8_t q, struct scan *sc)
{
	if (s->seen[doc] == s->gen) {
		if (q > s->quality[doc])
			s->quality[doc] = q;
		return;
	}
	if (sc->step == 0 || (sc->relax && sc->step == 1 && s->cgen[doc] != sc->gen)) {
		if (sc->group != 0 && s->group[doc] != sc->group)
			return;
		candidate(s, doc, sc->step == 1, sc);
	} else if (s->cgen[doc] != sc->gen || s->matched[doc] + s->missed[doc] != sc->step) {
		return;
	}
	s->seen[doc] = s->gen;
	s->quality[doc] = q;
}

/* Visits the postings of one way to read a word. */
static void scan_alt(struct search *s, const struct qword *w, const struct qalt *a, struct scan *sc)
{
	uint32_t r, k, end = s->key_start[a->hi];

	for (r = s->key_start[a->lo]; r < end; r++) {
		unsigned extra = 0;

		if (!a->typo) {
			if (strlen(key_at(s, s->word_key[r])) == w->len)
				extra |= SEARCH_Q_WHOLE;
			if (own_at(s, r, w))
				extra |= SEARCH_Q_OWN;
		}
		for (k = s->start[r]; k < s->start[r + 1]; k++)
			visit(s, s->post[k] >> TIER_BITS, quality(s->post[k], extra), sc);
	}
}

/* Reads the matches of word wi (its cached merge, or the postings of every
 * word each of its readings is a prefix of), then counts the word for
 * each document that has it; one that has not drops out, unless it may
 * still miss one. */
static void scan_word(struct search *s, const struct qword *w, unsigned wi, struct scan *sc)
{
	uint32_t k;
	unsigned a;

	s->gen++;
	if (w->cached != NULL) {
		const uint32_t *m = s->merged + w->cached->off;

		for (k = 0; k < w->cached->n; k++)
			visit(s, m[k] >> 8, (uint8_t)(m[k] & 0xff), sc);
	} else {
		for (a = 0; a < w->nalt; a++)
			scan_alt(s, w, &w->alt[a], sc);
	}
	for (k = 0; k < sc->ncand; k++) {
		unsigned doc = s->cand[k];

		if (s->matched[doc] + s->missed[doc] != sc->step)
			continue;
		if (s->seen[doc] == s->gen) {
			s->matched[doc]++;
			s->wq[(size_t)doc * SEARCH_MAX_WORDS + wi] = s->quality[doc];
		} else if (sc->relax && s->missed[doc] == 0 && sc->step > 0) {
			s->missed[doc] = 1;
		}
	}
}

/* First pair rank whose keys are not less than (k1, k2). */
static uint32_t pair_lower(const struct search *s, uint32_t k1, uint32_t k2)
{
	uint32_t lo = 0, hi = s->npairs;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (s->pair_k1[mid] < k1 || (s->pair_k1[mid] == k1 && s->pair_k2[mid] < k2))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Notes, for the documents that have every word, where words i and i+1
 * (a, b) stand side by side: a as a whole word, b as read. */
static void scan_pair(struct search *s, const struct qword *a, const struct qword *b, unsigned i)
{
	unsigned x, y;

	for (x = 0; x < a->nalt; x++) {
		if (a->alt[x].exact == NO_ID)
			continue;
		for (y = 0; y < b->nalt; y++) {
			const struct qalt *bb = &b->alt[y];
			/* Only the last word typed may be the start of a longer one. */
			uint32_t lo = b->prefix ? bb->lo : bb->exact, hi = b->prefix ? bb->hi : lo + 1;
			uint32_t r, end, k;

			if (lo == NO_ID)
				continue;
			r = pair_lower(s, a->alt[x].exact, lo);
			end = pair_lower(s, a->alt[x].exact, hi);

			for (; r < end; r++) {
				unsigned q = 0;

				if (!a->alt[x].typo && !bb->typo && own_at(s, s->pair_r1[r], a) &&
				    own_at(s, s->pair_r2[r], b))
					q = SEARCH_Q_OWN;
				for (k = s->pstart[r]; k < s->pstart[r + 1]; k++) {
					uint32_t doc = s->ppost[k] >> TIER_BITS;
					uint8_t *p = &s->pq[(size_t)doc * SEARCH_MAX_WORDS + i];
					uint8_t qq = quality(s->ppost[k], q);

					if (s->full[doc] == s->gen && qq > *p)
						*p = qq;
				}
			}
		}
	}
}

/* True when the words a document has (of n) are all in its name: a
 * document that misses a word counts only then ("cấp lại căn cước" for
 * "cap lai cmnd bi mat"), not for words scattered in its papers. */
static int named(const struct search *s, unsigned doc, unsigned n)
{
	const uint8_t *q = s->wq + (size_t)doc * SEARCH_MAX_WORDS;
	unsigned i;

	for (i = 0; i < n; i++)
		if (q[i] != 0 && (q[i] & SEARCH_Q_TIER) != SEARCH_Q_NAME)
			return 0;
	return 1;
}

/* True when a document holds the n words as written: each with its own
 * marks, each pair side by side (SEARCH_PHRASE). */
static int as_written(const struct search *s, unsigned doc, unsigned n)
{
	const uint8_t *w = s->wq + (size_t)doc * SEARCH_MAX_WORDS;
	const uint8_t *p = s->pq + (size_t)doc * SEARCH_MAX_WORDS;
	unsigned i;

	for (i = 0; i < n; i++)
		if (!(w[i] & SEARCH_Q_OWN) || (i + 1 < n && !(p[i] & SEARCH_Q_OWN)))
			return 0;
	return 1;
}

/* Ranks the documents that have every word of a reading (or all but one,
 * the others in the name) and keeps each one's best score. */
static void rank_reading(struct search *s, const struct reading *rd, const struct scan *sc)
{
	size_t k;
	unsigned i;

	s->gen++;
	for (k = 0; k < sc->ncand; k++) {
		unsigned doc = s->cand[k];

		if (s->matched[doc] + s->missed[doc] != rd->n || (s->missed[doc] && !named(s, doc, rd->n)))
			continue;
		s->full[doc] = s->gen;
		memset(s->pq + (size_t)doc * SEARCH_MAX_WORDS, 0, SEARCH_MAX_WORDS);
	}
	for (i = 0; i + 1 < rd->n; i++)
		scan_pair(s, &rd->w[i], &rd->w[i + 1], i);
	for (k = 0; k < sc->ncand; k++) {
		unsigned doc = s->cand[k];
		struct search_match m;
		unsigned long score;

		if (s->full[doc] != s->gen || (sc->phrase && !as_written(s, doc, rd->n)))
			continue;
		m.n = rd->n;
		memcpy(m.word, s->wq + (size_t)doc * SEARCH_MAX_WORDS, SEARCH_MAX_WORDS);
		memcpy(m.pair, s->pq + (size_t)doc * SEARCH_MAX_WORDS, SEARCH_MAX_WORDS);
		m.flags = s->flags[doc];
		m.name_words = s->name_words[doc];
		score = search_rank(&m);
		if (s->best_gen[doc] != s->run_gen) {
			s->best_gen[doc] = s->run_gen;
			s->best[doc] = score;
			s->hit_docs[s->nhit_docs++] = doc;
		} else if (score > s->best[doc]) {
			s->best[doc] = score;
		}
	}
}

/* How typos are put right in a run. */
enum typos {
	TYPOS_NONE,             /* SEARCH_AS_TYPED */
	TYPOS_UNKNOWN,          /* for words that match nothing as typed */
	TYPOS_ALL               /* for every word: nothing was found */
};

/* A word of four letters or more in fewer documents than this may well
 * be a typo of a common one ("khia" for "khai"): it is read both ways. */
#define RARE 3

/* True when a word typed matches as a whole word in few documents only. */
static int rare(const struct search *s, const struct qword *w)
{
	const struct qalt *a = &w->alt[0];

	return w->len >= 4 && !w->prefix && a->exact != NO_ID &&
	       s->start[s->key_start[a->exact + 1]] - s->start[s->key_start[a->exact]] < RARE;
}

/* Looks the words of a reading up, putting typos right as told. Returns 0
 * when a word matches nothing at all (two words, when one may be missed). */
static int resolve_reading(struct search *s, struct reading *rd, enum typos typos, int relax)
{
	unsigned i, a, none = 0;

	for (i = 0; i < rd->n; i++) {
		struct qword *w = &rd->w[i];
		int found = search_resolve(s, w);

		if (typos == TYPOS_ALL || (typos == TYPOS_UNKNOWN && (!found || rare(s, w))))
			search_typos(s, w);
		w->cached = NULL;
		w->cost = SIZE_MAX; /* matches nothing: looked at last */
		if (w->nalt == 0 && ++none > (unsigned)relax)
			return 0;
		if (w->nalt == 0)
			continue;
		/* The cache holds matches as if own: right when marks do not count. */
		if (w->nalt == 1 && !w->alt[0].typo && !w->strict && !w->exact_only)
			w->cached = cache_find(s, w->look.key, w->len);
		w->cost = 0;
		if (w->cached != NULL)
			w->cost = w->cached->n;
		else
			for (a = 0; a < w->nalt; a++)
				w->cost += s->start[s->key_start[w->alt[a].hi]] -
					   s->start[s->key_start[w->alt[a].lo]];
	}
	return 1;
}

/* Runs one reading: its words, rarest first, then its pairs and ranks. */
static void run_reading(struct search *s, struct reading *rd, unsigned group, enum typos typos,
			int phrase)
{
	struct qword *order[SEARCH_MAX_WORDS];
	/* With typos put right everywhere, every word must match. */
	struct scan sc = { 0, group, rd->n >= RELAX_WORDS && typos != TYPOS_ALL, phrase, ++s->reading_gen,
			   0 };
	unsigned i;

	if (rd->n == 0 || !resolve_reading(s, rd, typos, sc.relax))
		return;
	for (i = 0; i < rd->n; i++)
		order[i] = &rd->w[i];
	qsort(order, rd->n, sizeof *order, by_cost);
	for (sc.step = 0; sc.step < rd->n; sc.step++)
		scan_word(s, order[sc.step], (unsigned)(order[sc.step] - rd->w), &sc);
	rank_reading(s, rd, &sc);
}

size_t search_run(struct search *s, const char *query, unsigned group, unsigned opts,
		  struct search_hit *hits, size_t max, size_t *total)
{
	size_t nheap = 0, i;
	unsigned n, r;
	enum typos typos = opts & (SEARCH_AS_TYPED | SEARCH_PHRASE) ? TYPOS_NONE : TYPOS_UNKNOWN;

	if (total)
		*total = 0;
	if (opts & SEARCH_PHRASE)
		opts |= SEARCH_AS_TYPED;
	if (!s->finished || query == NULL || (n = search_readings(s, query, opts)) == 0)
		return 0;
	s->run_gen++;
	s->nhit_docs = 0;
	for (r = 0; r < n; r++)
		run_reading(s, &s->readings[r], group, typos, (opts & SEARCH_PHRASE) != 0);
	/* Typos are put right everywhere only when nothing was found. */
	if (s->nhit_docs == 0 && typos != TYPOS_NONE)
		for (r = 0; r < n; r++)
			run_reading(s, &s->readings[r], group, TYPOS_ALL, 0);
	for (i = 0; i < s->nhit_docs && max > 0; i++) {
		struct search_hit h = { s->hit_docs[i], s->best[s->hit_docs[i]] };

		heap_offer(hits, &nheap, max, h);
	}
	if (nheap > 0)
		qsort(hits, nheap, sizeof *hits, by_score);
	if (total)
		*total = s->nhit_docs;
	return nheap;
}
