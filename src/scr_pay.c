/* Paying a fee by VietQR: the villager types or scans the receipt code of
 * a request saved at this booth, and sees the procedure, the amount
 * published for it and a VietQR code (the commune's account from the
 * [payment] settings, the receipt code as the purpose) to scan with a
 * banking app. The code shows on screen when the terminal holds it, at
 * error correction M or else L (a VietQR code is 33 to 37 modules a side,
 * 21 or 23 rows with its quiet zone); otherwise the payment slip is
 * printed at once. The slip (`kioskctl payslip CODE` in the background) is
 * always offered. A free procedure has nothing to pay; a fee that is not a
 * published plain amount is told at the counter and gets no code, since a
 * code without an amount would let any amount through. Without bank
 * settings the screen only says that payment is not available here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "job.h"
#include "money.h"
#include "payment.h"
#include "qr.h"
#include "rcode.h"
#include "receipt.h"
#include "scr.h"
#include "util.h"
#include "vietqr.h"

#define HIT_FIELD 1
#define HIT_PRINT 2
#define HIT_BACK 3
#define HIT_KEY 1000
#define TEXT_MIN 38        /* columns the facts need beside the code */

struct pay_screen {
	int unavailable;       /* no (or wrong) bank settings */
	struct entry entry;
	const char *problem;   /* message id under the field */
	int found;             /* pay holds the request */
	struct payment pay;
	struct qr qr[2];       /* the payment code at level M, then L */
	int has_qr;
	int shown;             /* the last picture showed the code; -1 not drawn yet */
	struct job print;      /* `kioskctl payslip CODE` in the background */
	enum { PRINT_NONE, PRINT_BUSY, PRINT_DONE, PRINT_FAILED } printing;
};

/* The state, made on first use. */
static struct pay_screen *state(struct app *a, struct frame *f)
{
	struct pay_screen *p = f->data;
	char *cause = NULL;

	if (p == NULL) {
		p = f->data = xcalloc(1, sizeof *p);
		p->unavailable = vietqr_check(app_env(a)->cfg, &cause) != 0;
		free(cause);
		app_entry(a, &p->entry, 40, FIELD_DIGITS, VI_NONE);
		p->print.fd = -1;
	}
	return p;
}

/* The label of the choice that led here. */
static const char *pay_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* True when the booth has a printer for the slip. */
static int can_print(const struct app *a)
{
	return app_env(a)->cfg->printer_type != PRINTER_NONE;
}

/* Makes the payment code of a found request with an amount. */
static void make_code(struct app *a, struct pay_screen *p)
{
	char *cause = NULL, *payload;

	payload = vietqr_payload(app_env(a)->cfg, p->pay.amount, p->pay.code, &cause);
	if (payload && qr_encode_ascii(&p->qr[0], payload, QR_LEVEL_M, &cause) == 0) {
		if (qr_encode_ascii(&p->qr[1], payload, QR_LEVEL_L, &cause) == 0)
			p->has_qr = 1;
		else
			qr_free(&p->qr[0]);
	}
	free(cause);
	free(payload);
}

/* Looks up the code typed or scanned. */
static void look_up(struct app *a, struct pay_screen *p)
{
	char code[RCODE_LEN + 1], *cause = NULL;
	int r;

	p->problem = NULL;
	if (rcode_parse(entry_text(&p->entry), code) != 0) {
		p->problem = N_("Mã này chưa đúng. Xin xem lại mã trên phiếu biên nhận.");
		return;
	}
	r = app_db(a) ? payment_find(app_db(a), app_catalog(a), code, &p->pay, &cause) : -1;
	free(cause);
	if (r != 1) {
		p->problem = r == 0 ? N_("Trạm này không có hồ sơ mang mã này. Chỉ nộp phí được cho hồ sơ đã nộp ở trạm này.")
				    : N_("Trạm chưa đọc được hồ sơ. Xin thử lại hoặc nhờ cán bộ xã.");
		return;
	}
	p->found = 1;
	p->shown = -1;
	if (p->pay.amount > 0)
		make_code(a, p);
	app_touch(a);
}

/* Starts printing the slip in the background. */
static void start_print(struct app *a, struct pay_screen *p)
{
	if (!p->has_qr || !can_print(a) || p->printing == PRINT_BUSY)
		return;
	p->printing = app_job(a, &p->print, "payslip", p->pay.code, NULL) == 0 ? PRINT_BUSY
									     : PRINT_FAILED;
	app_touch(a);
}

/* "Label  value" on row y, w columns wide. */
static void fact(struct app *a, struct canvas *c, int y, int w, const char *label,
		 const char *value, enum attr at)
{
	char line[512];

	snprintf(line, sizeof line, "%s  %s", app_tr(a, label), value);
	canvas_text(c, y, 2, line, at, w);
}

/* The code's picture at the right, when the screen holds it; returns the
 * columns left for the facts. */
static int draw_code(struct pay_screen *p, struct canvas *c)
{
	const struct qr *q = NULL;
	char **lines;
	int i, k, x, y;

	p->shown = 0;
	for (k = 0; k < 2 && p->has_qr && q == NULL; k++)
		if (qr_text_rows(&p->qr[k]) <= c->rows - 3 &&
		    c->cols - qr_text_cols(&p->qr[k]) - 1 >= TEXT_MIN)
			q = &p->qr[k];
	if (q == NULL)
		return c->cols - 4;
	/* Under the title's rule when there is room, else over it. */
	y = qr_text_rows(q) <= c->rows - 4 ? 2 : 1;
	x = c->cols - qr_text_cols(q) - 1;
	lines = qr_text(q, QR_INK_DARK);
	for (i = 0; i < qr_text_rows(q); i++)
		canvas_text(c, y + i, x, lines[i], ATTR_QR, qr_text_cols(q));
	free(lines);
	p->shown = 1;
	return x - 4;
}

/* What is paid, to whom, and how. */
static int draw_found(struct app *a, struct pay_screen *p, struct canvas *c, int y)
{
	const struct config *cfg = app_env(a)->cfg;
	int w = draw_code(p, c), by = c->rows - 2 - 3, bx = 1;
	char *amount;

	fact(a, c, y++, w, N_("Mã biên nhận:"), p->pay.code, ATTR_KEY);
	canvas_text(c, y++, 2, app_tr(a, N_("Thủ tục:")), ATTR_NORMAL, w);
	y += canvas_wrap(c, y, 4, w - 2, 3, p->pay.procedure, ATTR_NORMAL);
	if (p->pay.amount == 0) {
		y++;
		canvas_wrap(c, y, 2, w, 3, app_tr(a, N_("Thủ tục này miễn phí. Bạn không phải nộp tiền.")),
			    ATTR_OK);
	} else if (p->pay.amount == PAYMENT_UNKNOWN) {
		fact(a, c, y++, w, N_("Lệ phí:"), p->pay.fee ? p->pay.fee : app_tr(a, N_("chưa công bố")),
		     ATTR_NORMAL);
		y++;
		canvas_wrap(c, y, 2, w, 4,
			    app_tr(a, N_("Số tiền cần nộp sẽ do cán bộ một cửa ở xã báo cho bạn. Trạm không tạo mã QR khi chưa biết đúng số tiền.")),
			    ATTR_NORMAL);
	} else {
		amount = money_text(p->pay.amount, NULL);
		fact(a, c, y++, w, N_("Số tiền:"), amount, ATTR_KEY);
		free(amount);
		if (cfg->payment_bank_name[0])
			fact(a, c, y++, w, N_("Ngân hàng:"), cfg->payment_bank_name, ATTR_NORMAL);
		fact(a, c, y++, w, N_("Số tài khoản:"), cfg->payment_account, ATTR_NORMAL);
		if (cfg->payment_account_name[0])
			fact(a, c, y++, w, N_("Chủ tài khoản:"), cfg->payment_account_name, ATTR_NORMAL);
		fact(a, c, y++, w, N_("Nội dung:"), p->pay.code, ATTR_NORMAL);
		y++;
		if (p->shown)
			y += canvas_wrap(c, y, 2, w, 2,
					 app_tr(a, N_("Mở ứng dụng ngân hàng, quét mã QR bên cạnh để chuyển khoản.")),
					 ATTR_NORMAL);
		else if (!p->has_qr)
			y += canvas_wrap(c, y, 2, w, 2, app_tr(a, N_("Trạm chưa tạo được mã QR. Xin nhờ cán bộ xã.")),
					 ATTR_ALERT);
		else if (can_print(a))
			y += canvas_wrap(c, y, 2, w, 2,
					 app_tr(a, N_("Màn hình nhỏ, không hiện được mã QR: mã được in trên phiếu nộp phí.")),
					 ATTR_NORMAL);
		else
			y += canvas_wrap(c, y, 2, w, 2,
					 app_tr(a, N_("Màn hình nhỏ, không hiện được mã QR. Xin nhờ cán bộ xã.")),
					 ATTR_ALERT);
		if (p->printing != PRINT_NONE)
			canvas_wrap(c, y, 2, w, 2,
				    app_tr(a, p->printing == PRINT_BUSY ? N_("Phiếu nộp phí đang được in.")
					    : p->printing == PRINT_DONE ? N_("Đã in xong phiếu nộp phí, mời bạn lấy phiếu.")
					    : N_("Máy in chưa in được phiếu. Xin nhờ cán bộ xã in lại.")),
				    p->printing == PRINT_FAILED ? ATTR_ALERT : ATTR_NORMAL);
		if (p->has_qr && can_print(a)) {
			view_button(a, c, by, bx, 3, 21, app_tr(a, N_("1  In phiếu nộp phí")), HIT_PRINT);
			bx += 22;
		}
	}
	view_button(a, c, by, bx, 3, 15, app_tr(a, N_("0  Quay lại")), HIT_BACK);
	return c->rows; /* its own buttons */
}

/* The field, or what the code found. */
static int pay_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct pay_screen *p = state(a, f);

	(void)now;
	if (p->unavailable) {
		y++;
		y += canvas_wrap(c, y, 2, c->cols - 4, 3,
				 app_tr(a, N_("Trạm này chưa nhận nộp phí bằng mã QR.")), ATTR_NORMAL);
		y += canvas_wrap(c, y, 2, c->cols - 4, 3,
				 app_tr(a, N_("Xin nộp phí tại bộ phận một cửa của xã.")), ATTR_NORMAL);
		return y + 1;
	}
	if (p->found)
		return draw_found(a, p, c, y);
	if (p->entry.osk_open) {
		view_entry(a, c, &p->entry, y - 1, 1, c->cols - 2, HIT_FIELD);
		view_osk(a, c, &p->entry, y + 2, c->rows - 2 - (y + 2), HIT_KEY);
		return c->rows;
	}
	canvas_text(c, y, 2, app_tr(a, N_("Gõ mã biên nhận, hoặc quét mã QR trên phiếu:")),
		    ATTR_NORMAL, c->cols - 4);
	view_entry(a, c, &p->entry, y + 1, 1, c->cols - 2, HIT_FIELD);
	y += 5;
	if (p->problem)
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, app_tr(a, p->problem), ATTR_ALERT);
	return y + 1;
}

/* The field takes the code; once found, 1 prints the slip. */
static int pay_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct pay_screen *p = state(a, f);
	enum entry_result r;

	(void)now;
	if (p->unavailable)
		return 0;
	if (p->found) {
		if (key != '1' || !p->has_qr || !can_print(a))
			return 0;
		start_print(a, p);
		return 1;
	}
	app_touch(a);
	r = entry_key(&p->entry, key);
	if (r == ENTRY_DONE)
		look_up(a, p);
	else if (r == ENTRY_CHANGED)
		p->problem = NULL;
	return r != ENTRY_UNUSED || key == AK_ENTER;
}

/* The field, its keyboard, and the buttons. */
static void pay_tap(struct app *a, struct frame *f, int index, time_t now)
{
	struct pay_screen *p = state(a, f);

	(void)now;
	if (index == HIT_BACK) {
		app_back(a);
		return;
	}
	if (index == HIT_PRINT)
		start_print(a, p);
	else if (index == HIT_FIELD && p->entry.mode == ENTRY_TOUCH)
		p->entry.osk_open = 1;
	else if (index >= HIT_KEY && entry_osk(&p->entry, index - HIT_KEY) == ENTRY_DONE)
		look_up(a, p);
	app_touch(a);
}

/* A scanned receipt QR: the code, or a lookup URL ending in it. */
static void pay_scan(struct app *a, struct frame *f, const char *text, time_t now)
{
	struct pay_screen *p = state(a, f);

	(void)now;
	if (p->unavailable || p->found)
		return;
	field_set(&p->entry.field, receipt_qr_code(text));
	look_up(a, p);
}

/* Prints the slip when the screen could not show the code; picks up how
 * the printing went. */
static void pay_tick(struct app *a, struct frame *f, time_t now)
{
	struct pay_screen *p = f->data;

	(void)now;
	if (p == NULL || !p->found)
		return;
	if (p->has_qr && p->shown == 0 && p->printing == PRINT_NONE && can_print(a))
		start_print(a, p);
	if (p->printing == PRINT_BUSY && job_poll(&p->print)) {
		p->printing = p->print.status == 0 ? PRINT_DONE : PRINT_FAILED;
		app_touch(a);
	}
}

/* The printing job's pipe, while it prints. */
static int pay_job_fd(const struct frame *f)
{
	const struct pay_screen *p = f->data;

	return p && p->printing == PRINT_BUSY ? p->print.fd : -1;
}

/* What the keys do here. */
static const char *pay_hint(const struct app *a, const struct frame *f)
{
	const struct pay_screen *p = f->data;

	if (p == NULL || p->unavailable)
		return N_("Bấm 0 để quay lại");
	if (!p->found)
		return N_("Gõ mã rồi bấm {ok} · Xoá hết để quay lại");
	return p->has_qr && can_print(a) ? N_("Bấm 1 để in phiếu, 0 để quay lại")
					 : N_("Bấm 0 để quay lại");
}

/* Wipes the code; a slip still printing finishes on its own. */
static void pay_done(struct frame *f)
{
	struct pay_screen *p = f->data;

	if (p == NULL)
		return;
	if (p->printing == PRINT_BUSY && !job_poll(&p->print))
		job_detach(&p->print);
	if (p->has_qr) {
		qr_free(&p->qr[0]);
		qr_free(&p->qr[1]);
	}
	payment_free(&p->pay);
	entry_free(&p->entry);
	wipe(p, sizeof *p);
	free(p);
}

const struct frame_ops scr_pay = {
	.title = pay_title,
	.draw = pay_draw,
	.key = pay_key,
	.tap = pay_tap,
	.hint = pay_hint,
	.done = pay_done,
	.tick = pay_tick,
	.scan = pay_scan,
	.job_fd = pay_job_fd,
	.clock = 1,
};

void scr_pay_open(struct app *a, const char *code)
{
	struct pay_screen *p;

	app_push(a, &scr_pay, NULL, N_("Nộp phí bằng mã QR"), NULL);
	p = state(a, app_top(a));
	if (p->unavailable)
		return;
	field_set(&p->entry.field, code);
	look_up(a, p);
}
