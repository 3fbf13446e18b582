/* Tests for spool.c and dossier.c on a real state.db in a scratch folder:
 * ordering, backoff bounds, Retry-After, quarantine, frozen bytes, locked
 * and full databases, the footer, the status cache. */
#include "unit.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "dossier.h"
#include "spool.h"
#include "util.h"

struct fixture {
	char dir[64];
	char path[128];
	struct db *db;
};

/* Opens a fresh state.db in a new scratch folder. */
static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/kiosk-unit-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof f->path, "%s/state.db", f->dir);
	f->db = db_open(f->path, &cause);
	if (f->db == NULL) {
		fprintf(stderr, "%s\n", cause);
		return -1;
	}
	*state = f;
	return 0;
}

/* Closes the database and removes the scratch folder. */
static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[160];

	db_close(f->db);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Saves a request from the villager name with this receipt and creation
 * time; its id goes to id_out when given. Returns what spool_enqueue()
 * returned. */
static int save_named(struct db *db, const char *receipt, long long created, const char *name,
		      char *id_out)
{
	char id[SPOOL_ID_MAX + 1], *body, *cause = NULL;
	struct spool_request req;
	int rc;

	spool_new_id(id);
	body = xprintf("{\"id\":\"%s\",\"receipt\":\"%s\",\"fields\":{\"name\":\"%s\"}}",
		       id, receipt, name);
	req = (struct spool_request){ id, receipt, "procedure", NULL, created, body,
				      strlen(body), 0 };
	rc = spool_enqueue(db, &req, &cause);
	free(cause);
	free(body);
	if (id_out != NULL)
		memcpy(id_out, id, sizeof id);
	return rc;
}

/* save_named() with the usual villager. */
static int save(struct db *db, const char *receipt, long long created, char *id_out)
{
	return save_named(db, receipt, created, "Hoàng Văn Thuỷ", id_out);
}

/* Claims at time now and returns the receipt claimed ("" for none). */
static const char *claim(struct db *db, long long now)
{
	static char receipt[SPOOL_RECEIPT_MAX + 1];
	struct spool_item it;
	char *cause = NULL;
	int got = spool_claim(db, now, &it, &cause);

	assert_true(got >= 0);
	receipt[0] = '\0';
	if (got == 1) {
		snprintf(receipt, sizeof receipt, "%s", it.receipt);
		spool_item_free(&it);
	}
	return receipt;
}

/* Counts rows of the submissions table. */
static long rows(struct fixture *f)
{
	struct spool_counts c;
	char *cause = NULL;

	assert_int_equal(spool_counts(f->db, &c, &cause), 0);
	return c.waiting + c.sent + c.quarantined;
}

static void test_claims_oldest_first(void **state)
{
	struct fixture *f = *state;
	struct spool_item it;
	char *cause = NULL;

	assert_int_equal(save(f->db, "B1", 200, NULL), 0);
	assert_int_equal(save(f->db, "B2", 200, NULL), 0);
	assert_int_equal(save(f->db, "A1", 100, NULL), 0);
	/* Oldest by creation time, then in the order they were saved. */
	assert_int_equal(spool_claim(f->db, 1000, &it, &cause), 1);
	assert_string_equal(it.receipt, "A1");
	assert_int_equal(it.attempts, 1);
	assert_int_equal(it.tried_at, 1000);
	assert_non_null(strstr(it.body, "Hoàng Văn Thuỷ"));
	spool_item_free(&it);
	/* Claimed but not acknowledged: still the oldest due. */
	assert_string_equal(claim(f->db, 1001), "A1");
	assert_int_equal(spool_ack(f->db, spool_find(f->db, "A1", &it, &cause) == 1 ? it.id : "",
				   1002, &cause), 0);
	spool_item_free(&it);
	assert_string_equal(claim(f->db, 1003), "B1");
}

static void test_enqueue_refuses_bad_requests(void **state)
{
	struct fixture *f = *state;
	char id[SPOOL_ID_MAX + 1], *cause = NULL;
	const char *nfd = "{\"id\":\"x-1\",\"name\":\"Vie\xcc\x82\xcc\xa3t\"}";
	struct spool_request req = { "x-1", "R1", "procedure", NULL, 1, "{\"id\":\"x-2\"}", 12, 0 };

	/* The body must echo the id. */
	assert_int_equal(spool_enqueue(f->db, &req, &cause), -1);
	assert_non_null(strstr(cause, "\"id\""));
	free(cause);
	req.body = "<html>";
	req.body_len = 6;
	assert_int_equal(spool_enqueue(f->db, &req, &cause), -1);
	free(cause);
	req.body = nfd;
	req.body_len = strlen(nfd);
	assert_int_equal(spool_enqueue(f->db, &req, &cause), -1);
	assert_non_null(strstr(cause, "NFC"));
	free(cause);
	req.id = "x/1";
	assert_int_equal(spool_enqueue(f->db, &req, &cause), -1);
	free(cause);
	/* A receipt code is used once. */
	assert_int_equal(save(f->db, "R1", 1, id), 0);
	assert_int_equal(save(f->db, "R1", 1, NULL), -1);
	assert_int_equal(rows(f), 1);
}

static void test_enqueue_joins_the_callers_transaction(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;

	/* Saved with other rows: all or nothing, at the caller's word. */
	assert_int_equal(db_begin(f->db, "test", &cause), 0);
	assert_int_equal(save(f->db, "T1", 1, NULL), 0);
	assert_int_equal(db_audit(f->db, "kiosk", "request saved"), 0);
	assert_int_equal(db_rollback(f->db), -1);
	assert_int_equal(rows(f), 0);
	assert_int_equal(db_begin(f->db, "test", &cause), 0);
	assert_int_equal(save(f->db, "T1", 1, NULL), 0);
	assert_int_equal(db_commit(f->db, "test", &cause), 0);
	assert_int_equal(rows(f), 1);
}

static void test_backoff_bounds(void **state)
{
	struct spool_policy p = { 2000, 300000 };
	unsigned rnds[] = { 0, 1, 12345, 999999, UINT_MAX };
	long step = 2000, d;
	int a;
	size_t i;

	(void)state;
	for (a = 1; a <= 40; a++) {
		for (i = 0; i < sizeof rnds / sizeof rnds[0]; i++) {
			d = spool_backoff_ms(&p, a, rnds[i]);
			assert_true(d >= step - step / 2);
			assert_true(d <= step);
		}
		/* Jitter: the low and high ends differ. */
		assert_true(spool_backoff_ms(&p, a, 0) < spool_backoff_ms(&p, a, (unsigned)step / 2));
		step = step * 2 > p.max_ms ? p.max_ms : step * 2;
	}
	assert_int_equal(spool_backoff_ms(&p, 1000, UINT_MAX / 2) <= 300000, 1);
}

static void test_retry_after_is_honoured(void **state)
{
	struct spool_policy p = { 100, 5000 };

	(void)state;
	/* Longer than the backoff: exactly what the server asked. */
	assert_int_equal(spool_delay_ms(&p, 1, 30, 7), 30000);
	/* Shorter than the backoff: the backoff. */
	assert_true(spool_delay_ms(&p, 10, 1, 7) >= 2500);
	/* None: the backoff alone. */
	assert_true(spool_delay_ms(&p, 1, 0, 0) <= 100);
	/* An absurd one is cut to a day. */
	assert_int_equal(spool_delay_ms(&p, 1, 10L * SPOOL_RETRY_AFTER_MAX, 0),
			 1000L * SPOOL_RETRY_AFTER_MAX);
}

static void test_retry_schedules_and_keeps_reason(void **state)
{
	struct fixture *f = *state;
	struct spool_policy p = { 4000, 60000 };
	struct spool_item it;
	char id[SPOOL_ID_MAX + 1], *cause = NULL;
	long delay;

	assert_int_equal(save(f->db, "A1", 1, id), 0);
	assert_int_equal(save(f->db, "A2", 2, NULL), 0);
	assert_string_equal(claim(f->db, 100), "A1");
	assert_int_equal(spool_retry(f->db, id, &p, 0, "HTTP 503: busy", 100000, &delay, &cause), 0);
	assert_true(delay >= 2000 && delay <= 4000);
	assert_int_equal(spool_find(f->db, "A1", &it, &cause), 1);
	assert_int_equal(it.next_try_at, (100000 + delay) / 1000);
	assert_string_equal(it.last_error, "HTTP 503: busy");
	assert_int_equal(it.state, SPOOL_WAITING);
	spool_item_free(&it);
	/* Not due yet: the next one goes; once due, it goes again. */
	assert_string_equal(claim(f->db, 100), "A2");
	assert_string_equal(claim(f->db, 104), "A1");
	/* With Retry-After: at least that long. */
	assert_int_equal(spool_retry(f->db, id, &p, 120, "HTTP 429", 104000, &delay, &cause), 0);
	assert_int_equal(delay, 120000);
	assert_string_equal(claim(f->db, 223), "A2");
}

static void test_quarantine_and_release(void **state)
{
	struct fixture *f = *state;
	struct spool_footer ft;
	struct spool_item it;
	char id[SPOOL_ID_MAX + 1], *cause = NULL;
	long n;

	assert_int_equal(save(f->db, "P1", 1, id), 0);
	assert_int_equal(save(f->db, "P2", 2, NULL), 0);
	assert_string_equal(claim(f->db, 10), "P1");
	assert_int_equal(spool_quarantine(f->db, id, "HTTP 400: bad date", &cause), 0);
	/* The others keep flowing; the quarantined one is not claimed. */
	assert_string_equal(claim(f->db, 10), "P2");
	assert_string_equal(claim(f->db, 10), "P2");
	assert_int_equal(spool_footer(f->db, &ft, &cause), 0);
	assert_int_equal(ft.waiting, 1);
	assert_int_equal(ft.quarantined, 1);
	assert_int_equal(spool_find(f->db, "P1", &it, &cause), 1);
	assert_int_equal(it.state, SPOOL_QUARANTINED);
	assert_string_equal(it.last_error, "HTTP 400: bad date");
	spool_item_free(&it);
	/* A helper's retry, by receipt code. */
	assert_int_equal(spool_release(f->db, "P1", &cause), 0);
	assert_string_equal(claim(f->db, 10), "P1");
	assert_int_equal(spool_quarantine(f->db, id, "again", &cause), 0);
	assert_int_equal(spool_release_all(f->db, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(spool_ack(f->db, id, 11, &cause), 0);
	assert_int_equal(spool_release(f->db, "P1", &cause), -1);
	assert_non_null(strstr(cause, "already acknowledged"));
	free(cause);
	assert_int_equal(spool_release(f->db, "NOPE", &cause), -1);
	free(cause);
}

/* Runs SQL on the fixture's own connection; returns 0, or -1 when SQLite
 * (or the schema's triggers) refused it. */
static int raw(struct db *db, const char *sql)
{
	char *cause = NULL;
	int rc = db_exec(db, sql, "test", &cause);

	free(cause);
	return rc;
}

/* Runs raw SQL on another connection, as a careless program would;
 * returns the SQLite result code. */
static int raw_sql(struct fixture *f, const char *query)
{
	sqlite3 *other;
	int rc;

	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	rc = sqlite3_exec(other, query, NULL, NULL, NULL);
	sqlite3_close(other);
	return rc;
}

static void test_never_edited_once_started(void **state)
{
	struct fixture *f = *state;
	struct spool_item before, after;
	char *cause = NULL;
	struct spool_policy p = { 10, 100 };
	long delay;

	assert_int_equal(save(f->db, "F1", 1, NULL), 0);
	assert_int_equal(save(f->db, "F2", 2, NULL), 0);
	assert_int_equal(spool_find(f->db, "F1", &before, &cause), 1);
	/* The bytes are frozen from the moment they are saved. */
	assert_int_not_equal(raw_sql(f, "UPDATE submissions SET body = 'x'"), SQLITE_OK);
	assert_int_not_equal(raw_sql(f, "UPDATE submissions SET id = 'y' WHERE receipt = 'F1'"),
			     SQLITE_OK);
	/* Once a send started, the request is never deleted. */
	assert_string_equal(claim(f->db, 5), "F1");
	assert_int_not_equal(raw_sql(f, "DELETE FROM submissions WHERE receipt = 'F1'"), SQLITE_OK);
	/* Retries, quarantine and release touch the schedule, not the bytes. */
	assert_int_equal(spool_retry(f->db, before.id, &p, 0, "x", 0, &delay, &cause), 0);
	assert_int_equal(spool_quarantine(f->db, before.id, "y", &cause), 0);
	assert_int_equal(spool_release(f->db, "F1", &cause), 0);
	assert_int_equal(spool_find(f->db, "F1", &after, &cause), 1);
	assert_int_equal(after.body_len, before.body_len);
	assert_memory_equal(after.body, before.body, before.body_len);
	assert_string_equal(after.id, before.id);
	spool_item_free(&before);
	spool_item_free(&after);
	/* Not even one never sent is deleted. */
	assert_int_not_equal(raw_sql(f, "DELETE FROM submissions WHERE receipt = 'F2'"), SQLITE_OK);
	assert_int_equal(rows(f), 2);
}

static void test_locked_database_saves_nothing(void **state)
{
	struct fixture *f = *state;
	char id[SPOOL_ID_MAX + 1], *body, *cause = NULL;
	struct spool_request req;
	sqlite3 *other;

	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	spool_new_id(id);
	body = xprintf("{\"id\":\"%s\"}", id);
	req = (struct spool_request){ id, "L1", "feedback", NULL, 1, body, strlen(body), 0 };
	assert_int_equal(spool_enqueue(f->db, &req, &cause), -1);
	assert_non_null(strstr(cause, "locked"));
	free(cause);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_int_equal(rows(f), 0);
	/* Unlocked: the same request saves. */
	assert_int_equal(spool_enqueue(f->db, &req, &cause), 0);
	free(body);
}

static void test_full_database_saves_nothing(void **state)
{
	struct fixture *f = *state;
	char id[SPOOL_ID_MAX + 1], *body, *cause = NULL;
	struct spool_request req;
	size_t n = 200000, i;

	assert_int_equal(save(f->db, "OK1", 1, NULL), 0);
	/* A disk with no room left: the database may not grow. */
	assert_int_equal(raw(f->db, "PRAGMA max_page_count = 1; PRAGMA max_page_count"), 0);
	spool_new_id(id);
	body = xmalloc(n + 64);
	i = (size_t)snprintf(body, n + 64, "{\"id\":\"%s\",\"x\":\"", id);
	memset(body + i, 'a', n);
	memcpy(body + i + n, "\"}", 3);
	req = (struct spool_request){ id, "BIG1", "procedure", NULL, 2, body, strlen(body), 0 };
	assert_int_equal(spool_enqueue(f->db, &req, &cause), -1);
	assert_non_null(strstr(cause, "full"));
	free(cause);
	free(body);
	assert_int_equal(rows(f), 1);
}

static void test_footer_and_link(void **state)
{
	struct fixture *f = *state;
	struct spool_footer ft;
	char id[SPOOL_ID_MAX + 1], *cause = NULL;

	assert_int_equal(spool_footer(f->db, &ft, &cause), 0);
	assert_int_equal(ft.waiting, 0);
	assert_int_equal(ft.last_upload, 0);
	assert_int_equal(ft.link, SPOOL_LINK_UNKNOWN);
	assert_int_equal(save(f->db, "S1", 1, id), 0);
	assert_int_equal(save(f->db, "S2", 2, NULL), 0);
	assert_string_equal(claim(f->db, 50), "S1");
	assert_int_equal(spool_ack(f->db, id, 1751333400, &cause), 0);
	assert_int_equal(spool_link_set(f->db, 0, 1751333401, &cause), 0);
	assert_int_equal(spool_footer(f->db, &ft, &cause), 0);
	assert_int_equal(ft.waiting, 1);
	assert_int_equal(ft.last_upload, 1751333400);
	assert_int_equal(ft.link, SPOOL_LINK_OFFLINE);
	assert_int_equal(ft.link_at, 1751333401);
	assert_int_equal(spool_link_set(f->db, 1, 1751333402, &cause), 0);
	assert_int_equal(spool_footer(f->db, &ft, &cause), 0);
	assert_int_equal(ft.link, SPOOL_LINK_ONLINE);
}

/* spool_list() callback: appends receipts to a string. */
static int collect(const struct spool_item *it, void *arg)
{
	strcat(arg, it->receipt);
	strcat(arg, " ");
	assert_null(it->body);
	return 0;
}

static void test_list_and_counts(void **state)
{
	struct fixture *f = *state;
	enum spool_state waiting = SPOOL_WAITING;
	struct spool_counts c;
	char id[SPOOL_ID_MAX + 1], got[128] = "", *cause = NULL;

	assert_int_equal(save(f->db, "C3", 3, NULL), 0);
	assert_int_equal(save(f->db, "C1", 1, id), 0);
	assert_int_equal(save(f->db, "C2", 2, NULL), 0);
	assert_string_equal(claim(f->db, 9), "C1");
	assert_int_equal(spool_ack(f->db, id, 9, &cause), 0);
	assert_int_equal(spool_list(f->db, NULL, 0, collect, got, &cause), 0);
	assert_string_equal(got, "C1 C2 C3 ");
	got[0] = '\0';
	assert_int_equal(spool_list(f->db, &waiting, 1, collect, got, &cause), 0);
	assert_string_equal(got, "C2 ");
	assert_int_equal(spool_counts(f->db, &c, &cause), 0);
	assert_int_equal(c.waiting, 2);
	assert_int_equal(c.sent, 1);
	assert_int_equal(c.quarantined, 0);
}

static void test_new_ids_are_uuids(void **state)
{
	char a[SPOOL_ID_MAX + 1], b[SPOOL_ID_MAX + 1];

	(void)state;
	spool_new_id(a);
	spool_new_id(b);
	assert_int_equal(strlen(a), 36);
	assert_int_equal(a[14], '4');
	assert_string_not_equal(a, b);
	assert_true(spool_code_ok(a, SPOOL_ID_MAX));
	assert_false(spool_code_ok("a b", SPOOL_ID_MAX));
	assert_false(spool_code_ok("", SPOOL_ID_MAX));
}

static void test_status_cache(void **state)
{
	struct fixture *f = *state;
	struct dossier_status d = { "D1", "processing", "Cần bổ sung", 1751333400, 1000 }, got;
	struct dossier_list list;
	char id[SPOOL_ID_MAX + 1], *cause = NULL;

	assert_int_equal(dossier_status_get(f->db, "D1", &got, &cause), 0);
	assert_int_equal(dossier_status_put(f->db, &d, &cause), 0);
	assert_int_equal(dossier_status_get(f->db, "D1", &got, &cause), 1);
	assert_string_equal(got.status, "processing");
	assert_string_equal(got.note, "Cần bổ sung");
	assert_int_equal(got.updated_at, 1751333400);
	dossier_status_clear(&got);
	/* Recent sent requests whose status is missing or stale and not final. */
	assert_int_equal(save(f->db, "D1", 500, id), 0);
	assert_string_equal(claim(f->db, 600), "D1");
	assert_int_equal(spool_ack(f->db, id, 600, &cause), 0);
	assert_int_equal(save(f->db, "D2", 500, id), 0);
	assert_string_equal(claim(f->db, 600), "D2");
	assert_int_equal(spool_ack(f->db, id, 600, &cause), 0);
	assert_int_equal(save(f->db, "D3", 500, NULL), 0); /* not sent */
	assert_int_equal(save(f->db, "OLD", 10, id), 0);   /* too old */
	assert_string_equal(claim(f->db, 600), "OLD");
	assert_int_equal(spool_ack(f->db, id, 600, &cause), 0);
	assert_int_equal(dossier_stale(f->db, 100, 2000, 10, &list, &cause), 0);
	assert_int_equal(list.n, 2);
	assert_string_equal(list.code[0], "D2"); /* never fetched first */
	assert_string_equal(list.code[1], "D1");
	free(list.code);
	/* Fetched recently: not again yet; final: never again. */
	assert_int_equal(dossier_stale(f->db, 100, 999, 10, &list, &cause), 0);
	assert_int_equal(list.n, 1);
	free(list.code);
	d.status = "done";
	d.note = NULL;
	d.updated_at = -1;
	assert_int_equal(dossier_status_put(f->db, &d, &cause), 0);
	assert_true(dossier_final("done"));
	assert_false(dossier_final("processing"));
	assert_int_equal(dossier_stale(f->db, 100, 2000, 10, &list, &cause), 0);
	assert_int_equal(list.n, 1);
	assert_string_equal(list.code[0], "D2");
	free(list.code);
	/* Unknown note and time are stored as unknown. */
	assert_int_equal(dossier_status_get(f->db, "D1", &got, &cause), 1);
	assert_null(got.note);
	assert_int_equal(got.updated_at, -1);
	dossier_status_clear(&got);
}

/* True when the file at path (or its -wal) holds the bytes of text. */
static int file_holds(const char *path, const char *text)
{
	const char *ext[] = { "", "-wal" };
	size_t len, n = strlen(text), i, j;
	int found = 0;

	for (j = 0; j < 2 && !found; j++) {
		char *p = xprintf("%s%s", path, ext[j]), *data = file_read(p, &len);

		for (i = 0; data != NULL && i + n <= len && !found; i++)
			found = memcmp(data + i, text, n) == 0;
		free(data);
		free(p);
	}
	return found;
}

/* Counts spool_erase_due()'s calls. */
static int count_one(const struct spool_item *it, void *arg)
{
	(void)it;
	(*(int *)arg)++;
	return 0;
}

/* Erasure: only acknowledged requests, only when their days are over, only
 * the body and the status note, all copies; the schema allows nothing else. */
static void test_erase_due(void **state)
{
	struct fixture *f = *state;
	const long long day = 86400, acked = 1000000;
	const char *name = "Nguyễn Thị Xoá Được";
	struct dossier_status d = { "E1", "Đang xử lý", "Gọi bà Nguyễn Thị Xoá Được", -1, acked };
	struct dossier_status got;
	char id1[SPOOL_ID_MAX + 1], id2[SPOOL_ID_MAX + 1], *cause = NULL;
	struct spool_item it;
	long n = -1;
	int seen = 0;

	assert_int_equal(save_named(f->db, "E1", 500, name, id1), 0);
	assert_int_equal(save(f->db, "E2", 600, id2), 0);
	assert_int_equal(save(f->db, "E3", 700, NULL), 0); /* never sent */
	assert_int_equal(spool_ack(f->db, id1, acked, &cause), 0);
	assert_int_equal(spool_ack(f->db, id2, acked + 5 * day, &cause), 0);
	assert_int_equal(dossier_status_put(f->db, &d, &cause), 0);
	assert_true(file_holds(f->path, name));

	/* A second early, never; 0 days, never; a dry run changes nothing. */
	assert_int_equal(spool_erase_due(f->db, acked + 30 * day - 1, 0, 30, 0, NULL, NULL, &n,
					 &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(spool_erase_due(f->db, acked + 9999 * day, 0, 0, 0, NULL, NULL, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(spool_erase_due(f->db, acked + 30 * day, 0, 30, 1, count_one, &seen, &n,
					 &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(seen, 1);
	assert_int_equal(spool_find(f->db, "E1", &it, &cause), 1);
	assert_int_equal(it.erased_at, 0);
	assert_non_null(strstr(it.body, name));
	spool_item_free(&it);

	/* Due: E1 only; its code, state and times stay, its details go. */
	assert_int_equal(spool_erase_due(f->db, acked + 30 * day, 0, 30, 0, NULL, NULL, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(spool_find(f->db, "E1", &it, &cause), 1);
	assert_int_equal(it.body_len, 0);
	assert_int_equal(it.erased_at, acked + 30 * day);
	assert_int_equal(it.state, SPOOL_SENT);
	assert_int_equal(it.sent_at, acked);
	assert_int_equal(it.created_at, 500);
	assert_string_equal(it.id, id1);
	spool_item_free(&it);
	assert_int_equal(spool_find(f->db, "E2", &it, &cause), 1);
	assert_int_equal(it.erased_at, 0);
	assert_non_null(strstr(it.body, "Hoàng Văn Thuỷ"));
	spool_item_free(&it);
	assert_int_equal(dossier_status_get(f->db, "E1", &got, &cause), 1);
	assert_string_equal(got.status, "Đang xử lý");
	assert_null(got.note);
	dossier_status_clear(&got);
	/* Not in the file, nor in its log, nor in a free page. */
	assert_false(file_holds(f->path, name));

	/* Once erased, never again; E2 later; E3 (not acknowledged) never. */
	assert_int_equal(spool_erase_due(f->db, acked + 35 * day, 0, 30, 0, NULL, NULL, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(spool_find(f->db, "E2", &it, &cause), 1);
	assert_int_equal(it.body_len, 0);
	spool_item_free(&it);
	assert_int_equal(spool_erase_due(f->db, acked + 9999 * day, 0, 30, 0, NULL, NULL, &n,
					 &cause), 0);
	assert_int_equal(n, 0);

	/* The schema refuses every other edit, whoever writes. */
	assert_int_equal(raw(f->db, "UPDATE submissions SET body = x'', erased_at = 1"
					" WHERE receipt = 'E3'"), -1);
	assert_int_equal(raw(f->db, "UPDATE submissions SET body = x'7b7d'"
					" WHERE receipt = 'E1'"), -1);
	assert_int_equal(raw(f->db, "UPDATE submissions SET erased_at = NULL"
					" WHERE receipt = 'E1'"), -1);
	assert_int_equal(raw(f->db, "UPDATE submissions SET state = 'waiting'"
					" WHERE receipt = 'E1'"), -1);
	assert_int_equal(raw(f->db, "UPDATE submissions SET receipt = 'X1'"
					" WHERE receipt = 'E1'"), -1);
	assert_int_equal(raw(f->db, "DELETE FROM submissions WHERE receipt = 'E1'"), -1);
	assert_int_equal(spool_release(f->db, "E1", &cause), -1);
	free(cause);
	assert_int_equal(spool_find(f->db, "E3", &it, &cause), 1);
	assert_true(it.body_len > 0);
	assert_int_equal(it.state, SPOOL_WAITING);
	spool_item_free(&it);
}

/* An acknowledgement recorded while the clock was not set: nothing is
 * erased while it is still wrong, and once it is right the days count
 * from then, not from 1970. One from before an upgrade keeps its date. */
static void test_erase_after_a_wrong_clock(void **state)
{
	struct fixture *f = *state;
	const long long day = 86400, set = 1795748400; /* the clock is right from here */
	char id[SPOOL_ID_MAX + 1], *cause = NULL;
	struct spool_item it;
	long n = -1;

	/* W2 was acknowledged 40 days before this program was built, by an
	 * older one whose clock was right: it keeps its date. */
	assert_int_equal(save(f->db, "W2", 99, id), 0);
	assert_int_equal(spool_ack(f->db, id, set - 40 * day, &cause), 0);
	/* W1 was acknowledged while the clock was not set: the worker says 0. */
	assert_int_equal(save(f->db, "W1", 100, id), 0);
	assert_int_equal(spool_ack(f->db, id, 0, &cause), 0);
	assert_int_equal(spool_erase_due(f->db, 300 + 90 * day, set, 30, 0, NULL, NULL, &n, &cause),
			 0);
	assert_int_equal(n, 0);
	assert_int_equal(spool_erase_due(f->db, set, set, 30, 0, NULL, NULL, &n, &cause), 0);
	assert_int_equal(n, 1); /* W2 only */
	assert_int_equal(spool_find(f->db, "W2", &it, &cause), 1);
	assert_int_equal(it.body_len, 0);
	spool_item_free(&it);
	assert_int_equal(spool_find(f->db, "W1", &it, &cause), 1);
	assert_int_equal(it.sent_at, set);
	assert_true(it.body_len > 0);
	spool_item_free(&it);
	assert_int_equal(spool_erase_due(f->db, set + 30 * day - 1, set, 30, 0, NULL, NULL, &n,
					 &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(spool_erase_due(f->db, set + 30 * day, set, 30, 0, NULL, NULL, &n, &cause),
			 0);
	assert_int_equal(n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_claims_oldest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enqueue_refuses_bad_requests, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enqueue_joins_the_callers_transaction, setup,
						teardown),
		cmocka_unit_test(test_backoff_bounds),
		cmocka_unit_test(test_retry_after_is_honoured),
		cmocka_unit_test_setup_teardown(test_retry_schedules_and_keeps_reason, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_quarantine_and_release, setup, teardown),
		cmocka_unit_test_setup_teardown(test_never_edited_once_started, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked_database_saves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_database_saves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_footer_and_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_and_counts, setup, teardown),
		cmocka_unit_test(test_new_ids_are_uuids),
		cmocka_unit_test_setup_teardown(test_status_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_due, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_after_a_wrong_clock, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
