/* The booth's voice in the app: what the top screen says (its title, what
 * its kind adds, and on request its numbered choices, voice.c) is said by
 * `kioskctl voice say` in a child process (job.c), so the screen never
 * waits for speech. A new screen kills the old prompt's child, and its
 * process group with it (espeak-ng, the player); an idle reset stops it
 * and says nothing. A child that could not speak (no espeak-ng, no sound
 * device) is logged once; the booth goes on without speech. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
#include "config.h"
#include "i18n.h"
#include "log.h"
#include "voice.h"

/* What `kioskctl voice say` exits with (ctl_voice.c), logged once each. */
enum {
	VOICE_LOG_SYNTH = 1,   /* exit 3: espeak-ng is missing */
	VOICE_LOG_PLAYER = 2,  /* exit 4: the player failed (no sound device) */
	VOICE_LOG_OTHER = 4,   /* any other failure */
};

int app_voice_on(const struct app *a)
{
	return a->env.cfg && a->env.cfg->voice_enabled;
}

void app_voice_env(const struct app *a, struct voice_env *e)
{
	e->i18n = a->env.i18n;
	e->lang = a->lang;
	e->cfg = a->env.cfg;
}

/* The top screen's title as said. */
static void said_title(struct app *a, char *out, size_t size)
{
	struct frame *f = app_top(a);
	struct voice_env e;
	struct voice_text v = { { 0 }, 0 };

	app_voice_env(a, &e);
	voice_add_msg(&v, &e, f->ops->title(a, f));
	snprintf(out, size, "%s", v.n ? v.seg[0] : "");
	voice_free(&v);
}

/* Logs once what a finished prompt's exit status says went wrong. */
static void log_once(struct app *a, int status)
{
	unsigned bit = status == 3 ? VOICE_LOG_SYNTH : status == 4 ? VOICE_LOG_PLAYER : VOICE_LOG_OTHER;

	if (status == 0 || (a->voice_logged & bit))
		return;
	a->voice_logged |= bit;
	if (bit == VOICE_LOG_SYNTH)
		log_write("voice: espeak-ng is not installed: the booth goes on without speech "
			  "(logged once)");
	else if (bit == VOICE_LOG_PLAYER)
		log_write("voice: the player ([voice] player) failed, no sound device? The booth "
			  "goes on without sound (logged once)");
	else
		log_write("voice: kioskctl voice say failed (exit status %d; logged once)", status);
}

/* Stops the prompt being said, if any. */
static void cut(struct app *a)
{
	if (a->voice.pid > 0 || a->voice.fd >= 0)
		job_cancel(&a->voice);
}

/* Starts `kioskctl voice say` for the segments of v (and the chime first
 * when one is due). */
static void start(struct app *a, const struct voice_text *v)
{
	const struct config *cfg = a->env.cfg;
	char *argv[VOICE_SEGS + 12];
	int n = 0, i;

	cut(a);
	if (a->env.kioskctl == NULL || (v->n == 0 && !a->chime))
		return;
	argv[n++] = (char *)(uintptr_t)a->env.kioskctl;
	if (cfg->path[0]) {
		argv[n++] = "--config";
		argv[n++] = (char *)(uintptr_t)cfg->path;
	}
	argv[n++] = "voice";
	argv[n++] = "say";
	argv[n++] = "--lang";
	argv[n++] = (char *)(uintptr_t)i18n_code(a->env.i18n, a->lang);
	if (a->chime)
		argv[n++] = "--chime";
	if (!app_voice_on(a))
		argv[n++] = "--quiet"; /* the chime alone */
	argv[n++] = "--";
	for (i = 0; i < v->n; i++)
		argv[n++] = v->seg[i];
	argv[n] = NULL;
	a->chime = 0;
	if (job_start(&a->voice, argv) != 0)
		log_once(a, -1);
}

/* Says the top screen: what its kind says (or its title), then with
 * choices its numbered choices ("0" back included). */
static void say_screen(struct app *a, int choices)
{
	struct frame *f = app_top(a);
	struct voice_text v = { { 0 }, 0 };
	struct voice_env e;

	app_voice_env(a, &e);
	if (f->ops->say)
		f->ops->say(a, f, &v);
	else
		voice_add_msg(&v, &e, f->ops->title(a, f));
	if (choices) {
		struct item items[ITEM_MAX + 1];
		int n = app_items(a, items), i;

		for (i = 0; i < n; i++) {
			char *s = items[i].key ? voice_choice(&e, items[i].key, items[i].label) : NULL;

			voice_add(&v, s ? s : voice_tr(&e, items[i].label));
			free(s);
		}
	}
	start(a, &v);
	voice_free(&v);
	a->said_no = a->screen_no;
	a->said_lang = a->lang;
	said_title(a, a->said_title, sizeof a->said_title);
}

void app_voice_tick(struct app *a)
{
	char title[sizeof a->said_title];

	if (job_poll(&a->voice)) {
		log_once(a, a->voice.status);
		job_cancel(&a->voice); /* forgets it */
	}
	if (a->chime && !app_voice_on(a)) {
		struct voice_text none = { { 0 }, 0 };

		start(a, &none);
	}
	if (!app_voice_on(a))
		return;
	said_title(a, title, sizeof title);
	if (a->said_no != a->screen_no || a->said_lang != a->lang || strcmp(title, a->said_title) != 0)
		say_screen(a, 0);
}

void app_voice_repeat(struct app *a)
{
	if (app_voice_on(a))
		say_screen(a, 1);
}

void app_voice_say_msg(struct app *a, const char *msgid)
{
	struct voice_text v = { { 0 }, 0 };
	struct voice_env e;

	if (!app_voice_on(a))
		return;
	app_voice_env(a, &e);
	voice_add_msg(&v, &e, msgid);
	start(a, &v);
	voice_free(&v);
}

void app_voice_chime(struct app *a)
{
	a->chime = 1;
}

void app_voice_stop(struct app *a)
{
	cut(a);
	a->chime = 0;
	a->said_no = a->screen_no;
	a->said_lang = a->lang;
	said_title(a, a->said_title, sizeof a->said_title);
}
