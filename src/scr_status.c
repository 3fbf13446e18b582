/* The booth's state, for helpers (from the helper menu). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "scr.h"

/* The fixed title. */
static const char *status_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Tình trạng trạm");
}

/* One "label: value" line. */
static void status_line(struct app *a, struct canvas *c, int y, const char *label, const char *value)
{
	int w = canvas_text(c, y, 2, app_tr(a, label), ATTR_DIM, 30);

	canvas_text(c, y, 4 + (w < 28 ? 28 : w), value, ATTR_NORMAL, c->cols - 34);
}

/* The open calls for a helper: how many, since when; none, or unknown. */
static void status_calls(struct app *a, struct canvas *c, int y)
{
	long n = -1;
	long long oldest = 0;
	char *cause = NULL, when[64], buf[128];

	if (app_db(a) == NULL || calls_open(app_db(a), &n, &oldest, &cause) != 0) {
		free(cause);
		status_line(a, c, y, N_("Người dân gọi cán bộ"), "?");
		return;
	}
	app_when(a, (time_t)oldest, when, sizeof when);
	app_format(a, buf, sizeof buf, n > 0 ? N_("{n} lượt chờ, từ") : N_("không có"), n);
	if (n > 0)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %s", when);
	status_line(a, c, y, N_("Người dân gọi cán bộ"), buf);
}

/* The lines of the booth's state. */
static int status_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	const struct config *cfg = app_env(a)->cfg;
	char buf[64];

	(void)f;
	(void)now;
	status_line(a, c, ++y, N_("Phiên bản phần mềm"), KIOSK_VERSION);
	status_line(a, c, ++y, N_("Mã trạm"), cfg->booth_id);
	status_line(a, c, ++y, N_("Thư mục nội dung"), cfg->content_dir);
	status_line(a, c, ++y, N_("Thư mục dữ liệu"), cfg->state_dir);
	snprintf(buf, sizeof buf, "%ld", app_booth(a)->waiting);
	status_line(a, c, ++y, N_("Hồ sơ chờ gửi"), app_booth(a)->waiting < 0 ? "?" : buf);
	status_line(a, c, ++y, N_("Máy chủ nhận hồ sơ"),
		    cfg->upload_url[0] ? cfg->upload_url
				       : app_tr(a, N_("(chưa đặt, trạm chạy không mạng)")));
	status_line(a, c, ++y, N_("Máy in"), config_word("printer", "type", cfg->printer_type));
	status_calls(a, c, ++y);
	return y + 2;
}

/* "1  Đã đến hỗ trợ" answers the open calls, once a helper is there. */
static int status_items(const struct app *a, const struct frame *f, struct item *out)
{
	(void)a;
	(void)f;
	out[0] = (struct item){ '1', N_("Đã đến hỗ trợ người dân gọi"), 1 };
	return 1;
}

/* Marks every open call answered by the helper at the booth. */
static void status_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	char *cause = NULL;

	(void)f;
	(void)it;
	if (app_db(a) && calls_answer_all(app_db(a), (long long)now, "booth", &cause) > 0)
		db_audit(app_db(a), "helper", "helper calls answered at the booth");
	free(cause);
	app_touch(a);
}

const struct frame_ops scr_status = {
	.title = status_title,
	.draw = status_draw,
	.items = status_items,
	.choose = status_choose,
	.clock = 1,
};
