/* kioskctl status: what a helper or the province checks first about a
 * booth: versions, the requests waiting, the last upload, the printer,
 * disk space and uptime. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "calls.h"
#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "printer.h"
#include "spool.h"
#include "util.h"

/* Says whether the configured printer could print: its settings and
 * glyphs load (printer_open) and its file, folder or device can be written
 * to. Paper and cover are only known when a job is sent. */
static void status_printer(const struct config *cfg, struct ctl_status *st)
{
	const char *type = config_word("printer", "type", cfg->printer_type);
	struct printer *p;
	char *cause = NULL;

	p = printer_open(cfg, &cause);
	if (p == NULL) {
		snprintf(st->printer, sizeof st->printer, "%s: %s", type, cause);
		st->printer_ok = 0;
		free(cause);
		return;
	}
	if (!printer_present(p)) {
		snprintf(st->printer, sizeof st->printer, "none configured");
		st->printer_ok = 0;
	} else if (strcmp(type, "command") == 0) {
		snprintf(st->printer, sizeof st->printer, "command %s", cfg->printer_command);
		st->printer_ok = 1;
	} else if (access(cfg->printer_path, W_OK) == 0) {
		snprintf(st->printer, sizeof st->printer, "%s %s: ready", type, cfg->printer_path);
		st->printer_ok = 1;
	} else if (errno == ENOENT && strcmp(type, "file") == 0) {
		snprintf(st->printer, sizeof st->printer, "file %s: ready (made at the first job)",
			 cfg->printer_path);
		st->printer_ok = 1;
	} else {
		snprintf(st->printer, sizeof st->printer, "%s %s: %s", type, cfg->printer_path,
			 strerror(errno));
		st->printer_ok = 0;
	}
	printer_close(p);
}

void ctl_content_version(const struct config *cfg, char *out, size_t size)
{
	char *path = xprintf("%s/" BUNDLE_MANIFEST, cfg->content_dir), *text, *cause = NULL;
	struct manifest m;
	size_t len;

	out[0] = '\0';
	text = file_read(path, &len);
	free(path);
	if (text != NULL && manifest_parse(text, len, &m, &cause) == 0) {
		snprintf(out, size, "%s", m.version);
		manifest_free(&m);
	}
	free(cause);
	free(text);
}

int ctl_status_read(struct ctl *ctl, struct ctl_status *st)
{
	struct db *db = ctl_db(ctl);
	struct spool_counts counts;
	struct spool_footer footer;
	struct statvfs vfs;
	char *cause = NULL;
	FILE *f;

	memset(st, 0, sizeof *st);
	st->waiting = st->sent = st->quarantined = -1;
	st->uptime = -1;
	ctl_content_version(&ctl->cfg, st->content, sizeof st->content);
	status_printer(&ctl->cfg, st);
	if (statvfs(ctl->cfg.state_dir, &vfs) == 0) {
		st->disk_free = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
		st->disk_total = (unsigned long long)vfs.f_blocks * vfs.f_frsize;
	}
	f = fopen("/proc/uptime", "r");
	if (f != NULL) {
		double up;

		if (fscanf(f, "%lf", &up) == 1)
			st->uptime = (long long)up;
		fclose(f);
	}
	if (db == NULL || spool_counts(db, &counts, &cause) != 0 ||
	    spool_footer(db, &footer, &cause) != 0) {
		ctl_fail("%s", cause ? cause : "cannot open state.db");
		free(cause);
		return -1;
	}
	st->waiting = counts.waiting;
	st->sent = counts.sent;
	st->quarantined = counts.quarantined;
	st->last_upload = footer.last_upload;
	st->link = footer.link;
	if (calls_open(db, &st->calls_open, &st->calls_oldest, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The server's state as the worker last saw it: "offline" (no [upload]
 * url), "reached", "unreachable" or "unknown" (not tried yet). */
static const char *link_name(const struct config *cfg, const struct ctl_status *st)
{
	if (cfg->upload_url[0] == '\0')
		return "offline";
	return st->link == SPOOL_LINK_ONLINE	? "reached"
	       : st->link == SPOOL_LINK_OFFLINE ? "unreachable"
						: "unknown";
}

/* Prints the status as one JSON object. */
static void print_json(struct ctl *ctl, const struct ctl_status *st)
{
	json_t *doc = json_object();

	json_object_set_new(doc, "booth", json_string(ctl->cfg.booth_id));
	json_object_set_new(doc, "commune", json_string(ctl->cfg.commune));
	json_object_set_new(doc, "software", json_string(KIOSK_VERSION));
	json_object_set_new(doc, "content", json_pack("{s:o, s:s}", "version",
						      st->content[0] ? json_string(st->content)
								     : json_null(),
						      "dir", ctl->cfg.content_dir));
	json_object_set_new(doc, "requests", json_pack("{s:I, s:I, s:I}", "waiting",
						       (json_int_t)st->waiting, "sent",
						       (json_int_t)st->sent, "quarantined",
						       (json_int_t)st->quarantined));
	json_object_set_new(doc, "last_upload",
			    st->last_upload ? json_integer(st->last_upload) : json_null());
	json_object_set_new(doc, "server", json_string(link_name(&ctl->cfg, st)));
	json_object_set_new(doc, "printer", json_pack("{s:s, s:b, s:s}", "type",
						      ctl->cfg.printer_type, "ok", st->printer_ok,
						      "state", st->printer));
	json_object_set_new(doc, "disk", json_pack("{s:I, s:I}", "free",
						   (json_int_t)st->disk_free, "total",
						   (json_int_t)st->disk_total));
	json_object_set_new(doc, "helper_calls",
			    json_pack("{s:I, s:o}", "open", (json_int_t)st->calls_open, "oldest",
				      st->calls_oldest ? json_integer(st->calls_oldest) : json_null()));
	json_object_set_new(doc, "uptime", st->uptime >= 0 ? json_integer(st->uptime) : json_null());
	json_object_set_new(doc, "time", json_integer((json_int_t)time(NULL)));
	json_object_set_new(doc, "clock_ok", json_boolean(clock_known((long long)time(NULL))));
	ctl_json(doc);
}

/* Prints the status for a person. */
static void print_text(struct ctl *ctl, const struct ctl_status *st)
{
	char when[32], built[32];

	printf("booth        %s (%s)\n", ctl->cfg.booth_id, ctl->cfg.commune);
	printf("software     %s\n", KIOSK_VERSION);
	printf("content      %s (%s)\n", st->content[0] ? st->content : "not from a bundle",
	       ctl->cfg.content_dir);
	printf("requests     %ld waiting, %ld sent, %ld quarantined\n", st->waiting, st->sent,
	       st->quarantined);
	printf("last upload  %s (server %s)\n",
	       st->last_upload ? ctl_time(st->last_upload, when, sizeof when) : "never",
	       link_name(&ctl->cfg, st));
	printf("printer      %s\n", st->printer);
	if (st->calls_open > 0)
		printf("helper calls %ld OPEN, the oldest since %s (kioskctl calls)\n", st->calls_open,
		       ctl_time(st->calls_oldest, when, sizeof when));
	else
		printf("helper calls none open\n");
	printf("disk free    %.1f GiB of %.1f GiB\n", (double)st->disk_free / (1 << 30),
	       (double)st->disk_total / (1 << 30));
	if (st->uptime >= 0)
		printf("uptime       %lld days %02lld:%02lld\n", st->uptime / 86400,
		       st->uptime % 86400 / 3600, st->uptime % 3600 / 60);
	if (!clock_known((long long)time(NULL))) {
		clock_build_date(when, sizeof when);
		printf("clock        WRONG: %s is before this program was built (%s); set the time\n"
		       "             (NTP, timedatectl): until then times show as unknown, no\n"
		       "             expected dates are printed and TLS to the server fails\n",
		       ctl_time((long long)time(NULL), built, sizeof built), when);
	}
}

int ctl_status(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_status st;
	int json = argc == 2 && strcmp(argv[1], "--json") == 0;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl status [--json]\n\n"
		       "The booth at a glance: software and content versions, requests\n"
		       "waiting, sent and quarantined, the last upload, the printer, free disk\n"
		       "space in the state folder, and the time since the system started.\n"
		       "With --json: one object (times in unix seconds, sizes in bytes).\n");
		return 0;
	}
	if (argc > 2 || (argc == 2 && !json))
		return ctl_fail("usage: kioskctl status [--json]");
	if (ctl_status_read(ctl, &st) != 0)
		return 1;
	if (json)
		print_json(ctl, &st);
	else
		print_text(ctl, &st);
	return 0;
}
