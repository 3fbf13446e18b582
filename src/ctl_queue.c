/* kioskctl queue: the spool of requests as a helper sees it: what waits,
 * why one was quarantined, and sending it again (same bytes, same key). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "db.h"
#include "spool.h"
#include "util.h"

/* Where spool_list() puts what it lists: a JSON array or the terminal. */
struct listing {
	json_t *array;              /* NULL for text */
	long shown;
};

/* A request as a JSON object; the body only when the item holds it. */
static json_t *item_json(const struct spool_item *it)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(it->id));
	json_object_set_new(o, "receipt", json_string(it->receipt));
	json_object_set_new(o, "kind", json_string(it->kind));
	json_object_set_new(o, "procedure_code",
			    it->procedure_code[0] ? json_string(it->procedure_code) : json_null());
	json_object_set_new(o, "state", json_string(spool_state_name(it->state)));
	json_object_set_new(o, "created_at", json_integer(it->created_at));
	json_object_set_new(o, "time_known", json_boolean(it->time_known));
	json_object_set_new(o, "attempts", json_integer(it->attempts));
	json_object_set_new(o, "tried_at", it->tried_at ? json_integer(it->tried_at) : json_null());
	json_object_set_new(o, "next_try_at", it->state == SPOOL_WAITING
						      ? json_integer(it->next_try_at)
						      : json_null());
	json_object_set_new(o, "sent_at", it->sent_at ? json_integer(it->sent_at) : json_null());
	json_object_set_new(o, "last_error",
			    it->last_error[0] ? json_string(it->last_error) : json_null());
	json_object_set_new(o, "erased_at",
			    it->erased_at ? json_integer(it->erased_at) : json_null());
	json_object_set_new(o, "body_bytes", json_integer((json_int_t)it->body_len));
	if (it->body != NULL)
		json_object_set_new(o, "body", json_stringn(it->body, it->body_len));
	return o;
}

/* spool_list() callback: one request, as JSON or one line of text. */
static int list_one(const struct spool_item *it, void *arg)
{
	struct listing *l = arg;
	char created[32];

	l->shown++;
	if (l->array != NULL) {
		json_array_append_new(l->array, item_json(it));
		return 0;
	}
	printf("%-12s %-11s %5d  %-16s  %s\n", it->receipt, spool_state_name(it->state),
	       it->attempts, ctl_time(it->created_at, created, sizeof created),
	       it->last_error[0] ? it->last_error : "");
	return 0;
}

/* queue list [--state S|all] [--limit N] [--json] */
static int queue_list(struct db *db, int argc, char **argv)
{
	struct listing l = { NULL, 0 };
	struct spool_counts c;
	enum spool_state state, pending[] = { SPOOL_QUARANTINED, SPOOL_WAITING };
	const char *which = NULL;
	char *cause = NULL;
	long limit = 0;
	int json = 0, i, rc = 0;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--state") == 0 && i + 1 < argc)
			which = argv[++i];
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
			limit = atol(argv[++i]);
		else
			return ctl_fail("queue list: unexpected '%s'", argv[i]);
	}
	if (which != NULL && strcmp(which, "all") != 0 && spool_state_parse(which, &state) != 0)
		return ctl_fail("queue list: --state is waiting, sent, quarantined or all");
	if (spool_counts(db, &c, &cause) != 0)
		goto fail;
	if (json)
		l.array = json_array();
	else
		printf("waiting %ld, quarantined %ld, sent %ld\n\n"
		       "%-12s %-11s %5s  %-16s  %s\n",
		       c.waiting, c.quarantined, c.sent, "RECEIPT", "STATE", "TRIES", "CREATED",
		       "LAST ERROR");
	if (which == NULL) {
		/* What needs a helper first, then what waits. */
		for (i = 0; i < 2 && rc == 0 && (limit <= 0 || l.shown < limit); i++)
			rc = spool_list(db, &pending[i], limit > 0 ? limit - l.shown : 0, list_one,
					&l, &cause);
	} else {
		rc = spool_list(db, strcmp(which, "all") == 0 ? NULL : &state, limit, list_one, &l,
				&cause);
	}
	if (rc != 0) {
		json_decref(l.array);
		goto fail;
	}
	if (json)
		ctl_json(json_pack("{s:{s:I, s:I, s:I}, s:o}", "counts", "waiting",
				   (json_int_t)c.waiting, "quarantined", (json_int_t)c.quarantined,
				   "sent", (json_int_t)c.sent, "requests", l.array));
	return 0;
fail:
	ctl_fail("%s", cause);
	free(cause);
	return 1;
}

/* queue show ID|CODE [--json] */
static int queue_show(struct db *db, int argc, char **argv)
{
	struct spool_item it;
	const char *key = NULL;
	char *cause = NULL, t1[32], t2[32], t3[32], t4[32], t5[32], *body;
	int json = 0, i, found;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (key == NULL)
			key = argv[i];
		else
			return ctl_fail("queue show: unexpected '%s'", argv[i]);
	}
	if (key == NULL)
		return ctl_fail("usage: kioskctl queue show ID|RECEIPT [--json]");
	found = spool_find(db, key, &it, &cause);
	if (found < 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (found == 0)
		return ctl_fail("no request has the id or receipt code %s", key);
	if (json) {
		ctl_json(item_json(&it));
	} else {
		body = it.erased_at ? xprintf("erased on %s ([privacy] erase_after_days)\n",
					      ctl_time(it.erased_at, t5, sizeof t5))
				    : xprintf("%zu bytes\n%s", it.body_len, it.body);
		printf("receipt:     %s\nid:          %s\nkind:        %s\nprocedure:   %s\n"
		       "state:       %s\ncreated:     %s\nattempts:    %d\nlast try:    %s\n"
		       "next try:    %s\nsent:        %s\nlast error:  %s\nbody:        %s\n",
		       it.receipt, it.id, it.kind, it.procedure_code[0] ? it.procedure_code : "-",
		       spool_state_name(it.state),
		       it.time_known ? ctl_time(it.created_at, t1, sizeof t1)
				     : "unknown (the booth's clock was not set)",
		       it.attempts, ctl_time(it.tried_at, t2, sizeof t2),
		       it.state != SPOOL_WAITING		? "-"
		       : it.next_try_at <= (long long)time(NULL) ? "now"
								 : ctl_time(it.next_try_at, t3, sizeof t3),
		       ctl_time(it.sent_at, t4, sizeof t4), it.last_error[0] ? it.last_error : "-",
		       body);
		free(body);
	}
	spool_item_free(&it);
	return 0;
}

/* queue retry ID|CODE | --all */
static int queue_retry(struct db *db, int argc, char **argv)
{
	char *cause = NULL, what[160];
	long n = 0;

	if (argc != 3)
		return ctl_fail("usage: kioskctl queue retry ID|RECEIPT|--all");
	if (strcmp(argv[2], "--all") == 0) {
		if (spool_release_all(db, &n, &cause) != 0)
			goto fail;
		snprintf(what, sizeof what, "queue retry --all (%ld requests)", n);
		printf("%ld quarantined request%s will be sent again.\n", n, n == 1 ? "" : "s");
	} else {
		if (spool_release(db, argv[2], &cause) != 0)
			goto fail;
		snprintf(what, sizeof what, "queue retry %s", argv[2]);
		printf("%s will be sent again (same bytes, same Idempotency-Key).\n", argv[2]);
	}
	db_audit(db, "kioskctl", what);
	return 0;
fail:
	ctl_fail("%s", cause);
	free(cause);
	return 1;
}

int ctl_queue(struct ctl *ctl, int argc, char **argv)
{
	struct db *db;

	if (argc < 2 || ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl queue list [--state waiting|sent|quarantined|all]"
		       " [--limit N] [--json]\n"
		       "       kioskctl queue show ID|RECEIPT [--json]\n"
		       "       kioskctl queue retry ID|RECEIPT|--all\n\n"
		       "The spool of requests saved at this booth for the provincial server.\n"
		       "  list   the requests (by default the quarantined ones, then those\n"
		       "         waiting), oldest first, with counts; --json gives {\"counts\",\n"
		       "         \"requests\"} with times as unix seconds.\n"
		       "  show   one request: state, tries, the last error (why it was\n"
		       "         quarantined) and its exact upload bytes.\n"
		       "  retry  sends a quarantined request again, with the same bytes and\n"
		       "         the same Idempotency-Key (--all: every quarantined one), e.g.\n"
		       "         after the server's operator fixed what refused it.\n");
		return argc < 2 ? 1 : 0;
	}
	if (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "show") != 0 &&
	    strcmp(argv[1], "retry") != 0)
		return ctl_fail("queue: unknown action '%s' (list, show or retry)", argv[1]);
	db = ctl_db(ctl);
	if (db == NULL)
		return 1;
	if (strcmp(argv[1], "list") == 0)
		return queue_list(db, argc, argv);
	if (strcmp(argv[1], "show") == 0)
		return queue_show(db, argc, argv);
	return queue_retry(db, argc, argv);
}
