/* The commune's announcements: those shown today, newest first, as
 * numbered boxes; each opens a page with its dates and text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "i18n.h"
#include "scr.h"
#include "text.h"
#include "util.h"

#define HIT_UP 1
#define HIT_DOWN 2

struct news {
	struct announcement_list *list;   /* NULL when there is no catalog */
};

/* An announcement's page: what it shows and how far it is scrolled. */
struct news_page {
	const struct announcement *an;    /* in the list frame below this one */
	int top, rows, total;
};

/* Today's announcements, read once per visit. */
static struct news *news(struct app *a, struct frame *f, time_t now)
{
	struct news *n = f->data;

	if (n == NULL) {
		struct catalog *cat = app_catalog(a);
		struct tm tm;
		char date[16], *cause = NULL;

		n = f->data = xcalloc(1, sizeof *n);
		localtime_r(&now, &tm);
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
		n->list = cat ? catalog_announcements_get(cat, date, &cause) : NULL;
		free(cause);
	}
	return n;
}

/* The label of the choice that led here. */
static const char *news_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* One box per announcement (at most nine). */
static int news_items(const struct app *a, const struct frame *f, struct item *out)
{
	const struct news *n = f->data;
	size_t i;

	(void)a;
	if (n == NULL || n->list == NULL)
		return 0;
	for (i = 0; i < n->list->n && i < 9; i++)
		out[i] = (struct item){ (char)('1' + i), n->list->items[i].title, (int)i };
	return (int)i;
}

/* A line when there is nothing to read. */
static int news_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct news *n = news(a, f, now);

	if (n->list == NULL || n->list->n == 0)
		canvas_wrap(c, y + 1, 2, c->cols - 4, 3,
			    app_tr(a, N_("Hiện xã chưa có thông báo nào.")), ATTR_NORMAL);
	return y;
}

/* Opens an announcement's page. */
static void news_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	struct news *n = f->data;
	struct news_page *pg = xcalloc(1, sizeof *pg);

	(void)now;
	pg->an = &n->list->items[it->action];
	app_push(a, &scr_news_page, NULL, pg->an->title, pg);
}

/* Frees the list. */
static void news_done(struct frame *f)
{
	struct news *n = f->data;

	if (n == NULL)
		return;
	announcement_list_free(n->list);
	free(n);
}

/* One column: titles are long. */
static int news_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return 1;
}

const struct frame_ops scr_news = {
	.title = news_title,
	.items = news_items,
	.columns = news_columns,
	.draw = news_draw,
	.choose = news_choose,
	.done = news_done,
	.clock = 1,
};

/* The announcement's title. */
static const char *page_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* An announcement's day ("YYYY-MM-DD") as the language writes dates, into
 * out (size bytes); as it is when it is not a date. */
static void day_text(const struct app *a, const char *iso, char *out, size_t size)
{
	struct date d;

	if (date_parse(iso, &d) == 0)
		app_date(a, d, 1, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* Its dates, then its text word-wrapped from line top, and ▲ ▼. */
static int page_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct news_page *pg = f->data;
	struct canvas body = { 0 };
	int bottom = c->rows - 2 - 3, w = c->cols - 4 - 15, i;
	char line[160], from[48], to[48], *clean, *p, *nl;

	(void)now;
	day_text(a, pg->an->from, from, sizeof from);
	day_text(a, pg->an->to, to, sizeof to);
	snprintf(line, sizeof line, "%s %s %s %s", app_tr(a, N_("Từ ngày")), from,
		 app_tr(a, N_("đến ngày")), to);
	canvas_text(c, y, 2, line, ATTR_DIM, c->cols - 4);
	y += 2;
	clean = text_sanitize(pg->an->body, 1);
	canvas_resize(&body, 500, w);
	pg->total = 0;
	for (p = clean; p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		pg->total += *p ? canvas_wrap(&body, pg->total, 0, w, 500 - pg->total, p, ATTR_NORMAL) : 1;
	}
	pg->rows = bottom - y;
	for (i = 0; i < pg->rows && pg->top + i < pg->total; i++) {
		char *row = canvas_row(&body, pg->top + i);

		canvas_text(c, y + i, 2, row, ATTR_NORMAL, w);
		free(row);
	}
	if (pg->top > 0)
		view_button(a, c, y, c->cols - 15, 3, 14, app_tr(a, N_("▲ Lên")), HIT_UP);
	if (pg->top + pg->rows < pg->total)
		view_button(a, c, bottom - 3, c->cols - 15, 3, 14, app_tr(a, N_("▼ Xem tiếp")), HIT_DOWN);
	canvas_free(&body);
	free(clean);
	return bottom;
}

/* Up and Down scroll (a keypad's *). */
static int page_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct news_page *pg = f->data;

	(void)now;
	return view_scroll(a, key, &pg->top, pg->rows, pg->total);
}

/* What the keys do here: scroll when the text does not fit. */
static const char *page_hint(const struct app *a, const struct frame *f)
{
	const struct news_page *pg = f->data;

	return pg->total > pg->rows ? view_scroll_hint(a) : N_("Bấm 0 để quay lại");
}

/* The ▲ ▼ buttons scroll. */
static void page_tap(struct app *a, struct frame *f, int index, time_t now)
{
	page_key(a, f, index == HIT_UP ? AK_UP : AK_DOWN, now);
}

/* Frees the page's state (the announcement belongs to the list). */
static void page_done(struct frame *f)
{
	free(f->data);
}

const struct frame_ops scr_news_page = {
	.title = page_title,
	.draw = page_draw,
	.key = page_key,
	.tap = page_tap,
	.hint = page_hint,
	.done = page_done,
	.clock = 1,
};
