/* Calls for a helper in state.db (see calls.h). */
#include "calls.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "util.h"

int calls_add(struct db *db, long long at, const char *screen, const char *booth, long long *id,
	      char **cause)
{
	static const char doing[] = "recording a helper call";
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO helper_calls (at, screen, booth)"
				      " VALUES (?1, ?2, ?3) RETURNING id", doing, cause);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_text(st, 2, screen, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, booth, -1, SQLITE_STATIC);
	rc = db_step(db, st, doing, cause);
	if (rc == 1)
		*id = sqlite3_column_int64(st, 0);
	if (rc == 1 && db_done(db, st, doing, cause) >= 0)
		return 0;
	if (rc != 1)
		sqlite3_finalize(st);
	if (rc == 0)
		*cause = xprintf("%s: no id came back", doing);
	return -1;
}

/* Marks the open calls with this id (or all, when id is 0) answered at
 * time at by who; returns how many, or -1 with *cause. */
static int answer(struct db *db, long long id, long long at, const char *who, char **cause)
{
	static const char doing[] = "answering a helper call";
	sqlite3_stmt *st = db_prepare(db, "UPDATE helper_calls SET answered_at = ?2, answered_by = ?3"
				      " WHERE answered_at IS NULL AND (?1 = 0 OR id = ?1)", doing, cause);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_text(st, 3, who, -1, SQLITE_STATIC);
	return db_done(db, st, doing, cause);
}

int calls_answer(struct db *db, long long id, long long at, const char *who, char **cause)
{
	return id <= 0 ? 0 : answer(db, id, at, who, cause);
}

int calls_answer_all(struct db *db, long long at, const char *who, char **cause)
{
	return answer(db, 0, at, who, cause);
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
	static const char doing[] = "listing helper calls";
	sqlite3_stmt *st = db_prepare(db, "SELECT id, at, screen, booth, answered_at, answered_by"
				      " FROM helper_calls WHERE ?1 = 0 OR answered_at IS NULL"
				      " ORDER BY at, id", doing, cause);
	struct call_row c;
	int rc, n = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, open_only);
	while ((rc = db_step(db, st, doing, cause)) == 1) {
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
	return rc < 0 ? -1 : n;
}

int calls_open(struct db *db, long *n, long long *oldest, char **cause)
{
	sqlite3_stmt *st = db_row(db, "SELECT count(*), coalesce(min(at), 0) FROM helper_calls"
				  " WHERE answered_at IS NULL", "counting helper calls", cause);

	if (st == NULL)
		return -1;
	*n = (long)sqlite3_column_int64(st, 0);
	*oldest = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return 0;
}
