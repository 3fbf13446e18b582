/* What the terminal hands the app: keys, touches and scanned bursts. Shared
 * by term.c (which makes them), main.c, app.c and the screens (which act on
 * them) and the input models (entry.c), so none of those needs the app. */
#ifndef KIOSK_EVENT_H
#define KIOSK_EVENT_H

#include <stdint.h>

/* Keys: printable characters are their code points; others are these. */
enum {
	AK_UP = 0x110000,
	AK_DOWN,
	AK_LEFT,
	AK_RIGHT,
	AK_ENTER,
	AK_BACKSPACE,
	AK_DELETE,     /* the character after the cursor (keyboard booths) */
	AK_HOME,       /* the cursor to the start of a field (keyboard booths) */
	AK_END,        /* ... to its end */
	AK_IGNORED,    /* Esc, function keys and the like: never acted on */
	AK_VOICE       /* say the screen again, with its choices (F1, a keypad's -) */
};

enum event_type {
	EV_KEY,
	EV_PRESS,         /* a finger (mouse button 1) went down at (y, x) */
	EV_RELEASE,       /* and came up at (y, x) */
	EV_SCAN           /* a burst of text ending in Enter: a scanner (or a paste) */
};

struct event {
	enum event_type type;
	uint32_t key;
	int y, x;
	const char *text;     /* EV_SCAN: UTF-8, without the Enter */
};

/* Bursts of at least this many characters read at once, ending in Enter,
 * come as one EV_SCAN: a keyboard-wedge scanner types that fast. */
#define SCAN_MIN_CHARS 12

#endif
