/* The kiosk's state machine (see app.h): events in, state changes out.
 * view.c draws the state; nothing here knows about terminals. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

const char *app_tr(const struct app *a, const char *msgid)
{
	return i18n_get(a->env.i18n, a->lang, msgid);
}

/* Appends s to out (size bytes, used *o), cutting when full. */
static void put_str(char *out, size_t size, size_t *o, const char *s)
{
	size_t n = strlen(s);

	if (*o + n >= size)
		n = size - 1 - *o;
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
}

void app_format(const struct app *a, char *out, size_t size, const char *msgid, long n)
{
	const char *s = app_tr(a, msgid);
	size_t o = 0;
	char num[32];

	out[0] = '\0';
	snprintf(num, sizeof num, "%ld", n);
	while (*s && o + 1 < size) {
		const char *v = NULL;
		size_t skip = 0;

		if (strncmp(s, "{commune}", 9) == 0) {
			v = a->env.cfg->commune;
			skip = 9;
		} else if (strncmp(s, "{language}", 10) == 0) {
			v = i18n_name(a->env.i18n, (a->lang + 1) % i18n_count(a->env.i18n));
			skip = 10;
		} else if (strncmp(s, "{n}", 3) == 0) {
			v = num;
			skip = 3;
		}
		if (v) {
			put_str(out, size, &o, v);
			s += skip;
		} else {
			out[o++] = *s++;
			out[o] = '\0';
		}
	}
}

int app_items(const struct app *a)
{
	const struct frame *f = app_top(a);
	int n = f->kind == F_SCREEN ? f->screen->nchoices : 0;

	return n + (a->depth > 1 ? 1 : 0);
}

/* Pushes a frame, replacing the top when the stack is full. */
static void push(struct app *a, struct frame f)
{
	if (a->depth == STACK_MAX)
		a->depth--;
	a->stack[a->depth++] = f;
	a->focus = -1;
	a->pressed = -1;
	a->dirty = 1;
}

/* Clears what was typed into the PIN field, leaving nothing in memory. */
static void wipe_pin(struct app *a)
{
	wipe(a->pin, sizeof a->pin);
	a->pinlen = 0;
	a->pinmsg[0] = '\0';
}

/* Goes back one screen (never past home). */
static void back(struct app *a)
{
	if (a->depth <= 1)
		return;
	if (app_top(a)->kind == F_PIN)
		wipe_pin(a);
	a->depth--;
	a->focus = -1;
	a->pressed = -1;
	a->dirty = 1;
}

/* Back to the home screen for the next villager: nothing of the last one
 * stays (typing, language, screens). */
static void reset(struct app *a)
{
	wipe_pin(a);
	a->depth = 1;
	a->lang = a->default_lang;
	a->focus = -1;
	a->pressed = -1;
	a->countdown_until = 0;
	a->seq[0] = '\0';
	a->clock_taps = 0;
	a->dirty = 1;
}

/* Opens the PIN entry for the helper menu (once). */
static void open_pin(struct app *a)
{
	const struct frame *f = app_top(a);

	a->seq[0] = '\0';
	a->clock_taps = 0;
	if (f->kind == F_PIN || (f->kind == F_SCREEN && strcmp(f->screen->id, "helper") == 0))
		return;
	wipe_pin(a);
	push(a, (struct frame){ .kind = F_PIN });
}

/* Acts on item i of the top frame: a choice or "back". */
static void activate(struct app *a, int i)
{
	const struct frame *f = app_top(a);
	const struct choice *c;
	const struct screen *to;

	if (f->kind != F_SCREEN || i >= f->screen->nchoices) {
		back(a);
		return;
	}
	c = &f->screen->choices[i];
	to = screendef_find(a->env.screens, c->target);
	if (to != NULL) {
		push(a, (struct frame){ .kind = F_SCREEN, .screen = to });
		return;
	}
	switch (screendef_builtin(c->target)) {
	case BUILTIN_BACK:
		back(a);
		break;
	case BUILTIN_HOME:
		a->depth = 1;
		a->dirty = 1;
		break;
	case BUILTIN_LANGUAGE:
		a->lang = (a->lang + 1) % i18n_count(a->env.i18n);
		a->dirty = 1;
		break;
	case BUILTIN_STATUS:
		push(a, (struct frame){ .kind = F_STATUS });
		break;
	case BUILTIN_QUIT:
		/* screendef allows quit on the helper menu only; check again. */
		if (strcmp(f->screen->id, "helper") == 0) {
			if (a->env.db)
				db_audit(a->env.db, "helper", "kiosk stopped from the helper menu");
			a->quit = 1;
		}
		break;
	case BUILTIN_LATER:
		push(a, (struct frame){ .kind = F_NOTICE, .title = c->label });
		break;
	case BUILTIN_NONE:
		break;
	}
}

/* Checks the typed PIN; opens the helper menu or says what went wrong. */
static void submit_pin(struct app *a, time_t now)
{
	long n = 0;
	enum pin_result r = a->env.db ? pin_check(a->env.db, a->pin, now, &n) : PIN_ERROR;
	const struct screen *helper = screendef_find(a->env.screens, "helper");

	wipe_pin(a);
	a->dirty = 1;
	switch (r) {
	case PIN_OK:
		db_audit(a->env.db, "helper", "helper menu opened");
		a->depth--;
		push(a, (struct frame){ .kind = F_SCREEN, .screen = helper });
		break;
	case PIN_WRONG:
		app_format(a, a->pinmsg, sizeof a->pinmsg, N_("Sai mã PIN. Còn {n} lần thử."), n);
		break;
	case PIN_LOCKED:
		app_format(a, a->pinmsg, sizeof a->pinmsg,
			   N_("Nhập sai nhiều lần nên đã khoá. Thử lại sau {n} phút."), (n + 59) / 60);
		break;
	case PIN_UNSET:
		app_format(a, a->pinmsg, sizeof a->pinmsg,
			   N_("Trạm chưa có mã PIN. Đặt mã bằng lệnh: kioskctl set-pin"), 0);
		break;
	case PIN_ERROR:
		app_format(a, a->pinmsg, sizeof a->pinmsg,
			   N_("Không đọc được dữ liệu của trạm. Xin thử lại."), 0);
		break;
	}
}

/* A key on the PIN entry: digits, delete, confirm. */
static void pin_key(struct app *a, uint32_t key, time_t now)
{
	if (key >= '0' && key <= '9') {
		if (a->pinlen < PIN_MAX_DIGITS) {
			a->pin[a->pinlen++] = (char)key;
			a->pin[a->pinlen] = '\0';
		}
		a->pinmsg[0] = '\0';
	} else if (key == AK_BACKSPACE) {
		if (a->pinlen == 0) {
			back(a);
			return;
		}
		a->pin[--a->pinlen] = '\0';
	} else if (key == AK_ENTER) {
		if (a->pinlen > 0)
			submit_pin(a, now);
	}
	a->dirty = 1;
}

/* Moves the focus with an arrow key over a grid of `cols` columns. */
static void move_focus(struct app *a, uint32_t key)
{
	const struct frame *f = app_top(a);
	int n = app_items(a), cols = f->kind == F_SCREEN ? f->screen->columns : 1;
	int i = a->focus;

	if (n == 0)
		return;
	if (i < 0) {
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

/* A key on any frame. */
static void on_key(struct app *a, uint32_t key, time_t now)
{
	const struct frame *f = app_top(a);
	int i;

	if (helper_seq(a, key, now)) {
		open_pin(a);
		return;
	}
	if (f->kind == F_PIN) {
		pin_key(a, key, now);
		return;
	}
	switch (key) {
	case AK_UP:
	case AK_DOWN:
	case AK_LEFT:
	case AK_RIGHT:
		move_focus(a, key);
		return;
	case AK_ENTER:
		if (a->focus >= 0)
			activate(a, a->focus);
		else if (f->kind != F_SCREEN)
			back(a);
		return;
	case AK_BACKSPACE:
	case '0':
		back(a);
		return;
	}
	if (f->kind != F_SCREEN || key < '1' || key > '9')
		return;
	for (i = 0; i < f->screen->nchoices; i++)
		if ((uint32_t)f->screen->choices[i].key == key)
			activate(a, i);
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
	const struct hit *h = &a->hits[i];

	switch (h->kind) {
	case HIT_ITEM:
		activate(a, h->index);
		break;
	case HIT_PINKEY:
		pin_key(a, (uint32_t)h->index, now);
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
	if (a->countdown_until != 0) {
		/* Any touch or key means someone is still here. */
		a->countdown_until = 0;
		a->pressed = -1;
		a->dirty = 1;
		return;
	}
	switch (ev->type) {
	case EV_KEY:
		if (ev->key == AK_IGNORED)
			return;
		on_key(a, ev->key, now);
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
	return a->depth == 1 && a->lang == a->default_lang && a->pinlen == 0 &&
	       a->countdown_until == 0;
}

void app_tick(struct app *a, time_t now)
{
	const struct config *cfg = a->env.cfg;

	if (a->countdown_until != 0 && now >= a->countdown_until) {
		reset(a);
		return;
	}
	if (a->countdown_until == 0 && !app_idle(a) && now - a->last_input >= cfg->idle_timeout) {
		a->countdown_until = now + cfg->idle_countdown;
		a->dirty = 1;
	}
	/* The clock shows minutes; the countdown, seconds. */
	if ((a->countdown_until ? (long)now : (long)(now / 60)) != a->shown_second)
		a->dirty = 1;
}

void app_set_state(struct app *a, const struct booth_state *st)
{
	if (memcmp(&a->st, st, sizeof *st) != 0) {
		a->st = *st;
		a->dirty = 1;
	}
}

struct app *app_new(const struct app_env *env, time_t now)
{
	struct app *a = xcalloc(1, sizeof *a);
	int lang;

	a->env = *env;
	lang = i18n_find(env->i18n, env->cfg->language);
	a->default_lang = a->lang = lang < 0 ? 0 : lang;
	a->stack[0] = (struct frame){ .kind = F_SCREEN,
				      .screen = screendef_find(env->screens, "home") };
	a->depth = 1;
	a->focus = -1;
	a->pressed = -1;
	a->last_input = now;
	a->st.waiting = -1;
	a->dirty = 1;
	return a;
}

void app_free(struct app *a)
{
	if (a == NULL)
		return;
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
