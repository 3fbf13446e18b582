/* The kiosk's state machine (see app.h): a stack of frames, each of a kind
 * (scr_*.c) that draws its body and handles its own keys; this file does
 * what all share: numbered choices, back, touch, the helper sequence, the
 * language, and the idle countdown that resets the booth for the next
 * villager. view.c draws the common parts; nothing here knows terminals. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
#include "catalog.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "job.h"
#include "scr.h"
#include "screendef.h"
#include "submit.h"
#include "text.h"
#include "util.h"

const char *app_tr(const struct app *a, const char *msgid)
{
	return i18n_get(a->env.i18n, a->lang, msgid);
}

void app_when(const struct app *a, time_t t, char *out, size_t size)
{
	struct tm tm;

	if (t <= 0 || (long long)t < a->env.clock_min) {
		snprintf(out, size, "%s", app_tr(a, N_("chưa rõ giờ")));
		return;
	}
	localtime_r(&t, &tm);
	snprintf(out, size, "%02d:%02d %02d/%02d/%04d", tm.tm_hour, tm.tm_min, tm.tm_mday,
		 tm.tm_mon + 1, tm.tm_year + 1900);
}

void app_format(const struct app *a, char *out, size_t size, const char *msgid, long n)
{
	const char *ok = keymap_name(&a->keys, AK_ENTER), *del = keymap_name(&a->keys, AK_BACKSPACE);
	struct i18n_vars v = {
		.commune = a->env.cfg->commune,
		.language = i18n_name(a->env.i18n, (a->lang + 1) % i18n_count(a->env.i18n)),
		/* The booth's key that finishes (#, Enter) or deletes. */
		.ok = ok ? app_tr(a, ok) : "",
		.del = del ? app_tr(a, del) : "",
		.n = n,
	};

	i18n_fill(out, size, app_tr(a, msgid), &v);
}

struct catalog *app_catalog(struct app *a)
{
	char *path, *cause = NULL;

	if (a->catalog != NULL || a->catalog_failed)
		return a->catalog;
	path = xprintf("%s/content.db", a->env.cfg->content_dir);
	a->catalog = catalog_open(path, &cause);
	a->catalog_failed = a->catalog == NULL;
	if (a->catalog != NULL)
		catalog_mark_forms(a->catalog, a->env.forms);
	free(cause);
	free(path);
	return a->catalog;
}

void app_entry(struct app *a, struct entry *e, int max_chars, int flags, enum vi_method method)
{
	enum ui_input in = a->env.cfg->input;
	enum entry_mode mode = in == INPUT_TOUCH ? ENTRY_TOUCH
			     : in == INPUT_KEYPAD ? ENTRY_KEYPAD : ENTRY_KEYBOARD;

	if (mode == ENTRY_KEYPAD && !a->keypad_loaded) {
		char *dir = xprintf("%s/assets", a->env.cfg->content_dir);
		char *cause = NULL;

		/* Without the lists: letters only. */
		keypad_init(&a->keypad, a->env.cfg->keypad_style, dir, &cause);
		keypad_clock(&a->keypad, a->now_ms);
		free(cause);
		free(dir);
		a->keypad_loaded = 1;
	}
	entry_init(e, mode, max_chars, flags, method, mode == ENTRY_KEYPAD ? &a->keypad : NULL);
	/* [ui] tones: where a tone goes in oa, oe, uy (hoà or hòa). */
	field_set_method(&e->field, method,
			 a->env.cfg->tones == TONES_OLD ? VI_OLD_STYLE : 0);
}

int app_job_argv(struct app *a, struct job *j, const char *const args[])
{
	const struct config *cfg = a->env.cfg;
	char *argv[12];
	int n = 0, i;

	if (a->env.kioskctl == NULL)
		return -1;
	argv[n++] = (char *)(uintptr_t)a->env.kioskctl;
	if (cfg->path[0]) {
		argv[n++] = "--config";
		argv[n++] = (char *)(uintptr_t)cfg->path;
	}
	for (i = 0; args[i] != NULL && n < 11; i++)
		argv[n++] = (char *)(uintptr_t)args[i];
	argv[n] = NULL;
	return job_start(j, argv);
}

int app_job(struct app *a, struct job *j, const char *command, const char *arg, const char *flag)
{
	const char *args[] = { command, arg, flag, NULL };

	return app_job_argv(a, j, args);
}

int app_items(struct app *a, struct item *out)
{
	struct frame *f = app_top(a);
	int n = f->ops->items ? f->ops->items(a, f, out) : 0;

	if (a->depth > 1 && n < ITEM_MAX + 1 && f->ops->back_unnumbered)
		out[n++] = (struct item){ '\0', N_("◀ Quay lại"), -1 };
	else if (a->depth > 1 && n < ITEM_MAX + 1)
		out[n++] = (struct item){ '0', f->ops->home_back ? N_("Về trang chủ") : N_("Quay lại"), -1 };
	return n;
}

struct frame *app_top(struct app *a)
{
	return &a->stack[a->depth - 1];
}

void app_touch(struct app *a)
{
	a->dirty = 1;
}

/* Ends frame f: its kind wipes and frees what it holds. */
static void end_frame(struct frame *f)
{
	if (f->ops->done)
		f->ops->done(f);
	memset(f, 0, sizeof *f);
}

void app_push(struct app *a, const struct frame_ops *ops, const struct screen *screen,
	      const char *title, void *data)
{
	if (a->depth == STACK_MAX)
		end_frame(&a->stack[--a->depth]);
	a->stack[a->depth++] = (struct frame){ ops, screen, title, data };
	a->screen_no++;
	a->focus = -1;
	a->pressed = -1;
	a->dirty = 1;
}

void app_replace(struct app *a, const struct frame_ops *ops, const struct screen *screen,
		 const char *title, void *data)
{
	end_frame(&a->stack[--a->depth]);
	app_push(a, ops, screen, title, data);
}

void app_back(struct app *a)
{
	if (a->depth <= 1)
		return;
	end_frame(&a->stack[--a->depth]);
	a->screen_no++;
	a->focus = -1;
	a->pressed = -1;
	a->dirty = 1;
}

void app_home(struct app *a)
{
	while (a->depth > 1)
		app_back(a);
}

void app_back_past(struct app *a, const struct frame_ops *ops)
{
	while (a->depth > 1) {
		int last = app_top(a)->ops == ops;

		app_back(a);
		if (last)
			return;
	}
}

/* Leaves the top frame the way its "0" says: one back, or home. */
static void leave(struct app *a)
{
	if (app_top(a)->ops->home_back)
		app_home(a);
	else
		app_back(a);
}

/* Back to the home screen for the next villager: nothing of the last one
 * stays (typing, language, screens). */
static void reset(struct app *a)
{
	app_home(a);
	a->lang = a->default_lang;
	a->focus = -1;
	a->pressed = -1;
	a->countdown_until = 0;
	a->seq[0] = '\0';
	a->clock_taps = 0;
	a->dirty = 1;
	app_voice_stop(a); /* and nothing is said: nobody is there */
}

/* Opens the PIN entry for the helper menu (once). */
static void open_pin(struct app *a)
{
	struct frame *f = app_top(a);

	a->seq[0] = '\0';
	a->clock_taps = 0;
	if (f->ops == &scr_pin || (f->screen && strcmp(f->screen->id, "helper") == 0))
		return;
	app_push(a, &scr_pin, NULL, NULL, NULL);
}

/* Chooses item i of the top frame ("back" included). */
static void choose(struct app *a, int i, time_t now)
{
	struct item items[ITEM_MAX + 1];
	int n = app_items(a, items);
	struct frame *f = app_top(a);

	if (i < 0 || i >= n)
		return;
	if (items[i].action == -1 && (items[i].key == '0' || items[i].key == '\0')) {
		leave(a);
		return;
	}
	if (f->ops->choose)
		f->ops->choose(a, f, &items[i], now);
}

/* Moves the focus with an arrow key over a grid of `cols` columns. */
static void move_focus(struct app *a, uint32_t key, int n, int cols)
{
	int i = a->focus;

	if (n == 0)
		return;
	if (i < 0 || i >= n) {
		i = 0;
	} else if (key == AK_LEFT && i % cols > 0) {
		i--;
	} else if (key == AK_RIGHT && i % cols < cols - 1 && i + 1 < n) {
		i++;
	} else if (key == AK_UP && i - cols >= 0) {
		i -= cols;
	} else if (key == AK_DOWN) {
		if (i + cols < n)
			i += cols;
		else if (i / cols < (n - 1) / cols)
			i = n - 1; /* the last row is short: its last item */
	}
	a->focus = i;
	a->dirty = 1;
}

/* Tracks the helper key sequence; returns 1 when it is complete. */
static int helper_seq(struct app *a, uint32_t key, time_t now)
{
	size_t n = strlen(a->seq);

	if (key != '*' && key != '/') {
		a->seq[0] = '\0';
		return 0;
	}
	if (n == 0 || now - a->seq_start > HELPER_WINDOW) {
		n = 0;
		a->seq_start = now;
	}
	if ((char)key != HELPER_SEQ[n]) {
		n = 0;
		a->seq_start = now;
		if ((char)key != HELPER_SEQ[0]) {
			a->seq[0] = '\0';
			return 0;
		}
	}
	a->seq[n++] = (char)key;
	a->seq[n] = '\0';
	return n == strlen(HELPER_SEQ);
}

/* A key: the helper sequence, then the frame, then the shared keys. */
static void on_key(struct app *a, uint32_t key, time_t now)
{
	struct frame *f = app_top(a);
	struct item items[ITEM_MAX + 1];
	int n, i, cols;

	if (helper_seq(a, key, now)) {
		open_pin(a);
		return;
	}
	if (key == AK_VOICE) {
		app_voice_repeat(a);
		return;
	}
	if (f->ops->key && f->ops->key(a, f, key, now))
		return;
	n = app_items(a, items);
	cols = f->ops->columns ? f->ops->columns(a, f) : 1;
	switch (key) {
	case AK_UP:
	case AK_DOWN:
	case AK_LEFT:
	case AK_RIGHT:
		move_focus(a, key, n, cols);
		return;
	case AK_ENTER:
		if (a->focus >= 0)
			choose(a, a->focus, now);
		else if (n == 1 && items[0].key == '0')
			leave(a); /* a page with only "back": Enter leaves it */
		return;
	case AK_BACKSPACE:
		leave(a);
		return;
	}
	for (i = 0; i < n; i++)
		if (items[i].key != '\0' && (uint32_t)(unsigned char)items[i].key == key) {
			choose(a, i, now);
			return;
		}
}

/* A scanned burst: the frame's, or typed key by key (then Enter). */
static void on_scan(struct app *a, const char *text, time_t now)
{
	struct frame *f = app_top(a);
	size_t n = strlen(text), i = 0;

	if (f->ops->scan) {
		f->ops->scan(a, f, text, now);
		app_touch(a);
		return;
	}
	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(text + i, n - i, &cp);

		i += len ? len : 1;
		if (len)
			on_key(a, cp, now);
	}
	on_key(a, AK_ENTER, now);
}

/* The hit under (y, x), or -1. */
static int hit_at(const struct app *a, int y, int x)
{
	int i;

	for (i = a->nhits - 1; i >= 0; i--) {
		const struct hit *h = &a->hits[i];

		if (y >= h->y && y < h->y + h->h && x >= h->x && x < h->x + h->w)
			return i;
	}
	return -1;
}

/* A finger lifted on hit i (the one it pressed). */
static void on_tap(struct app *a, int i, time_t now)
{
	struct hit h = a->hits[i];
	struct frame *f = app_top(a);

	switch (h.kind) {
	case HIT_ITEM:
		choose(a, h.index, now);
		break;
	case HIT_OWN:
		if (f->ops->tap)
			f->ops->tap(a, f, h.index, now);
		break;
	case HIT_VOICE:
		app_voice_repeat(a);
		break;
	case HIT_CLOCK:
		if (a->clock_taps == 0 || now - a->clock_first > HELPER_WINDOW) {
			a->clock_taps = 0;
			a->clock_first = now;
		}
		if (++a->clock_taps >= HELPER_TAPS)
			open_pin(a);
		break;
	}
}

void app_event(struct app *a, const struct event *ev, time_t now)
{
	int i;

	a->last_input = now;
	if (a->too_small) {
		/* "Màn hình quá nhỏ" hides the screen: nothing may act on it. */
		a->pressed = -1;
		return;
	}
	if (a->countdown_until != 0) {
		/* Any touch or key means someone is still here. */
		a->countdown_until = 0;
		a->pressed = -1;
		a->dirty = 1;
		return;
	}
	switch (ev->type) {
	case EV_KEY:
		if (ev->key != AK_IGNORED)
			on_key(a, ev->key, now);
		break;
	case EV_SCAN:
		on_scan(a, ev->text, now);
		break;
	case EV_PRESS:
		a->pressed = hit_at(a, ev->y, ev->x);
		a->dirty = 1;
		break;
	case EV_RELEASE:
		/* A press and release read in one go may come as the release
		 * alone: then the finger went down where it came up. */
		i = hit_at(a, ev->y, ev->x);
		if (i >= 0 && (i == a->pressed || a->pressed < 0)) {
			a->pressed = -1;
			on_tap(a, i, now);
		} else {
			a->pressed = -1;
		}
		a->dirty = 1;
		break;
	}
}

int app_idle(const struct app *a)
{
	return a->depth == 1 && a->lang == a->default_lang && a->countdown_until == 0;
}

int app_job_fd(const struct app *a)
{
	const struct frame *f = &a->stack[a->depth - 1];

	return f->ops->job_fd ? f->ops->job_fd(f) : -1;
}

int app_wait_ms(const struct app *a)
{
	/* A spinner turns four times a second while a job runs. */
	int ms = app_job_fd(a) >= 0 ? 250 : 1000;
	int pause = a->keypad_loaded ? keypad_wait_ms(&a->keypad) : -1;

	return pause >= 0 && pause < ms ? pause : ms;
}

void app_clock_ms(struct app *a, long long now_ms)
{
	a->now_ms = now_ms;
	if (a->keypad_loaded && keypad_clock(&a->keypad, now_ms))
		a->dirty = 1; /* the letter tapped is spelled now */
}

void app_tick(struct app *a, time_t now)
{
	const struct config *cfg = a->env.cfg;
	struct frame *f = app_top(a);

	if (a->countdown_until != 0 && now >= a->countdown_until) {
		reset(a);
		return;
	}
	if (a->countdown_until == 0 && !app_idle(a) && now - a->last_input >= cfg->idle_timeout) {
		a->countdown_until = now + cfg->idle_countdown;
		a->dirty = 1;
		app_voice_say_msg(a, N_("Bạn còn ở đây không?"));
	}
	if (f->ops->tick)
		f->ops->tick(a, f, now);
	app_voice_tick(a);
	/* The clock shows minutes; the countdown, seconds. */
	if ((a->countdown_until ? (long)now : (long)(now / 60)) != a->shown_second)
		a->dirty = 1;
}

void app_set_state(struct app *a, const struct booth_state *st)
{
	/* Field by field: memcmp would read the struct's padding. */
	if (a->st.waiting != st->waiting || a->st.online != st->online ||
	    a->st.last_upload != st->last_upload) {
		a->st = *st;
		a->dirty = 1;
	}
}

struct app *app_new(const struct app_env *env, time_t now)
{
	struct app *a = xcalloc(1, sizeof *a);
	char *cause = NULL;
	int lang;

	a->env = *env;
	if (keymap_init(&a->keys, env->cfg, &cause) != 0)
		free(cause); /* config_load refuses such a config */
	lang = i18n_find(env->i18n, env->cfg->language);
	a->default_lang = a->lang = lang < 0 ? 0 : lang;
	a->stack[0] = (struct frame){ &scr_menu, screendef_find(env->screens, "home"), NULL, NULL };
	a->depth = 1;
	a->focus = -1;
	a->pressed = -1;
	a->last_input = now;
	a->st.waiting = -1;
	a->voice.fd = -1;
	app_voice_stop(a); /* the home screen at start says nothing */
	a->dirty = 1;
	return a;
}

void app_free(struct app *a)
{
	if (a == NULL)
		return;
	if (a->voice.pid > 0)
		job_cancel(&a->voice);
	while (a->depth > 0)
		end_frame(&a->stack[--a->depth]);
	catalog_close(a->catalog);
	if (a->keypad_loaded)
		keypad_free(&a->keypad);
	wipe(a, sizeof *a);
	free(a);
}

int app_dirty(const struct app *a)
{
	return a->dirty;
}

int app_quit(const struct app *a)
{
	return a->quit;
}

struct db *app_db(const struct app *a)
{
	return a->env.db;
}

const struct app_env *app_env(const struct app *a)
{
	return &a->env;
}

const struct booth_state *app_booth(const struct app *a)
{
	return &a->st;
}

void app_next_language(struct app *a)
{
	a->lang = (a->lang + 1) % i18n_count(a->env.i18n);
	a->dirty = 1;
}

void app_request_quit(struct app *a)
{
	a->quit = 1;
}

struct db *app_state_db(struct app *a, char **cause)
{
	if (a->env.db == NULL)
		a->env.db = submit_open_state(a->env.cfg, cause);
	return a->env.db;
}
