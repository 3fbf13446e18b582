/* A dossier's status by its receipt code, typed or scanned from the QR of
 * a receipt. What the booth knows shows at once (its status cache, and
 * whether it still holds the request itself); when the booth has a server
 * it also asks it in the background (`kioskctl dossier CODE --json`, see
 * docs/API.md) with a spinner that Backspace stops. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "catalog.h"
#include "clock.h"
#include "config.h"
#include "dossier.h"
#include "i18n.h"
#include "job.h"
#include "ptime.h"
#include "rcode.h"
#include "receipt.h"
#include "scr.h"
#include "spool.h"
#include "text.h"
#include "util.h"

#define HIT_FIELD 1
#define HIT_KEY 1000

struct lookup {
	struct entry entry;
	char code[DOSSIER_CODE_MAX];  /* the code looked up, "" before Enter */
	const char *problem;          /* message id when the code is wrong */
	char status[128];             /* what is known, empty when nothing */
	char note[512];
	long long updated_at, fetched_at;
	int from_server;              /* the server answered this lookup */
	char spool[16];               /* this booth's own request: waiting, sent ... */
	char procedure[256];          /* ... its procedure, "" when not this booth's */
	char submitted[16], due[16];  /* ... its dates (dd/mm/yyyy), "" unknown */
	struct job job;
	int asking, spin;
};

/* The state, made on first use. */
static struct lookup *lookup(struct app *a, struct frame *f)
{
	struct lookup *l = f->data;

	if (l == NULL) {
		l = f->data = xcalloc(1, sizeof *l);
		app_entry(a, &l->entry, 40, FIELD_DIGITS, VI_NONE);
		l->job.fd = -1;
	}
	return l;
}

/* The label of the choice that led here. */
static const char *dossier_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* The server's status words in the villager's words. */
static const char *status_words(const char *status)
{
	static const char *const map[][2] = {
		{ "received", N_("Đã tiếp nhận") },
		{ "processing", N_("Đang xử lý") },
		{ "supplement", N_("Cần bổ sung giấy tờ") },
		{ "ready", N_("Đã có kết quả, mời bạn đến nhận") },
		{ "done", N_("Đã trả kết quả") },
		{ "rejected", N_("Không giải quyết") },
		{ "withdrawn", N_("Đã rút hồ sơ") },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(status, map[i][0]) == 0)
			return map[i][1];
	return status;
}

/* dd/mm/yyyy of a date into out (16 bytes). */
static void date_text(struct date d, char *out)
{
	snprintf(out, 16, "%02d/%02d/%04d", d.day % 100, d.month % 100, d.year % 10000);
}

int app_due_date(struct app *a, const char *procedure_code, long long at, struct date *out)
{
	struct catalog *cat = app_catalog(a);
	struct procedure *page = NULL;
	char *cause = NULL, *path;
	struct calendar *cal;
	struct ptime t = { -1, 0 };

	if (cat && procedure_code && procedure_code[0])
		page = catalog_procedure_get(cat, procedure_code, &cause);
	free(cause);
	cause = NULL;
	if (page)
		t = procedure_time(page);
	procedure_free(page);
	if (t.days < 0 || !clock_known(at))
		return -1;
	path = xprintf("%s/%s", app_env(a)->cfg->content_dir, CALENDAR_FILE);
	cal = calendar_load(path, &cause);
	if (cal == NULL)
		cal = calendar_new(); /* no table: weekends only */
	*out = ptime_due(cal, date_of((time_t)at), t);
	calendar_free(cal);
	free(cause);
	free(path);
	return 0;
}

/* A request saved at this booth: its procedure (as the catalog names it),
 * the day it was saved and the day its result is expected (the published
 * processing time in working days, less the holidays), as far as known. */
static void read_request(struct app *a, struct lookup *l, const struct spool_item *item)
{
	struct catalog *cat = app_catalog(a);
	struct procedure *page = NULL;
	char *cause = NULL;
	struct date due;

	if (cat && item->procedure_code[0])
		page = catalog_procedure_get(cat, item->procedure_code, &cause);
	free(cause);
	snprintf(l->procedure, sizeof l->procedure, "%s",
		 page ? page->name : strcmp(item->kind, "feedback") == 0 ? N_("Phản ánh, kiến nghị") : "");
	procedure_free(page);
	if (!item->time_known || !clock_known(item->created_at))
		return; /* saved before the clock was set: no dates */
	date_text(date_of((time_t)item->created_at), l->submitted);
	if (app_due_date(a, item->procedure_code, item->created_at, &due) == 0)
		date_text(due, l->due);
}

/* What this booth itself knows: its cache and its own spool. */
static void read_local(struct app *a, struct lookup *l)
{
	struct dossier_status ds;
	struct spool_item item;
	char *cause = NULL;

	l->status[0] = l->note[0] = l->spool[0] = '\0';
	l->procedure[0] = l->submitted[0] = l->due[0] = '\0';
	l->from_server = 0;
	if (app_db(a) == NULL)
		return;
	if (dossier_status_get(app_db(a), l->code, &ds, &cause) == 1) {
		snprintf(l->status, sizeof l->status, "%s", ds.status);
		snprintf(l->note, sizeof l->note, "%s", ds.note ? ds.note : "");
		l->updated_at = ds.updated_at;
		l->fetched_at = ds.fetched_at;
		dossier_status_clear(&ds);
	}
	free(cause);
	cause = NULL;
	if (spool_find(app_db(a), l->code, &item, &cause) == 1) {
		snprintf(l->spool, sizeof l->spool, "%s", spool_state_name(item.state));
		read_request(a, l, &item);
		spool_item_free(&item);
	}
	free(cause);
}

/* Asks the server in the background, when the booth has one. */
static void ask_server(struct app *a, struct lookup *l)
{
	if (app_env(a)->cfg->upload_url[0] != '\0')
		l->asking = app_job(a, &l->job, "dossier", l->code, "--json") == 0;
}

/* Reads the answer of `kioskctl dossier --json`. */
static void read_answer(struct lookup *l)
{
	json_t *o = json_loads(l->job.out, 0, NULL), *v;

	if (o == NULL)
		return;
	if (json_is_true(json_object_get(o, "found")) &&
	    json_is_string(v = json_object_get(o, "status"))) {
		char *clean = text_sanitize(json_string_value(v), 0);

		snprintf(l->status, sizeof l->status, "%s", clean);
		free(clean);
		v = json_object_get(o, "note");
		clean = text_sanitize(json_is_string(v) ? json_string_value(v) : "", 0);
		snprintf(l->note, sizeof l->note, "%s", clean);
		free(clean);
		l->updated_at = json_is_integer(v = json_object_get(o, "updated_at")) ? json_integer_value(v) : -1;
		l->fetched_at = json_is_integer(v = json_object_get(o, "fetched_at")) ? json_integer_value(v) : 0;
	}
	l->from_server = json_is_true(json_object_get(o, "online"));
	if (json_is_string(v = json_object_get(o, "spool")))
		snprintf(l->spool, sizeof l->spool, "%s", json_string_value(v));
	json_decref(o);
}

/* Looks up the code typed. */
static void start_lookup(struct app *a, struct lookup *l)
{
	char tidy[DOSSIER_CODE_MAX];
	enum dossier_kind kind;

	job_cancel(&l->job);
	l->asking = 0;
	l->problem = NULL;
	if (rcode_parse(entry_text(&l->entry), l->code) != 0) {
		kind = dossier_code(entry_text(&l->entry), tidy, sizeof tidy);
		/* Ten digits are one of our receipts: a wrong check digit is a typo. */
		if (kind == DOSSIER_INVALID || strspn(tidy, "0123456789-") == strlen(tidy)) {
			l->code[0] = '\0';
			l->problem = N_("Mã này chưa đúng. Xin xem lại mã trên phiếu biên nhận.");
			return;
		}
		snprintf(l->code, sizeof l->code, "%s", tidy);
	}
	read_local(a, l);
	ask_server(a, l);
}

/* A date and time as dd/mm/yyyy hh:mm. */
static void when(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(out, size, "%d/%m/%Y %H:%M", &tm);
}

/* A request of this booth: procedure, day saved, day expected. Returns
 * the next free row. */
static int draw_request(struct app *a, const struct lookup *l, struct canvas *c, int y)
{
	const char *label[] = { N_("Thủ tục:"), N_("Ngày nộp:"), N_("Ngày hẹn trả kết quả (dự kiến):") };
	const char *value[] = { app_tr(a, l->procedure), l->submitted, l->due };
	char line[512];
	int i;

	for (i = 0; i < 3; i++) {
		if (*value[i] == '\0')
			continue;
		snprintf(line, sizeof line, "%s %s", app_tr(a, label[i]), value[i]);
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, line, ATTR_NORMAL);
	}
	return y;
}

/* The field, then what is known. */
static int dossier_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	static const char *const spinner[] = { "◐", "◓", "◑", "◒" };
	struct lookup *l = lookup(a, f);
	char line[768], t[32];

	(void)now;
	if (l->entry.osk_open) {
		view_entry(a, c, &l->entry, y - 1, 1, c->cols - 2, HIT_FIELD);
		view_osk(a, c, &l->entry, y + 2, c->rows - 2 - (y + 2), HIT_KEY);
		return c->rows;
	}
	canvas_text(c, y, 2, app_tr(a, N_("Gõ mã biên nhận, hoặc quét mã QR trên phiếu:")),
		    ATTR_NORMAL, c->cols - 4);
	view_entry(a, c, &l->entry, y + 1, 1, c->cols - 2, HIT_FIELD);
	y += 5;
	if (l->problem) {
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, app_tr(a, l->problem), ATTR_ALERT);
		return y + 1;
	}
	if (l->code[0] == '\0')
		return y;
	if (l->asking) {
		char asking[128];

		app_format(a, asking, sizeof asking, N_("Đang hỏi máy chủ... Bấm {del} để dừng."), 0);
		snprintf(line, sizeof line, "%s %s", spinner[l->spin % 4], asking);
		canvas_text(c, y++, 2, line, ATTR_DIM, c->cols - 4);
	}
	y = draw_request(a, l, c, y);
	if (l->status[0]) {
		snprintf(line, sizeof line, "%s %s", app_tr(a, N_("Tình trạng:")),
			 app_tr(a, status_words(l->status)));
		canvas_text(c, y++, 2, line, ATTR_KEY, c->cols - 4);
		if (l->note[0])
			y += canvas_wrap(c, y, 2, c->cols - 4, 3, l->note, ATTR_NORMAL);
		if (l->updated_at > 0) {
			when(l->updated_at, t, sizeof t);
			snprintf(line, sizeof line, "%s %s", app_tr(a, N_("Cập nhật lúc")), t);
			canvas_text(c, y++, 2, line, ATTR_DIM, c->cols - 4);
		}
		if (!l->from_server && !l->asking && l->fetched_at > 0) {
			when(l->fetched_at, t, sizeof t);
			snprintf(line, sizeof line, "%s %s.",
				 app_tr(a, N_("Chưa hỏi được máy chủ. Đây là thông tin trạm biết lúc")), t);
			y += canvas_wrap(c, y, 2, c->cols - 4, 2, line, ATTR_DIM);
		}
	} else if (!l->asking && strcmp(l->spool, "waiting") != 0) {
		y += canvas_wrap(c, y, 2, c->cols - 4, 3,
				 app_tr(a, N_("Chưa có thông tin về hồ sơ này. Nếu bạn vừa nộp, xin xem lại sau.")),
				 ATTR_NORMAL);
	}
	if (strcmp(l->spool, "waiting") == 0 || strcmp(l->spool, "quarantined") == 0)
		y += canvas_wrap(c, y, 2, c->cols - 4, 2,
				 app_tr(a, N_("Hồ sơ đã lưu ở trạm này, đang chờ gửi lên xã.")), ATTR_NORMAL);
	return y + 1;
}

/* Enter looks up; Backspace stops a question to the server. */
static int dossier_key(struct app *a, struct frame *f, uint32_t key, time_t now)
{
	struct lookup *l = lookup(a, f);
	enum entry_result r;

	(void)now;
	app_touch(a);
	if (l->asking && key == AK_BACKSPACE) {
		job_cancel(&l->job);
		l->asking = 0;
		return 1;
	}
	r = entry_key(&l->entry, key);
	if (r == ENTRY_DONE)
		start_lookup(a, l);
	else if (r == ENTRY_CHANGED)
		l->problem = NULL;
	return r != ENTRY_UNUSED || key == AK_ENTER;
}

/* Touching the field opens the keyboard; its keys type; OK looks up. */
static void dossier_tap(struct app *a, struct frame *f, int index, time_t now)
{
	struct lookup *l = lookup(a, f);

	(void)now;
	if (index == HIT_FIELD && l->entry.mode == ENTRY_TOUCH)
		l->entry.osk_open = 1;
	else if (index >= HIT_KEY && entry_osk(&l->entry, index - HIT_KEY) == ENTRY_DONE)
		start_lookup(a, l);
	app_touch(a);
}

/* A scanned receipt QR: the code itself, or a lookup URL ending in it
 * ("...?ma=CODE", ".../CODE" or "...#CODE"). */
static void dossier_scan(struct app *a, struct frame *f, const char *text, time_t now)
{
	struct lookup *l = lookup(a, f);

	(void)now;
	field_set(&l->entry.field, receipt_qr_code(text));
	start_lookup(a, l);
}

/* Picks up the server's answer; turns the spinner. */
static void dossier_tick(struct app *a, struct frame *f, time_t now)
{
	struct lookup *l = f->data;

	(void)now;
	if (l == NULL || !l->asking)
		return;
	l->spin++;
	if (job_poll(&l->job)) {
		l->asking = 0;
		if (l->job.status == 0 || l->job.status == 3)
			read_answer(l);
	}
	app_touch(a);
}

/* The job's pipe, while asking. */
static int dossier_job_fd(const struct frame *f)
{
	const struct lookup *l = f->data;

	return l && l->asking ? l->job.fd : -1;
}

/* What the keys do here. */
static const char *dossier_hint(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("Gõ mã rồi bấm {ok} · Xoá hết để quay lại");
}

/* Stops the question, wipes the code. */
static void dossier_done(struct frame *f)
{
	struct lookup *l = f->data;

	if (l == NULL)
		return;
	job_cancel(&l->job);
	entry_free(&l->entry);
	wipe(l, sizeof *l);
	free(l);
}

const struct frame_ops scr_dossier = {
	.back_unnumbered = 1,
	.title = dossier_title,
	.draw = dossier_draw,
	.key = dossier_key,
	.tap = dossier_tap,
	.hint = dossier_hint,
	.done = dossier_done,
	.tick = dossier_tick,
	.scan = dossier_scan,
	.job_fd = dossier_job_fd,
	.clock = 1,
};
