/* The kiosk's state machine: a stack of screens, events in, a picture out.
 * No curses here: term.c turns terminal input into events and copies the
 * canvas to the screen, so all of this is tested without a terminal. */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <time.h>

#include "event.h"

struct canvas;
struct config;
struct counters;
struct db;
struct forms;
struct i18n;
struct screens;

/* What the booth knows about its spool and network, refreshed by main. */
struct booth_state {
	long waiting;          /* requests saved, not yet acknowledged; -1 unknown */
	int online;            /* the upload worker reached the server lately */
	time_t last_upload;    /* last acknowledged upload, 0 if none */
};

/* Everything the app reads but does not own. */
struct app_env {
	const char *kioskctl;          /* path of kioskctl, for background lookups */
	const struct config *cfg;
	const struct screens *screens;
	const struct forms *forms;     /* request forms (screens/forms/) */
	const struct counters *counters; /* the queue's counters; may be NULL */
	const struct i18n *i18n;
	struct db *db;         /* for the helper PIN; may be NULL in tests */
	long long clock_min;   /* earlier times are not known: the clock is not
				* set (clock_build_time(); 0 in tests) */
};

struct app;

/* A new app on the home screen in the configured language. */
struct app *app_new(const struct app_env *env, time_t now);

/* Frees the app, wiping what a villager typed. */
void app_free(struct app *a);

/* Handles one input event at time now. */
void app_event(struct app *a, const struct event *ev, time_t now);

/* Runs due timers (the idle countdown and reset, the clock). */
void app_tick(struct app *a, time_t now);

/* Updates the footer's booth state. */
void app_set_state(struct app *a, const struct booth_state *st);

/* Draws the current screen into c at c's size, and remembers where each
 * touchable element is for the next events. */
void app_draw(struct app *a, struct canvas *c, time_t now);

/* The file descriptor of a background job the app waits on, or -1. */
int app_job_fd(const struct app *a);

/* How long the loop may sleep before app_tick or app_clock_ms is due
 * again (ms). */
int app_wait_ms(const struct app *a);

/* The time of a steady clock in milliseconds, given before each round of
 * events and after each wait: ends the keypad's tapped letter after its
 * pause. */
void app_clock_ms(struct app *a, long long now_ms);

/* True when the picture changed since the last app_draw. */
int app_dirty(const struct app *a);

/* True once the helper menu asked to quit. */
int app_quit(const struct app *a);

/* state.db, or NULL while it cannot be opened (see app_state_db). */
struct db *app_db(const struct app *a);

/* True when no villager is in the middle of something (home screen,
 * default language, nothing typed): a safe moment to swap content. */
int app_idle(const struct app *a);

#endif
