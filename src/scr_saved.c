/* After a request is saved (SCREENS.md "Saved, with the receipt"): its
 * receipt code, when it was saved, what happens next, and an optional
 * 1-5 rating (one key or one touch). "0" goes home. When the procedure
 * has a published fee the booth can take by VietQR (a plain amount, bank
 * settings), it says so and "6" pays it at once (the pay screen). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "formdef.h"
#include "i18n.h"
#include "job.h"
#include "payment.h"
#include "qr.h"
#include "scr.h"
#include "submit.h"
#include "util.h"
#include "vietqr.h"
#include "voice.h"

#define HIT_PAY 6

struct receipt_screen {
	const struct form *form;
	struct saved saved;
	int rated;                 /* the rating given, 0 none */
	struct qr qr;              /* the receipt code, to scan at any booth */
	int has_qr;
	struct job print;          /* `kioskctl reprint CODE` in the background */
	enum { PRINT_NONE, PRINT_BUSY, PRINT_DONE, PRINT_FAILED } printing;
	char *fee;                 /* the fee to pay here ("7.000 đồng"), or NULL */
};

/* "ĐÃ LƯU HỒ SƠ CỦA BẠN". */
static const char *saved_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("ĐÃ LƯU HỒ SƠ CỦA BẠN");
}

/* The five ratings, from unhappy to happy. */
static const char *const rating_words[] = {
	N_("Rất không hài lòng"), N_("Không hài lòng"), N_("Tạm được"),
	N_("Hài lòng"), N_("Rất hài lòng"),
};

/* The receipt's facts. */
static int saved_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct receipt_screen *r = f->data;
	char line[256], when[64];

	(void)now;
	if (r->has_qr) {
		char **lines = qr_text(&r->qr, QR_INK_DARK);
		int i, qx = c->cols - qr_text_cols(&r->qr) - 1;

		for (i = 0; lines && i < qr_text_rows(&r->qr); i++)
			canvas_text(c, y + i, qx, lines[i], ATTR_QR, qr_text_cols(&r->qr));
		free(lines);
	}
	snprintf(line, sizeof line, "%s  %s", app_tr(a, N_("Mã biên nhận:")), r->saved.receipt);
	canvas_text(c, y, 2, line, ATTR_KEY, c->cols - 36);
	snprintf(line, sizeof line, "%s  %s", app_tr(a, N_("Thủ tục:")), app_tr(a, r->form->title));
	canvas_text(c, y + 1, 2, line, ATTR_NORMAL, c->cols - 36);
	app_when(a, r->saved.at, when, sizeof when);
	snprintf(line, sizeof line, "%s  %s", app_tr(a, N_("Nộp lúc:")), when);
	canvas_text(c, y + 2, 2, line, ATTR_NORMAL, c->cols - 36);
	canvas_wrap(c, y + 3, 2, c->cols - 36, 2,
		    app_tr(a, app_booth(a)->online ? N_("Hồ sơ đang được gửi lên xã.")
					  : N_("Hồ sơ sẽ được gửi lên khi có mạng.")),
		    ATTR_NORMAL);
	canvas_wrap(c, y + 5, 2, c->cols - 36, 2,
		    app_tr(a, N_("Ghi lại mã biên nhận để xem kết quả hồ sơ ở trạm.")), ATTR_DIM);
	if (r->printing != PRINT_NONE)
		canvas_wrap(c, y + 7, 2, c->cols - 36, 2,
			    app_tr(a, r->printing == PRINT_BUSY ? N_("Phiếu biên nhận đang được in.")
				    : r->printing == PRINT_DONE ? N_("Đã in xong phiếu biên nhận, mời bạn lấy phiếu.")
				    : N_("Máy in chưa in được phiếu. Xin nhờ cán bộ xã in lại.")),
			    r->printing == PRINT_FAILED ? ATTR_ALERT : ATTR_NORMAL);
	if (r->fee) {
		snprintf(line, sizeof line, "%s %s · %s", app_tr(a, N_("Lệ phí:")), r->fee,
			 app_tr(a, N_("chưa nộp")));
		canvas_text(c, y + 9, 2, line, ATTR_KEY, c->cols - 36);
		/* Narrower rating buttons make room for it beside "home". */
		view_button(a, c, c->rows - 2 - 3, 1 + 5 * 7, 3, 20, app_tr(a, N_("6  Nộp phí ngay")), HIT_PAY);
	}
	if (r->rated) {
		char thanks[128];

		snprintf(thanks, sizeof thanks, "%s (%s)", app_tr(a, N_("Cảm ơn bạn đã góp ý!")),
			 app_tr(a, rating_words[r->rated - 1]));
		canvas_wrap(c, y + 10, 2, c->cols - 36, 2, thanks, ATTR_OK);
	} else {
		int i, by = c->rows - 2 - 3, step = r->fee ? 7 : 8;

		canvas_wrap(c, y + 10, 2, c->cols - 36, 2,
			    app_tr(a, N_("Bạn hài lòng không? 1 là không hài lòng, 5 là rất hài lòng:")),
			    ATTR_NORMAL);
		for (i = 0; i < 5; i++) {
			char k[2] = { (char)('1' + i), '\0' };

			view_button(a, c, by, 1 + i * step, 3, step - 1, k, i + 1);
		}
	}
	view_button(a, c, c->rows - 2 - 3, c->cols - (r->fee ? 23 : 26), 3, r->fee ? 22 : 25,
		    app_tr(a, N_("0  Về trang chủ")), 0);
	return c->rows; /* its own buttons */
}

/* A rating (1-5) is kept with the request's receipt code. */
static void rate(struct app *a, struct receipt_screen *r, int rating, time_t now)
{
	if (!r->rated && app_db(a) && db_rate(app_db(a), r->saved.receipt, rating, (long long)now) == 0)
		r->rated = rating;
	app_touch(a);
}

/* Opens the pay screen for this request's fee. */
static void pay_now(struct app *a, struct receipt_screen *r)
{
	char code[sizeof r->saved.receipt];

	memcpy(code, r->saved.receipt, sizeof code);
	app_touch(a);
	scr_pay_open(a, code);
}

/* Digits 1-5 rate; 6 pays the fee when there is one. */
static int saved_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct receipt_screen *r = f->data;

	if (key == '0' + HIT_PAY && r->fee) {
		pay_now(a, r);
		return 1;
	}
	if (key < '1' || key > '5')
		return 0;
	rate(a, r, (int)(key - '0'), now);
	return 1;
}

/* The rating buttons rate, "Nộp phí ngay" pays; the last one goes home. */
static void saved_tap(struct app *a, struct frame *f, int index, time_t now)
{
	struct receipt_screen *r = f->data;

	if (index == 0)
		app_home(a);
	else if (index == HIT_PAY && r->fee)
		pay_now(a, r);
	else if (index >= 1 && index <= 5)
		rate(a, r, index, now);
}

/* The way home, and to pay. */
static const char *saved_hint(const struct app *a, const struct frame *f)
{
	const struct receipt_screen *r = f->data;

	(void)a;
	return r->fee ? N_("Bấm 6 để nộp phí, 0 để về trang chủ") : N_("Bấm 0 để về trang chủ");
}

/* Picks up how the printing went. */
static void saved_tick(struct app *a, struct frame *f, time_t now)
{
	struct receipt_screen *r = f->data;

	(void)now;
	if (r->printing == PRINT_BUSY && job_poll(&r->print)) {
		r->printing = r->print.status == 0 ? PRINT_DONE : PRINT_FAILED;
		app_touch(a);
	}
}

/* The printing job's pipe, while it prints. */
static int saved_job_fd(const struct frame *f)
{
	const struct receipt_screen *r = f->data;

	return r->printing == PRINT_BUSY ? r->print.fd : -1;
}

/* Frees the receipt; a print still running finishes on its own. */
static void saved_done(struct frame *f)
{
	struct receipt_screen *r = f->data;

	if (r->printing == PRINT_BUSY && !job_poll(&r->print))
		job_detach(&r->print); /* the receipt still prints; reaped later */
	if (r->has_qr)
		qr_free(&r->qr);
	free(r->fee);
	wipe(r, sizeof *r);
	free(r);
}

/* The title, the receipt code digit by digit, and the day the result is
 * expected (when the procedure publishes its time). */
static void saved_say(struct app *a, struct frame *f, struct voice_text *v)
{
	struct receipt_screen *r = f->data;
	struct voice_env e;
	char *digits, *text, *day;
	struct date due;

	app_voice_env(a, &e);
	digits = voice_digits(&e, r->saved.receipt);
	voice_add_msg(v, &e, saved_title(a, f));
	text = xprintf("%s %s.", voice_tr(&e, N_("Mã biên nhận của bạn là:")), digits);
	voice_add(v, text);
	free(text);
	free(digits);
	if (r->saved.at > 0 &&
	    app_due_date(a, r->form->procedure, (long long)r->saved.at, &due) == 0) {
		day = voice_date(&e, due.year, due.month, due.day);
		text = xprintf("%s %s.", voice_tr(&e, N_("Ngày hẹn trả kết quả:")), day);
		voice_add(v, text);
		free(text);
		free(day);
	}
}

const struct frame_ops scr_saved = {
	.title = saved_title,
	.say = saved_say,
	.draw = saved_draw,
	.key = saved_key,
	.tap = saved_tap,
	.hint = saved_hint,
	.done = saved_done,
	.tick = saved_tick,
	.job_fd = saved_job_fd,
	.home_back = 1,
};

/* The fee of the saved request when the booth can take it by VietQR: a
 * published plain amount and bank settings that work. A new string or
 * NULL. */
static char *fee_to_pay(struct app *a, const char *code)
{
	struct payment pay;
	char *cause = NULL, *fee = NULL;

	if (app_db(a) == NULL || vietqr_check(app_env(a)->cfg, &cause) != 0) {
		free(cause);
		return NULL;
	}
	if (payment_find(app_db(a), app_catalog(a), code, &pay, &cause) == 1) {
		if (pay.amount > 0 && pay.fee != NULL)
			fee = xstrdup(pay.fee);
		payment_free(&pay);
	}
	free(cause);
	return fee;
}

void scr_saved_open(struct app *a, const struct form *form, struct saved *saved)
{
	struct receipt_screen *r = xcalloc(1, sizeof *r);
	char *cause = NULL;

	r->form = form;
	r->saved = *saved;
	free(saved);
	r->has_qr = qr_encode(&r->qr, r->saved.receipt, &cause) == 0;
	free(cause);
	r->print.fd = -1;
	r->fee = form->procedure ? fee_to_pay(a, r->saved.receipt) : NULL;
	if (app_env(a)->cfg->printer_type != PRINTER_NONE)
		r->printing = app_job(a, &r->print, "reprint", r->saved.receipt, NULL) == 0 ? PRINT_BUSY
											  : PRINT_FAILED;
	app_push(a, &scr_saved, NULL, NULL, r);
}
