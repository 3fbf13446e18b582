/* The booth's state, for helpers (from the helper menu). */
#include <stdio.h>

#include "config.h"
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
	return y + 2;
}

const struct frame_ops scr_status = {
	.title = status_title,
	.draw = status_draw,
	.clock = 1,
};
