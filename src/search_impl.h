/* The inside of the search index, shared by search.c (the index and its
 * scans) and search_query.c (reading a query). Not for other modules. */
#ifndef KIOSK_SEARCH_IMPL_H
#define KIOSK_SEARCH_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "search.h"

#define TIER_BITS 3            /* one bit per tier in a posting */
#define NO_ID UINT32_MAX
#define KEY_MAX 64             /* bytes of a word's key; longer words are cut */
#define MAX_ALTS 12            /* ways to read one word (typos put right) */
#define MAX_READINGS 8         /* ways to read one query */
#define RELAX_WORDS 3          /* readings of this many words or more match
				* documents that miss one of them when the
				* others are in the name, ranked by the words
				* they have */

/* Prefixes up to this many bytes may be cached. */
#define CACHE_LEN 3

struct cached {
	char prefix[CACHE_LEN + 1];
	uint32_t off, n;        /* entries in merged[] */
};

/* A word's look: its folded key, and its letters with their own marks
 * (shape: a letter a byte, â ă ê ô ơ ư đ as A B E O Q W D) and tone. */
struct look {
	char key[KEY_MAX];
	char shape[KEY_MAX];
	uint8_t tone;           /* 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng */
};

/* An index word's marks, to compare with a query word's. */
struct marks {
	const char *shape;
	uint8_t tone;
};

/* One way to read a query word: a run of keys of the index. */
struct qalt {
	uint32_t lo, hi;        /* keys (by number) it matches */
	uint32_t exact;         /* the key equal to it, or NO_ID */
	uint8_t typo;           /* a typo put right: never "own" */
};

/* A word of a reading. */
struct qword {
	struct look look;
	size_t len;             /* of look.key */
	uint8_t prefix;         /* the last word typed: may be the start of a longer one */
	uint8_t exact_only;     /* matches only itself (a synonym's word) */
	uint8_t marked;         /* written with marks */
	uint8_t strict;         /* its marks count (its text had marks): a word
				 * without marks then means one without */
	struct qalt alt[MAX_ALTS];
	unsigned nalt;
	const struct cached *cached; /* its merge, when one serves */
	size_t cost;            /* postings to read */
};

/* One way to read the whole query. */
struct reading {
	struct qword w[SEARCH_MAX_WORDS];
	unsigned n;
};

/* A synonym: the villagers' words (keys, space-separated) and the
 * catalog's words in their place. */
struct synonym {
	char *phrase;
	unsigned nwords;
	char *target;           /* words with marks; "" drops the phrase */
};

struct search {
	unsigned ndocs;
	int finished;

	/* Words as added (with marks), by number, in one arena. */
	char *arena;
	size_t arena_len, arena_cap;
	uint32_t *word_off;
	uint32_t nwords, words_cap;
	uint32_t *table;        /* hash table of word numbers (building only) */
	uint32_t table_cap;

	/* Pairs of words side by side (building: word numbers). */
	uint64_t *pair_words;
	uint32_t npairs, pairs_cap;
	uint32_t *ptable;
	uint32_t ptable_cap;

	/* While building: every (word or pair, doc, tiers). */
	struct entry *list, *plist;
	size_t nlist, list_cap, nplist, plist_cap;
	struct last *last, *plast; /* per word or pair: its latest document */

	/* After search_finish. Keys: the distinct folded words, sorted. */
	char *keys;
	uint32_t *key_off, nkeys;
	uint32_t *key_start;    /* key -> first word rank; [nkeys] = nwords */
	/* Words sorted by key then marks; per rank: */
	uint32_t *word_key;
	char *shapes;           /* shapes in one arena */
	uint32_t *shape_off;
	uint8_t *tone;
	uint32_t *start, *post; /* rank -> postings: doc << TIER_BITS | tiers */
	size_t npost;
	/* Pairs sorted by (key, key, rank, rank); per pair rank: */
	uint32_t *pair_k1, *pair_k2, *pair_r1, *pair_r2;
	uint32_t *pstart, *ppost;
	size_t nppost;

	/* Short prefixes ("d", "ng", "tha") match words with a great many
	 * postings: for those, the best match per document is worked out once
	 * by search_finish, so a first keystroke reads at most ndocs entries. */
	struct cached *cache;
	size_t ncache;
	uint32_t *merged;       /* doc << 8 | quality */
	size_t nmerged;

	uint8_t *name_words;    /* words in the name (at most 255) */
	unsigned *group;
	uint8_t *flags;

	struct synonym *syn;
	size_t nsyn, syn_cap;

	/* Scratch for one query. */
	struct reading readings[MAX_READINGS];
	uint32_t *seen;         /* generation that last touched the doc */
	uint8_t *quality;       /* best match of the current word in the doc */
	uint8_t *matched;       /* words matched so far */
	uint8_t *missed;        /* words missed so far (0 or 1) */
	uint32_t *cgen;         /* reading generation: the doc is a candidate */
	uint8_t *wq, *pq;       /* per doc and word: word and pair matches */
	uint32_t *full;         /* generation: the doc has every word */
	unsigned long *best;    /* best score over the readings */
	uint32_t *best_gen;
	unsigned *cand, *hit_docs;
	size_t nhit_docs;
	uint32_t gen, run_gen, reading_gen;
};

/* Index lookups (search.c). */
const char *search_key(const struct search *s, uint32_t k);
uint32_t search_key_lower(const struct search *s, const char *key, size_t n);
uint32_t search_key_end(const struct search *s, const char *key, size_t n, uint32_t lo);

/* Sets a word's first way to read it (as typed); 0 when it matches no
 * word of the index. */
int search_resolve(const struct search *s, struct qword *w);

/* Reading a query (search_query.c). */

/* The look of one word (UTF-8, lower case, n bytes): key, shape, tone. */
void search_look(struct look *l, const char *word, size_t n);

/* True when an index word's marks agree with those of a query word (its
 * start only, when prefix), or when the query word's marks do not count. */
int search_own(const char *shape, uint8_t tone, const struct qword *q);

/* Fills s->readings from the query; returns how many. */
unsigned search_readings(struct search *s, const char *query, unsigned opts);

/* Adds ways to read a word with a typo put right. */
void search_typos(const struct search *s, struct qword *w);

/* Sorts the synonyms (search_finish). */
void search_synonyms_finish(struct search *s);

/* Frees the synonyms. */
void search_synonyms_free(struct search *s);

#endif
