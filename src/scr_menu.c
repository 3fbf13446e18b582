/* A menu from screens/: its text lines and numbered choices, which lead to
 * other screens or to the built-in targets (screendef.h). */
#include <string.h>

#include "db.h"
#include "formdef.h"
#include "i18n.h"
#include "scr.h"
#include "screendef.h"
#include "voice.h"

/* The screen file's title. */
static const char *menu_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->screen->title;
}

/* One item per choice; the action is the choice's index. */
static int menu_items(const struct app *a, const struct frame *f, struct item *out)
{
	int i;

	(void)a;
	for (i = 0; i < f->screen->nchoices && i < ITEM_MAX; i++)
		out[i] = (struct item){ f->screen->choices[i].key, f->screen->choices[i].label, i };
	return i;
}

/* The screen file's columns. */
static int menu_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->screen->columns;
}

/* The text lines, word-wrapped. */
static int menu_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	const struct screen *s = f->screen;
	int i;

	(void)now;
	for (i = 0; i < s->ntexts; i++) {
		char text[512];

		app_format(a, text, sizeof text, s->texts[i], 0);
		y += canvas_wrap(c, y, 2, c->cols - 4, c->rows - 4 - y, text, ATTR_NORMAL);
	}
	return s->ntexts > 0 ? y + 1 : y;
}

/* Follows a choice to its screen or built-in target. */
static void menu_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	const struct choice *c = &f->screen->choices[it->action];
	const struct screen *to = screendef_find(app_env(a)->screens, c->target);

	(void)now;
	if (to != NULL) {
		app_push(a, &scr_menu, to, NULL, NULL);
		return;
	}
	switch (screendef_builtin(c->target)) {
	case BUILTIN_BACK:
		app_back(a);
		break;
	case BUILTIN_HOME:
		app_home(a);
		break;
	case BUILTIN_LANGUAGE:
		app_next_language(a);
		break;
	case BUILTIN_STATUS:
		app_push(a, &scr_status, NULL, NULL, NULL);
		break;
	case BUILTIN_QUIT:
		/* screendef allows quit on the helper menu only; check again. */
		if (strcmp(f->screen->id, "helper") == 0) {
			if (app_db(a))
				db_audit(app_db(a), "helper", "kiosk stopped from the helper menu");
			app_request_quit(a);
		}
		break;
	case BUILTIN_PROCEDURES:
		app_push(a, &scr_search, NULL, c->label, NULL);
		break;
	case BUILTIN_NEWS:
		app_push(a, &scr_news, NULL, c->label, NULL);
		break;
	case BUILTIN_DOSSIER:
		app_push(a, &scr_dossier, NULL, c->label, NULL);
		break;
	case BUILTIN_QUEUE:
		scr_queue_open(a, c->label);
		break;
	case BUILTIN_PAY:
		app_push(a, &scr_pay, NULL, c->label, NULL);
		break;
	case BUILTIN_CALL:
		scr_call_open(a);
		break;
	case BUILTIN_SUBMIT:
		app_push(a, &scr_forms, NULL, c->label, NULL);
		break;
	case BUILTIN_FEEDBACK:
		if (formdef_find(app_env(a)->forms, "feedback") != NULL)
			scr_form_open(a, formdef_find(app_env(a)->forms, "feedback"));
		else
			app_push(a, &scr_notice, NULL, c->label, NULL);
		break;
	case BUILTIN_NONE:
		break;
	}
}

/* The title and the texts of the screen file. */
static void menu_say(struct app *a, struct frame *f, struct voice_text *v)
{
	struct voice_env e;

	app_voice_env(a, &e);
	voice_screen(&e, f->screen, 0, v);
}

/* The screen file's hint. */
static const char *menu_hint(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->screen->hint;
}

const struct frame_ops scr_menu = {
	.title = menu_title,
	.items = menu_items,
	.columns = menu_columns,
	.draw = menu_draw,
	.choose = menu_choose,
	.hint = menu_hint,
	.say = menu_say,
	.clock = 1,
};
