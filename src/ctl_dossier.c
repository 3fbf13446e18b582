/* kioskctl dossier: one dossier's status by receipt code, asked of the
 * server with a short timeout and cached, or read from the cache when the
 * server cannot be reached. The kiosk's lookup screen runs it as a child
 * process and reads its --json line (format in docs/API.md). */
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "db.h"
#include "dossier.h"
#include "spool.h"
#include "upload.h"
#include "util.h"

/* The lookup, whatever its outcome. */
struct lookup {
	char code[DOSSIER_CODE_MAX];  /* tidied by dossier_code() */
	struct dossier_status d;
	int found;                  /* a status is known */
	const char *source;         /* "server", "cache" or "none" */
	int online;                 /* the server answered just now */
	const char *spool;          /* this booth's request's state, or NULL */
	char error[256];            /* why the server gave no status, or "" */
};

/* Asks the server; fills l and caches what it says. */
static void ask_server(struct ctl *ctl, struct db *db, struct lookup *l)
{
	static const volatile sig_atomic_t never = 0;
	struct upload_result res;
	struct upload *up;
	char *cause = NULL;
	int found;

	up = upload_open(&ctl->cfg, &never, &cause);
	if (up == NULL) {
		snprintf(l->error, sizeof l->error, "%s", cause);
		free(cause);
		return;
	}
	if (ctl->cfg.upload_protocol == PROTOCOL_OPENROSA)
		found = ctl_central_status(&ctl->cfg, db, up, l->code, ctl->cfg.upload_lookup_timeout,
					   &l->d, &res);
	else
		found = upload_dossier(up, l->code, ctl->cfg.upload_lookup_timeout, &l->d, &res);
	upload_close(up);
	l->online = res.reached;
	if (spool_link_set(db, res.reached, (long long)time(NULL), &cause) != 0) {
		free(cause);
		cause = NULL;
	}
	if (found < 0) {
		snprintf(l->error, sizeof l->error, "%s", res.reason);
		return;
	}
	l->source = "server";
	l->found = found;
	if (found && dossier_status_put(db, &l->d, &cause) != 0) {
		snprintf(l->error, sizeof l->error, "%s", cause);
		free(cause);
	}
}

/* Prints the outcome as one JSON line. */
static void print_json(const struct lookup *l)
{
	json_t *o = json_object();

	json_object_set_new(o, "receipt", json_string(l->code));
	json_object_set_new(o, "found", json_boolean(l->found));
	json_object_set_new(o, "source", json_string(l->source));
	json_object_set_new(o, "status", l->found ? json_string(l->d.status) : json_null());
	json_object_set_new(o, "note", l->found && l->d.note ? json_string(l->d.note)
							     : json_null());
	json_object_set_new(o, "updated_at", l->found && l->d.updated_at >= 0
						     ? json_integer(l->d.updated_at)
						     : json_null());
	json_object_set_new(o, "fetched_at", l->found ? json_integer(l->d.fetched_at)
						      : json_null());
	json_object_set_new(o, "procedure", l->found && l->d.procedure ? json_string(l->d.procedure)
								       : json_null());
	json_object_set_new(o, "submitted", l->found && l->d.submitted[0] ? json_string(l->d.submitted)
									   : json_null());
	json_object_set_new(o, "due", l->found && l->d.due[0] ? json_string(l->d.due) : json_null());
	json_object_set_new(o, "online", json_boolean(l->online));
	json_object_set_new(o, "spool", l->spool ? json_string(l->spool) : json_null());
	json_object_set_new(o, "error", l->error[0] ? json_string(l->error) : json_null());
	ctl_json(o);
}

/* Prints the outcome for a helper. */
static void print_text(const struct lookup *l)
{
	char t1[32], t2[32];

	if (l->found)
		printf("%s: %s (changed %s)%s%s\n", l->code, l->d.status,
		       ctl_time(l->d.updated_at > 0 ? l->d.updated_at : 0, t1, sizeof t1),
		       l->d.note ? ": " : "", l->d.note ? l->d.note : "");
	else
		printf("%s: no status known\n", l->code);
	if (l->found && l->d.procedure)
		printf("procedure: %s\n", l->d.procedure);
	if (l->found && (l->d.submitted[0] || l->d.due[0]))
		printf("submitted: %s, due: %s\n", l->d.submitted[0] ? l->d.submitted : "unknown",
		       l->d.due[0] ? l->d.due : "unknown");
	if (strcmp(l->source, "cache") == 0)
		printf("from the booth's cache, learnt %s\n", ctl_time(l->d.fetched_at, t2, sizeof t2));
	if (l->spool != NULL)
		printf("this booth's request: %s\n", l->spool);
	if (l->error[0])
		printf("server: %s\n", l->error);
}

int ctl_dossier(struct ctl *ctl, int argc, char **argv)
{
	struct lookup l;
	struct spool_item it;
	struct db *db;
	const char *typed = NULL;
	char *cause = NULL;
	int json = 0, i, got;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl dossier CODE [--json]\n\n"
		       "Asks the provincial server for the status of the dossier with this\n"
		       "receipt code or national dossier code (waiting at most [upload]\n"
		       "lookup_timeout seconds) and caches it; when the server cannot be\n"
		       "reached, shows the last status cached at this booth. Exit status: 0 a\n"
		       "status is known, 3 none is, 1 an error. --json prints one line,\n"
		       "documented in docs/API.md.\n");
		return 0;
	}
	memset(&l, 0, sizeof l);
	l.source = "none";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (typed == NULL)
			typed = argv[i];
		else
			return ctl_fail("dossier: unexpected '%s'", argv[i]);
	}
	if (typed == NULL)
		return ctl_fail("usage: kioskctl dossier CODE [--json]");
	if (dossier_code(typed, l.code, sizeof l.code) == DOSSIER_INVALID)
		return ctl_fail("dossier: '%s' is not a receipt or dossier code", typed);
	if ((db = ctl_db(ctl)) == NULL)
		return 1;
	got = spool_find(db, l.code, &it, &cause);
	if (got < 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (got == 1) {
		l.spool = strcmp(it.receipt, l.code) == 0 ? spool_state_name(it.state) : NULL;
		spool_item_free(&it);
	}
	ask_server(ctl, db, &l);
	if (strcmp(l.source, "server") != 0) {
		got = dossier_status_get(db, l.code, &l.d, &cause);
		if (got < 0) {
			ctl_fail("%s", cause);
			free(cause);
			return 1;
		}
		if (got == 1) {
			l.found = 1;
			l.source = "cache";
		}
	}
	if (json)
		print_json(&l);
	else
		print_text(&l);
	dossier_status_clear(&l.d);
	return l.found ? 0 : 3;
}
