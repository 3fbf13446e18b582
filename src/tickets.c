/* Queue tickets in state.db (see tickets.h). */
#include "tickets.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "util.h"

/* People not yet served who took a number of the same counter and day
 * before this one. */
#define AHEAD_SQL "(SELECT count(*) FROM tickets b WHERE b.counter = t.counter " \
		  "AND b.day = t.day AND b.number < t.number AND b.status <> 'served')"

/* The columns read into a struct ticket_row, in row_read's order. */
#define ROW_SQL "t.id, t.counter, t.day, t.number, t.issued_at, t.status, t.served_at, " AHEAD_SQL

void tickets_day(time_t t, char out[TICKET_DAY_SIZE])
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, TICKET_DAY_SIZE, "%Y-%m-%d", &tm);
}

/* Sets *cause from the database's last error and ends the transaction
 * (if one is open); returns -1. */
static int failed(struct db *db, const char *doing, char **cause)
{
	*cause = db_cause(db, doing);
	return db_rollback(db);
}

/* Copies a text column into out (size bytes). */
static void text_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *v = sqlite3_column_text(st, col);

	snprintf(out, size, "%s", v ? (const char *)v : "");
}

/* Reads a row of ROW_SQL into t. */
static void row_read(sqlite3_stmt *st, struct ticket_row *t)
{
	memset(t, 0, sizeof *t);
	text_copy(st, 0, t->id, sizeof t->id);
	text_copy(st, 1, t->counter, sizeof t->counter);
	text_copy(st, 2, t->day, sizeof t->day);
	t->number = sqlite3_column_int(st, 3);
	t->issued_at = sqlite3_column_int64(st, 4);
	text_copy(st, 5, t->status, sizeof t->status);
	t->served_at = sqlite3_column_int64(st, 6);
	t->ahead = strcmp(t->status, "served") == 0 ? 0 : sqlite3_column_int(st, 7);
}

/* Reads the one ticket with this id into t. Returns 0 or -1. */
static int row_get(struct db *db, const char *id, struct ticket_row *t, const char *doing,
		   char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT " ROW_SQL " FROM tickets t WHERE t.id = ?1", doing,
			     cause)) == NULL)
		return db_rollback(db);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_read(st, t);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return failed(db, doing, cause);
	return 0;
}

int tickets_reserve(struct db *db, const struct counter *c, const char *day, time_t now,
		    struct ticket_row *t, char **cause)
{
	static const char doing[] = "taking a queue number";
	char id[SPOOL_ID_MAX + 1];
	sqlite3_stmt *st;
	int next, rc;

	if (db_begin(db, doing, cause) != 0)
		return -1;
	if ((st = db_prepare(db, "SELECT max(number) FROM tickets WHERE counter = ?1 AND day = ?2"
			     " AND number BETWEEN ?3 AND ?4", doing, cause)) == NULL)
		return db_rollback(db);
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, c->first);
	sqlite3_bind_int(st, 4, c->last);
	rc = sqlite3_step(st);
	next = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
		       ? sqlite3_column_int(st, 0) + 1 : c->first;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return failed(db, doing, cause);
	if (next > c->last) {
		db_rollback(db);
		*cause = xprintf("counter %s has given all its numbers (%d-%d) for %s", c->id,
				 c->first, c->last, day);
		return 1;
	}
	spool_new_id(id);
	if ((st = db_prepare(db, "INSERT INTO tickets (id, counter, day, number, issued_at)"
			     " VALUES (?1, ?2, ?3, ?4, ?5)", doing, cause)) == NULL)
		return db_rollback(db);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, next);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
	if (db_done(db, st, doing, cause) < 0 || row_get(db, id, t, doing, cause) != 0)
		return db_rollback(db);
	return db_commit(db, doing, cause);
}

/* Runs an UPDATE or DELETE of ticket id that must change one row. */
static int change_one(struct db *db, const char *query, const char *id, const char *doing,
		      char **cause)
{
	sqlite3_stmt *st = db_prepare(db, query, doing, cause);
	int n;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((n = db_done(db, st, doing, cause)) < 0)
		return -1;
	if (n != 1) {
		*cause = xprintf("%s: no ticket %s being printed", doing, id);
		return -1;
	}
	return 0;
}

int tickets_confirm(struct db *db, const char *id, char **cause)
{
	return change_one(db, "UPDATE tickets SET status = 'waiting' WHERE id = ?1"
			  " AND status = 'printing'", id, "keeping the printed ticket", cause);
}

int tickets_void(struct db *db, const char *id, char **cause)
{
	return change_one(db, "DELETE FROM tickets WHERE id = ?1 AND status = 'printing'", id,
			  "giving back the number of a ticket not printed", cause);
}

int tickets_call(struct db *db, const char *counter, const char *day, time_t now,
		 struct ticket_row *t, char **cause)
{
	static const char doing[] = "calling the next ticket";
	char id[SPOOL_ID_MAX + 1] = "";
	sqlite3_stmt *st;
	int rc;

	if (db_begin(db, doing, cause) != 0)
		return -1;
	if ((st = db_prepare(db, "SELECT id FROM tickets WHERE counter = ?1 AND day = ?2"
			     " AND status <> 'served' ORDER BY number LIMIT 1", doing, cause)) == NULL)
		return db_rollback(db);
	sqlite3_bind_text(st, 1, counter, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		text_copy(st, 0, id, sizeof id);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		db_rollback(db);
		return 0;
	}
	if (rc != SQLITE_ROW)
		return failed(db, doing, cause);
	if ((st = db_prepare(db, "UPDATE tickets SET status = 'served', served_at = ?2"
			     " WHERE id = ?1", doing, cause)) == NULL)
		return db_rollback(db);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	if (db_done(db, st, doing, cause) < 0 || row_get(db, id, t, doing, cause) != 0)
		return db_rollback(db);
	return db_commit(db, doing, cause) == 0 ? 1 : -1;
}

int tickets_list(struct db *db, const char *day, const char *counter,
		 void (*fn)(const struct ticket_row *t, void *ctx), void *ctx, char **cause)
{
	sqlite3_stmt *st;
	struct ticket_row t;
	int rc, n = 0;

	if ((st = db_prepare(db, "SELECT " ROW_SQL " FROM tickets t WHERE t.day = ?1"
			     " AND (?2 IS NULL OR t.counter = ?2) ORDER BY t.counter, t.number",
			     "listing the queue tickets", cause)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (counter)
		sqlite3_bind_text(st, 2, counter, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_read(st, &t);
		fn(&t, ctx);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return failed(db, "listing the queue tickets", cause);
	return n;
}
