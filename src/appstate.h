/* The app's internals, shared by app.c (the stack, events, timers),
 * view.c (the common look: title, footer, numbered boxes) and the
 * screen kinds (scr_*.c), each of which fills in a struct frame_ops.
 * Nothing else includes this. */
#ifndef KIOSK_APPSTATE_H
#define KIOSK_APPSTATE_H

#include "app.h"
#include "canvas.h"
#include "entry.h"
#include "keymap.h"
#include "pin.h"
#include "screendef.h"

#define STACK_MAX 16
#define HIT_MAX 96
#define ITEM_MAX 10
#define HELPER_SEQ "*/*/"      /* keys that ask for the helper PIN */
#define HELPER_TAPS 5          /* or taps on the clock ... */
#define HELPER_WINDOW 5        /* ... within this many seconds */

struct app;
struct frame;

/* A numbered box: '1'..'9' (or '0' for back, added by the app). */
struct item {
	char key;
	const char *label;     /* message id, formatted with app_format */
	int action;            /* the frame's own meaning */
};

enum hit_kind {
	HIT_ITEM,      /* a numbered box: index into the frame's items, or -1 for back */
	HIT_CLOCK,     /* the clock in the title row */
	HIT_OWN        /* something the frame drew itself: index is its own */
};

/* A touchable rectangle drawn in the last frame. */
struct hit {
	int y, x, h, w;
	enum hit_kind kind;
	int index;
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
	int dirty, quit;
	int too_small;                 /* the last picture said "Màn hình quá nhỏ" */
	long shown_second;             /* what the last picture showed, to redraw */
};

struct form;

/* A form being filled in (scr_form.c), kept for the review. */
struct form_state {
	const struct form *form;
	int step;
	int focus;                     /* the field with the cursor */
	int open;                      /* touch: its keyboard or pad is showing */
	struct entry entry[32];        /* one per field (FORM_MAX_FIELDS) */
	const char *error[32];         /* message id under each field, or NULL */
	char title[256];
	int picked[32];                /* an address field's commune was chosen */
	struct cccd *card;             /* a scanned ID card waiting for "fill in?" */
	char *scan_msg;                /* why the last scan was refused */
	int asking_home;               /* "Bỏ hồ sơ đang nhập?" is showing */
};

/* The screen kinds. */
extern const struct frame_ops scr_menu, scr_notice, scr_pin, scr_status;
extern const struct frame_ops scr_search, scr_procedure, scr_news, scr_news_page;
extern const struct frame_ops scr_forms, scr_form, scr_review, scr_saved, scr_dossier;
extern const struct frame_ops scr_queue, scr_ticket;

/* Opens the list of the queue's counters under this title (message id). */
void scr_queue_open(struct app *a, const char *title);
extern const struct frame_ops scr_pay;

/* Opens the pay screen for the saved request with this receipt code, as
 * if it had been typed there ("Nộp phí ngay" on the saved screen). */
void scr_pay_open(struct app *a, const char *code);

struct saved;

/* Shows a saved request's receipt (takes saved). */
void scr_saved_open(struct app *a, const struct form *form, struct saved *saved);

/* Opens a form to fill in. */
void scr_form_open(struct app *a, const struct form *form);

struct form_field;

/* Rows field fd takes on a form screen cols wide: its value or every one
 * of its options (wrapped), and the row of its message. 1 when one of its
 * options is wider than the room it has (kioskctl check refuses that). */
int scr_form_field_rows(const struct app *a, const struct form_field *fd, int cols);

/* Columns a form screen cols wide has for a field's value or options. */
#define FORM_OPTION_COLS(cols) ((cols) - FORM_LABEL_COLS - 5)

/* Rows a form screen has for the fields of a step at this size (between
 * the title and the buttons, less a scan message and a keypad's line). */
#define FORM_FIELD_ROOM(rows) ((rows) - 2 - 2 - 3 - 3)

/* Moves a form on from its focused field, as Enter does. */
void scr_form_advance(struct app *a, struct form_state *st);

/* Opens the address picker for field i of a form. */
void scr_address_open(struct app *a, struct form_state *st, int field);

/* Opens the review of a filled-in form (the form frame stays below). */
void scr_review_open(struct app *a, struct form_state *st);

/* The frame on top of the stack. */
static inline struct frame *app_top(struct app *a)
{
	return &a->stack[a->depth - 1];
}

/* Pushes a new frame of a kind. */
void app_push(struct app *a, const struct frame_ops *ops, const struct screen *screen,
	      const char *title, void *data);

/* Replaces the top frame with a new one (ending the old one). */
void app_replace(struct app *a, const struct frame_ops *ops, const struct screen *screen,
		 const char *title, void *data);

/* Goes back one frame (never past home). */
void app_back(struct app *a);

/* Asks for a redraw. */
void app_touch(struct app *a);

/* Translates a message id into the current language. */
const char *app_tr(const struct app *a, const char *msgid);

/* Translates msgid and fills {commune}, {language} and {n} into out. */
void app_format(const struct app *a, char *out, size_t size, const char *msgid, long n);

/* "08:21 27/11/2026" for time t, or "chưa rõ giờ" (in the booth's
 * language) when t is 0 or earlier than the booth's clock can be right. */
void app_when(const struct app *a, time_t t, char *out, size_t size);

/* The items of the top frame, with "0 back" last when not at home.
 * Returns the count. */
int app_items(struct app *a, struct item *out);

/* Opens the page of the procedure with this code. */
void scr_procedure_open(struct app *a, const char *code);

struct job;

/* Starts `kioskctl [--config FILE] COMMAND ARG [FLAG]` in the background
 * (the booth's slow work: printing, asking the server). Returns 0 or -1. */
int app_job(struct app *a, struct job *j, const char *command, const char *arg, const char *flag);

/* Starts `kioskctl [--config FILE] ARGS...` (args ends with NULL, at most
 * 8 of them) in the background. Returns 0 or -1. */
int app_job_argv(struct app *a, struct job *j, const char *const args[]);

/* The catalog (content.db), opened on first use; NULL when missing. */
struct catalog *app_catalog(struct app *a);

/* Makes an entry typed the way this booth types ([ui] input). */
void app_entry(struct app *a, struct entry *e, int max_chars, int flags, enum vi_method method);

/* Remembers a touchable rectangle. */
void view_hit(struct app *a, int y, int x, int h, int w, enum hit_kind kind, int index);

/* True when the hit (kind, index) is being pressed. */
int view_pressed(const struct app *a, enum hit_kind kind, int index);

/* Draws a box with a centred label, highlighted when pressed. */
void view_button(struct app *a, struct canvas *c, int y, int x, int h, int w,
		 const char *label, int index);

/* Draws an entry's field as a box at (y, x), w wide, with the cursor;
 * touching it opens the on-screen keyboard (HIT_OWN index hit). */
void view_entry(struct app *a, struct canvas *c, struct entry *e, int y, int x, int w, int hit);

/* Draws the on-screen keyboard of e in the rows [y, y + h) when it is
 * open (touches come as HIT_OWN first + key index). Returns rows used. */
int view_osk(struct app *a, struct canvas *c, struct entry *e, int y, int h, int first);

/* Draws result i of a list in two rows at row y, w columns wide from the
 * second: its number and name, and below it sub (dim), each ending with
 * "…" when it does not fit; touching it is HIT_OWN hit. */
void view_result(struct app *a, struct canvas *c, int y, size_t i, const char *name,
		 const char *sub, int w, int hit);

/* Draws a keypad entry's spelling and numbered syllable choices at row y.
 * Returns rows used (0 when not a keypad entry or nothing to show). */
int view_keypad(struct app *a, struct canvas *c, struct entry *e, int y);

#endif
