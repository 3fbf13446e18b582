/* Search as you type over short documents (procedures, provinces,
 * communes): several words in any order, each a prefix of a word of the
 * document, case and diacritics folded (text_fold), ranked by where the
 * words matched (name before field before body text). Pure: no I/O.
 *
 * A document has up to three texts, one per tier, added already folded.
 * An index answers one query at a time (it keeps scratch space for it). */
#ifndef KIOSK_SEARCH_H
#define KIOSK_SEARCH_H

#include <stddef.h>

enum search_tier {
	SEARCH_NAME,           /* the title: ranks first */
	SEARCH_FIELD,          /* the field (lĩnh vực) or the province */
	SEARCH_BODY,           /* papers, results, conditions ... */
	SEARCH_TIERS
};

/* Words of a query beyond this many are ignored. */
#define SEARCH_MAX_WORDS 8

struct search;

struct search_hit {
	unsigned doc;          /* the document's number given to search_add */
	unsigned long score;   /* higher is better; only the order matters */
};

/* A new empty index for documents numbered 0 .. ndocs-1. */
struct search *search_new(unsigned ndocs);

/* Frees the index; NULL is ignored. */
void search_free(struct search *s);

/* Adds folded text (text_fold's output: lower-case words separated by
 * single spaces) to document doc at a tier. May be called several times
 * for the same document and tier. Only before search_finish(). */
void search_add(struct search *s, unsigned doc, enum search_tier tier, const char *folded);

/* Puts document doc in a group (a field, a province), for queries limited
 * to one group. Groups are numbered from 1; 0 means none. */
void search_set_group(struct search *s, unsigned doc, unsigned group);

/* Sorts the index; no more documents may be added. */
void search_finish(struct search *s);

/* Runs a query typed by a person (any case, with or without marks). Only
 * documents of the group count when group is not 0. Writes the best max
 * hits to hits, best first, and the number of all matching documents to
 * *total (when not NULL). Returns the number written. An empty query
 * matches nothing. */
size_t search_run(struct search *s, const char *query, unsigned group,
		  struct search_hit *hits, size_t max, size_t *total);

#endif
