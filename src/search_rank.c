/* The ranking rules of search (search.h lists them): one function from how
 * a document matched a reading of the query to a score. The score is a
 * number whose parts, from the most significant, are the rules in order:
 *
 *   bits 24-31  phrase: pairs side by side, their share of the best
 *   bits 16-23  words: own marks and tier, their share of the best
 *   bits 13-14  the booth: has a form (2), its level handles it (1)
 *   bits  8-11  whole words
 *   bits  0-7   255 less the words of the name (shorter first) */
#include "search.h"

/* Points of one match: 3 for the villager's own marks, then 1 to 3 for
 * the body, field or name; 0 when there is no match. */
#define POINTS_MAX 6

/* The points of a match quality (SEARCH_Q_*). */
static unsigned points(unsigned char q)
{
	if (q == 0)
		return 0;
	return (q & SEARCH_Q_OWN ? 3 : 0) + ((q & SEARCH_Q_TIER) >> 1);
}

/* part out of n matches, as a share of 255. */
static unsigned long share(unsigned part, unsigned n)
{
	return n == 0 ? 255 : (unsigned long)part * 255 / (n * POINTS_MAX);
}

unsigned long search_rank(const struct search_match *m)
{
	unsigned i, n = m->n > SEARCH_MAX_WORDS ? SEARCH_MAX_WORDS : m->n;
	unsigned phrase = 0, words = 0, whole = 0, booth = 0;
	unsigned long score;

	for (i = 0; i < n; i++) {
		words += points(m->word[i]);
		whole += m->word[i] & SEARCH_Q_WHOLE;
		if (i + 1 < n)
			phrase += points(m->pair[i]);
	}
	if (m->flags & SEARCH_HAS_FORM)
		booth |= 2;
	if (m->flags & SEARCH_AT_LEVEL)
		booth |= 1;
	score = share(phrase, n > 0 ? n - 1 : 0);
	score = score << 8 | share(words, n);
	score = score << 8 | booth << 5 | whole;
	score = score << 8 | (m->name_words > 255 ? 0 : 255 - m->name_words);
	return score;
}
