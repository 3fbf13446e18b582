/* A text entry as a booth offers it: the field (field.h) plus the way the
 * booth types: a keyboard (keys go to the field through the typing
 * method), a touch screen (an on-screen keyboard, osk.h, opened by
 * touching the field), or a numeric keypad (multi-tap and syllable
 * choices, keypad.h). Pure: the screens draw it with view_entry(). */
#ifndef KIOSK_ENTRY_H
#define KIOSK_ENTRY_H

#include <stdint.h>

#include "field.h"
#include "keypad.h"
#include "osk.h"

enum entry_mode { ENTRY_KEYBOARD, ENTRY_TOUCH, ENTRY_KEYPAD };

enum entry_result {
	ENTRY_UNUSED,     /* not a key for the entry: the screen may use it */
	ENTRY_USED,       /* used (redraw) */
	ENTRY_CHANGED,    /* the text changed */
	ENTRY_DONE        /* the villager finished (Enter, OK, #) */
};

struct entry {
	struct field field;
	enum entry_mode mode;
	struct osk osk;
	int osk_open;            /* touch: the keyboard is showing */
	struct keypad *keypad;   /* keypad: shared syllable lists, may be NULL */
};

/* Makes an empty entry. The keypad (for ENTRY_KEYPAD) is shared and
 * outlives the entry. */
void entry_init(struct entry *e, enum entry_mode mode, int max_chars, int flags,
		enum vi_method method, struct keypad *keypad);

/* Wipes what was typed and frees the entry. */
void entry_free(struct entry *e);

/* One key (a code point, or AK_* from event.h). */
enum entry_result entry_key(struct entry *e, uint32_t key);

/* A touch on the on-screen keyboard's key i (drawn by view_osk). */
enum entry_result entry_osk(struct entry *e, int i);

/* The text typed. */
const char *entry_text(const struct entry *e);

#endif
