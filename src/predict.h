/* Predictive keypad entry, as on a T9 phone: one key press per letter
 * (2 abc, 3 def (and đ), 4 ghi, 5 jkl, 6 mno, 7 pqrs, 8 tuv, 9 wxyz, marks
 * ignored), and the syllables, with their tones and marks, that the keys
 * pressed can spell, most likely first.
 *
 * "Most likely" depends on what the field holds: ordinary words (the
 * procedure catalog's words), places (the administrative units' names), or
 * a person's name, where the first word is a surname, the second mostly a
 * middle name and the others given names. The weights come from
 * assets/vi-freq.txt (deploy/tools/vi-freq.py); every syllable of
 * assets/vi-syllables.txt can be proposed, the unweighted ones last, in the
 * dictionaries' order of tones. Pure: no screen, no clock. */
#ifndef KIOSK_PREDICT_H
#define KIOSK_PREDICT_H

#include <stddef.h>

/* What a field holds, for the ranking. */
enum predict_kind { PREDICT_TEXT, PREDICT_PLACE, PREDICT_NAME };

/* The weight columns of vi-freq.txt. */
enum { PW_TEXT, PW_PLACE, PW_SURNAME, PW_MIDDLE, PW_GIVEN, PW_N };

struct predict_word {
	char *text;             /* lower case, NFC */
	char keys[24];          /* the keys that spell it ("648936") */
	int w[PW_N];
	int tone;               /* for the order of unweighted syllables */
};

struct predict {
	struct predict_word *word;  /* sorted by keys, then text */
	size_t n;
};

/* Loads the syllables (one a line) and their weights (vi-freq.txt; words
 * only there are added). Returns -1 with *cause set when the syllables
 * cannot be read (p is then empty but usable). A missing weights file
 * leaves every weight 0. */
int predict_load(struct predict *p, const char *syllables, const char *weights, char **cause);

/* Frees the lists. */
void predict_free(struct predict *p);

/* The key ('2'-'9') of a letter without its marks (đ is on 3), or 0. */
char predict_key(unsigned c);

/* Writes into out (size bytes) the keys spelling word (its letters
 * folded; others skipped). Returns the number of keys, or -1 when it does
 * not fit. */
int predict_keys(const char *word, char *out, size_t size);

/* Up to max syllables for the keys pressed, best first, into out (they
 * point into p): those spelled by exactly these keys, then, when room is
 * left, longer ones that start with them. kind and word (the word's place
 * in the field: 0 the first) choose the ranking. Returns how many. */
size_t predict_find(const struct predict *p, const char *keys, enum predict_kind kind, int word,
		    const char **out, size_t max);

/* How well the keys pressed match a name ("Xã Nghĩa Hành"), skipping its
 * first skip bytes (the unit's kind): 2 when its first word starts with
 * the keys, 1 another word, 0 none. */
int predict_match(const char *keys, const char *name, size_t skip);

#endif
