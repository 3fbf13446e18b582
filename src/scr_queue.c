/* "Lấy số thứ tự": the counters of the one-stop office (screens/
 * queue.counters) as numbered boxes. Choosing one prints a ticket in the
 * background (`kioskctl ticket issue COUNTER --json`, which counts the
 * number only when the printer took it); then the ticket's screen shows
 * the number in large digits, the counter and the people ahead. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "counters.h"
#include "i18n.h"
#include "job.h"
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

	if (cs == NULL || q->busy)
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

/* What to do, that it prints, or why it did not. */
static int queue_draw(struct app *a, struct frame *f, struct canvas *c, int y, time_t now)
{
	const struct queue_screen *q = f->data;
	const char *msg = N_("Chọn quầy bạn cần đến. Máy sẽ in số thứ tự cho bạn.");
	enum attr attr = ATTR_NORMAL;

	(void)now;
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

	(void)now;
	if (q->busy)
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

void scr_queue_open(struct app *a, const char *title)
{
	struct queue_screen *q = xcalloc(1, sizeof *q);

	q->job.fd = -1;
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
