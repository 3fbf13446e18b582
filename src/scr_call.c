/* "Gọi cán bộ hỗ trợ": a villager calls a helper to the booth, from the
 * home screen or a form. The call is recorded in state.db (calls.h: the
 * time, the screen, the booth; nothing about the villager), the booth
 * chimes, and the screen says a helper is coming. "0" goes back to where
 * the villager was (a form keeps what was typed). A call already open
 * is not recorded twice: the helper is on the way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scr.h"
#include "scr_form.h"
#include "screendef.h"
#include "calls.h"
#include "config.h"
#include "db.h"
#include "formdef.h"
#include "i18n.h"
#include "log.h"
#include "util.h"
#include "voice.h"

/* The screen's one line: the call went out, or it could not. */
struct call_screen {
	int ok;
};

/* The fixed title. */
static const char *call_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Gọi cán bộ hỗ trợ");
}

/* What the screen says: called, or not. */
static const char *call_text(const struct frame *f)
{
	const struct call_screen *c = f->data;

	return c->ok ? N_("Đã gọi cán bộ, xin chờ trong giây lát.")
		     : N_("Trạm chưa gọi được cán bộ. Xin bạn hỏi ở bộ phận một cửa của xã.");
}

/* The message, big and plain. */
static int call_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	const struct call_screen *cs = f->data;

	(void)now;
	y += 2;
	y += canvas_wrap(c, y, 2, c->cols - 4, 4, app_tr(a, call_text(f)),
			 cs->ok ? ATTR_KEY : ATTR_ALERT);
	return y + 1;
}

/* The title, then the message. */
static void call_say(struct app *a, struct frame *f, struct voice_text *v)
{
	struct voice_env e;

	app_voice_env(a, &e);
	voice_add_msg(v, &e, call_title(a, f));
	voice_add_msg(v, &e, call_text(f));
}

/* Frees the frame's data. */
static void call_done(struct frame *f)
{
	free(f->data);
}

const struct frame_ops scr_call = {
	.title = call_title,
	.draw = call_draw,
	.say = call_say,
	.done = call_done,
	.clock = 1,
};

/* The screen a call is made from, for helpers: a screen file's id, a
 * form's "form:ID", or "other". */
static void where(struct app *a, char *out, size_t size)
{
	const struct frame *f = app_top(a);

	if (f->screen)
		snprintf(out, size, "%s", f->screen->id);
	else if (f->ops == &scr_form && f->data)
		snprintf(out, size, "form:%s", ((const struct form_state *)f->data)->form->id);
	else
		snprintf(out, size, "other");
}

/* Records the call unless one is open; returns 0 or -1 (logged). */
static int record(struct app *a, const char *screen, time_t now)
{
	struct db *db = app_db(a);
	long open = 0;
	long long oldest, id;
	char *cause = NULL;
	int rc = -1;

	if (db == NULL) {
		log_write("helper call from %s: state.db is not open", screen);
		return -1;
	}
	if (calls_open(db, &open, &oldest, &cause) == 0 &&
	    (open > 0 || calls_add(db, (long long)now, screen, app_env(a)->cfg->booth_id, &id, &cause) == 0))
		rc = 0;
	if (rc == 0 && open == 0)
		log_write("helper call %lld from %s", id, screen);
	else if (rc != 0)
		log_write("helper call from %s: %s", screen, cause);
	free(cause);
	return rc;
}

void scr_call_open(struct app *a)
{
	struct call_screen *c = xcalloc(1, sizeof *c);
	char screen[CALL_TEXT_MAX];

	where(a, screen, sizeof screen);
	c->ok = record(a, screen, time(NULL)) == 0;
	app_voice_chime(a);
	app_push(a, &scr_call, NULL, NULL, c);
}
