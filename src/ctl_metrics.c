/* kioskctl metrics: the booth's state in the Prometheus text exposition
 * format, for node_exporter's textfile collector (kiosk-metrics.timer
 * writes it every minute with --write) or for a person to read.
 *
 * Every series carries the label booth="[booth] id"; states (the link,
 * the printer) are one series per state, 1 for the current one. Nothing
 * personal is in a label or a value: counts, ages, sizes and versions. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "printer.h"
#include "spool.h"
#include "tickets.h"
#include "util.h"

/* The file the textfile collector reads, in [metrics] textfile_dir. */
#define METRICS_FILE "kiosk.prom"

/* What metrics adds to `kioskctl status`. */
struct metrics {
	struct ctl_status st;
	long long now;
	long long oldest_waiting;     /* created_at of the oldest waiting, 0 none */
	char printer_state[16];       /* printer_state_name(), "unknown" before any print */
	long long printer_at;         /* when that was learnt, 0 never */
	long long started_at;         /* the kiosk's last start, 0 unknown */
	long starts;                  /* the kiosk's starts so far */
	long tickets_today;           /* queue numbers issued today, -1 unknown */
};

/* spool_list() callback: keeps the creation time of the first (oldest). */
static int keep_oldest(const struct spool_item *item, void *arg)
{
	*(long long *)arg = item->time_known ? item->created_at : 0;
	return 1;
}

/* tickets_list() callback: the count is what is wanted. */
static void count_ticket(const struct ticket_row *t, void *ctx)
{
	(void)t;
	(void)ctx;
}

/* Fills m; returns 0, or -1 after saying why when state.db cannot be read. */
static int metrics_read(struct ctl *ctl, struct metrics *m)
{
	enum spool_state waiting = SPOOL_WAITING;
	char day[TICKET_DAY_SIZE], *cause = NULL;
	struct db *db;

	memset(m, 0, sizeof *m);
	if (ctl_status_read(ctl, &m->st) != 0)
		return -1;
	db = ctl_db(ctl);
	m->now = (long long)time(NULL);
	if (spool_list(db, &waiting, 1, keep_oldest, &m->oldest_waiting, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return -1;
	}
	if (db_setting_get(db, CTL_PRINTER_STATE, m->printer_state, sizeof m->printer_state) != 1)
		snprintf(m->printer_state, sizeof m->printer_state, "unknown");
	m->printer_at = db_setting_number(db, CTL_PRINTER_AT);
	m->started_at = db_setting_number(db, KIOSK_STARTED_AT);
	m->starts = (long)db_setting_number(db, KIOSK_STARTS);
	tickets_day((time_t)m->now, day);
	m->tickets_today = tickets_list(db, day, NULL, count_ticket, NULL, &cause);
	free(cause);
	return 0;
}

/* Writes s as a label value: backslash, double quote and newline escaped. */
static void put_label(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			fprintf(out, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

/* Writes the HELP and TYPE lines of a metric. */
static void put_head(FILE *out, const char *name, const char *type, const char *help)
{
	fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* Writes one sample of name with the booth label and, when key is not
 * NULL, one more label key="value". */
static void put_sample(FILE *out, const struct ctl *ctl, const char *name, const char *key,
		       const char *value, long long v)
{
	fprintf(out, "%s{booth=\"", name);
	put_label(out, ctl->cfg.booth_id);
	if (key != NULL) {
		fprintf(out, "\",%s=\"", key);
		put_label(out, value);
	}
	fprintf(out, "\"} %lld\n", v);
}

/* A metric of one sample. */
static void put_one(FILE *out, const struct ctl *ctl, const char *name, const char *type,
		    const char *help, long long v)
{
	put_head(out, name, type, help);
	put_sample(out, ctl, name, NULL, NULL, v);
}

/* A state set: one sample per state in states (NULL-ended), 1 for cur. */
static void put_states(FILE *out, const struct ctl *ctl, const char *name, const char *help,
		       const char *const *states, const char *cur)
{
	put_head(out, name, "gauge", help);
	for (; *states; states++)
		put_sample(out, ctl, name, "state", *states, strcmp(*states, cur) == 0);
}

/* The server's state as `status` names it. */
static const char *link_state(const struct ctl *ctl, const struct ctl_status *st)
{
	if (ctl->cfg.upload_url[0] == '\0')
		return "offline";
	return st->link == SPOOL_LINK_ONLINE ? "reached"
	       : st->link == SPOOL_LINK_OFFLINE ? "unreachable" : "unknown";
}

/* A set of flags: one sample per reason in reasons (NULL-ended), 1 for
 * cur (none when cur is ""). */
static void put_reasons(FILE *out, const struct ctl *ctl, const char *name, const char *help,
			const char *const *reasons, const char *cur)
{
	put_head(out, name, "gauge", help);
	for (; *reasons; reasons++)
		put_sample(out, ctl, name, "reason", *reasons, strcmp(*reasons, cur) == 0);
}

/* Writes the requests' metrics. */
static void put_requests(FILE *out, const struct ctl *ctl, const struct metrics *m)
{
	/* The causes of refusal.h. */
	static const char *const pauses[] = { "token", "forbidden", "url", "proxy", "every", "form",
					      NULL };

	put_one(out, ctl, "kiosk_requests_waiting", "gauge",
		"Requests saved at the booth and not yet acknowledged by the server.", m->st.waiting);
	put_one(out, ctl, "kiosk_requests_quarantined", "gauge",
		"Requests the server refused, waiting for a helper (kioskctl queue).",
		m->st.quarantined);
	put_one(out, ctl, "kiosk_requests_sent_total", "counter",
		"Requests the server has acknowledged since the booth was set up.", m->st.sent);
	put_one(out, ctl, "kiosk_oldest_waiting_age_seconds", "gauge",
		"Age of the oldest request not yet acknowledged; 0 when none waits.",
		m->oldest_waiting > 0 && m->now > m->oldest_waiting ? m->now - m->oldest_waiting : 0);
	put_one(out, ctl, "kiosk_last_upload_timestamp_seconds", "gauge",
		"When the server last acknowledged a request (unix time); 0 never.",
		m->st.last_upload);
	if (m->st.last_upload > 0)
		put_one(out, ctl, "kiosk_last_upload_age_seconds", "gauge",
			"Seconds since the server last acknowledged a request.",
			m->now > m->st.last_upload ? m->now - m->st.last_upload : 0);
	put_reasons(out, ctl, "kiosk_upload_paused", "1 when the upload worker stopped sending "
		    "because the server refuses the booth, by why: token (401), forbidden (403), "
		    "url (404), proxy (407), every (one refusal for every request), form (a form "
		    "ODK Central does not take).", pauses,
		    m->st.pause.cause);
}

/* Writes the link, printer and disk metrics. */
static void put_devices(FILE *out, const struct ctl *ctl, const struct metrics *m)
{
	static const char *const links[] = { "reached", "unreachable", "unknown", "offline", NULL };
	static const char *const printers[] = { "ok", "no_paper", "offline", "fault", "unknown",
						NULL };

	put_states(out, ctl, "kiosk_link", "The provincial server at the upload worker's last try "
		   "(offline: no server configured).", links, link_state(ctl, &m->st));
	put_states(out, ctl, "kiosk_printer", "How the printer answered the last print job.",
		   printers, m->printer_state);
	put_one(out, ctl, "kiosk_printer_checked_timestamp_seconds", "gauge",
		"When the printer state was learnt (unix time); 0 never.", m->printer_at);
	put_one(out, ctl, "kiosk_state_disk_free_bytes", "gauge",
		"Free space for the booth's state (state.db, receipts, logs).",
		(long long)m->st.disk_free);
	put_one(out, ctl, "kiosk_state_disk_size_bytes", "gauge",
		"Size of the file system holding the booth's state.", (long long)m->st.disk_total);
}

/* Writes the versions, the kiosk's starts, the queue and the clock. */
static void put_booth(FILE *out, const struct ctl *ctl, const struct metrics *m)
{
	put_head(out, "kiosk_software_info", "gauge", "The booth's program version.");
	put_sample(out, ctl, "kiosk_software_info", "version", KIOSK_VERSION, 1);
	put_head(out, "kiosk_content_info", "gauge",
		 "The content version (screens, catalogs, procedures); \"\" when not from a bundle.");
	put_sample(out, ctl, "kiosk_content_info", "version", m->st.content, 1);
	put_one(out, ctl, "kiosk_start_timestamp_seconds", "gauge",
		"When the kiosk program last started (unix time); 0 never.", m->started_at);
	put_one(out, ctl, "kiosk_starts_total", "counter",
		"Times the kiosk program has started (each restart adds one).", m->starts);
	put_one(out, ctl, "kiosk_helper_calls_open", "gauge",
		"Villagers' calls for a helper at the booth not yet answered.",
		m->st.calls_open);
	put_one(out, ctl, "kiosk_helper_call_oldest_age_seconds", "gauge",
		"Age of the oldest call for a helper not yet answered; 0 when none.",
		m->st.calls_oldest > 0 && m->now > m->st.calls_oldest ? m->now - m->st.calls_oldest : 0);
	if (m->tickets_today >= 0)
		put_one(out, ctl, "kiosk_tickets_issued_today", "gauge",
			"Queue numbers issued today at this booth.", m->tickets_today);
	put_one(out, ctl, "kiosk_clock_ok", "gauge",
		"1 when the booth's clock is set (not before the program was built).",
		clock_known(m->now));
}

/* Writes every metric of m to out. */
static void metrics_print(FILE *out, const struct ctl *ctl, const struct metrics *m)
{
	put_requests(out, ctl, m);
	put_devices(out, ctl, m);
	put_booth(out, ctl, m);
}

/* Replaces dir/kiosk.prom with text whole: a temporary file that the
 * collector ignores (not *.prom), readable by node_exporter's user,
 * synced, then renamed over the old one. Returns 0 or -1 with *cause. */
static int write_textfile(const char *dir, const char *text, size_t len, char **cause)
{
	char *tmp = xprintf("%s/.%s.%ld", dir, METRICS_FILE, (long)getpid());
	char *path = xprintf("%s/%s", dir, METRICS_FILE);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), rc = -1;

	if (fd < 0) {
		*cause = xprintf("%s: %s", tmp, strerror(errno));
	} else if (fchmod(fd, 0644) != 0 || write_all(fd, text, len) != 0 || fsync(fd) != 0) {
		*cause = xprintf("%s: %s", tmp, strerror(errno));
		close(fd);
	} else if (close(fd) != 0 || rename(tmp, path) != 0) {
		*cause = xprintf("%s: %s", path, strerror(errno));
	} else {
		rc = 0;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	free(path);
	return rc;
}

/* Prints the command's usage. */
static void metrics_help(void)
{
	printf("usage: kioskctl metrics [--write]\n\n"
	       "The booth's state in the Prometheus text format: requests waiting,\n"
	       "quarantined and sent, the oldest waiting request's age, the last upload,\n"
	       "a pause of sending, the server link, the printer, free disk space, versions, the kiosk's\n"
	       "starts, open calls for a helper and today's queue numbers, each\n"
	       "labelled with the booth's id.\n"
	       "With --write: into [metrics] textfile_dir/kiosk.prom, replaced whole,\n"
	       "for node_exporter's textfile collector (kiosk-metrics.timer does it\n"
	       "every minute).\n");
}

int ctl_metrics(struct ctl *ctl, int argc, char **argv)
{
	int write = argc == 2 && strcmp(argv[1], "--write") == 0, rc = 0;
	struct metrics m;
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *out;

	if (ctl_wants_help(argc, argv)) {
		metrics_help();
		return 0;
	}
	if (argc > 2 || (argc == 2 && !write))
		return ctl_fail("usage: kioskctl metrics [--write]");
	if (write && ctl->cfg.metrics_textfile_dir[0] == '\0')
		return ctl_fail("metrics --write: no [metrics] textfile_dir in the config");
	if (metrics_read(ctl, &m) != 0)
		return 1;
	out = open_memstream(&text, &len);
	if (out == NULL)
		return ctl_fail("metrics: %s", strerror(errno));
	metrics_print(out, ctl, &m);
	fclose(out);
	if (!write)
		fwrite(text, 1, len, stdout);
	else if (write_textfile(ctl->cfg.metrics_textfile_dir, text, len, &cause) != 0)
		rc = ctl_fail("metrics: %s", cause);
	free(cause);
	free(text);
	return rc;
}
