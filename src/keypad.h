/* Text entry with only a numeric keypad (the model; the UI draws it).
 *
 * A villager spells a word without marks by multi-tap, as on an old
 * phone: 2 abc, 3 def, 4 ghi, 5 jkl, 6 mno, 7 pqrs, 8 tuv, 9 wxyz (the
 * same key again within the pause cycles its letters; 1 ends a letter
 * early, to type two from one key). Then # (or Enter) lists numbered
 * choices of real syllables spelled that way, common name syllables
 * first: "nguyen" gives 1 Nguyễn, 2 Nguyên, 3 Nguyền, 4 Nguyện ... and
 * last the letters as typed. Keys:
 *
 *   spelling:  2-9 letters, 1 next letter, # or Enter: choices (with
 *              nothing spelled: the field is done), 0: the first choice
 *              and a space (or just a space), Backspace: the last letter
 *              (or, with nothing spelled, the field's last character);
 *   choosing:  1-9 take that choice, * more choices, # or Enter the
 *              first one, 0 the first one and a space, Backspace back to
 *              spelling.
 *
 * The syllables come from assets/vi-syllables.txt (built from hunspell-vi
 * by deploy/tools/vi-syllables.py); the name syllables from vi_names.c. The UI
 * calls keypad_timeout() after a pause of about a second so the next tap
 * of the same key starts a new letter. */
#ifndef KIOSK_KEYPAD_H
#define KIOSK_KEYPAD_H

#include <stddef.h>

#include "field.h"

#define KEYPAD_SPELL_MAX 16   /* letters in one spelled word */
#define KEYPAD_PAGE 9         /* choices shown at once, numbered 1-9 */

/* Keys besides '0'-'9', '*' and '#'. */
#define KEYPAD_ENTER '\n'
#define KEYPAD_BACKSPACE '\b'

enum keypad_mode { KEYPAD_SPELLING, KEYPAD_CHOOSING };

enum keypad_result {
	KEYPAD_NOTHING,   /* the key means nothing here */
	KEYPAD_CHANGED,   /* the spelling or the choices changed: redraw them */
	KEYPAD_TYPED,     /* the field changed */
	KEYPAD_REFUSED,   /* the key did nothing (no such choice, field full) */
	KEYPAD_DONE,      /* the villager finished the field */
};

struct keypad {
	char **syllable;          /* lower case, NFC */
	char **folded;            /* the same without marks, for matching */
	size_t nsyllables;
	enum keypad_mode mode;
	char spell[KEYPAD_SPELL_MAX + 1];
	int nspell;
	int tap_key;              /* key of the letter being tapped, or 0 */
	int taps;
	char shown[KEYPAD_SPELL_MAX + 2]; /* spell and the tapped letter */
	char **choice;            /* while choosing */
	int nchoices;
	int page;
};

/* Loads the syllable list from path. Returns -1 with *cause set when it
 * cannot be read: the keypad still works, offering the letters only. */
int keypad_init(struct keypad *k, const char *path, char **cause);

/* Forgets what was spelled (for the next field), keeping the lists. */
void keypad_reset(struct keypad *k);

/* Frees the lists and wipes what was typed. */
void keypad_free(struct keypad *k);

/* One key: '0'-'9', '*', '#', KEYPAD_ENTER or KEYPAD_BACKSPACE. Chosen
 * words go into f at its cursor (capitalised when f is a name field). */
enum keypad_result keypad_key(struct keypad *k, int key, struct field *f);

/* The pause after a tap ended: the next tap starts a new letter. Returns
 * 1 when a letter was pending. */
int keypad_timeout(struct keypad *k);

/* The letters spelled so far, the one being tapped included (to draw). */
const char *keypad_spelling(struct keypad *k);

/* The choices on the current page: sets *first to the page's first and
 * returns how many (up to KEYPAD_PAGE); choice n on screen is
 * first[n - 1]. Zero (and *first NULL) when not choosing. */
int keypad_page(const struct keypad *k, char *const **first);

#endif
