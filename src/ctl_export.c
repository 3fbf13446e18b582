/* kioskctl export: the requests saved between two dates, as JSON lines or
 * CSV on stdout, for carrying to the commune office on a USB stick when a
 * booth has had no network for weeks. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "db.h"
#include "util.h"

static const char usage_line[] =
	"usage: kioskctl export --from YYYY-MM-DD --to YYYY-MM-DD [--format jsonl|csv]";

/* The unix time of the local midnight that starts the day days after
 * date (YYYY-MM-DD, checked). */
static long long day_start(const char *date, int days)
{
	struct tm tm = { 0 };

	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8) + days;
	tm.tm_isdst = -1;
	return (long long)mktime(&tm);
}

/* Formats unix seconds as local ISO 8601 with its offset. */
static const char *iso_time(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || localtime_r(&tt, &tm) == NULL)
		return "";
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S%z", &tm);
	return buf;
}

/* Writes s as one CSV field: quoted, with quotes doubled. */
static void csv_field(const char *s, size_t len, int last)
{
	size_t i;

	putchar('"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			putchar('"');
		putchar(s[i]);
	}
	fputs(last ? "\"\r\n" : "\",", stdout);
}

/* Prints one request row as a JSON line or a CSV record. */
static void print_row(sqlite3_stmt *q, int csv)
{
	const char *cols[] = { "id", "receipt", "kind", "procedure_code", "created_at", "state",
			       "sent_at", "body" };
	char created[40], sent[40];
	const char *body = (const char *)sqlite3_column_blob(q, 7);
	size_t body_len = (size_t)sqlite3_column_bytes(q, 7), i;
	const char *text[8];

	for (i = 0; i < 4; i++)
		text[i] = sqlite3_column_type(q, (int)i) == SQLITE_NULL
				  ? "" : (const char *)sqlite3_column_text(q, (int)i);
	/* Saved while the booth's clock was not set: no time, not 1970. */
	text[4] = sqlite3_column_int(q, 8) ? iso_time(sqlite3_column_int64(q, 4), created,
						     sizeof created) : "";
	text[5] = (const char *)sqlite3_column_text(q, 5);
	text[6] = iso_time(sqlite3_column_int64(q, 6), sent, sizeof sent);
	if (csv) {
		for (i = 0; i < 7; i++)
			csv_field(text[i], strlen(text[i]), 0);
		csv_field(body ? body : "", body ? body_len : 0, 1);
	} else {
		json_t *o = json_object(), *b = body ? json_loadb(body, body_len, 0, NULL) : NULL;

		for (i = 0; i < 7; i++)
			json_object_set_new(o, cols[i], text[i][0] ? json_string(text[i]) : json_null());
		json_object_set_new(o, cols[7], b ? b : body ? json_stringn(body, body_len)
							 : json_null());
		ctl_json(o);
	}
}

/* Parses the options into from/to/csv. Returns the problem or NULL. */
static char *parse(int argc, char **argv, const char **from, const char **to, int *csv)
{
	int i;

	*from = *to = NULL;
	*csv = 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
			*from = argv[++i];
		else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			*to = argv[++i];
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc &&
			 word_in_list(argv[i + 1], "jsonl csv"))
			*csv = strcmp(argv[++i], "csv") == 0;
		else
			return xstrdup(usage_line);
	}
	if (*from == NULL || *to == NULL)
		return xstrdup(usage_line);
	if (!date_valid(*from) || !date_valid(*to))
		return xprintf("dates are written YYYY-MM-DD, real days (got %s and %s)", *from, *to);
	if (strcmp(*from, *to) > 0)
		return xprintf("--from %s comes after --to %s", *from, *to);
	return NULL;
}

int ctl_export(struct ctl *ctl, int argc, char **argv)
{
	static const char sql[] =
		"SELECT id, receipt, kind, procedure_code, created_at, state, sent_at, body,"
		" time_known FROM submissions WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id";
	const char *from, *to;
	sqlite3_stmt *q;
	struct db *db;
	long n = 0;
	int csv, rc;
	char *what;

	if (ctl_wants_help(argc, argv)) {
		printf("%s\n\n"
		       "Writes the requests saved at this booth from the start of --from to the\n"
		       "end of --to (local days) to stdout, oldest first, whatever their upload\n"
		       "state: JSON lines (one object per request, the body as sent to the\n"
		       "server), or CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet\n"
		       "programs show Vietnamese right). They hold villagers' personal data:\n"
		       "hand the stick to the commune office only. Example:\n"
		       "  kioskctl export --from 2025-06-01 --to 2025-06-30 --format csv \\\n"
		       "      > /media/usb/requests-june.csv\n", usage_line);
		return 0;
	}
	if ((what = parse(argc, argv, &from, &to, &csv)) != NULL) {
		ctl_fail("%s", what);
		free(what);
		return 1;
	}
	db = ctl_db(ctl);
	if (db == NULL)
		return 1;
	if ((q = db_prepare(db, sql, "cannot read the requests", &what)) == NULL)
		return ctl_fail_cause(what);
	sqlite3_bind_int64(q, 1, day_start(from, 0));
	sqlite3_bind_int64(q, 2, day_start(to, 1));
	if (csv)
		fputs("\xef\xbb\xbfid,receipt,kind,procedure_code,created_at,state,sent_at,body\r\n",
		      stdout);
	while ((rc = db_step(db, q, "cannot read the requests", &what)) == 1) {
		print_row(q, csv);
		n++;
	}
	sqlite3_finalize(q);
	if (rc < 0)
		return ctl_fail_cause(what);
	if (fflush(stdout) != 0 || ferror(stdout))
		return ctl_fail("cannot write the export (disk full?)");
	what = xprintf("exported %ld requests from %s to %s", n, from, to);
	db_audit(db, ctl_who(), what);
	free(what);
	fprintf(stderr, "%ld request%s exported\n", n, n == 1 ? "" : "s");
	return 0;
}
