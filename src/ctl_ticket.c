/* kioskctl ticket: queue numbers. `issue COUNTER` prints a ticket (the
 * kiosk's queue screen runs it in the background, so the screen never
 * waits on the printer); `list` and `call` let a helper see who waits and
 * mark the next number of a counter served.
 *
 * A ticket that could not be printed is not issued. The number is
 * committed as 'printing' before the bytes go to the printer, then made
 * 'waiting' once the printer took them, or deleted when it did not (the
 * next villager then gets the same number). Why not print first and
 * insert after, or hold one transaction across the printing: a SIGKILL
 * (or power cut) between the printer taking the paper and the COMMIT
 * would then lose the row, and the next villager would get a second paper
 * with the same number. With the row committed first, such a kill leaves
 * a 'printing' row: its number is never given again and it counts as
 * waiting, so the worst case is a number called that nobody holds, never
 * two people holding one number. The write lock is held only for the
 * short reserving transaction, never while a slow printer prints. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "counters.h"
#include "ctl.h"
#include "db.h"
#include "printer.h"
#include "problems.h"
#include "receipt.h"
#include "slip.h"
#include "tickets.h"
#include "util.h"

/* Prints the usage of every subcommand to out. */
static void usage(FILE *out)
{
	fprintf(out, "usage: kioskctl ticket issue COUNTER [--json]\n"
		     "       kioskctl ticket list [COUNTER] [--json]\n"
		     "       kioskctl ticket call COUNTER [--json]\n\n"
		     "Queue numbers of the counters in screens/queue.counters of the content\n"
		     "folder; each counter has its band of numbers, starting again every day.\n"
		     "  issue  takes the counter's next number and prints the ticket (what the\n"
		     "         kiosk does); a ticket that cannot be printed is not issued, and\n"
		     "         the exit status is 1 with the reason\n"
		     "  list   today's tickets: number, status, people ahead\n"
		     "  call   marks the counter's next waiting number served and shows it\n");
}

/* Loads the counters of the content folder, or says why not (and frees
 * what was read). */
static int load(const struct config *cfg, struct counters *cs)
{
	char *path = xprintf("%s/screens/queue.counters", cfg->content_dir);
	struct problems p = { 0 };
	int rc = counters_load(cs, path, &p);

	if (rc != 0) {
		problems_print(&p, stderr, "kioskctl: ");
		counters_free(cs);
	}
	problems_clear(&p);
	free(path);
	return rc;
}

/* A ticket as a JSON object. */
static json_t *row_json(const struct ticket_row *t)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(t->id));
	json_object_set_new(o, "counter", json_string(t->counter));
	json_object_set_new(o, "day", json_string(t->day));
	json_object_set_new(o, "number", json_integer(t->number));
	json_object_set_new(o, "status", json_string(t->status));
	json_object_set_new(o, "ahead", json_integer(t->ahead));
	json_object_set_new(o, "issued_at", json_integer(t->issued_at));
	json_object_set_new(o, "served_at", t->served_at ? json_integer(t->served_at) : json_null());
	return o;
}

/* Reports a failed issue: kind is "exhausted", "printer" or "failed". */
static int issue_fail(int json, const char *kind, const char *message)
{
	if (json) {
		json_t *o = json_object();

		json_object_set_new(o, "error", json_string(kind));
		json_object_set_new(o, "message", json_string(message));
		ctl_json(o);
	}
	return ctl_fail("%s", message);
}

/* Prints ticket t of counter c; returns 0 or -1 with *cause. */
static int print(struct ctl *ctl, const struct counter *c, const struct ticket_row *t,
		 char **cause)
{
	const struct config *cfg = &ctl->cfg;
	struct printer *pr = printer_open(cfg, cause);
	char *counter = xprintf("Quầy %s", c->label);
	struct ticket tk = { cfg->commune, counter, t->number, t->ahead, clock_known(t->issued_at) ? (time_t)t->issued_at : 0 };
	struct slip s;
	int rc = -1;

	if (pr != NULL) {
		slip_init(&s, printer_cols(pr));
		ticket_layout(&tk, &s);
		rc = ctl_print(ctl, pr, &s, "ticket", cause);
		slip_free(&s);
		printer_close(pr);
	}
	free(counter);
	return rc;
}

/* `ticket issue COUNTER`: reserve, print, then keep or give back. */
static int issue(struct ctl *ctl, const struct counters *cs, const char *id, int json)
{
	const struct counter *c = counters_find(cs, id);
	struct ticket_row t;
	char *cause = NULL, *msg, day[TICKET_DAY_SIZE];
	time_t now = time(NULL);
	struct db *db;
	int rc;

	if (c == NULL) {
		msg = xprintf("no counter \"%s\" in screens/queue.counters", id);
		rc = issue_fail(json, "failed", msg);
		free(msg);
		return rc;
	}
	db = ctl_db(ctl);
	if (db == NULL)
		return issue_fail(json, "failed", "state.db cannot be opened");
	tickets_day(now, day);
	rc = tickets_reserve(db, c, day, now, &t, &cause);
	if (rc != 0) {
		rc = issue_fail(json, rc == 1 ? "exhausted" : "failed", cause);
		free(cause);
		return rc;
	}
	if (print(ctl, c, &t, &cause) != 0) {
		char *why = NULL;

		msg = xprintf("ticket %d not printed, not issued: %s", t.number, cause);
		if (tickets_void(db, t.id, &why) != 0) {
			ctl_fail("%s", why);
			free(why);
		}
		rc = issue_fail(json, "printer", msg);
		free(msg);
		free(cause);
		return rc;
	}
	if (tickets_confirm(db, t.id, &cause) != 0) {
		/* Printed: the row stays 'printing', which counts as waiting. */
		ctl_fail("%s", cause);
		free(cause);
	}
	snprintf(t.status, sizeof t.status, "waiting");
	if (json)
		ctl_json(row_json(&t));
	else
		printf("ticket %d (%s), %d ahead\n", t.number, c->id, t.ahead);
	return 0;
}

/* Prints one listed ticket: into a JSON array, or as a line. */
static void list_one(const struct ticket_row *t, void *ctx)
{
	json_t *array = ctx;

	if (array) {
		json_array_append_new(array, row_json(t));
		return;
	}
	printf("%-12s %6d  %-8s  ahead %-4d %s\n", t->counter, t->number, t->status, t->ahead, t->id);
}

/* `ticket list [COUNTER]`. */
static int list(struct ctl *ctl, const char *counter, int json)
{
	json_t *array = json ? json_array() : NULL;
	char day[TICKET_DAY_SIZE], *cause = NULL, none[64];
	struct db *db = ctl_db(ctl);
	int n;

	if (db == NULL) {
		json_decref(array);
		return 1;
	}
	tickets_day(time(NULL), day);
	n = tickets_list(db, day, counter, list_one, array, &cause);
	snprintf(none, sizeof none, "no tickets today (%s)", day);
	return ctl_list_done(array, n, cause, none);
}

/* `ticket call COUNTER`. */
static int call(struct ctl *ctl, const struct counters *cs, const char *id, int json)
{
	char day[TICKET_DAY_SIZE], *cause = NULL, what[128];
	struct ticket_row t;
	time_t now = time(NULL);
	struct db *db;
	int rc;

	if (counters_find(cs, id) == NULL)
		return ctl_fail("no counter \"%s\" in screens/queue.counters", id);
	db = ctl_db(ctl);
	if (db == NULL)
		return 1;
	tickets_day(now, day);
	rc = tickets_call(db, id, day, now, &t, &cause);
	if (rc < 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (rc == 1) {
		snprintf(what, sizeof what, "ticket %d of counter %s served", t.number, id);
		db_audit(db, ctl_who(), what);
	}
	if (json)
		ctl_json(rc == 1 ? row_json(&t) : json_null());
	else if (rc == 1)
		printf("%d\n", t.number);
	else
		printf("nobody waits at counter %s\n", id);
	return 0;
}

int ctl_ticket(struct ctl *ctl, int argc, char **argv)
{
	struct counters cs;
	const char *args[3] = { NULL, NULL, NULL };
	int i, n = 0, json = 0, rc;

	if (ctl_wants_help(argc, argv)) {
		usage(stdout);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (n < 3)
			args[n++] = argv[i];
		else
			n++;
	}
	if (n == 0 || n > 2 || (strcmp(args[0], "list") != 0 && n != 2) ||
	    (strcmp(args[0], "issue") != 0 && strcmp(args[0], "list") != 0 &&
	     strcmp(args[0], "call") != 0)) {
		usage(stderr);
		return 2;
	}
	if (load(&ctl->cfg, &cs) != 0)
		return 1;
	if (strcmp(args[0], "issue") == 0)
		rc = issue(ctl, &cs, args[1], json);
	else if (strcmp(args[0], "call") == 0)
		rc = call(ctl, &cs, args[1], json);
	else
		rc = list(ctl, args[1], json);
	counters_free(&cs);
	return rc;
}
