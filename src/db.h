/* state.db: the booth's durable state (spool of requests, settings such as
 * the helper PIN, audit log). SQLite in WAL mode with synchronous=FULL: a
 * write has reached the disk when its COMMIT returned. */
#ifndef KIOSK_DB_H
#define KIOSK_DB_H

#include <sqlite3.h>

struct db;

/* Opens (creating if needed) the database at path and upgrades its schema.
 * The file and its -wal and -shm files are made readable by this user only
 * (0600), also when they existed with a looser mode. Returns NULL with
 * *cause set (the caller frees it). */
struct db *db_open(const char *path, char **cause);

/* Closes the database; NULL is ignored. */
void db_close(struct db *db);

/* The SQLite handle, for modules that own their own tables (spool.c). */
sqlite3 *db_sqlite(struct db *db);

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

/* The last error message of the connection (valid until the next call). */
const char *db_error(struct db *db);

#endif
