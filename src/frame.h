/* A screen kind (one scr_*.c each) and what it may ask of the app. A kind
 * fills in a struct frame_ops; the app keeps a stack of frames, each a
 * kind with its own data, and calls the top one's functions. Screens see
 * the app only through the functions below: struct app is app.c's and
 * view.c's (appstate.h), so no screen writes its fields. */
#ifndef KIOSK_FRAME_H
#define KIOSK_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "app.h"
#include "canvas.h"
#include "entry.h"
#include "view.h"

#define ITEM_MAX 10

struct app;
struct catalog;
struct frame;
struct job;
struct screen;
struct voice_env;
struct voice_text;

/* A numbered box: '1'..'9' (or '0' for back, added by the app). */
struct item {
	char key;
	const char *label;     /* message id, formatted with app_format */
	int action;            /* the frame's own meaning */
};

/* What a kind of screen does. Every function may be NULL. */
struct frame_ops {
	/* The title's message id. */
	const char *(*title)(const struct app *a, const struct frame *f);
	/* Fills items (at most ITEM_MAX); returns how many. */
	int (*items)(const struct app *a, const struct frame *f, struct item *out);
	/* Columns of boxes (1 or 2). */
	int (*columns)(const struct app *a, const struct frame *f);
	/* Draws what is above the boxes from row y; returns the next free row. */
	int (*draw)(struct app *a, struct frame *f, struct canvas *c, int y, time_t now);
	/* Sees a key before the app does; returns 1 when it used it. */
	int (*key)(struct app *a, struct frame *f, uint32_t key, time_t now);
	/* An item was chosen (by its number, a touch, or Enter). */
	void (*choose)(struct app *a, struct frame *f, const struct item *it, time_t now);
	/* A touch on one of the frame's own HIT_OWN areas. */
	void (*tap)(struct app *a, struct frame *f, int index, time_t now);
	/* The footer's hint (message id). */
	const char *(*hint)(const struct app *a, const struct frame *f);
	/* Frees the frame's data, wiping anything a villager typed. */
	void (*done)(struct frame *f);
	/* Runs on every turn of the loop (background work, animations). */
	void (*tick)(struct app *a, struct frame *f, time_t now);
	/* A scanned code (a CCCD card, a receipt's QR); NULL: typed instead. */
	void (*scan)(struct app *a, struct frame *f, const char *text, time_t now);
	/* The fd of the frame's background job, or -1. */
	int (*job_fd)(const struct frame *f);
	/* What the screen says aloud besides its choices (voice.h); NULL:
	 * its title. */
	void (*say)(struct app *a, struct frame *f, struct voice_text *v);
	int clock;     /* show the clock in the title row */
	int home_back; /* "0" goes home (after a receipt), not one screen back */
	int back_unnumbered; /* digits are typed here: "◀ Quay lại" has no 0 */
};

struct frame {
	const struct frame_ops *ops;
	const struct screen *screen;   /* menus from screens/ */
	const char *title;             /* a fixed title's message id */
	void *data;                    /* the kind's own state */
};

/* The stack. */

/* The frame on top of the stack (the one just pushed, after app_push). */
struct frame *app_top(struct app *a);

/* Pushes a new frame of a kind. */
void app_push(struct app *a, const struct frame_ops *ops, const struct screen *screen,
	      const char *title, void *data);

/* Replaces the top frame with a new one (ending the old one). */
void app_replace(struct app *a, const struct frame_ops *ops, const struct screen *screen,
		 const char *title, void *data);

/* Goes back one frame (never past home). */
void app_back(struct app *a);

/* Goes back to the home screen, ending every frame above it. */
void app_home(struct app *a);

/* Goes back until the top frame of kind ops has ended too (never past
 * home): a form and the screens opened over it leave together. */
void app_back_past(struct app *a, const struct frame_ops *ops);

/* The items of the top frame, with "0 back" last when not at home.
 * Returns the count. */
int app_items(struct app *a, struct item *out);

/* Asks for a redraw. */
void app_touch(struct app *a);

/* The booth. */

/* What the app reads but does not own: the config, screens, forms,
 * counters, catalogs (app_db gives state.db). */
const struct app_env *app_env(const struct app *a);

/* The footer's state of the spool and the network. */
const struct booth_state *app_booth(const struct app *a);

/* state.db, opened now when the kiosk started without it (a read-only or
 * broken disk at start-up). Returns NULL with *cause when it still cannot
 * be opened. */
struct db *app_state_db(struct app *a, char **cause);

/* The catalog (content.db), opened on first use; NULL when missing. */
struct catalog *app_catalog(struct app *a);

/* Shows the next language (the home screen's language choice). */
void app_next_language(struct app *a);

/* Ends the kiosk after this turn of the loop (the helper menu's quit). */
void app_request_quit(struct app *a);

/* Words. */

/* Translates a message id into the current language. */
const char *app_tr(const struct app *a, const char *msgid);

/* Translates msgid and fills {commune}, {language} and {n} into out. */
void app_format(const struct app *a, char *out, size_t size, const char *msgid, long n);

/* "08:21 27/11/2026" for time t, or "chưa rõ giờ" (in the booth's
 * language) when t is 0 or earlier than the booth's clock can be right. */
void app_when(const struct app *a, time_t t, char *out, size_t size);

/* Makes an entry typed the way this booth types ([ui] input). */
void app_entry(struct app *a, struct entry *e, int max_chars, int flags, enum vi_method method);

/* The voice (app_voice.c). */

/* The catalogs, language and booth the top screen's words are said in. */
void app_voice_env(const struct app *a, struct voice_env *e);

/* The next prompt starts with the helper call's chime (played even when
 * the booth does not speak). */
void app_voice_chime(struct app *a);

/* Background work. */

/* Starts `kioskctl [--config FILE] COMMAND ARG [FLAG]` in the background
 * (the booth's slow work: printing, asking the server). Returns 0 or -1. */
int app_job(struct app *a, struct job *j, const char *command, const char *arg, const char *flag);

/* Starts `kioskctl [--config FILE] ARGS...` (args ends with NULL, at most
 * 8 of them) in the background. Returns 0 or -1. */
int app_job_argv(struct app *a, struct job *j, const char *const args[]);

#endif
