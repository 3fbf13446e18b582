/* The app's own state: struct app, kept by app.c (the stack, events,
 * timers), drawn by view.c and given a voice by app_voice.c. Screens use
 * frame.h instead and never touch these fields. Nothing else includes
 * this. */
#ifndef KIOSK_APPSTATE_H
#define KIOSK_APPSTATE_H

#include "frame.h"
#include "job.h"
#include "keymap.h"
#include "keypad.h"

#define STACK_MAX 16
#define HIT_MAX 96
#define HELPER_SEQ "*/*/"      /* keys that ask for the helper PIN */
#define HELPER_TAPS 5          /* or taps on the clock ... */
#define HELPER_WINDOW 5        /* ... within this many seconds */

struct app {
	struct app_env env;
	int lang, default_lang;
	struct frame stack[STACK_MAX];
	int depth;
	int focus;                     /* item the arrows are on, -1 none */
	int pressed;                   /* hit being touched, -1 none */
	struct hit hits[HIT_MAX];
	int nhits;
	time_t last_input;
	time_t countdown_until;        /* 0 when no countdown is showing */
	char seq[sizeof HELPER_SEQ];
	time_t seq_start;
	int clock_taps;
	time_t clock_first;
	struct booth_state st;
	struct catalog *catalog;       /* content.db, opened on first use */
	int catalog_failed;            /* ... and not tried again */
	struct keymap keys;            /* the names of the booth's keys */
	struct keypad keypad;          /* syllables for keypad-only booths */
	int keypad_loaded;
	long long now_ms;              /* the steady clock, for the keypad's pause */
	int dirty, quit;
	int too_small;                 /* the last picture said "Màn hình quá nhỏ" */
	long shown_second;             /* what the last picture showed, to redraw */
	/* The voice (app_voice.c): the prompt being said, the screen it is
	 * for, and what went wrong already (logged once). */
	struct job voice;
	unsigned long screen_no;       /* counts the screens shown */
	unsigned long said_no;         /* the screen last said, or kept quiet */
	int said_lang;
	char said_title[256];          /* the title as said: a form's next step is new */
	int chime;                     /* the next prompt starts with the call chime */
	unsigned voice_logged;         /* VOICE_LOG_* bits */
};

/* The voice (app_voice.c). Each turn of the loop: a prompt that ended
 * is collected, and a new screen (or a form's next step) starts its own,
 * cutting off the old one. */
void app_voice_tick(struct app *a);

/* Says the top screen again now, with its numbered choices (the repeat
 * key, the speaker button). */
void app_voice_repeat(struct app *a);

/* Says msgid (the idle question) in place of what is being said. */
void app_voice_say_msg(struct app *a, const char *msgid);

/* Stops what is being said, and keeps the current screen quiet (nobody
 * is there after an idle reset). */
void app_voice_stop(struct app *a);

/* True when the booth speaks ([voice] enabled). */
int app_voice_on(const struct app *a);

#endif
