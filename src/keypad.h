/* Text entry with only a numeric keypad (the model; the UI draws it).
 * Two styles, [ui] keypad in the config:
 *
 * predictive (the default), as on a T9 phone: one press per letter
 * (2 abc, 3 def, 4 ghi, 5 jkl, 6 mno, 7 pqrs, 8 tuv, 9 wxyz), and the
 * syllables those keys spell show at once, with their tones and marks,
 * most likely first for what the field holds (predict.h). Keys:
 *
 *   words:     2-9 a letter; 0 the first proposal and a space (or just
 *              a space); # or Enter the first proposal (with nothing
 *              pressed: the field is done); 1 the proposals numbered to
 *              choose (with nothing pressed: punctuation , . - / ...);
 *              * digits (after taking the first proposal); Backspace the
 *              last key pressed, or the field's last character;
 *   choosing:  1-9 take that proposal and a space, * the next page, # or
 *              Enter the first, 0 the first and a space, Backspace back.
 *              The last proposal, "abc", spells the word letter by letter
 *              instead (the letters input below), for names that are no
 *              Vietnamese syllable;
 *   digits:    0-9 type themselves, * back to words, # or Enter done;
 *   letters:   multi-tap: the same key again within the pause cycles its
 *              letters, 1 ends a letter; 0 types the letters and a space,
 *              # or * types them; then back to words.
 *
 * multitap, as on an old phone: letters by multi-tap (the letters input
 * above); # or Enter lists numbered choices of real syllables spelled that
 * way, common name syllables first, and last the letters as typed; * with
 * nothing spelled switches to digits and back.
 *
 * Every choice shown is on one row of KEYPAD_ROW_COLS columns: a page holds
 * as many as fit (up to 9), so a digit never takes one that is not drawn.
 * The UI gives the time with keypad_clock(): a pause of KEYPAD_PAUSE_MS
 * after a tap ends the letter, so the next tap of the same key starts a new
 * one. */
#ifndef KIOSK_KEYPAD_H
#define KIOSK_KEYPAD_H

#include <stddef.h>

#include "config.h"
#include "field.h"
#include "predict.h"

#define KEYPAD_SPELL_MAX 16   /* letters in one spelled word */
#define KEYPAD_PAGE 9         /* choices shown at once at most, numbered 1-9 */
#define KEYPAD_ROW_COLS 64    /* columns a page of choices may take */
#define KEYPAD_PAUSE_MS 1000  /* the pause that ends a tapped letter */
#define KEYPAD_PROPOSALS 45   /* proposals listed at most */

/* Keys besides '0'-'9', '*' and '#'. */
#define KEYPAD_ENTER '\n'
#define KEYPAD_BACKSPACE '\b'

enum keypad_mode { KEYPAD_SPELLING, KEYPAD_CHOOSING };
enum keypad_input { KEYPAD_WORDS, KEYPAD_DIGITS, KEYPAD_LETTERS };

enum keypad_result {
	KEYPAD_NOTHING,   /* the key means nothing here */
	KEYPAD_CHANGED,   /* the spelling or the choices changed: redraw them */
	KEYPAD_TYPED,     /* the field changed */
	KEYPAD_REFUSED,   /* the key did nothing (no such choice, field full) */
	KEYPAD_DONE,      /* the villager finished the field */
};

struct keypad {
	enum keypad_style style;
	char **syllable;          /* multitap: lower case, NFC */
	char **folded;            /* the same without marks, for matching */
	size_t nsyllables;
	struct predict dict;      /* predictive */
	enum keypad_mode mode;
	enum keypad_input input;
	char spell[KEYPAD_SPELL_MAX + 1]; /* letters, or (predictive) keys */
	int nspell;
	int tap_key;              /* key of the letter being tapped, or 0 */
	int taps;
	long long now_ms, tap_ms; /* keypad_clock's time, the last tap's */
	char shown[KEYPAD_SPELL_MAX + 2]; /* spell and the tapped letter */
	char **choice;            /* the choices or proposals */
	int nchoices;
	int first;                /* the first choice of the page shown */
	int letters_at;           /* the choice that means "spell letters", or -1 */
	int punctuation;          /* the choices are punctuation */
	const struct field *owner; /* the field typed into: another one starts afresh */
};

/* Loads the lists from dir (vi-syllables.txt; for predictive also
 * vi-freq.txt). Returns -1 with *cause set when they cannot be read: the
 * keypad still works, offering the letters only. */
int keypad_init(struct keypad *k, enum keypad_style style, const char *dir, char **cause);

/* Forgets what was spelled (for the next field), keeping the lists. */
void keypad_reset(struct keypad *k);

/* Frees the lists and wipes what was typed. */
void keypad_free(struct keypad *k);

/* One key: '0'-'9', '*', '#', KEYPAD_ENTER or KEYPAD_BACKSPACE. Chosen
 * words go into f at its cursor (capitalised when f is a name field; the
 * field's flags say what it holds, for the ranking). */
enum keypad_result keypad_key(struct keypad *k, int key, struct field *f);

/* The time now, in milliseconds of a steady clock. Returns 1 when the
 * pause after a tap ended the letter (redraw). */
int keypad_clock(struct keypad *k, long long now_ms);

/* Milliseconds until the pause after a tap ends, or -1 when no letter is
 * being tapped. */
int keypad_wait_ms(const struct keypad *k);

/* The letters spelled so far, the one being tapped included (to draw);
 * predictive words: the keys pressed. */
const char *keypad_spelling(struct keypad *k);

/* The letter being tapped (to draw it apart), or 0. */
char keypad_tapped(const struct keypad *k);

/* The choices on the current page: sets *first to the page's first and
 * returns how many (up to KEYPAD_PAGE, all fitting KEYPAD_ROW_COLS); choice
 * n on screen is first[n - 1]. While spelling predictive words, the first
 * page of proposals (not numbered: # and 0 take the first). Zero (and
 * *first NULL) when there is nothing to show. */
int keypad_page(const struct keypad *k, char *const **first);

/* True when choices follow the current page (* shows them). */
int keypad_more(const struct keypad *k);

/* True when choice i of the page is "abc" (spell letter by letter). */
int keypad_is_letters(const struct keypad *k, int i);

#endif
