/* Calls for a helper in state.db (see calls.h). */
#include "calls.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "util.h"

/* Sets *cause from the connection's last error; returns -1. */
static int failed(struct db *db, const char *doing, char **cause)
{
	*cause = xprintf("%s: %s", doing, db_error(db));
	return -1;
}

/* Runs a statement that changes rows with up to three bound values (a
 * NULL text is not bound); returns the rows changed or -1 with *cause. */
static int change(struct db *db, const char *sql, long long a, long long b, const char *who,
		  const char *doing, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return failed(db, doing, cause);
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if (who)
		sqlite3_bind_text(st, 3, who, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return failed(db, doing, cause);
	return sqlite3_changes(db_sqlite(db));
}

int calls_add(struct db *db, long long at, const char *screen, const char *booth, long long *id,
	      char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db_sqlite(db),
			       "INSERT INTO helper_calls (at, screen, booth) VALUES (?1, ?2, ?3)", -1,
			       &st, NULL) != SQLITE_OK)
		return failed(db, "recording a helper call", cause);
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_text(st, 2, screen, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, booth, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return failed(db, "recording a helper call", cause);
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 0;
}

int calls_answer(struct db *db, long long id, long long at, const char *who, char **cause)
{
	return change(db, "UPDATE helper_calls SET answered_at = ?2, answered_by = ?3"
			  " WHERE id = ?1 AND answered_at IS NULL",
		      id, at, who, "answering a helper call", cause);
}

int calls_answer_all(struct db *db, long long at, const char *who, char **cause)
{
	return change(db, "UPDATE helper_calls SET answered_at = ?2, answered_by = ?3"
			  " WHERE answered_at IS NULL",
		      0, at, who, "answering the helper calls", cause);
}

/* Copies a text column into out (size bytes). */
static void text_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *v = sqlite3_column_text(st, col);

	snprintf(out, size, "%s", v ? (const char *)v : "");
}

int calls_list(struct db *db, int open_only, void (*fn)(const struct call_row *c, void *ctx),
	       void *ctx, char **cause)
{
	sqlite3_stmt *st;
	struct call_row c;
	int rc, n = 0;

	if (sqlite3_prepare_v2(db_sqlite(db),
			       "SELECT id, at, screen, booth, answered_at, answered_by FROM helper_calls"
			       " WHERE ?1 = 0 OR answered_at IS NULL ORDER BY at, id",
			       -1, &st, NULL) != SQLITE_OK)
		return failed(db, "listing helper calls", cause);
	sqlite3_bind_int(st, 1, open_only);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.id = sqlite3_column_int64(st, 0);
		c.at = sqlite3_column_int64(st, 1);
		text_copy(st, 2, c.screen, sizeof c.screen);
		text_copy(st, 3, c.booth, sizeof c.booth);
		c.answered_at = sqlite3_column_int64(st, 4);
		text_copy(st, 5, c.answered_by, sizeof c.answered_by);
		fn(&c, ctx);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return failed(db, "listing helper calls", cause);
	return n;
}

int calls_open(struct db *db, long *n, long long *oldest, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db_sqlite(db),
			       "SELECT count(*), coalesce(min(at), 0) FROM helper_calls"
			       " WHERE answered_at IS NULL", -1, &st, NULL) != SQLITE_OK)
		return failed(db, "counting helper calls", cause);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = (long)sqlite3_column_int64(st, 0);
		*oldest = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : failed(db, "counting helper calls", cause);
}
