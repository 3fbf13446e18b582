/* The review of a filled-in form: every answer on one page, then "send"
 * (saved to the spool; only after COMMIT does the next screen say so) or
 * "correct" (back to the form's first step). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formdef.h"
#include "i18n.h"
#include "log.h"
#include "scr.h"
#include "scr_form.h"
#include "submit.h"
#include "text.h"
#include "util.h"

#define ACT_SEND 1
#define ACT_EDIT 2

struct review {
	struct form_state *st;    /* the form frame's, below this one */
	char error[256];          /* why saving failed, translated */
};

/* "Xem lại trước khi gửi". */
static const char *review_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Xem lại trước khi gửi");
}

/* Send, correct. */
static int review_items(const struct app *a, const struct frame *f, struct item *out)
{
	(void)a;
	(void)f;
	out[0] = (struct item){ '1', N_("Gửi hồ sơ"), ACT_SEND };
	out[1] = (struct item){ '2', N_("Sửa lại"), ACT_EDIT };
	return 2;
}

/* Two columns of boxes. */
static int review_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return 2;
}

/* Each answer as "label: value" (empty ones as a dash). */
static int review_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct review *r = f->data;
	const struct form *form = r->st->form;
	int i, bottom = c->rows - 2 - 3 * 2 - 1;

	(void)now;
	canvas_text(c, y, 2, app_tr(a, form->title), ATTR_KEY, c->cols - 4);
	y++;
	for (i = 0; i < form->nfields && y < bottom; i++) {
		const char *v = entry_text(&r->st->entry[i]);
		char *clean = text_sanitize(*v ? v : "–", 0);
		int w = canvas_text(c, y, 2, app_tr(a, form->fields[i].label), ATTR_DIM, 24);

		canvas_text(c, y, 2 + (w < 24 ? 24 : w) + 1, clean, ATTR_NORMAL, c->cols - 30);
		free(clean);
		y++;
	}
	if (r->error[0])
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, r->error, ATTR_ALERT);
	return y;
}

/* Saves the form's answers as a request (with the address as on a
 * scanned ID card beside the one confirmed), then shows its receipt in
 * place of the form and this review (back goes home, never to the saved
 * form). A kiosk that started without state.db tries to open it first.
 * Returns 0, or -1 or -2 as submit_request does, with *cause and the form
 * still there. */
static int save(struct app *a, struct form_state *st, time_t now, char **cause)
{
	const char *values[FORM_MAX_FIELDS], *on_card[FORM_MAX_FIELDS] = { 0 };
	const struct form *form = st->form; /* st leaves with the form's frame */
	struct db *db = app_state_db(a, cause);
	struct saved *saved;
	int i, rc;

	if (db == NULL)
		return -1;
	for (i = 0; i < form->nfields; i++)
		values[i] = entry_text(&st->entry[i]);
	if (st->card_address && form->scan[4] >= 0)
		on_card[form->scan[4]] = st->card_address;
	saved = xcalloc(1, sizeof *saved);
	rc = submit_request(db, app_env(a)->cfg, form, values, on_card, now,
			    (long long)now >= app_env(a)->clock_min, saved, cause);
	if (rc != 0) {
		free(saved);
		return rc;
	}
	/* The form and its review leave (wiping what was typed), and the
	 * receipt takes their place on top of the screen that led here. */
	app_back_past(a, &scr_form);
	scr_saved_open(a, form, saved);
	return 0;
}

/* Send saves the request; correct goes back to the first step. */
static void review_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	struct review *r = f->data;
	char *cause = NULL;

	if (it->action == ACT_EDIT) {
		r->st->step = 0;
		r->st->focus = 0;
		app_back(a);
		return;
	}
	switch (save(a, r->st, now, &cause)) {
	case 0:
		return;
	case -2:
		app_format(a, r->error, sizeof r->error,
			   N_("Trạm đang bận, hồ sơ CHƯA được lưu. Xin chờ một lát rồi bấm Gửi lần nữa."),
			   0);
		break;
	default:
		app_format(a, r->error, sizeof r->error,
			   N_("Trạm đang gặp sự cố lưu trữ, hồ sơ CHƯA được lưu. Xin báo cán bộ xã, "
			      "rồi bấm Gửi lần nữa."),
			   0);
		break;
	}
	log_write("a request was not saved: %s", cause);
	free(cause);
	app_touch(a);
}

/* Frees the review (the answers belong to the form frame). */
static void review_done(struct frame *f)
{
	if (f->data != NULL)
		wipe(f->data, sizeof(struct review));
	free(f->data);
}

const struct frame_ops scr_review = {
	.title = review_title,
	.items = review_items,
	.columns = review_columns,
	.draw = review_draw,
	.choose = review_choose,
	.done = review_done,
};

void scr_review_open(struct app *a, struct form_state *st)
{
	struct review *r = xcalloc(1, sizeof *r);

	r->st = st;
	app_push(a, &scr_review, NULL, NULL, r);
}
