/* The spool of submissions: saving, claiming, acknowledging, backoff and
 * quarantine, over the submissions table of state.db (see spool.h). */
#include "spool.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "db.h"
#include "text.h"
#include "util.h"

#define KEY_LAST_OK "sync.last_upload"
#define KEY_LINK "sync.link"
#define KEY_LINK_AT "sync.link_at"
#define KEY_CONTACT "sync.last_contact"
#define KEY_PAUSED "sync.paused"             /* the server's answer */
#define KEY_PAUSED_AT "sync.paused_at"
#define KEY_PAUSED_CAUSE "sync.paused_cause"
#define KEY_PAUSED_HTTP "sync.paused_http"

/* The columns read into a spool_item, in the order item_read() expects. */
#define ITEM_COLS \
	"id, receipt, kind, procedure_code, created_at, state, attempts, next_try_at," \
	" tried_at, sent_at, last_error, length(body), body, erased_at, time_known," \
	" length(xml), xml, xform"

static const char *const state_names[] = { "waiting", "sent", "quarantined" };

const char *spool_state_name(enum spool_state state)
{
	return state_names[state];
}

int spool_state_parse(const char *name, enum spool_state *state)
{
	size_t i;

	for (i = 0; i < sizeof state_names / sizeof state_names[0]; i++) {
		if (strcmp(name, state_names[i]) == 0) {
			*state = (enum spool_state)i;
			return 0;
		}
	}
	return -1;
}

/* Copies a text column into out (size bytes), "" for NULL. */
static void column_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *v = sqlite3_column_text(st, col);

	snprintf(out, size, "%s", v ? (const char *)v : "");
}

/* Fills item from a row of ITEM_COLS; the body only when with_body. */
static void item_read(sqlite3_stmt *st, struct spool_item *item, int with_body)
{
	const unsigned char *err = sqlite3_column_text(st, 10);

	memset(item, 0, sizeof *item);
	column_copy(st, 0, item->id, sizeof item->id);
	column_copy(st, 1, item->receipt, sizeof item->receipt);
	column_copy(st, 2, item->kind, sizeof item->kind);
	column_copy(st, 3, item->procedure_code, sizeof item->procedure_code);
	item->created_at = sqlite3_column_int64(st, 4);
	if (spool_state_parse((const char *)sqlite3_column_text(st, 5), &item->state) != 0)
		item->state = SPOOL_WAITING; /* the schema's CHECK allows no other */
	item->attempts = sqlite3_column_int(st, 6);
	item->next_try_at = sqlite3_column_int64(st, 7);
	item->tried_at = sqlite3_column_int64(st, 8);
	item->sent_at = sqlite3_column_int64(st, 9);
	item->erased_at = sqlite3_column_int64(st, 13);
	item->time_known = sqlite3_column_int(st, 14);
	item->last_error = xstrdup(err ? (const char *)err : "");
	item->body_len = (size_t)sqlite3_column_int64(st, 11);
	if (with_body) {
		item->body = xmalloc(item->body_len + 1);
		if (item->body_len > 0)
			memcpy(item->body, sqlite3_column_blob(st, 12), item->body_len);
		item->body[item->body_len] = '\0';
		if (sqlite3_column_type(st, 16) != SQLITE_NULL) {
			item->xml_len = (size_t)sqlite3_column_int64(st, 15);
			item->xml = xmalloc(item->xml_len + 1);
			if (item->xml_len > 0)
				memcpy(item->xml, sqlite3_column_blob(st, 16), item->xml_len);
			item->xml[item->xml_len] = '\0';
		}
	}
	column_copy(st, 17, item->xform, sizeof item->xform);
}

void spool_item_free(struct spool_item *item)
{
	free(item->last_error);
	free(item->body);
	free(item->xml);
	memset(item, 0, sizeof *item);
}

void spool_new_id(char out[SPOOL_ID_MAX + 1])
{
	unsigned char b[16];
	size_t got = 0;

	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);

		if (n > 0)
			got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	snprintf(out, SPOOL_ID_MAX + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
}

int spool_code_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max)
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* True when s is 1 to max printable ASCII characters without spaces. */
static int word_ok(const char *s, size_t max)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] > '~')
			return 0;
	return 1;
}

/* Checks the OpenRosa bytes of a request; returns NULL or why they are
 * refused. */
static char *xml_check(const struct spool_request *req)
{
	char *text, *want;
	int ok;

	if (req->xform == NULL || !word_ok(req->xform, 63))
		return xstrdup("the XForm id must be a word of at most 63 characters");
	if (memchr(req->xml, '\0', req->xml_len) != NULL)
		return xstrdup("the OpenRosa bytes must be text without NUL bytes");
	text = xstrndup(req->xml, req->xml_len);
	want = xprintf("<instanceID>uuid:%s</instanceID>", req->id);
	ok = text_is_nfc(text) && strstr(text, want) != NULL;
	free(want);
	free(text);
	return ok ? NULL : xstrdup("the OpenRosa bytes must be NFC UTF-8 with the request's instanceID");
}

/* Checks a request before saving; returns NULL or why it is refused. */
static char *request_check(const struct spool_request *req)
{
	char *text;
	json_t *doc, *id;
	json_error_t jerr;
	int same;

	if (req->id == NULL || !spool_code_ok(req->id, SPOOL_ID_MAX))
		return xstrdup("the id must be 1 to 64 letters, digits or '-'");
	if (req->receipt == NULL || !spool_code_ok(req->receipt, SPOOL_RECEIPT_MAX))
		return xstrdup("the receipt code must be 1 to 32 letters, digits or '-'");
	if (req->kind == NULL || !word_ok(req->kind, 31))
		return xstrdup("the kind must be a word of at most 31 characters");
	if (req->procedure_code != NULL && !word_ok(req->procedure_code, 63))
		return xstrdup("the procedure code must be a word of at most 63 characters");
	if (req->body == NULL || memchr(req->body, '\0', req->body_len) != NULL)
		return xstrdup("the body must be text without NUL bytes");
	text = xstrndup(req->body, req->body_len);
	same = text_is_nfc(text);
	free(text);
	if (!same)
		return xstrdup("the body must be UTF-8 in NFC");
	doc = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (doc == NULL)
		return xprintf("the body is not JSON: %s", jerr.text);
	id = json_object_get(doc, "id");
	same = json_is_string(id) && strcmp(json_string_value(id), req->id) == 0;
	json_decref(doc);
	if (!same)
		return xstrdup("the body must be a JSON object whose \"id\" is the request's id");
	return req->xml != NULL ? xml_check(req) : NULL;
}

int spool_enqueue(struct db *db, const struct spool_request *req, char **cause)
{
	sqlite3_stmt *st;
	char *why = request_check(req);

	if (why != NULL) {
		*cause = xprintf("request not saved: %s", why);
		free(why);
		return -1;
	}
	st = db_prepare_kept(db,
		     "INSERT INTO submissions (id, receipt, kind, procedure_code, created_at, body,"
		     " state, attempts, next_try_at, time_known, xml, xform)"
		     " VALUES (?, ?, ?, ?, ?, ?, 'waiting', 0, 0, ?, ?, ?)",
		     "request not saved", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, req->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, req->receipt, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, req->kind, -1, SQLITE_STATIC);
	if (req->procedure_code != NULL)
		sqlite3_bind_text(st, 4, req->procedure_code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, req->created_at);
	sqlite3_bind_blob64(st, 6, req->body, req->body_len, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, !req->time_unknown);
	if (req->xml != NULL) {
		sqlite3_bind_blob64(st, 8, req->xml, req->xml_len, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, req->xform, -1, SQLITE_STATIC);
	}
	/* One statement in autocommit mode: its own transaction, committed
	 * (and synced) before sqlite3_step() returns SQLITE_DONE. */
	return db_done(db, st, "request not saved", cause) < 0 ? -1 : 0;
}

int spool_worker_durability(struct db *db, char **cause)
{
	return db_exec(db, "PRAGMA synchronous = NORMAL", "cannot set up the worker",
		    cause);
}

int spool_claim(struct db *db, long long now, struct spool_item *item, char **cause)
{
	sqlite3_stmt *st;
	int rc, got = 0;

	st = db_prepare(db,
		     "UPDATE submissions SET attempts = attempts + 1, tried_at = ?1"
		     " WHERE rowid = (SELECT rowid FROM submissions"
		     "  WHERE state = 'waiting' AND next_try_at <= ?1"
		     "  ORDER BY created_at, rowid LIMIT 1)"
		     " RETURNING " ITEM_COLS, "cannot claim a request", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		item_read(st, item, 1);
		got = 1;
		rc = sqlite3_step(st); /* the commit happens here */
		if (rc != SQLITE_DONE)
			spool_item_free(item);
	}
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, "cannot claim a request");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return got;
}

/* Formats a number as a setting value. */
static void setting_put(struct db *db, const char *key, long long v, int *ok)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	if (*ok && db_setting_set(db, key, buf) != 0)
		*ok = 0;
}

int spool_ack(struct db *db, const char *id, long long now, char **cause)
{
	sqlite3_stmt *st;
	int ok = 1, n;

	if (db_begin(db, "cannot record the acknowledgement", cause) != 0)
		return -1;
	st = db_prepare(db,
		     "UPDATE submissions SET state = 'sent', sent_at = ?, next_try_at = 0,"
		     " last_error = NULL WHERE id = ?", "cannot record the acknowledgement", cause);
	if (st == NULL)
		return db_rollback(db);
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	n = db_done(db, st, "cannot record the acknowledgement", cause);
	if (n < 0)
		return db_rollback(db);
	if (n == 0) {
		*cause = xprintf("no request has the id %s", id);
		return db_rollback(db);
	}
	setting_put(db, KEY_LAST_OK, now, &ok);
	if (!ok) {
		*cause = db_cause(db, "cannot record the acknowledgement");
		return db_rollback(db);
	}
	return db_commit(db, "cannot record the acknowledgement", cause);
}

long spool_backoff_ms(const struct spool_policy *policy, int attempts, unsigned rnd)
{
	long step = policy->base_ms > 0 ? policy->base_ms : 1;
	int i;

	for (i = 1; i < attempts && step < policy->max_ms; i++)
		step *= 2;
	if (step > policy->max_ms)
		step = policy->max_ms;
	return step - step / 2 + (long)(rnd % ((unsigned long)(step / 2) + 1));
}

long spool_delay_ms(const struct spool_policy *policy, int attempts, long retry_after,
		    unsigned rnd)
{
	long delay = spool_backoff_ms(policy, attempts, rnd);

	if (retry_after > SPOOL_RETRY_AFTER_MAX)
		retry_after = SPOOL_RETRY_AFTER_MAX;
	if (retry_after * 1000 > delay)
		delay = retry_after * 1000;
	return delay;
}

/* Runs an UPDATE of one request by id that must change exactly one row. */
static int update_one(struct db *db, const char *query, const char *id, long long num,
		      const char *text, const char *doing, char **cause)
{
	sqlite3_stmt *st = db_prepare(db, query, doing, cause);
	int n;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, num);
	if (text != NULL)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	n = db_done(db, st, doing, cause);
	if (n == 0)
		*cause = xprintf("%s: no waiting request has the id %s", doing, id);
	return n == 1 ? 0 : -1;
}

int spool_retry(struct db *db, const char *id, const struct spool_policy *policy,
		long retry_after, const char *reason, long long now_ms, long *delay_ms,
		char **cause)
{
	sqlite3_stmt *st;
	int attempts = 0, rc;

	st = db_prepare(db, "SELECT attempts FROM submissions WHERE id = ?",
		     "cannot schedule a retry", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		attempts = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	*delay_ms = spool_delay_ms(policy, attempts, retry_after, arc4random());
	/* Rounded down to the second: the worker waits the exact delay in
	 * memory, and a fresh worker may only try a little early. */
	return update_one(db,
			  "UPDATE submissions SET next_try_at = ?2, last_error = ?3"
			  " WHERE id = ?1 AND state = 'waiting'",
			  id, (now_ms + *delay_ms) / 1000, reason, "cannot schedule a retry", cause);
}

int spool_quarantine(struct db *db, const char *id, const char *reason, char **cause)
{
	return update_one(db,
			  "UPDATE submissions SET state = 'quarantined', next_try_at = ?2,"
			  " last_error = ?3 WHERE id = ?1 AND state = 'waiting'",
			  id, 0, reason, "cannot quarantine the request", cause);
}

int spool_release(struct db *db, const char *id_or_receipt, char **cause)
{
	struct spool_item item;
	int found = spool_find(db, id_or_receipt, &item, cause);
	int rc;

	if (found <= 0) {
		if (found == 0)
			*cause = xprintf("no request has the id or receipt code %s", id_or_receipt);
		return -1;
	}
	if (item.state == SPOOL_SENT) {
		*cause = xprintf("request %s was already acknowledged by the server",
				 item.receipt);
		spool_item_free(&item);
		return -1;
	}
	rc = update_one(db,
			"UPDATE submissions SET state = 'waiting', next_try_at = ?2"
			" WHERE id = ?1 AND state != 'sent'",
			item.id, 0, NULL, "cannot retry the request", cause);
	spool_item_free(&item);
	return rc;
}

int spool_release_all(struct db *db, long *n, char **cause)
{
	sqlite3_stmt *st = db_prepare(db,
				   "UPDATE submissions SET state = 'waiting', next_try_at = 0"
				   " WHERE state = 'quarantined'",
				   "cannot retry the quarantined requests", cause);
	int changed;

	if (st == NULL)
		return -1;
	changed = db_done(db, st, "cannot retry the quarantined requests", cause);
	*n = changed;
	return changed < 0 ? -1 : 0;
}

int spool_due_now(struct db *db, char **cause)
{
	sqlite3_stmt *st = db_prepare(db,
				   "UPDATE submissions SET next_try_at = 0"
				   " WHERE state = 'waiting' AND next_try_at > 0",
				   "cannot reschedule the waiting requests", cause);

	if (st == NULL)
		return -1;
	return db_done(db, st, "cannot reschedule the waiting requests", cause) < 0 ? -1 : 0;
}

int spool_find(struct db *db, const char *id_or_receipt, struct spool_item *item,
	       char **cause)
{
	sqlite3_stmt *st = db_prepare(db,
				   "SELECT " ITEM_COLS " FROM submissions"
				   " WHERE id = ?1 OR receipt = ?1 LIMIT 1",
				   "cannot read the spool", cause);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id_or_receipt, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		item_read(st, item, 1);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the spool");
		found = -1;
	}
	sqlite3_finalize(st);
	return found;
}

int spool_list(struct db *db, const enum spool_state *state, long limit, spool_each_fn *fn,
	       void *arg, char **cause)
{
	sqlite3_stmt *st = db_prepare(db,
				   "SELECT " ITEM_COLS " FROM submissions"
				   " WHERE ?1 IS NULL OR state = ?1"
				   " ORDER BY created_at, rowid LIMIT ?2",
				   "cannot list the spool", cause);
	struct spool_item item;
	int rc, stop = 0;

	if (st == NULL)
		return -1;
	if (state != NULL)
		sqlite3_bind_text(st, 1, spool_state_name(*state), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		item_read(st, &item, 0);
		stop = fn(&item, arg);
		spool_item_free(&item);
	}
	if (!stop && rc != SQLITE_DONE) {
		*cause = db_cause(db, "cannot list the spool");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Which requests spool_erase_due() erases: ?1 is the latest time of
 * acknowledgement old enough. */
#define ERASE_DUE \
	" WHERE state = 'sent' AND erased_at IS NULL AND sent_at IS NOT NULL" \
	" AND sent_at > 0 AND sent_at <= ?1"

int spool_erase_due(struct db *db, long long now, long long clock_min, int days, int dry_run,
		    spool_each_fn *fn, void *arg, long *n, char **cause)
{
	static const char doing[] = "cannot erase personal details";
	struct spool_item item;
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (days <= 0 || now < clock_min)
		return 0;
	if (db_begin(db, doing, cause) != 0)
		return -1;
	st = db_prepare(db, "UPDATE submissions SET sent_at = ?1 WHERE state = 'sent'"
		     " AND erased_at IS NULL AND sent_at <= 0", doing, cause);
	if (st == NULL)
		return db_rollback(db);
	sqlite3_bind_int64(st, 1, now);
	if (db_done(db, st, doing, cause) < 0)
		return db_rollback(db);
	st = db_prepare(db, "SELECT " ITEM_COLS " FROM submissions" ERASE_DUE
		     " ORDER BY sent_at, rowid", doing, cause);
	if (st == NULL)
		return db_rollback(db);
	sqlite3_bind_int64(st, 1, now - (long long)days * 86400);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		item_read(st, &item, 0);
		(*n)++;
		if (fn != NULL)
			fn(&item, arg);
		spool_item_free(&item);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, doing);
		return db_rollback(db);
	}
	if (dry_run) {
		db_rollback(db);
		return 0;
	}
	if (*n == 0) /* the new dates of acknowledgements, if any */
		return db_commit(db, doing, cause);
	st = db_prepare(db, "UPDATE submissions SET body = zeroblob(0), erased_at = ?2,"
		     " xml = CASE WHEN xml IS NULL THEN NULL ELSE zeroblob(0) END" ERASE_DUE,
		     doing, cause);
	if (st == NULL)
		return db_rollback(db);
	sqlite3_bind_int64(st, 1, now - (long long)days * 86400);
	sqlite3_bind_int64(st, 2, now);
	/* Notes of requests erased before stay gone: the schema refuses them. */
	if (db_done(db, st, doing, cause) < 0 ||
	    db_exec(db, "UPDATE dossier_status SET note = NULL WHERE note IS NOT NULL AND receipt IN"
		 " (SELECT receipt FROM submissions WHERE erased_at IS NOT NULL)", doing, cause) != 0 ||
	    db_commit(db, doing, cause) != 0)
		return db_rollback(db);
	/* Another reader may hold the log for a moment: its old frames are
	 * then overwritten by the next checkpoint. */
	db_checkpoint(db);
	return 0;
}

int spool_counts(struct db *db, struct spool_counts *counts, char **cause)
{
	sqlite3_stmt *st = db_row(db,
				   "SELECT"
				   " (SELECT count(*) FROM submissions WHERE state = 'waiting'),"
				   " (SELECT count(*) FROM submissions WHERE state = 'sent'),"
				   " (SELECT count(*) FROM submissions WHERE state = 'quarantined')",
				   "cannot count the spool", cause);

	if (st == NULL)
		return -1;
	counts->waiting = (long)sqlite3_column_int64(st, 0);
	counts->sent = (long)sqlite3_column_int64(st, 1);
	counts->quarantined = (long)sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	return 0;
}

int spool_link_set(struct db *db, int online, long long now, char **cause)
{
	int ok = 1;

	if (db_begin(db, "cannot record the link state", cause) != 0)
		return -1;
	if (db_setting_set(db, KEY_LINK, online ? "online" : "offline") != 0)
		ok = 0;
	setting_put(db, KEY_LINK_AT, now, &ok);
	if (online)
		setting_put(db, KEY_CONTACT, now, &ok);
	if (!ok) {
		*cause = db_cause(db, "cannot record the link state");
		return db_rollback(db);
	}
	return db_commit(db, "cannot record the link state", cause);
}

int spool_pause_set(struct db *db, const struct spool_pause *pause, char **cause)
{
	static const char doing[] = "cannot record whether sending is paused";
	int ok = 1;

	if (db_begin(db, doing, cause) != 0)
		return -1;
	if (db_setting_set(db, KEY_PAUSED, pause ? pause->reason : NULL) != 0 ||
	    db_setting_set(db, KEY_PAUSED_CAUSE, pause ? pause->cause : NULL) != 0)
		ok = 0;
	if (pause != NULL) {
		setting_put(db, KEY_PAUSED_HTTP, pause->http, &ok);
		setting_put(db, KEY_PAUSED_AT, pause->since, &ok);
	} else if (db_setting_set(db, KEY_PAUSED_HTTP, NULL) != 0 ||
		   db_setting_set(db, KEY_PAUSED_AT, NULL) != 0) {
		ok = 0;
	}
	if (!ok) {
		*cause = db_cause(db, doing);
		return db_rollback(db);
	}
	return db_commit(db, doing, cause);
}

int spool_pause_get(struct db *db, struct spool_pause *pause, char **cause)
{
	sqlite3_stmt *st = db_row(db,
				  "SELECT"
				  " (SELECT value FROM settings WHERE key = '" KEY_PAUSED "'),"
				  " (SELECT value FROM settings WHERE key = '" KEY_PAUSED_HTTP "'),"
				  " (SELECT value FROM settings WHERE key = '" KEY_PAUSED_AT "'),"
				  " (SELECT value FROM settings WHERE key = '" KEY_PAUSED_CAUSE "')",
				  "cannot read whether sending is paused", cause);
	int paused;

	if (st == NULL)
		return -1;
	memset(pause, 0, sizeof *pause);
	paused = sqlite3_column_type(st, 0) != SQLITE_NULL;
	column_copy(st, 0, pause->reason, sizeof pause->reason);
	pause->http = (long)sqlite3_column_int64(st, 1);
	pause->since = sqlite3_column_int64(st, 2);
	column_copy(st, 3, pause->cause, sizeof pause->cause);
	sqlite3_finalize(st);
	return paused;
}

int spool_footer(struct db *db, struct spool_footer *footer, char **cause)
{
	sqlite3_stmt *st = db_row(db,
				   "SELECT"
				   " (SELECT count(*) FROM submissions WHERE state = 'waiting'),"
				   " (SELECT count(*) FROM submissions WHERE state = 'quarantined'),"
				   " (SELECT value FROM settings WHERE key = '" KEY_LAST_OK "'),"
				   " (SELECT value FROM settings WHERE key = '" KEY_LINK "'),"
				   " (SELECT value FROM settings WHERE key = '" KEY_LINK_AT "'),"
				   " (SELECT value FROM settings WHERE key = '" KEY_CONTACT "'),"
				   " (SELECT coalesce((SELECT value FROM settings"
				   "   WHERE key = '" KEY_PAUSED_CAUSE "'),"
				   "  (SELECT 'server' FROM settings WHERE key = '" KEY_PAUSED "')))",
				   "cannot read the spool", cause);
	const unsigned char *link;

	if (st == NULL)
		return -1;
	footer->waiting = (long)sqlite3_column_int64(st, 0);
	footer->quarantined = (long)sqlite3_column_int64(st, 1);
	footer->last_upload = sqlite3_column_int64(st, 2);
	link = sqlite3_column_text(st, 3);
	footer->link = link == NULL ? SPOOL_LINK_UNKNOWN
		     : strcmp((const char *)link, "online") == 0 ? SPOOL_LINK_ONLINE
								 : SPOOL_LINK_OFFLINE;
	footer->link_at = sqlite3_column_int64(st, 4);
	footer->last_contact = sqlite3_column_int64(st, 5);
	column_copy(st, 6, footer->paused, sizeof footer->paused);
	sqlite3_finalize(st);
	return 0;
}
