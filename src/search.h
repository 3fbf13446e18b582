/* Search as you type over short documents (procedures, provinces,
 * communes): several words in any order, each a prefix of a word of the
 * document, case and marks folded, ranked by the rules of search_rank().
 * Pure: no I/O.
 *
 * A document has texts in three tiers (name, field, body), added as
 * lower-case words with or without their marks (text_words or text_fold).
 * A query is read several ways (search_run): as typed, as Telex and VNI
 * keys compose ("ddawng kys" is "đăng ký"), with the villagers' words
 * replaced by the catalog's (search_synonym: "sổ đỏ" is "giấy chứng nhận
 * quyền sử dụng đất"), and with typos put right when a word matches
 * nothing; a document ranks by its best reading. An index answers one
 * query at a time (it keeps scratch space for it). */
#ifndef KIOSK_SEARCH_H
#define KIOSK_SEARCH_H

#include <stddef.h>

enum search_tier {
	SEARCH_NAME,           /* the title: ranks first */
	SEARCH_FIELD,          /* the field (lĩnh vực) or the province */
	SEARCH_BODY,           /* papers, results, conditions ... */
	SEARCH_TIERS
};

/* Words of a query (or of a synonym) beyond this many are ignored. */
#define SEARCH_MAX_WORDS 8

/* What the booth knows of a document besides its words (search_set_flags). */
#define SEARCH_AT_LEVEL 1u     /* handled at the booth's level (a commune booth: "Cấp xã") */
#define SEARCH_HAS_FORM 2u     /* the booth has a request form for it */

/* Options of search_run. */
#define SEARCH_AS_TYPED 1u     /* only the words as typed: no synonyms, no Telex or
				* VNI reading, no typo put right */
#define SEARCH_PHRASE 2u       /* as typed, and only documents holding the words as
				* written: side by side, in order, with their marks
				* (the last one whole when the query ends with a space) */

/* How well one word (or two side by side) matched in a document: 0 for
 * not at all, else a tier, plus flags. Higher is better. */
#define SEARCH_Q_WHOLE 0x01u   /* the whole word, not only its start */
#define SEARCH_Q_BODY  0x02u   /* where: the body, the field or the name */
#define SEARCH_Q_FIELD 0x04u
#define SEARCH_Q_NAME  0x06u
#define SEARCH_Q_TIER  0x06u   /* the tier's bits */
#define SEARCH_Q_OWN   0x08u   /* with the marks the villager typed, as spelt
				* (not a typo put right) */

/* How a document matched one reading of a query: what search_rank ranks. */
struct search_match {
	unsigned n;                            /* words in the reading, 1.. */
	unsigned char word[SEARCH_MAX_WORDS];  /* the best match of each word */
	unsigned char pair[SEARCH_MAX_WORDS];  /* words i and i+1 side by side, in
						* that order (0: nowhere) */
	unsigned flags;                        /* SEARCH_AT_LEVEL, SEARCH_HAS_FORM */
	unsigned name_words;                   /* words in the document's name */
};

/* The ranking rules, in one place (search_rank.c); a higher score is a
 * better match. In order of weight:
 *  1. phrase: the words found side by side and in the order typed beat
 *     scattered ones (Vietnamese words are often two syllables: "mai táng"
 *     is not "thương mại ... tăng"); a pair in the name beats one in the
 *     field, which beats one in the body, and each with the villager's own
 *     marks beats a folded one;
 *  2. words: each word with its own marks first, then where it is found:
 *     name, field, body;
 *  3. the booth: a procedure it has a form for, then one its level
 *     handles;
 *  4. whole words before prefixes of longer ones;
 *  5. the shorter name.
 * Readings of different lengths compare by the share of the best score
 * they could reach. */
unsigned long search_rank(const struct search_match *m);

struct search;

struct search_hit {
	unsigned doc;          /* the document's number given to search_add */
	unsigned long score;   /* search_rank of its best reading */
};

/* A new empty index for documents numbered 0 .. ndocs-1. */
struct search *search_new(unsigned ndocs);

/* Frees the index; NULL is ignored. */
void search_free(struct search *s);

/* Adds words (text_words' or text_fold's output: lower-case words separated
 * by single spaces) to document doc at a tier. Words next to each other
 * count as a phrase. May be called several times for the same document and
 * tier. Only before search_finish(). */
void search_add(struct search *s, unsigned doc, enum search_tier tier, const char *words);

/* Puts document doc in a group (a field, a province), for queries limited
 * to one group. Groups are numbered from 1; 0 means none. */
void search_set_group(struct search *s, unsigned doc, unsigned group);

/* Sets a document's SEARCH_AT_LEVEL and SEARCH_HAS_FORM flags (any time). */
void search_set_flags(struct search *s, unsigned doc, unsigned flags);

/* Adds a synonym: a query holding phrase (the villagers' words, any case,
 * marks ignored) is also read with target (the catalog's words) in its
 * place; an empty target reads it without those words. Only before
 * search_finish(); phrases or targets of no word, or of more than
 * SEARCH_MAX_WORDS, are ignored. */
void search_synonym(struct search *s, const char *phrase, const char *target);

/* Sorts the index; no more documents may be added. */
void search_finish(struct search *s);

/* Runs a query typed by a person (any case, with or without marks). Only
 * documents of the group count when group is not 0. opts is 0,
 * SEARCH_AS_TYPED or SEARCH_PHRASE. Writes the best max hits to hits, best first, and the
 * number of all matching documents to *total (when not NULL). Returns the
 * number written. An empty query matches nothing. */
size_t search_run(struct search *s, const char *query, unsigned group, unsigned opts,
		  struct search_hit *hits, size_t max, size_t *total);

#endif
