/* A procedure's page (SCREENS.md "A procedure"): fee, time, where to
 * submit, the papers to bring, the ways to submit, the steps, conditions,
 * result and legal basis; scrolled with the arrows or the ▲ ▼ buttons.
 * The page is read from the catalog when the frame opens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "formdef.h"
#include "i18n.h"
#include "job.h"
#include "scr.h"
#include "text.h"
#include "money.h"
#include "util.h"

#define HIT_UP 1
#define HIT_DOWN 2
#define BUTTON_W 14

struct line {
	char *text;
	enum attr attr;
	int indent;
};

struct page {
	char *code;
	struct procedure *p;
	char *error;            /* why the page could not be read */
	struct line *line;      /* wrapped for width */
	int nlines, width;
	int top;                /* first line shown */
	int rows;               /* lines that fit, from the last draw */
	struct job print;       /* `kioskctl checklist CODE` in the background */
	enum { PRINT_NONE, PRINT_BUSY, PRINT_DONE, PRINT_FAILED } printing;
};

/* Appends one wrapped paragraph to the page. */
static void add(struct page *pg, const char *text, enum attr attr, int indent)
{
	struct canvas scratch = { 0 };
	/* Lines after the first of an indented paragraph hang 2 further in. */
	int w = pg->width - indent - (indent > 0 ? 2 : 0), rows, r;
	char *clean;

	if (text == NULL || *text == '\0')
		return;
	clean = text_sanitize(text, 0);
	canvas_resize(&scratch, 64, w);
	rows = canvas_wrap(&scratch, 0, 0, w, 64, clean, attr);
	for (r = 0; r < rows; r++) {
		char *row = canvas_row(&scratch, r);
		size_t n = strlen(row);

		while (n > 0 && row[n - 1] == ' ')
			row[--n] = '\0';
		pg->line = xrealloc(pg->line, sizeof *pg->line * (size_t)(pg->nlines + 1));
		pg->line[pg->nlines++] = (struct line){ row, attr, indent + (r > 0 && indent > 0 ? 2 : 0) };
	}
	canvas_free(&scratch);
	free(clean);
}

/* Appends a "Heading:" line (after a blank line). */
static void heading(struct app *a, struct page *pg, const char *msgid)
{
	add(pg, " ", ATTR_NORMAL, 0);
	add(pg, app_tr(a, msgid), ATTR_KEY, 0);
}

/* Frees the wrapped lines. */
static void lines_free(struct page *pg)
{
	int i;

	for (i = 0; i < pg->nlines; i++)
		free(pg->line[i].text);
	free(pg->line);
	pg->line = NULL;
	pg->nlines = 0;
}

/* The way a dossier is handed in, in words. */
static const char *way_name(const char *way)
{
	if (way == NULL)
		return NULL;
	if (strcmp(way, "direct") == 0)
		return N_("Nộp trực tiếp");
	if (strcmp(way, "online") == 0)
		return N_("Nộp trực tuyến");
	if (strcmp(way, "post") == 0)
		return N_("Gửi qua bưu điện");
	return NULL;
}

/* A paper as one line: name, originals and copies, its form. */
static void add_paper(struct app *a, struct page *pg, const struct procedure_paper *pp)
{
	char buf[1024], count[160] = "";
	const char *name = pp->name;

	/* The published lists often start items with a dash of their own. */
	while (name && (*name == '-' || *name == ' '))
		name++;
	if (pp->name == NULL) {
		snprintf(buf, sizeof buf, "• %s", pp->text ? pp->text : "");
		add(pg, buf, ATTR_NORMAL, 2);
		return;
	}
	if (pp->original > 0 && pp->copy > 0) {
		char o[64], c[64];

		app_format(a, o, sizeof o, N_("{n} bản chính"), pp->original);
		app_format(a, c, sizeof c, N_("{n} bản sao"), pp->copy);
		snprintf(count, sizeof count, " (%s, %s)", o, c);
	} else if (pp->original > 0) {
		char o[64];

		app_format(a, o, sizeof o, N_("{n} bản chính"), pp->original);
		snprintf(count, sizeof count, " (%s)", o);
	} else if (pp->copy > 0) {
		char c[64];

		app_format(a, c, sizeof c, N_("{n} bản sao"), pp->copy);
		snprintf(count, sizeof count, " (%s)", c);
	}
	snprintf(buf, sizeof buf, "• %s%s%s%s", name, count, pp->form ? " · " : "",
		 pp->form ? pp->form : "");
	add(pg, buf, ATTR_NORMAL, 2);
}

/* A channel's fee and time as the booth writes them (money.h, ptime.h;
 * a time it cannot read as published), into fee and time ("" for none). */
static void fee_and_time(const struct app *a, const struct procedure_channel *ch, char *fee,
			 char *time, size_t size)
{
	char *money = money_fee(app_env(a)->i18n, app_lang(a), ch->fee, ch->fee_vnd, ch->fee_note);

	snprintf(fee, size, "%s", money != NULL ? money : "");
	free(money);
	ptime_text(app_env(a)->i18n, app_lang(a), (struct ptime){ ch->days, ch->calendar }, time, size);
	if (time[0] == '\0' && ch->time != NULL)
		snprintf(time, size, "%s", ch->time);
}

/* Lays the page out for width columns. */
static void layout(struct app *a, struct page *pg, int width)
{
	const struct procedure *p = pg->p;
	char buf[1024], fee[256], time[256];
	size_t i;

	lines_free(pg);
	pg->width = width;
	snprintf(buf, sizeof buf, "%s %s · %s", app_tr(a, N_("Mã")), p->code, p->field ? p->field : "");
	add(pg, buf, ATTR_DIM, 0);
	for (i = 0; i < p->nchannels && i < 1; i++) {
		fee_and_time(a, &p->channels[i], fee, time, sizeof fee);
		if (fee[0]) {
			snprintf(buf, sizeof buf, "%s %s", app_tr(a, N_("Lệ phí:")), fee);
			add(pg, buf, ATTR_NORMAL, 0);
		}
		if (time[0]) {
			snprintf(buf, sizeof buf, "%s %s", app_tr(a, N_("Thời gian giải quyết:")), time);
			add(pg, buf, ATTR_NORMAL, 0);
		}
	}
	if (p->where) {
		snprintf(buf, sizeof buf, "%s %s", app_tr(a, N_("Nộp tại:")), p->where);
		add(pg, buf, ATTR_NORMAL, 0);
	}
	if (p->npapers > 0) {
		heading(a, pg, N_("Giấy tờ cần mang:"));
		for (i = 0; i < p->npapers; i++)
			add_paper(a, pg, &p->papers[i]);
	}
	if (p->nchannels > 0) {
		heading(a, pg, N_("Cách nộp, thời gian và lệ phí:"));
		for (i = 0; i < p->nchannels; i++) {
			const struct procedure_channel *ch = &p->channels[i];
			const char *way = way_name(ch->way);

			fee_and_time(a, ch, fee, time, sizeof fee);
			if (ch->text && !ch->time && !ch->fee)
				snprintf(buf, sizeof buf, "• %s", ch->text);
			else
				snprintf(buf, sizeof buf, "• %s%s%s%s%s", way ? app_tr(a, way) : "",
					 time[0] ? ": " : "", time, fee[0] ? " · " : "", fee);
			add(pg, buf, ATTR_NORMAL, 2);
			add(pg, ch->description, ATTR_DIM, 4);
		}
	}
	if (p->nsteps > 0) {
		heading(a, pg, N_("Các bước:"));
		for (i = 0; i < p->nsteps; i++) {
			snprintf(buf, sizeof buf, "%zu. %s", i + 1, p->steps[i]);
			add(pg, buf, ATTR_NORMAL, 2);
		}
	}
	if (p->conditions) {
		heading(a, pg, N_("Điều kiện:"));
		add(pg, p->conditions, ATTR_NORMAL, 2);
	}
	if (p->nresults > 0) {
		heading(a, pg, N_("Kết quả nhận được:"));
		for (i = 0; i < p->nresults; i++) {
			snprintf(buf, sizeof buf, "• %s", p->results[i]);
			add(pg, buf, ATTR_NORMAL, 2);
		}
	}
	if (p->nlegal > 0) {
		heading(a, pg, N_("Căn cứ pháp lý:"));
		for (i = 0; i < p->nlegal; i++) {
			const struct procedure_legal *l = &p->legal[i];

			snprintf(buf, sizeof buf, "• %s%s%s", l->code ? l->code : "",
				 l->code && l->name ? " " : "", l->name ? l->name : l->text ? l->text : "");
			add(pg, buf, ATTR_DIM, 2);
		}
	}
}

/* The page (read when the frame was opened). */
static struct page *page(struct app *a, struct frame *f)
{
	(void)a;
	return f->data;
}

/* The procedure's name. */
static const char *procedure_title(const struct app *a, const struct frame *f)
{
	const struct page *pg = f->data;

	(void)a;
	return pg->p ? pg->p->name : N_("Thủ tục");
}

/* The visible lines and the scroll buttons. */
static int procedure_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct page *pg = page(a, f);
	struct item items[ITEM_MAX + 1];
	int nboxes = app_items(a, items), width = c->cols - 4 - BUTTON_W - 1, i;
	int bottom = c->rows - 2 - (nboxes + 1) / 2 * 3; /* above two columns of boxes */

	(void)now;
	if (pg->p == NULL) {
		canvas_wrap(c, y + 1, 2, c->cols - 4, 3,
			    app_tr(a, N_("Không đọc được thủ tục này. Xin hỏi cán bộ xã.")), ATTR_ALERT);
		return y + 4;
	}
	if (width != pg->width)
		layout(a, pg, width);
	pg->rows = bottom - y - (pg->printing != PRINT_NONE ? 1 : 0);
	if (pg->top > pg->nlines - pg->rows)
		pg->top = pg->nlines - pg->rows > 0 ? pg->nlines - pg->rows : 0;
	for (i = 0; i < pg->rows && pg->top + i < pg->nlines; i++) {
		const struct line *l = &pg->line[pg->top + i];

		canvas_text(c, y + i, 2 + l->indent, l->text, l->attr, width - l->indent);
	}
	if (pg->printing != PRINT_NONE)
		canvas_text(c, bottom - 1, 2,
			    app_tr(a, pg->printing == PRINT_BUSY ? N_("Đang in danh sách giấy tờ...")
				    : pg->printing == PRINT_DONE ? N_("Đã in xong, mời bạn lấy giấy.")
				    : N_("Máy in chưa in được. Xin nhờ cán bộ xã giúp.")),
			    pg->printing == PRINT_FAILED ? ATTR_ALERT : ATTR_OK, width);
	if (pg->top > 0)
		view_button(a, c, y, c->cols - BUTTON_W - 1, 3, BUTTON_W, app_tr(a, N_("▲ Lên")), HIT_UP);
	if (pg->top + pg->rows < pg->nlines)
		view_button(a, c, bottom - 3, c->cols - BUTTON_W - 1, 3, BUTTON_W,
			    app_tr(a, N_("▼ Xem tiếp")), HIT_DOWN);
	return bottom;
}

/* Up and Down scroll (a keypad's *). */
static int procedure_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct page *pg = page(a, f);

	(void)now;
	return view_scroll(a, key, &pg->top, pg->rows, pg->nlines);
}

/* The ▲ ▼ buttons scroll. */
static void procedure_tap(struct app *a, struct frame *f, int index, time_t now)
{
	(void)now;
	procedure_key(a, f, index == HIT_UP ? AK_UP : AK_DOWN, now);
}

/* What the keys do here. */
static const char *procedure_hint(const struct app *a, const struct frame *f)
{
	(void)f;
	return view_scroll_hint(a);
}

/* Frees the page. */
static void procedure_done(struct frame *f)
{
	struct page *pg = f->data;

	if (pg == NULL)
		return;
	if (pg->printing == PRINT_BUSY && !job_poll(&pg->print))
		job_detach(&pg->print); /* it prints on; reaped later */
	lines_free(pg);
	procedure_free(pg->p);
	free(pg->error);
	free(pg->code);
	free(pg);
}

/* "Print the papers to bring" when the booth has a printer, and "submit
 * a request now" when it has the procedure's form. */
static int procedure_items(const struct app *a, const struct frame *f, struct item *out)
{
	const struct page *pg = f->data;
	int n = 0;

	if (pg->p && app_env(a)->cfg->printer_type != PRINTER_NONE)
		out[n++] = (struct item){ '1', N_("In danh sách giấy tờ"), 1 };
	if (formdef_find(app_env(a)->forms, pg->code) != NULL)
		out[n++] = (struct item){ '2', N_("Nộp yêu cầu ngay"), 2 };
	return n;
}

/* Two boxes side by side. */
static int procedure_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return 2;
}

/* Prints the checklist in the background, or opens the form. */
static void procedure_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	struct page *pg = f->data;

	(void)now;
	if (it->action == 2) {
		scr_form_open(a, formdef_find(app_env(a)->forms, pg->code));
		return;
	}
	if (pg->printing == PRINT_BUSY)
		return;
	pg->printing = app_job(a, &pg->print, "checklist", pg->code, NULL) == 0 ? PRINT_BUSY : PRINT_FAILED;
	app_touch(a);
}

/* Picks up how the printing went. */
static void procedure_tick(struct app *a, struct frame *f, time_t now)
{
	struct page *pg = f->data;

	(void)now;
	if (pg->printing == PRINT_BUSY && job_poll(&pg->print)) {
		pg->printing = pg->print.status == 0 ? PRINT_DONE : PRINT_FAILED;
		app_touch(a);
	}
}

/* The printing job's pipe, while it prints. */
static int procedure_job_fd(const struct frame *f)
{
	const struct page *pg = f->data;

	return pg->printing == PRINT_BUSY ? pg->print.fd : -1;
}

const struct frame_ops scr_procedure = {
	.title = procedure_title,
	.items = procedure_items,
	.columns = procedure_columns,
	.choose = procedure_choose,
	.draw = procedure_draw,
	.key = procedure_key,
	.tap = procedure_tap,
	.hint = procedure_hint,
	.done = procedure_done,
	.tick = procedure_tick,
	.job_fd = procedure_job_fd,
	.clock = 0,
};

void scr_procedure_open(struct app *a, const char *code)
{
	struct page *pg = xcalloc(1, sizeof *pg);
	struct catalog *cat = app_catalog(a);
	char *cause = NULL;

	pg->code = xstrdup(code);
	pg->print.fd = -1;
	pg->p = cat ? catalog_procedure_get(cat, code, &cause) : NULL;
	if (pg->p == NULL)
		pg->error = cause ? cause : xstrdup("no catalog");
	app_push(a, &scr_procedure, NULL, NULL, pg);
}
