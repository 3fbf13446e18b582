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
 * (0600), also when they existed with a looser mode. Returns NULL with
 * *cause set (the caller frees it). */
struct db *db_open(const char *path, char **cause);

/* Closes the database; NULL is ignored. */
void db_close(struct db *db);

/* The SQLite handle, for modules that own their own tables (spool.c). */
sqlite3 *db_sqlite(struct db *db);

/* Settings the kiosk writes at each start: unix time, and count. */
#define KIOSK_STARTED_AT "kiosk.started_at"
#define KIOSK_STARTS "kiosk.starts"

/* Reads a setting into out (size bytes). Returns 1 when found, 0 when
 * absent, -1 on error. */
int db_setting_get(struct db *db, const char *key, char *out, unsigned size);

/* Writes (or with value NULL, removes) a setting in its own transaction.
 * Returns 0 or -1. */
int db_setting_set(struct db *db, const char *key, const char *value);

/* Appends a line to the audit log (who did what; never personal data). */
int db_audit(struct db *db, const char *who, const char *what);

/* Records a villager's 1-5 rating of the request with this receipt
 * (a second rating replaces the first). Returns 0 or -1. */
int db_rate(struct db *db, const char *receipt, int rating, long long at);

/* True when the last error was the database being held by another program
 * (SQLITE_BUSY or SQLITE_LOCKED, after the busy timeout of DB_BUSY_MS). */
int db_busy(struct db *db);

/* The last error message of the connection, with the system's reason when
 * the disk failed, e.g. "disk I/O error (No space left on device)" (valid
 * until the next call). */
const char *db_error(struct db *db);

#endif
