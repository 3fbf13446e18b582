/* kioskctl erase-due: erases the personal details of the requests the
 * server acknowledged [privacy] erase_after_days ago or more (see
 * spool_erase_due). The sync worker does the same after its sends. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "spool.h"
#include "util.h"

/* spool_erase_due() callback: one line per request, or a JSON entry. */
static int show(const struct spool_item *it, void *arg)
{
	json_t *list = arg;
	char sent[32];

	if (list != NULL)
		json_array_append_new(list, json_pack("{s:s, s:s, s:I}", "receipt", it->receipt,
						      "kind", it->kind, "sent_at",
						      (json_int_t)it->sent_at));
	else
		printf("%-14s %-10s acknowledged %s\n", it->receipt, it->kind,
		       ctl_time(it->sent_at, sent, sizeof sent));
	return 0;
}

/* Writes an erasure of n requests in the audit log. */
static void audit(struct db *db, long n)
{
	char what[96];

	snprintf(what, sizeof what, "erased the personal details of %ld request(s)", n);
	db_audit(db, ctl_who(), what);
}

int ctl_erase_run(struct ctl *ctl, long long now, long *n, char **cause)
{
	struct db *db = ctl_db(ctl);

	*n = 0;
	if (db == NULL) {
		*cause = xstrdup("no state.db");
		return -1;
	}
	if (spool_erase_due(db, now, clock_build_time(), ctl->cfg.privacy_erase_after_days, 0,
			    NULL, NULL, n, cause) != 0)
		return -1;
	if (*n > 0)
		audit(db, *n);
	return 0;
}

int ctl_erase_due(struct ctl *ctl, int argc, char **argv)
{
	int i, json = 0, dry_run = 0, days = ctl->cfg.privacy_erase_after_days;
	json_t *list = NULL;
	char *cause = NULL;
	struct db *db;
	long n = 0;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl erase-due [--dry-run] [--json]\n\n"
		       "Erases the personal details (the form's values, the upload bytes, the\n"
		       "note of the cached dossier status) of every request the server\n"
		       "acknowledged at least [privacy] erase_after_days days ago (now %d; 0\n"
		       "never erases). Its receipt code, procedure, status and dates stay, so\n"
		       "lookups and reprints still work. The sync worker does this too.\n"
		       "  --dry-run  only list what would be erased\n"
		       "  --json     {\"dry_run\", \"erase_after_days\", \"erased\", \"requests\":\n"
		       "             [{\"receipt\", \"kind\", \"sent_at\"}]} (unix seconds)\n",
		       days);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = 1;
		else
			return ctl_fail("usage: kioskctl erase-due [--dry-run] [--json]");
	}
	db = ctl_db(ctl);
	if (db == NULL)
		return 1;
	if (json)
		list = json_array();
	if (spool_erase_due(db, (long long)time(NULL), clock_build_time(), days, dry_run, show,
			    list, &n, &cause) != 0) {
		json_decref(list);
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (!dry_run && n > 0)
		audit(db, n);
	if (json)
		ctl_json(json_pack("{s:b, s:i, s:I, s:o}", "dry_run", dry_run, "erase_after_days",
				   days, "erased", (json_int_t)(dry_run ? 0 : n), "requests",
				   list));
	else if (days == 0)
		printf("[privacy] erase_after_days is 0: nothing is ever erased\n");
	else
		printf("%s %ld request(s) acknowledged %d or more days ago\n",
		       dry_run ? "would erase" : "erased", n, days);
	return 0;
}
