/* The helper PIN: a masked field, messages after wrong tries, and a pad of
 * digits for touch screens. The right PIN replaces this frame with the
 * helper menu (screens/helper.screen). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "pin.h"
#include "scr.h"
#include "screendef.h"
#include "util.h"

struct pin_entry {
	char pin[PIN_MAX_DIGITS + 1];
	int len;
	char msg[256];             /* after a wrong PIN: translated text */
};

/* The pad's keys, in drawing order; '\b' deletes, '\n' confirms. */
static const char pad[] = "123456789\b0\n";

/* The frame's state, made on first use. */
static struct pin_entry *entry(struct frame *f)
{
	if (f->data == NULL)
		f->data = xcalloc(1, sizeof(struct pin_entry));
	return f->data;
}

/* The fixed title. */
static const char *pin_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Mở menu cán bộ");
}

/* Checks the typed PIN; opens the helper menu or says what went wrong. */
static void submit(struct app *a, struct pin_entry *e, time_t now)
{
	long n = 0;
	enum pin_result r = app_db(a) ? pin_check(app_db(a), e->pin, now, &n) : PIN_ERROR;

	wipe(e->pin, sizeof e->pin);
	e->len = 0;
	switch (r) {
	case PIN_OK:
		db_audit(app_db(a), "helper", "helper menu opened");
		app_replace(a, &scr_menu, screendef_find(app_env(a)->screens, "helper"), NULL, NULL);
		return;
	case PIN_WRONG:
		app_format(a, e->msg, sizeof e->msg, N_("Sai mã PIN. Còn {n} lần thử."), n);
		break;
	case PIN_LOCKED:
		app_format(a, e->msg, sizeof e->msg,
			   N_("Nhập sai nhiều lần nên đã khoá. Thử lại sau {n} phút."), (n + 59) / 60);
		break;
	case PIN_UNSET:
		app_format(a, e->msg, sizeof e->msg,
			   N_("Trạm chưa có mã PIN. Đặt mã bằng lệnh: kioskctl set-pin"), 0);
		break;
	case PIN_ERROR:
		app_format(a, e->msg, sizeof e->msg,
			   N_("Không đọc được dữ liệu của trạm. Xin thử lại."), 0);
		break;
	}
	app_touch(a);
}

/* Digits type, Backspace deletes (and leaves when empty), Enter checks.
 * Every key is used here: 0 is a digit of the PIN, not "back". */
static int pin_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct pin_entry *e = entry(f);

	if (key >= '0' && key <= '9') {
		if (e->len < PIN_MAX_DIGITS) {
			e->pin[e->len++] = (char)key;
			e->pin[e->len] = '\0';
		}
		e->msg[0] = '\0';
	} else if (key == AK_BACKSPACE) {
		if (e->len == 0) {
			app_back(a);
			return 1;
		}
		e->pin[--e->len] = '\0';
	} else if (key == AK_ENTER) {
		if (e->len > 0) {
			submit(a, e, now);
			return 1;
		}
	} else {
		return 0;
	}
	app_touch(a);
	return 1;
}

/* A touch on the pad: the same as its key. */
static void pin_tap(struct app *a, struct frame *f, int index, time_t now)
{
	char k = pad[index];

	pin_key(a, f, k == '\b' ? AK_BACKSPACE : k == '\n' ? AK_ENTER : (uint32_t)k, now);
}

/* The field and messages on the left, the pad on the right. */
static int pin_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct pin_entry *e = entry(f);
	int i, kw = 11, kh = 3, px = c->cols - 3 * (kw + 1) - 1;
	char dots[3 * PIN_MAX_DIGITS * 2 + 1] = "", text[256];

	(void)now;
	app_format(a, text, sizeof text, N_("Dành cho cán bộ hỗ trợ. Nhập mã PIN rồi bấm {ok}."), 0);
	canvas_wrap(c, y + 1, 2, px - 4, 3, text, ATTR_NORMAL);
	canvas_box(c, y + 4, 2, 3, 24, ATTR_BUTTON);
	for (i = 0; i < e->len; i++)
		strcat(dots, "● ");
	canvas_text(c, y + 5, 4, dots, ATTR_BUTTON, 20);
	canvas_wrap(c, y + 8, 2, px - 4, 4, e->msg, ATTR_ALERT);
	for (i = 0; pad[i]; i++) {
		char label[32];

		if (pad[i] == '\b')
			snprintf(label, sizeof label, "%s", app_tr(a, N_("Xoá")));
		else if (pad[i] == '\n')
			snprintf(label, sizeof label, "OK");
		else
			snprintf(label, sizeof label, "%c", pad[i]);
		view_button(a, c, y + 1 + (i / 3) * (kh + 1), px + (i % 3) * (kw + 1), kh, kw,
			    label, i);
	}
	return y + 1 + 4 * (kh + 1);
}

/* The footer's hint. */
static const char *pin_hint(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Bấm {ok} để xác nhận, bấm {del} để sửa");
}

/* Wipes the PIN typed so far. */
static void pin_done(struct frame *f)
{
	if (f->data != NULL) {
		wipe(f->data, sizeof(struct pin_entry));
		free(f->data);
	}
}

const struct frame_ops scr_pin = {
	.title = pin_title,
	.draw = pin_draw,
	.key = pin_key,
	.tap = pin_tap,
	.hint = pin_hint,
	.done = pin_done,
	.clock = 1,
};
