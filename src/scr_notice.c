/* A service that is not in this version yet: a polite note and "back".
 * The frame's title is the label of the choice that led here. */
#include "i18n.h"
#include "scr.h"

/* The choice's label. */
static const char *notice_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* The note. */
static int notice_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	(void)f;
	(void)now;
	y++;
	y += canvas_wrap(c, y, 2, c->cols - 4, 4,
			 app_tr(a, N_("Phần này đang được chuẩn bị, sẽ có trong bản cập nhật tới.")),
			 ATTR_NORMAL);
	y += canvas_wrap(c, y, 2, c->cols - 4, 4,
			 app_tr(a, N_("Xin lỗi bạn. Cán bộ một cửa ở xã sẽ giúp bạn việc này.")),
			 ATTR_NORMAL);
	return y + 1;
}

const struct frame_ops scr_notice = {
	.title = notice_title,
	.draw = notice_draw,
	.clock = 1,
};
