/* The on-screen keyboard for touch-only booths (no curses here: this is
 * the model; the UI draws the keys and turns touches into key presses).
 *
 * Rows, top to bottom:
 *   0  suggestions: common surnames and middle names (Nguyễn, Trần ...,
 *      Văn, Thị ...) starting with the word being typed; one touch puts
 *      the whole name in and a space after it;
 *   1  the vowels a ă â e ê i o ô ơ u ư y;
 *   2  b c d đ g h k l m n p
 *   3  q r s t v x f j w z
 *   4  the tones: none, sắc, huyền, hỏi, ngã, nặng; a tone goes on the
 *      right vowel of the word before the cursor by the spelling rules,
 *      and moves there as more letters come;
 *   5  delete, space, OK.
 *
 * A field of digits (FIELD_DIGITS) gets a pad instead: 1 2 3, 4 5 6,
 * 7 8 9 in rows 1 to 3, then delete, 0, OK in row 4.
 *
 * Use: osk_init(), osk_layout() for the screen area (again after a
 * resize), draw each key where the layout put it (view_osk), then for each
 * touch on key i osk_press(); for a numeric
 * keypad, osk_keypad() ('2' '4' '6' '8' move the highlight, '5' presses
 * it). After any press the suggestion row may have changed: draw all keys
 * again from osk.key[], with osk_label() as the text. */
#ifndef KIOSK_OSK_H
#define KIOSK_OSK_H

#include <stddef.h>
#include <stdint.h>

#include "field.h"

enum osk_kind { OSK_LETTER, OSK_TONE, OSK_DELETE, OSK_SPACE, OSK_OK, OSK_SUGGEST };

enum osk_result {
	OSK_NOTHING,   /* no key there, or the highlight moved */
	OSK_CHANGED,   /* the field changed */
	OSK_REFUSED,   /* the key did nothing (full field, tone with no vowel) */
	OSK_DONE,      /* OK pressed */
};

#define OSK_ROWS 6
#define OSK_MAX_KEYS 64
/* Smallest key, in cells: at 80x24 on a 7-inch screen about 1 cm. */
#define OSK_KEY_MIN_W 4
#define OSK_KEY_MIN_H 3

struct osk_key {
	enum osk_kind kind;
	const char *label;    /* UTF-8; letters in lower case (see osk_label) */
	uint32_t cp;          /* OSK_LETTER */
	int tone;             /* OSK_TONE: enum vi_tone */
	int row;
	int x, y, w, h;       /* cells, from osk_layout(); w = 0 when unplaced */
};

struct osk {
	struct osk_key key[OSK_MAX_KEYS];
	int nkeys;
	int focus;            /* key highlighted for keypad walking */
	int digits;           /* the pad of digits */
	int x, y, w, h;       /* the area */
};

/* Sets up the keys (no layout yet): letters, or digits when digits is set. */
void osk_init(struct osk *k, int digits);

/* Places the keys in the area (x, y, w columns, h lines), with the
 * suggestions for the word before f's cursor. Returns -1 when the area is
 * smaller than 6 rows of OSK_KEY_MIN_H lines and 12 keys of OSK_KEY_MIN_W
 * columns with gaps (59x18). */
int osk_layout(struct osk *k, int x, int y, int w, int h, const struct field *f);

/* Presses key i on field f. */
enum osk_result osk_press(struct osk *k, int i, struct field *f);

/* A numeric keypad drives the keyboard: '2' up, '8' down, '4' left,
 * '6' right move the highlight; '5' presses the highlighted key. */
enum osk_result osk_keypad(struct osk *k, int ch, struct field *f);

/* The text to draw on key i: a letter in upper case when it would be
 * typed as a capital (the start of a word in a name field). Writes into
 * buf (at least 8 bytes) for letters; returns the label. */
const char *osk_label(const struct osk *k, int i, const struct field *f, char *buf);

#endif
