/* The helpers every kioskctl command shares (see ctl.h): messages, --help,
 * JSON and time output, who runs the command, state.db, and printing with
 * the printer's state recorded (one job from its layout). */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "db.h"
#include "printer.h"
#include "slip.h"
#include "util.h"

int ctl_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("kioskctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int ctl_fail_cause(char *cause)
{
	ctl_fail("%s", cause);
	free(cause);
	return 1;
}

int ctl_wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

void ctl_json(json_t *doc)
{
	char *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

	if (text == NULL)
		util_out_of_memory();
	puts(text);
	free(text);
	json_decref(doc);
}

int ctl_list_done(json_t *array, int n, char *cause, const char *none)
{
	if (n < 0) {
		json_decref(array);
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (array)
		ctl_json(array);
	else if (n == 0)
		puts(none);
	return 0;
}

const char *ctl_time(long long t, char *buf, unsigned size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || localtime_r(&tt, &tm) == NULL || strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "-");
	return buf;
}

const char *ctl_who(void)
{
	static char who[128];
	const char *conn = getenv("SSH_CONNECTION");

	if (conn == NULL || conn[0] == '\0')
		return "local";
	snprintf(who, sizeof who, "ssh %.*s", (int)strcspn(conn, " "), conn);
	return who;
}

struct db *ctl_db(struct ctl *ctl)
{
	char path[CONFIG_STR + 16];
	char *cause = NULL;

	if (ctl->db != NULL)
		return ctl->db;
	if (mkdir_private(ctl->cfg.state_dir) != 0) {
		ctl_fail("cannot create the state folder %s", ctl->cfg.state_dir);
		return NULL;
	}
	if (config_join(path, sizeof path, ctl->cfg.state_dir, "state.db") != 0) {
		ctl_fail("state folder path too long");
		return NULL;
	}
	ctl->db = db_open(path, &cause);
	if (ctl->db == NULL) {
		ctl_fail("%s", cause);
		free(cause);
	}
	return ctl->db;
}

int ctl_print(struct ctl *ctl, struct printer *p, const struct slip *s, const char *job,
	      char **cause)
{
	int rc = printer_print(p, s, job, cause);
	struct db *db = ctl_db(ctl);
	char at[24];

	if (db != NULL) {
		snprintf(at, sizeof at, "%lld", (long long)time(NULL));
		(void)db_setting_set(db, CTL_PRINTER_STATE, printer_state_name(printer_state(p)));
		(void)db_setting_set(db, CTL_PRINTER_AT, at);
	}
	return rc;
}

int ctl_print_job(struct ctl *ctl, ctl_layout_fn *layout, const void *what, const char *job)
{
	struct printer *pr;
	struct slip s;
	char *cause = NULL;
	int rc = 1;

	pr = printer_open(&ctl->cfg, &cause);
	if (pr == NULL) {
		ctl_fail("%s", cause);
	} else {
		slip_init(&s, printer_cols(pr));
		layout(what, &s);
		if (ctl_print(ctl, pr, &s, job, &cause) != 0)
			ctl_fail("%s", cause);
		else
			rc = 0;
		slip_free(&s);
		printer_close(pr);
	}
	free(cause);
	return rc;
}
