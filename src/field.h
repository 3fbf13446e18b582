/* The one-line text field every form uses (name, ID number, address).
 *
 * The text is NFC UTF-8; the cursor moves and deletes by character (a
 * letter with its marks), never by byte. A field holds at most max_chars
 * characters: a key or paste that would pass it is refused (or cut), and
 * the call returns 0 so the UI can beep. Control characters and invalid
 * UTF-8 are dropped.
 *
 * Input comes three ways, each a function here:
 *   - field_key(): one key from a physical keyboard, through the typing
 *     method (Telex by default) when one is set;
 *   - field_insert(): text as it is, for a paste or a scanner's burst of
 *     bytes (the UI passes everything that arrived at once), or a word
 *     chosen on the keypad;
 *   - field_letter() and field_tone(): the on-screen keyboard's letter
 *     and tone keys; the tone goes on the right vowel of the current word.
 *
 * To draw it, field_view() gives the slice that fits a width and the
 * cursor's column. field_clear() and field_free() wipe the memory so a
 * villager's details do not linger. */
#ifndef KIOSK_FIELD_H
#define KIOSK_FIELD_H

#include <stddef.h>
#include <stdint.h>

#include "vi_input.h"

/* Flag: a name; each word starts with a capital letter. */
#define FIELD_CAPS 1
/* Flag: digits only (numbers, dates, codes); a keypad types them as they are. */
#define FIELD_DIGITS 2
/* Flag: a place (an address); a keypad proposes place names first. */
#define FIELD_PLACE 4

struct field {
	char *text;             /* NFC, NUL-terminated */
	size_t len, cap;        /* bytes used, bytes allocated (never grows) */
	size_t cursor;          /* byte offset, on a character boundary */
	size_t scroll;          /* first byte shown by field_view() */
	int max_chars;
	int flags;              /* FIELD_CAPS, FIELD_DIGITS, FIELD_PLACE */
	struct vi_word word;    /* the word being typed before the cursor */
	size_t word_at;         /* its byte offset */
	int word_live;          /* word matches the text there */
};

/* What to draw: text + start, len bytes of it; the cursor at cursor_col
 * columns from the left edge. */
struct field_view {
	size_t start;
	size_t len;
	int cursor_col;
};

/* Makes an empty field of at most max_chars characters (1 to 4096), with
 * Telex typing and the modern tone style. */
void field_init(struct field *f, int max_chars, int flags);

/* Sets the typing method (VI_NONE: keys are typed as they are) and the
 * vi_input flags (VI_OLD_STYLE). */
void field_set_method(struct field *f, enum vi_method method, int vi_flags);

/* Wipes the text; the field stays usable. */
void field_clear(struct field *f);

/* Wipes and frees the text. */
void field_free(struct field *f);

/* Replaces the whole text (cleaned, cut to the maximum); cursor at the
 * end. Returns 1 when all of s fit. */
int field_set(struct field *f, const char *s);

/* The current text. */
const char *field_text(const struct field *f);

/* Characters in the field. */
int field_chars(const struct field *f);

/* One typed key (a code point). Returns 1 when the text changed. */
int field_key(struct field *f, uint32_t cp);

/* Inserts n bytes at the cursor as they are: invalid bytes and control
 * characters dropped (tabs and newlines become spaces), NFC, cut at the
 * maximum. Returns 1 when all of it fit. */
int field_insert(struct field *f, const char *s, size_t n);

/* Inserts one letter from an on-screen keyboard: the current word's tone
 * moves to where the rules put it. Returns 1 when the text changed. */
int field_letter(struct field *f, uint32_t cp);

/* Puts tone on the word before the cursor (VI_TONE_NONE removes it).
 * Returns 0 when there is no word with a vowel there. */
int field_tone(struct field *f, enum vi_tone tone);

/* The word before the cursor: returns its length in bytes and sets
 * *start to its offset (0 bytes when the cursor follows no letter). */
size_t field_word(const struct field *f, size_t *start);

/* Replaces the word before the cursor with s (a suggestion or a keypad
 * choice). Returns 1 when it fit. */
int field_replace_word(struct field *f, const char *s);

/* Deletes the character before the cursor; right after typing, it takes
 * back the last letter typed. Returns 1 when something was deleted. */
int field_backspace(struct field *f);

/* Deletes the character after the cursor (the Delete key). Returns 1 when
 * something was deleted. */
int field_delete(struct field *f);

/* Cursor moves by character, to the start or the end (Home, End); return 1
 * when the cursor moved. */
int field_left(struct field *f);
int field_right(struct field *f);
int field_home(struct field *f);
int field_end(struct field *f);

/* The slice to draw in width columns, keeping the cursor in sight (the
 * field scrolls sideways). The cursor may sit just past the last column
 * used, so at most width - 1 columns of text precede it. */
void field_view(struct field *f, int width, struct field_view *v);

#endif
