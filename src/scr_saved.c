/* After a request is saved (SCREENS.md "Saved, with the receipt"): its
 * receipt code, when it was saved, what happens next, and an optional
 * 1-5 rating (one key or one touch). "0" goes home. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
#include "db.h"
#include "formdef.h"
#include "i18n.h"
#include "submit.h"
#include "util.h"

struct receipt_screen {
	const struct form *form;
	struct saved saved;
	int rated;                 /* the rating given, 0 none */
};

/* "ĐÃ LƯU HỒ SƠ CỦA BẠN". */
static const char *saved_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("ĐÃ LƯU HỒ SƠ CỦA BẠN");
}

/* The five ratings, until one is given. */
static int saved_items(const struct app *a, const struct frame *f, struct item *out)
{
	static const char *const words[] = {
		N_("Rất không hài lòng"), N_("Không hài lòng"), N_("Tạm được"),
		N_("Hài lòng"), N_("Rất hài lòng"),
	};
	const struct receipt_screen *r = f->data;
	int i;

	(void)a;
	if (r->rated)
		return 0;
	for (i = 0; i < 5; i++)
		out[i] = (struct item){ (char)('1' + i), words[i], i + 1 };
	return 5;
}

/* Two columns of ratings. */
static int saved_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return 2;
}

/* The receipt's facts. */
static int saved_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct receipt_screen *r = f->data;
	char line[256];
	struct tm tm;

	(void)now;
	localtime_r(&r->saved.at, &tm);
	snprintf(line, sizeof line, "%s  %s", app_tr(a, N_("Mã biên nhận:")), r->saved.receipt);
	canvas_text(c, y, 2, line, ATTR_KEY, c->cols - 4);
	snprintf(line, sizeof line, "%s  %s", app_tr(a, N_("Thủ tục:")), app_tr(a, r->form->title));
	canvas_text(c, y + 1, 2, line, ATTR_NORMAL, c->cols - 4);
	snprintf(line, sizeof line, "%s  %02d:%02d %02d/%02d/%04d", app_tr(a, N_("Nộp lúc:")),
		 tm.tm_hour, tm.tm_min, tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
	canvas_text(c, y + 2, 2, line, ATTR_NORMAL, c->cols - 4);
	canvas_wrap(c, y + 3, 2, c->cols - 4, 2,
		    app_tr(a, a->st.online ? N_("Hồ sơ đang được gửi lên xã.")
					  : N_("Hồ sơ sẽ được gửi lên khi có mạng.")),
		    ATTR_NORMAL);
	canvas_wrap(c, y + 5, 2, c->cols - 4, 2,
		    app_tr(a, N_("Ghi lại mã biên nhận để xem kết quả hồ sơ ở trạm.")), ATTR_DIM);
	if (r->rated)
		canvas_text(c, y + 7, 2, app_tr(a, N_("Cảm ơn bạn đã góp ý!")), ATTR_OK, c->cols - 4);
	else
		canvas_text(c, y + 7, 2, app_tr(a, N_("Bạn hài lòng không? Bấm một số từ 1 đến 5:")),
			    ATTR_NORMAL, c->cols - 4);
	return y + 8;
}

/* A rating is kept with the request's receipt code. */
static void saved_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	struct receipt_screen *r = f->data;

	if (a->env.db && db_rate(a->env.db, r->saved.receipt, it->action, (long long)now) == 0)
		r->rated = it->action;
	app_touch(a);
}

/* The way home. */
static const char *saved_hint(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Bấm 0 để về trang chủ");
}

/* Frees the receipt. */
static void saved_done(struct frame *f)
{
	free(f->data);
}

const struct frame_ops scr_saved = {
	.title = saved_title,
	.items = saved_items,
	.columns = saved_columns,
	.draw = saved_draw,
	.choose = saved_choose,
	.hint = saved_hint,
	.done = saved_done,
	.home_back = 1,
};

void scr_saved_open(struct app *a, const struct form *form, struct saved *saved)
{
	struct receipt_screen *r = xcalloc(1, sizeof *r);

	r->form = form;
	r->saved = *saved;
	free(saved);
	app_push(a, &scr_saved, NULL, NULL, r);
}
