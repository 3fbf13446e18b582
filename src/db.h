/* state.db: the booth's durable state (spool of requests, settings such as
 * the helper PIN, audit log). SQLite in WAL mode with synchronous=FULL: a
 * write has reached the disk when its COMMIT returned. */
#ifndef KIOSK_DB_H
#define KIOSK_DB_H

#include <sqlite3.h>

struct db;

/* How long a write waits for another program holding the database before
 * it fails: short, as the kiosk's screen waits with it. */
#define DB_BUSY_MS 1500

/* Opens (creating if needed) the database at path and upgrades its schema.
 * The file and its -wal and -shm files are made readable by this user only
 * (0600), also when they existed with a looser mode. The -wal and -shm
 * files are kept when the last connection closes, so that a program opening
 * the database on a full disk can read it, and writes reuse the log's
 * space. Returns NULL with *cause set (the caller frees it). */
struct db *db_open(const char *path, char **cause);

/* Closes the database; NULL is ignored. */
void db_close(struct db *db);

/* Statements. Modules that own tables (the spool, tickets, dossier
 * statuses) run their SQL through these: a statement is prepared here,
 * its parameters bound and its columns read with SQLite's own
 * sqlite3_bind_* and sqlite3_column_* functions, and it ends with
 * sqlite3_finalize() or db_done(). The connection itself stays in db.c.
 *
 * A helper that fails sets *cause (the caller frees it) in one wording,
 * read by helpers in logs and kioskctl's messages: "DOING: WHY (SQLite's
 * message)", where WHY says what to look at (the disk is full, the
 * database is locked by another program, ...) and SQLite's message
 * carries the system's reason when the disk failed. */

/* Prepares sql. Returns the statement, or NULL with *cause. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, const char *doing, char **cause);

/* Like db_prepare, for a statement run often (each saved request): db
 * keeps it prepared for the next time (at most DB_KEPT of them, by the
 * address of sql, which must live as long as db: a string literal). It
 * ends with db_done, which resets it instead of finalizing it. */
#define DB_KEPT 4
sqlite3_stmt *db_prepare_kept(struct db *db, const char *sql, const char *doing, char **cause);

/* Steps st. Returns 1 on a row, 0 when it is done, or -1 with *cause (st
 * is still the caller's to finalize). */
int db_step(struct db *db, sqlite3_stmt *st, const char *doing, char **cause);

/* Runs st, which returns no rows, to its end and finalizes it (or resets
 * it, if db keeps it). Returns the number of rows it changed, or -1 with
 * *cause. */
int db_done(struct db *db, sqlite3_stmt *st, const char *doing, char **cause);

/* Prepares and steps sql, which must return a row: returns the statement
 * on that row (the caller finalizes it), or NULL with *cause. */
sqlite3_stmt *db_row(struct db *db, const char *sql, const char *doing, char **cause);

/* Runs sql without parameters or rows (one or more statements). Returns 0,
 * or -1 with *cause. */
int db_exec(struct db *db, const char *sql, const char *doing, char **cause);

/* Transactions. db_begin takes the write lock at once (BEGIN IMMEDIATE),
 * waiting at most DB_BUSY_MS for another program. db_commit rolls back
 * when COMMIT fails. db_rollback ends the open transaction, if any, and
 * returns -1 (for `return db_rollback(db);` after a failed step). */
int db_begin(struct db *db, const char *doing, char **cause);
int db_commit(struct db *db, const char *doing, char **cause);
int db_rollback(struct db *db);

/* The message for the connection's last error, worded as above. */
char *db_cause(struct db *db, const char *doing);

/* Gives the write-ahead log's pages back to the file and truncates it, so
 * erased data does not linger there (another reader may delay it). */
void db_checkpoint(struct db *db);

/* Settings the kiosk writes at each start: unix time, and count. */
#define KIOSK_STARTED_AT "kiosk.started_at"
#define KIOSK_STARTS "kiosk.starts"

/* Reads a setting into out (size bytes). Returns 1 when found, 0 when
 * absent, -1 on error. */
int db_setting_get(struct db *db, const char *key, char *out, unsigned size);

/* Reads a setting holding a whole number (a time, a count) as long long,
 * which holds a time past 2038 on 32-bit boards too; 0 when absent or
 * unreadable. */
long long db_setting_number(struct db *db, const char *key);

/* Writes (or with value NULL, removes) a setting in its own transaction.
 * Returns 0 or -1. */
int db_setting_set(struct db *db, const char *key, const char *value);

/* Adds by to the number in a setting (absent: 0) and returns the sum, in
 * one statement (and its own transaction unless one is open); -1 on
 * error. */
long long db_setting_add(struct db *db, const char *key, long long by);

/* Appends a line to the audit log (who did what; never personal data). */
int db_audit(struct db *db, const char *who, const char *what);

/* Records a villager's 1-5 rating of the request with this receipt
 * (a second rating replaces the first). Returns 0 or -1. */
int db_rate(struct db *db, const char *receipt, int rating, long long at);

/* True when the last error was the database being held by another program
 * (SQLITE_BUSY or SQLITE_LOCKED, after the busy timeout of DB_BUSY_MS). */
int db_busy(struct db *db);

#endif
