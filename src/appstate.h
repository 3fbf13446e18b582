/* The app's internals, shared by app.c (events and state) and view.c
 * (drawing and touch areas). Nothing else includes this. */
#ifndef KIOSK_APPSTATE_H
#define KIOSK_APPSTATE_H

#include "app.h"
#include "canvas.h"
#include "pin.h"
#include "screendef.h"

#define STACK_MAX 16
#define HIT_MAX 48
#define HELPER_SEQ "*/*/"      /* keys that ask for the helper PIN */
#define HELPER_TAPS 5          /* or taps on the clock ... */
#define HELPER_WINDOW 5        /* ... within this many seconds */

enum frame_kind {
	F_SCREEN,      /* a screen from screens/ */
	F_NOTICE,      /* "this service is coming": title is the choice's label */
	F_PIN,         /* the helper PIN entry */
	F_STATUS       /* the booth's state, for helpers */
};

struct frame {
	enum frame_kind kind;
	const struct screen *screen;   /* F_SCREEN */
	const char *title;             /* F_NOTICE: message id of the title */
};

enum hit_kind {
	HIT_ITEM,      /* a choice, or "back" (index == the number of choices) */
	HIT_CLOCK,     /* the clock in the title row */
	HIT_PINKEY     /* a key of the PIN pad: index is the key's character */
};

/* A touchable rectangle drawn in the last frame. */
struct hit {
	int y, x, h, w;
	enum hit_kind kind;
	int index;
};

struct app {
	struct app_env env;
	int lang, default_lang;
	struct frame stack[STACK_MAX];
	int depth;
	int focus;                     /* item the arrows are on, -1 none */
	int pressed;                   /* hit being touched, -1 none */
	struct hit hits[HIT_MAX];
	int nhits;
	char pin[PIN_MAX_DIGITS + 1];
	int pinlen;
	char pinmsg[256];              /* after a wrong PIN: translated text */
	time_t last_input;
	time_t countdown_until;        /* 0 when no countdown is showing */
	char seq[sizeof HELPER_SEQ];
	time_t seq_start;
	int clock_taps;
	time_t clock_first;
	struct booth_state st;
	int dirty, quit;
	long shown_second;             /* what the last picture showed, to redraw */
};

/* The frame on top of the stack. */
static inline const struct frame *app_top(const struct app *a)
{
	return &a->stack[a->depth - 1];
}

/* Number of items (choices, then "back" when not at home) on the top frame. */
int app_items(const struct app *a);

/* Translates a message id into the current language. */
const char *app_tr(const struct app *a, const char *msgid);

/* Translates msgid and fills {commune}, {language} and {n} into out. */
void app_format(const struct app *a, char *out, size_t size, const char *msgid, long n);

#endif
