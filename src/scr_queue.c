/* "Lấy số thứ tự": the counters of the one-stop office (screens/
 * queue.counters) as numbered boxes. Choosing one prints a ticket in the
 * background (`kioskctl ticket issue COUNTER --json`, which counts the
 * number only when the printer took it); then the ticket's screen shows
 * the number in large digits, the counter and the people ahead. Out of
 * the office's hours (screens/queue.hours, hours.h) it shows no counter,
 * says when the office opens and prints nothing. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "counters.h"
#include "hours.h"
#include "i18n.h"
#include "job.h"
#include "problems.h"
#include "scr.h"
#include "util.h"

#define DIGIT_ROWS 5

/* Large digits, 3 wide and 5 tall: '#' is a block drawn two columns wide. */
static const char *const digits[10][DIGIT_ROWS] = {
	{ "###", "# #", "# #", "# #", "###" }, { " # ", "## ", " # ", " # ", "###" },
	{ "###", "  #", "###", "#  ", "###" }, { "###", "  #", "###", "  #", "###" },
	{ "# #", "# #", "###", "  #", "  #" }, { "###", "#  ", "###", "  #", "###" },
	{ "###", "#  ", "###", "# #", "###" }, { "###", "  #", "  #", "  #", "  #" },
	{ "###", "# #", "###", "# #", "###" }, { "###", "# #", "###", "  #", "###" },
};

struct queue_screen {
	struct job job;                /* `kioskctl ticket issue` while it prints */
	int busy;
	const char *error;             /* message id of the last failure, or NULL */
	struct hours hours;            /* the office's opening hours */
	struct calendar *cal;          /* its holidays */
	int closed;                    /* closed when last drawn */
};

/* A ticket that was printed. */
struct ticket_screen {
	const char *label;             /* the counter's label (message id) */
	int number, ahead;
	time_t issued;
};

/* The label of the choice that led here. */
static const char *queue_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* One box per counter, none while a ticket prints. */
static int queue_items(const struct app *a, const struct frame *f, struct item *out)
{
	const struct counters *cs = app_env(a)->counters;
	const struct queue_screen *q = f->data;
	int i;

	if (cs == NULL || q->busy || q->closed)
		return 0;
	for (i = 0; i < cs->n && i < COUNTER_MAX; i++)
		out[i] = (struct item){ (char)('1' + i), cs->v[i].label, i };
	return i;
}

/* Two columns, so nine counters fit. */
static int queue_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return 2;
}

/* True when the office is closed at now (a clock not set cannot tell:
 * open). */
static int closed(const struct queue_screen *q, time_t now)
{
	return clock_known(now) && !hours_open(&q->hours, q->cal, now);
}

/* The time of day as a villager says it: "7:30 sáng", "1:30 chiều". */
static void time_words(const struct app *a, int minute, char *out, size_t size)
{
	int h = minute / 60;
	char hm[16], *text;

	snprintf(hm, sizeof hm, "%d:%02d", h > 12 ? h - 12 : h, minute % 60);
	text = i18n_fill_text(app_env(a)->i18n, app_lang(a), h < 12 ? N_("{n} sáng") : h < 18 ? N_("{n} chiều")
							  : N_("{n} tối"), hm);
	snprintf(out, size, "%s", text);
	free(text);
}

/* True when a and b are the same day. */
static int same_day(struct date a, struct date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* "Bộ phận một cửa mở cửa lúc 7:30 sáng Thứ Hai 05/01." (or "... hôm
 * nay.", "... ngày mai, Thứ Hai 05/01.") into out. */
static void opens_at(struct app *a, const struct queue_screen *q, time_t now, char *out,
		     size_t size)
{
	struct date day, today = date_of(now);
	char when[64], date[48], which[128];
	int minute;

	if (hours_next(&q->hours, q->cal, now, &day, &minute) != 0) {
		snprintf(out, size, "%s",
			 app_tr(a, N_("Bộ phận một cửa chưa có giờ mở cửa. Xin hỏi cán bộ xã.")));
		return;
	}
	time_words(a, minute, when, sizeof when);
	app_date(a, day, 0, date, sizeof date);
	if (same_day(day, today))
		snprintf(which, sizeof which, "%s", app_tr(a, N_("hôm nay")));
	else
		snprintf(which, sizeof which, "%s%s%s %s",
			 same_day(day, date_add(today, 1)) ? app_tr(a, N_("ngày mai")) : "",
			 same_day(day, date_add(today, 1)) ? ", " : "",
			 app_tr(a, view_day_name(date_weekday(day))), date);
	snprintf(out, size, "%s %s %s.", app_tr(a, N_("Bộ phận một cửa mở cửa lúc")), when, which);
}

/* Out of hours: closed, why (a holiday), and when to come back. */
static int draw_closed(struct app *a, const struct queue_screen *q, struct canvas *c, int y,
		       time_t now)
{
	const char *holiday = calendar_holiday(q->cal, date_of(now));
	char line[256];

	y += canvas_wrap(c, y, 2, c->cols - 4, 2,
			 app_tr(a, N_("Bộ phận một cửa đang đóng cửa, chưa lấy số thứ tự được.")),
			 ATTR_ALERT);
	if (holiday != NULL) {
		snprintf(line, sizeof line, "%s %s", app_tr(a, N_("Hôm nay nghỉ lễ:")), holiday);
		y += canvas_wrap(c, y, 2, c->cols - 4, 2, line, ATTR_NORMAL);
	}
	opens_at(a, q, now, line, sizeof line);
	y += canvas_wrap(c, y, 2, c->cols - 4, 3, line, ATTR_KEY);
	return y + 1;
}

/* What to do, that it prints, or why it did not; out of hours, when to
 * come back. */
static int queue_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	struct queue_screen *q = f->data;
	const char *msg = N_("Chọn quầy bạn cần đến. Máy sẽ in số thứ tự cho bạn.");
	enum attr attr = ATTR_NORMAL;

	q->closed = !q->busy && closed(q, now);
	if (q->closed)
		return draw_closed(a, q, c, y, now);
	if (app_env(a)->counters == NULL || app_env(a)->counters->n == 0)
		msg = N_("Trạm này chưa có quầy nào để lấy số. Xin hỏi cán bộ xã.");
	else if (q->busy)
		msg = N_("Đang in số thứ tự, xin chờ một chút...");
	else if (q->error)
		msg = q->error, attr = ATTR_ALERT;
	return y + canvas_wrap(c, y, 2, c->cols - 4, 2, app_tr(a, msg), attr) + 1;
}

/* Starts printing a ticket of the chosen counter. */
static void queue_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	struct queue_screen *q = f->data;
	const char *args[] = { "ticket", "issue", app_env(a)->counters->v[it->action].id, "--json", NULL };

	if (q->busy || closed(q, now))
		return;
	q->error = NULL;
	q->busy = app_job_argv(a, &q->job, args) == 0;
	if (!q->busy)
		q->error = N_("Máy chưa in được số thứ tự, số này chưa được tính. Xin nhờ cán bộ xã giúp.");
	app_touch(a);
}

/* Reads the answer of `kioskctl ticket issue --json`: the ticket's screen,
 * or what went wrong. */
static void queue_tick(struct app *a, struct frame *f, time_t now)
{
	struct queue_screen *q = f->data;
	json_t *o, *v;
	int i;

	(void)now;
	if (!q->busy || !job_poll(&q->job))
		return;
	q->busy = 0;
	app_touch(a);
	o = json_loads(q->job.out, 0, NULL);
	if (q->job.status == 0 && json_is_integer(v = json_object_get(o, "number"))) {
		struct ticket_screen *t = xcalloc(1, sizeof *t);
		const char *id = json_string_value(json_object_get(o, "counter"));

		t->number = (int)json_integer_value(v);
		t->ahead = (int)json_integer_value(json_object_get(o, "ahead"));
		t->issued = (time_t)json_integer_value(json_object_get(o, "issued_at"));
		t->label = "";
		for (i = 0; id && i < app_env(a)->counters->n; i++)
			if (strcmp(app_env(a)->counters->v[i].id, id) == 0)
				t->label = app_env(a)->counters->v[i].label;
		json_decref(o);
		app_replace(a, &scr_ticket, NULL, NULL, t);
		return;
	}
	v = json_object_get(o, "error");
	if (json_is_string(v) && strcmp(json_string_value(v), "exhausted") == 0)
		q->error = N_("Hôm nay quầy này đã hết số thứ tự. Xin hỏi cán bộ xã.");
	else
		q->error = N_("Máy chưa in được số thứ tự, số này chưa được tính. Xin nhờ cán bộ xã giúp.");
	json_decref(o);
}

/* The job's pipe while it prints. */
static int queue_job_fd(const struct frame *f)
{
	const struct queue_screen *q = f->data;

	return q->busy ? q->job.fd : -1;
}

/* Lets a ticket that is printing finish on its own. */
static void queue_done(struct frame *f)
{
	struct queue_screen *q = f->data;

	if (q->busy && !job_poll(&q->job))
		job_detach(&q->job);
	calendar_free(q->cal);
	free(q);
}

const struct frame_ops scr_queue = {
	.title = queue_title,
	.items = queue_items,
	.columns = queue_columns,
	.draw = queue_draw,
	.choose = queue_choose,
	.tick = queue_tick,
	.job_fd = queue_job_fd,
	.done = queue_done,
	.clock = 1,
};

/* The office's hours and holidays from the content folder (checked when
 * the kiosk started: a problem now means no hours, always open). */
static void read_hours(const struct config *cfg, struct queue_screen *q)
{
	struct problems p = { 0 };
	char *path = xprintf("%s/%s", cfg->content_dir, HOURS_FILE), *cause = NULL;

	if (hours_load(&q->hours, path, &p) != 0)
		memset(&q->hours, 0, sizeof q->hours);
	problems_clear(&p);
	free(path);
	path = xprintf("%s/%s", cfg->content_dir, CALENDAR_FILE);
	q->cal = calendar_load(path, &cause);
	if (q->cal == NULL)
		q->cal = calendar_new(); /* no table: no holidays */
	free(cause);
	free(path);
}

void scr_queue_open(struct app *a, const char *title)
{
	struct queue_screen *q = xcalloc(1, sizeof *q);

	q->job.fd = -1;
	read_hours(app_env(a)->cfg, q);
	app_push(a, &scr_queue, NULL, title, q);
}

/* "SỐ THỨ TỰ CỦA BẠN". */
static const char *ticket_title(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return N_("SỐ THỨ TỰ CỦA BẠN");
}

/* Draws n in large digits centred in the row y. */
static void big_number(struct canvas *c, int y, int n)
{
	char text[16], row[256];
	int len, r, x, i, k;

	len = snprintf(text, sizeof text, "%d", n);
	x = (c->cols - (len * 8 - 2)) / 2;
	for (r = 0; r < DIGIT_ROWS; r++) {
		size_t used = 0;

		for (i = 0; i < len; i++)
			for (k = 0; k < 4; k++) {
				const char *cell = k < 3 && digits[text[i] - '0'][r][k] == '#' ? "██" : "  ";

				used += (size_t)snprintf(row + used, sizeof row - used, "%s", cell);
			}
		canvas_text(c, y + r, x > 0 ? x : 0, row, ATTR_KEY, c->cols);
	}
}

/* The counter, the number large, the people ahead and the time. */
static int ticket_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	const struct ticket_screen *t = f->data;
	char line[256], n[32];

	(void)now;
	snprintf(line, sizeof line, "%s %s", app_tr(a, N_("Quầy")), app_tr(a, t->label));
	canvas_center(c, y, 0, c->cols, line, ATTR_NORMAL);
	big_number(c, y + 2, t->number);
	snprintf(n, sizeof n, "%d", t->number);
	snprintf(line, sizeof line, "%s %s", app_tr(a, N_("Số của bạn:")), n);
	canvas_center(c, y + 8, 0, c->cols, line, ATTR_KEY);
	if (t->ahead > 0)
		app_format(a, line, sizeof line, N_("Trước bạn còn {n} người"), t->ahead);
	else
		snprintf(line, sizeof line, "%s", app_tr(a, N_("Không có ai trước bạn")));
	canvas_center(c, y + 9, 0, c->cols, line, ATTR_NORMAL);
	app_when(a, t->issued, line, sizeof line);
	canvas_center(c, y + 10, 0, c->cols, line, ATTR_DIM);
	canvas_center(c, y + 11, 0, c->cols,
		      app_tr(a, N_("Mời bạn lấy phiếu và chờ gọi số.")), ATTR_OK);
	return y + 13;
}

/* Frees the ticket. */
static void ticket_done(struct frame *f)
{
	free(f->data);
}

const struct frame_ops scr_ticket = {
	.title = ticket_title,
	.draw = ticket_draw,
	.done = ticket_done,
	.clock = 1,
	.home_back = 1,
};
