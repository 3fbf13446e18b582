/* Vietnamese typing: Telex, VNI and VIQR composition with tone placement.
 *
 * A word being typed is a struct vi_word: its letters (base, mark, case)
 * and one tone for the whole word. The tone is placed on a vowel only when
 * the word is drawn, by the standard rules, so it moves as letters come
 * ("hoaf" -> hoà, then "n" -> hoàn). Two ways to use it:
 *
 *   - whole strings: vi_compose("Nguyeenx Thij Bichs Ra", VI_TELEX, 0)
 *     gives "Nguyễn Thị Bích Ra";
 *   - key by key (a text field): keep one vi_word for the word before the
 *     cursor, vi_word_key() each key, vi_word_text() to redraw it; a key
 *     that is not part of a word (space, punctuation) returns 0 and the
 *     caller types it as it is and starts a new word. vi_word_load() picks
 *     up a word already in the text (e.g. after the cursor moved).
 *
 * Keys (any case; the letters keep the case they were typed in):
 *   Telex: s f r x j tones (sắc huyền hỏi ngã nặng), z removes the tone,
 *          aa ee oo circumflex, w horn or breve (uo+w -> ươ, a bare w -> ư),
 *          dd -> đ.
 *   VNI:   1-5 tones, 0 removes the tone, 6 circumflex, 7 horn, 8 breve,
 *          9 đ.
 *   VIQR:  ' ` ? ~ . tones, ^ circumflex, ( breve, + or * horn, dd -> đ;
 *          a backslash makes the next mark a plain character ("Nam\.").
 * Tone and mark keys may come anywhere in the word ("mootj", "motoj" and
 * "motjo" give một). Pressing a key again undoes it and types it
 * ("sawss" -> săs, "ww" -> w); that key is then plain for the rest of the
 * word. Output is always NFC. */
#ifndef KIOSK_VI_INPUT_H
#define KIOSK_VI_INPUT_H

#include <stddef.h>
#include <stdint.h>

enum vi_method { VI_NONE, VI_TELEX, VI_VNI, VI_VIQR };

enum vi_tone { VI_TONE_NONE, VI_SAC, VI_HUYEN, VI_HOI, VI_NGA, VI_NANG };

enum vi_mark { VI_MARK_NONE, VI_CIRCUMFLEX, VI_BREVE, VI_HORN, VI_STROKE };

/* Flag: old-style tone placement (hòa, khỏe, thủy) instead of the modern
 * one (hoà, khoẻ, thuỷ). Only open oa, oe, uy differ. */
#define VI_OLD_STYLE 1

#define VI_WORD_MAX 32             /* letters in one word */
#define VI_TEXT_MAX (VI_WORD_MAX * 3 + 1) /* bytes of a drawn word */

struct vi_letter {
	char base;              /* 'a'..'z' (lower case), or a plain key */
	unsigned char mark;     /* enum vi_mark */
	unsigned char upper;
	unsigned char from_w;   /* an ư typed as a bare Telex w */
};

struct vi_word {
	enum vi_method method;
	int flags;
	int n;
	struct vi_letter letter[VI_WORD_MAX];
	enum vi_tone tone;
	char plain[16];         /* keys that undid themselves: plain from now on */
};

/* Starts an empty word. */
void vi_word_init(struct vi_word *w, enum vi_method method, int flags);

/* Loads a word already composed (precomposed or decomposed Unicode) so
 * keys can go on modifying it. Returns -1 (word left empty) when s holds
 * anything but Vietnamese letters or more than VI_WORD_MAX of them. */
int vi_word_load(struct vi_word *w, const char *s, size_t n);

/* Feeds one key. Returns 1 when the key became part of the word (a letter,
 * a tone or a mark), 0 when it is not a word key for the method (or the
 * word is full): the caller then types it as it is and starts a new word. */
int vi_word_key(struct vi_word *w, uint32_t key);

/* Appends one letter as it is (no method keys): for on-screen keyboards.
 * A precomposed letter's tone becomes the word's. Returns 0 when cp is
 * not a Vietnamese letter or the word is full. */
int vi_word_letter(struct vi_word *w, uint32_t cp);

/* Sets (or with VI_TONE_NONE removes) the word's tone. Returns 0 when the
 * word has no vowel to carry it. */
int vi_word_set_tone(struct vi_word *w, enum vi_tone tone);

/* Removes the last letter (and the tone when that letter carried it).
 * Returns 0 when the word was empty. */
int vi_word_backspace(struct vi_word *w);

/* Index of the letter that carries the tone by the rules, or -1 when the
 * word has no vowel. */
int vi_word_tone_at(const struct vi_word *w);

/* Writes the word, NFC, into out (VI_TEXT_MAX bytes). Returns its length. */
size_t vi_word_text(const struct vi_word *w, char *out);

/* Composes a whole string typed with method (VI_NONE only normalises).
 * Returns a new NFC string, or NULL when s is not valid UTF-8. */
char *vi_compose(const char *s, enum vi_method method, int flags);

/* True when cp is a Vietnamese letter (a-z, đ, any vowel with marks). */
int vi_is_letter(uint32_t cp);

/* True when every character of s is a Vietnamese letter, a space or one of
 * the ASCII characters of extra (a name: "-'"; a scanned card's text). */
int vi_only_letters(const char *s, const char *extra);

/* The upper-case form of a Vietnamese letter (cp itself for others). */
uint32_t vi_upper(uint32_t cp);

/* The method named "telex", "vni", "viqr" or "none" (kioskctl compose
 * --method). Returns 0, or -1 for an unknown name. */
int vi_method_parse(const char *name, enum vi_method *method);

#endif
