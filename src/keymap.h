/* What the keys of the booth mean: the keys term.c reads (characters, the
 * app's AK_* keys, and the KM_* keys of a numeric keypad below) become the
 * keys the app acts on.
 *
 * On a keyboard or touch booth this changes little: the keypad's keys
 * type what is printed on them (a digit, * + - . /), Delete deletes the
 * character after the cursor, Home and End move it, Page Up/Down and
 * Insert mean nothing. Arrows stay arrows.
 *
 * On a keypad booth ([ui] input = keypad) every key of the keypad is the
 * key printed on it, whatever the terminal's keypad mode and NumLock: the
 * application-mode keys (ESC O p ... ESC O y), the digits, and the keys a
 * keypad sends with NumLock off (Insert 0, End 1, Down 2, Page Down 3,
 * Left 4, the middle key 5, Right 6, Home 7, Up 8, Page Up 9, Delete .).
 * Then the [keypad] section says which keys act as the app's #
 * (AK_ENTER: finish a field, take the first choice), * (more choices),
 * Backspace and AK_VOICE (say the screen again); the other keys type what
 * is printed on them. */
#ifndef KIOSK_KEYMAP_H
#define KIOSK_KEYMAP_H

#include <stdint.h>

struct config;

/* Keys of a numeric keypad as term.c reads them, besides characters and
 * AK_* (arrows, Enter and Backspace are already AK_*). */
enum {
	KM_KP0 = 0x120000,     /* the digit keys in application mode ... */
	KM_KP9 = KM_KP0 + 9,   /* ... KM_KP0 + n is the key n */
	KM_KPSTAR,
	KM_KPPLUS,
	KM_KPMINUS,
	KM_KPSLASH,
	KM_KPDOT,
	KM_HOME,               /* 7 with NumLock off */
	KM_END,                /* 1 */
	KM_PGUP,               /* 9 */
	KM_PGDN,               /* 3 */
	KM_INSERT,             /* 0 */
	KM_DELETE,             /* . */
	KM_BEGIN,              /* 5: the middle key with NumLock off */
};

/* The keys of a keypad besides its digits, as the config names them. */
enum keymap_pad {
	PAD_ENTER, PAD_PLUS, PAD_MINUS, PAD_STAR, PAD_SLASH, PAD_DOT, PAD_HASH, PAD_BACKSPACE,
	PAD_N
};

/* The words [keypad] hash, star and backspace take ("none": no key). */
#define KEYMAP_WORDS "enter plus minus star slash dot hash backspace none"

struct keymap {
	int keypad;                  /* the booth has only a keypad */
	uint32_t out[PAD_N];         /* what each key does on a keypad booth */
	enum keymap_pad order[PAD_N];/* the keys as the config names them */
};

/* A terminal's escape sequence for a keypad key. term.c binds those its
 * terminfo entry does not know (a known one keeps the terminfo meaning:
 * on xterm ESC O Q is F2, on the Linux console the keypad's /). */
struct keymap_seq {
	const char *seq;
	uint32_t key;                /* a KM_* or AK_* key */
};

extern const struct keymap_seq keymap_seqs[];
extern const int keymap_nseqs;

/* Sets up m from [ui] input and the [keypad] section: the layout's
 * defaults (pc: hash = enter plus, star = star, backspace = dot backspace,
 * voice = minus; phone: hash = hash enter, star = star, backspace =
 * backspace, no voice key) under the
 * keys the config names. Returns 0, or -1 with *cause set when one key is
 * given two jobs or no key finishes a field (m then holds the defaults). */
int keymap_init(struct keymap *m, const struct config *cfg, char **cause);

/* What the app gets for key (a character, AK_* or KM_*): a character,
 * an AK_* key, or AK_IGNORED. */
uint32_t keymap_key(const struct keymap *m, uint32_t key);

/* The name of the booth's key for the app's key want (AK_ENTER,
 * AK_BACKSPACE or '*'), to show in hints: a message id ("Enter", "+",
 * "#", "Del", "Xoá" ...), or NULL when no key gives it. Keyboard and
 * touch booths (and a zeroed m) name Enter and Backspace "Enter" and
 * "Xoá", as the on-screen keys do. */
const char *keymap_name(const struct keymap *m, uint32_t want);

#endif
