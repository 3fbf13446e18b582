/* The 2025 commune proposed for a scanned ID card's old address: "Xã Hành
 * Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi → nay là Xã Đình Cương, Tỉnh
 * Quảng Ngãi". One key or touch takes it (the village or street part of
 * the card's address kept); an old commune that was split offers the two
 * or three communes it went into; "Chọn xã khác" asks for the address
 * picker with the village part kept, and "0" leaves the address as on the
 * card. The answer goes to the caller's function (scr.h), which fills its
 * field: this screen knows nothing of forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "i18n.h"
#include "oldaddr.h"
#include "scr.h"
#include "util.h"

#define PICK_OTHER (-2)

struct offer {
	scr_oldaddr_fn *done;   /* told the answer */
	void *arg;
	struct oldaddr m;
	char label[OLDADDR_MAX][160];
};

/* Wipes and frees a villager's text; NULL is ignored. */
static void wipe_text(char *s)
{
	if (s)
		wipe(s, strlen(s));
	free(s);
}

/* "Địa chỉ trên thẻ là địa chỉ cũ". */
static const char *offer_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Địa chỉ trên thẻ là địa chỉ cũ");
}

/* One box per 2025 commune, then the picker. */
static int offer_items(const struct app *a, const struct frame *f, struct item *out)
{
	const struct offer *o = f->data;
	size_t i;

	(void)a;
	if (o->m.nnow == 1) {
		out[0] = (struct item){ '1', N_("Đúng, ghi địa chỉ mới"), 0 };
		out[1] = (struct item){ '2', N_("Chọn xã khác"), PICK_OTHER };
		return 2;
	}
	for (i = 0; i < o->m.nnow; i++)
		out[i] = (struct item){ (char)('1' + i), o->label[i], (int)i };
	out[i] = (struct item){ (char)('1' + i), N_("Chọn xã khác"), PICK_OTHER };
	return (int)i + 1;
}

/* The old commune's name (or "Xã, phường trên thẻ" when the card's could
 * be either of two), then "→ nay là" the 2025 one, or "→ nay thuộc một
 * trong" for several. */
static void arrow_lines(const struct app *a, const struct offer *o, char *old, char *now,
			size_t size)
{
	char *was = oldaddr_old_name(o->m.was[0]);

	snprintf(old, size, "%s", o->m.nold == 1 ? was : app_tr(a, N_("Xã, phường trên thẻ")));
	if (o->m.nnow == 1)
		snprintf(now, size, "%s %s, %s", app_tr(a, N_("→ nay là")), o->m.now[0]->name,
			 o->m.now[0]->province->name);
	else
		snprintf(now, size, "%s", app_tr(a, N_("→ nay thuộc một trong các xã, phường dưới đây.")));
	free(was);
}

/* What the card says, what it is now, and the question. */
static int offer_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct offer *o = f->data;
	char old[256], line[256], *value;

	(void)now;
	y += canvas_wrap(c, y, 2, c->cols - 4, 2,
			 app_tr(a, N_("Thẻ của bạn ghi địa chỉ trước ngày 1/7/2025, khi xã chưa sáp nhập.")),
			 ATTR_NORMAL);
	y++;
	arrow_lines(a, o, old, line, sizeof line);
	y += canvas_wrap(c, y, 2, c->cols - 4, 2, old, ATTR_KEY);
	y += canvas_wrap(c, y, 2, c->cols - 4, 2, line, ATTR_KEY) + 1;
	if (o->m.nnow == 1) {
		canvas_text(c, y++, 2, app_tr(a, N_("Địa chỉ sẽ ghi vào đơn:")), ATTR_DIM, c->cols - 4);
		value = oldaddr_value(&o->m, 0);
		y += canvas_wrap(c, y, 4, c->cols - 6, 2, value, ATTR_NORMAL);
		free(value);
	} else {
		y += canvas_wrap(c, y, 2, c->cols - 4, 2,
				 app_tr(a, N_("Bấm số của xã, phường nơi bạn ở bây giờ.")), ATTR_NORMAL);
	}
	return y + 1;
}

/* Takes 2025 commune i, or asks for the picker with the village part
 * kept; either way the offer leaves first and done hears the answer. */
static void offer_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	struct offer *o = f->data;
	scr_oldaddr_fn *done = o->done;
	void *arg = o->arg;
	const struct catalog_unit *province = o->m.now[0]->province; /* the catalog's */
	char *value = NULL, *kept = NULL;

	(void)now;
	if (it->action == PICK_OTHER)
		kept = xstrdup(o->m.kept);
	else
		value = oldaddr_value(&o->m, (size_t)it->action);
	app_back(a); /* frees o */
	done(a, arg, value, kept, province);
	wipe_text(value);
	wipe_text(kept);
}

/* Two columns when there are several communes, so that all fit. */
static int offer_columns(const struct app *a, const struct frame *f)
{
	const struct offer *o = f->data;

	(void)a;
	return o->m.nnow > 1 ? 2 : 1;
}

/* Wipes the card's address. */
static void offer_done(struct frame *f)
{
	struct offer *o = f->data;

	wipe_text(o->m.kept);
	o->m.kept = NULL;
	oldaddr_free(&o->m);
	wipe(o, sizeof *o);
	free(o);
}

/* What the keys do here. */
static const char *offer_hint(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Bấm số để chọn · 0: giữ địa chỉ như trên thẻ");
}

static const struct frame_ops scr_oldaddr = {
	.title = offer_title,
	.items = offer_items,
	.columns = offer_columns,
	.draw = offer_draw,
	.choose = offer_choose,
	.hint = offer_hint,
	.done = offer_done,
};

int scr_oldaddr_offer(struct app *a, const char *address, scr_oldaddr_fn *done, void *arg)
{
	struct offer *o = xcalloc(1, sizeof *o);
	struct catalog *cat = app_catalog(a);
	size_t i;

	if (cat == NULL || oldaddr_resolve(cat, address, &o->m) == 0) {
		offer_done(&(struct frame){ .data = o });
		return 0;
	}
	for (i = 0; i < o->m.nnow; i++)
		if (o->m.nold > 1)
			snprintf(o->label[i], sizeof o->label[i], "%s (%s %s)", o->m.now[i]->name,
				 app_tr(a, N_("trước đây:")), o->m.was[i]->name);
		else
			snprintf(o->label[i], sizeof o->label[i], "%s", o->m.now[i]->name);
	o->done = done;
	o->arg = arg;
	app_push(a, &scr_oldaddr, NULL, NULL, o);
	return 1;
}
