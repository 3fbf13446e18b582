/* state.db: opening, pragmas, schema upgrades by user_version, the
 * statement and transaction helpers every module's SQL goes through, the
 * one wording of database errors, settings and audit. */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

struct db {
	sqlite3 *sql;
	char msg[256];  /* detail()'s text */
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} kept[DB_KEPT]; /* db_prepare_kept's statements */
	int nkept;
};

/* Each entry upgrades the schema by one version, in order. Never edit a
 * released entry: add a new one. */
static const char *const migrations[] = {
	/* 1: settings, audit log, the spool of submissions, dossier statuses. */
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  who TEXT NOT NULL,"
	"  what TEXT NOT NULL);"
	"CREATE TABLE submissions ("
	"  id TEXT PRIMARY KEY,"               /* stable unique id, the Idempotency-Key */
	"  receipt TEXT NOT NULL UNIQUE,"      /* short code read aloud and typed */
	"  kind TEXT NOT NULL,"                /* procedure | feedback | ... */
	"  procedure_code TEXT,"
	"  created_at INTEGER NOT NULL,"       /* unix seconds */
	"  body BLOB NOT NULL,"                /* frozen upload bytes (JSON) */
	"  state TEXT NOT NULL DEFAULT 'waiting'"
	"    CHECK (state IN ('waiting', 'sent', 'quarantined')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_try_at INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT,"
	"  sent_at INTEGER);"
	"CREATE INDEX submissions_by_state ON submissions (state, created_at);"
	"CREATE TABLE dossier_status ("         /* last known status of a dossier */
	"  receipt TEXT PRIMARY KEY,"
	"  status TEXT NOT NULL,"
	"  note TEXT,"
	"  updated_at INTEGER,"                /* when the server says it changed */
	"  fetched_at INTEGER NOT NULL);",    /* when this booth learnt it */
	/* 2: when a send last started; a saved request's bytes and identity are
	 * never edited, and a saved request is never deleted. */
	"ALTER TABLE submissions ADD COLUMN tried_at INTEGER;"
	"CREATE TRIGGER submissions_frozen"
	"  BEFORE UPDATE OF id, receipt, kind, procedure_code, created_at, body"
	"  ON submissions"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never edited'); END;"
	"CREATE TRIGGER submissions_kept"
	"  BEFORE DELETE ON submissions"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never deleted'); END;",
	/* 3: how satisfied villagers were, given after their receipt. */
	"CREATE TABLE ratings ("
	"  receipt TEXT PRIMARY KEY,"
	"  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
	"  at INTEGER NOT NULL);",
	/* 4: queue tickets. The id is never reused; the number shown is
	 * unique per counter and day. 'printing' while the paper is being
	 * printed (deleted when it could not be), then 'waiting', 'served'. */
	"CREATE TABLE tickets ("
	"  id TEXT PRIMARY KEY,"
	"  counter TEXT NOT NULL,"
	"  day TEXT NOT NULL,"                 /* local date YYYY-MM-DD */
	"  number INTEGER NOT NULL,"
	"  issued_at INTEGER NOT NULL,"        /* unix seconds */
	"  status TEXT NOT NULL DEFAULT 'printing'"
	"    CHECK (status IN ('printing', 'waiting', 'served')),"
	"  served_at INTEGER,"
	"  UNIQUE (counter, day, number));",
	/* 5: a request's personal details (its body) are erased some days
	 * after the server acknowledged it (spool_erase_due): the body may
	 * become empty, once, on a sent request, with erased_at set; nothing
	 * else about a saved request is ever edited, an erased one stays sent
	 * (never sent again) and no request is ever deleted. */
	"ALTER TABLE submissions ADD COLUMN erased_at INTEGER;"
	"DROP TRIGGER submissions_frozen;"
	"CREATE TRIGGER submissions_frozen"
	"  BEFORE UPDATE OF id, receipt, kind, procedure_code, created_at"
	"  ON submissions"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never edited'); END;"
	"CREATE TRIGGER submissions_erased"
	"  BEFORE UPDATE OF body, erased_at ON submissions"
	"  WHEN NOT (OLD.erased_at IS NULL AND OLD.state = 'sent' AND NEW.state = 'sent'"
	"    AND OLD.sent_at IS NOT NULL AND NEW.erased_at IS NOT NULL"
	"    AND length(NEW.body) = 0)"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never edited, only erased once sent'); END;"
	"CREATE TRIGGER submissions_erased_stay_sent"
	"  BEFORE UPDATE OF state ON submissions"
	"  WHEN OLD.erased_at IS NOT NULL AND NEW.state <> 'sent'"
	"  BEGIN SELECT RAISE(ABORT, 'an erased request is never sent again'); END;",
	/* 6: whether created_at is a real time: 0 when the request was saved
	 * while the booth's clock was not set (a board without a real-time
	 * clock, before NTP); created_at then only orders the spool. Frozen
	 * like the rest of a saved request. */
	"ALTER TABLE submissions ADD COLUMN time_known INTEGER NOT NULL DEFAULT 1;"
	"DROP TRIGGER submissions_frozen;"
	"CREATE TRIGGER submissions_frozen"
	"  BEFORE UPDATE OF id, receipt, kind, procedure_code, created_at, time_known"
	"  ON submissions"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never edited'); END;",
	/* 7: a villager's call for a helper ("Gọi cán bộ hỗ trợ"): when, from
	 * which screen of which booth, and when and by whom it was answered.
	 * Nothing about the villager. A call is answered once, never edited
	 * otherwise. */
	"CREATE TABLE helper_calls ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  at INTEGER NOT NULL,"               /* unix seconds */
	"  screen TEXT NOT NULL,"              /* a screen or form id */
	"  booth TEXT NOT NULL,"               /* [booth] id */
	"  answered_at INTEGER,"
	"  answered_by TEXT);"
	"CREATE INDEX helper_calls_open ON helper_calls (answered_at, at);"
	"CREATE TRIGGER helper_calls_answered_once"
	"  BEFORE UPDATE ON helper_calls"
	"  WHEN OLD.answered_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.at <> OLD.at"
	"    OR NEW.screen <> OLD.screen OR NEW.booth <> OLD.booth"
	"  BEGIN SELECT RAISE(ABORT, 'a helper call is only ever answered, once'); END;",
	/* 8: the OpenRosa bytes of a request saved for ODK Central ([upload]
	 * protocol openrosa), frozen like the JSON body and erased with it,
	 * NULL when it was saved for the JSON protocol; and the XForm id of its
	 * form, which the status lookups need after the bytes are erased. */
	"ALTER TABLE submissions ADD COLUMN xml BLOB;"
	"ALTER TABLE submissions ADD COLUMN xform TEXT;"
	"DROP TRIGGER submissions_frozen;"
	"CREATE TRIGGER submissions_frozen"
	"  BEFORE UPDATE OF id, receipt, kind, procedure_code, created_at, time_known, xform"
	"  ON submissions"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never edited'); END;"
	"DROP TRIGGER submissions_erased;"
	"CREATE TRIGGER submissions_erased"
	"  BEFORE UPDATE OF body, xml, erased_at ON submissions"
	"  WHEN NOT (OLD.erased_at IS NULL AND OLD.state = 'sent' AND NEW.state = 'sent'"
	"    AND OLD.sent_at IS NOT NULL AND NEW.erased_at IS NOT NULL"
	"    AND length(NEW.body) = 0 AND (NEW.xml IS NULL OR length(NEW.xml) = 0))"
	"  BEGIN SELECT RAISE(ABORT, 'a saved request is never edited, only erased once sent'); END;",
	/* 9: what the server says of a dossier besides its status, when it
	 * says it (docs/API.md): its procedure, the day it was submitted and
	 * the day its result is due (local dates YYYY-MM-DD). */
	"ALTER TABLE dossier_status ADD COLUMN procedure TEXT;"
	"ALTER TABLE dossier_status ADD COLUMN submitted TEXT;"
	"ALTER TABLE dossier_status ADD COLUMN due TEXT;",
	/* 10: the cached status of an erased request keeps no note (the server
	 * may name the villager there), whoever writes it and whenever: the
	 * notes cached again after an erasure by earlier versions go. */
	"UPDATE dossier_status SET note = NULL WHERE note IS NOT NULL AND receipt IN"
	"  (SELECT receipt FROM submissions WHERE erased_at IS NOT NULL);"
	"CREATE TRIGGER dossier_note_erased_insert"
	"  BEFORE INSERT ON dossier_status"
	"  WHEN NEW.note IS NOT NULL AND EXISTS (SELECT 1 FROM submissions"
	"    WHERE receipt = NEW.receipt AND erased_at IS NOT NULL)"
	"  BEGIN SELECT RAISE(ABORT, 'an erased request keeps no note'); END;"
	"CREATE TRIGGER dossier_note_erased_update"
	"  BEFORE UPDATE OF note ON dossier_status"
	"  WHEN NEW.note IS NOT NULL AND EXISTS (SELECT 1 FROM submissions"
	"    WHERE receipt = NEW.receipt AND erased_at IS NOT NULL)"
	"  BEGIN SELECT RAISE(ABORT, 'an erased request keeps no note'); END;",
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* Runs one statement that returns no rows, without a message. */
static int exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* SQLite's message for the last error, with the system's reason when the
 * disk failed, e.g. "disk I/O error: No space left on device" (valid
 * until the next call). */
static const char *detail(struct db *db)
{
	int err = sqlite3_system_errno(db->sql);
	int rc = sqlite3_errcode(db->sql) & 0xff;

	/* "disk I/O error" alone does not say the disk is full or read-only. */
	if (err != 0 && (rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_CANTOPEN ||
			 rc == SQLITE_READONLY))
		snprintf(db->msg, sizeof db->msg, "%s: %s", sqlite3_errmsg(db->sql), strerror(err));
	else
		snprintf(db->msg, sizeof db->msg, "%s", sqlite3_errmsg(db->sql));
	return db->msg;
}

/* Reads PRAGMA user_version. */
static int user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Brings the schema to SCHEMA_VERSION, one transaction per step. */
static int migrate(struct db *db, char **cause)
{
	int v = user_version(db);

	if (v < 0 || v > SCHEMA_VERSION) {
		*cause = xprintf("schema version %d is not one this program knows (%d)",
				 v, SCHEMA_VERSION);
		return -1;
	}
	for (; v < SCHEMA_VERSION; v++) {
		char pragma[64];

		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (exec(db, "BEGIN IMMEDIATE") != 0 || exec(db, migrations[v]) != 0 ||
		    exec(db, pragma) != 0 || exec(db, "COMMIT") != 0) {
			*cause = xprintf("upgrading the schema to version %d: %s", v + 1,
					 detail(db));
			exec(db, "ROLLBACK");
			return -1;
		}
	}
	return 0;
}

/* Creates the database file private to this user (SQLite gives its -wal
 * and -shm files the same mode) and takes group and other permissions
 * from all three when an older or hand-made copy has them. */
static int make_private(const char *path, char **cause)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	size_t i;

	if (fd < 0 || close(fd) != 0) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = xprintf("%s%s", path, ext[i]);
		int rc = mode_private(p);

		free(p);
		if (rc != 0) {
			*cause = xprintf("%s%s: cannot make it private: %s", path, ext[i],
					 strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Keeps the -wal and -shm files when the last connection closes (they
 * are otherwise deleted then and made again by the next one to open the
 * database). The index (-shm) must have its 32 KiB on disk before anything
 * can be read: on a full disk a program opening state.db afresh (kioskctl
 * status, metrics, the sync worker) could not even read it. Kept, the
 * index costs no new space, and the log's pages, reused from its start
 * after each checkpoint, give small writes room too. Erasing personal
 * details still truncates the log (spool_erase_due). */
static void keep_wal_files(struct db *db)
{
	int on = 1;

	sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
}

struct db *db_open(const char *path, char **cause)
{
	struct db *db;

	if (make_private(path, cause) != 0)
		return NULL;
	db = xcalloc(1, sizeof *db);
	if (sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		*cause = xprintf("%s: %s", path, db->sql ? detail(db) : "cannot open");
		db_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db->sql, DB_BUSY_MS);
	keep_wal_files(db);
	/* secure_delete: what is erased or deleted is overwritten with zeros,
	 * not left readable in free pages of the file. */
	if (exec(db, "PRAGMA journal_mode = WAL") != 0 ||
	    exec(db, "PRAGMA synchronous = FULL") != 0 ||
	    exec(db, "PRAGMA secure_delete = ON") != 0 ||
	    exec(db, "PRAGMA foreign_keys = ON") != 0) {
		*cause = xprintf("%s: %s", path, detail(db));
		db_close(db);
		return NULL;
	}
	if (migrate(db, cause) != 0) {
		char *inner = *cause;

		*cause = xprintf("%s: %s", path, inner);
		free(inner);
		db_close(db);
		return NULL;
	}
	/* A kept log is read again as new when the database is opened
	 * afresh; copied back (in place), its space is reused by the next
	 * write instead of growing the file. */
	sqlite3_wal_checkpoint_v2(db->sql, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return db;
}

void db_close(struct db *db)
{
	int i;

	if (db == NULL)
		return;
	for (i = 0; i < db->nkept; i++)
		sqlite3_finalize(db->kept[i].st);
	sqlite3_close(db->sql);
	free(db);
}

int db_busy(struct db *db)
{
	int rc = sqlite3_errcode(db->sql);

	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

char *db_cause(struct db *db, const char *doing)
{
	const char *why;

	switch (sqlite3_errcode(db->sql) & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		why = "the database is locked by another program";
		break;
	case SQLITE_FULL:
		why = "the disk is full";
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
		why = "the database cannot be written";
		break;
	case SQLITE_CONSTRAINT:
		why = "this would break a rule of the saved data";
		break;
	default:
		why = "database error";
		break;
	}
	return xprintf("%s: %s (%s)", doing, why, detail(db));
}

sqlite3_stmt *db_prepare(struct db *db, const char *sql, const char *doing, char **cause)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		*cause = db_cause(db, doing);
		return NULL;
	}
	return st;
}

sqlite3_stmt *db_prepare_kept(struct db *db, const char *sql, const char *doing, char **cause)
{
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < db->nkept; i++)
		if (db->kept[i].sql == sql)
			return db->kept[i].st;
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		*cause = db_cause(db, doing);
		return NULL;
	}
	if (db->nkept < DB_KEPT) {
		db->kept[db->nkept].sql = sql;
		db->kept[db->nkept++].st = st;
	}
	return st;
}

/* Ends the use of st: resets a statement db keeps (so that it holds no
 * lock), finalizes any other. */
static void release(struct db *db, sqlite3_stmt *st)
{
	int i;

	for (i = 0; i < db->nkept; i++)
		if (db->kept[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	sqlite3_finalize(st);
}

int db_step(struct db *db, sqlite3_stmt *st, const char *doing, char **cause)
{
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		*cause = db_cause(db, doing);
		return -1;
	}
}

int db_done(struct db *db, sqlite3_stmt *st, const char *doing, char **cause)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, doing);
		release(db, st);
		return -1;
	}
	release(db, st);
	return sqlite3_changes(db->sql);
}

sqlite3_stmt *db_row(struct db *db, const char *sql, const char *doing, char **cause)
{
	sqlite3_stmt *st = db_prepare(db, sql, doing, cause);

	if (st != NULL && sqlite3_step(st) != SQLITE_ROW) {
		*cause = db_cause(db, doing);
		sqlite3_finalize(st);
		st = NULL;
	}
	return st;
}

int db_exec(struct db *db, const char *sql, const char *doing, char **cause)
{
	if (exec(db, sql) != 0) {
		*cause = db_cause(db, doing);
		return -1;
	}
	return 0;
}

int db_begin(struct db *db, const char *doing, char **cause)
{
	return db_exec(db, "BEGIN IMMEDIATE", doing, cause);
}

int db_commit(struct db *db, const char *doing, char **cause)
{
	if (db_exec(db, "COMMIT", doing, cause) == 0)
		return 0;
	return db_rollback(db);
}

int db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		exec(db, "ROLLBACK");
	return -1;
}

void db_checkpoint(struct db *db)
{
	sqlite3_wal_checkpoint_v2(db->sql, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

int db_setting_get(struct db *db, const char *key, char *out, unsigned size)
{
	sqlite3_stmt *st;
	int rc, found = -1;

	if (sqlite3_prepare_v2(db->sql, "SELECT value FROM settings WHERE key = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		snprintf(out, size, "%s", v ? v : "");
		found = 1;
	} else if (rc == SQLITE_DONE) {
		found = 0;
	}
	sqlite3_finalize(st);
	return found;
}

long long db_setting_number(struct db *db, const char *key)
{
	char buf[32];

	return db_setting_get(db, key, buf, sizeof buf) == 1 ? strtoll(buf, NULL, 10) : 0;
}

int db_setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	const char *sql = value ? "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"
				: "DELETE FROM settings WHERE key = ?";
	int rc;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (value)
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

long long db_setting_add(struct db *db, const char *key, long long by)
{
	static const char sql[] = "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key)"
				  " DO UPDATE SET value = CAST(value AS INTEGER) + ?2 RETURNING value";
	char *cause = NULL;
	sqlite3_stmt *st = db_prepare_kept(db, sql, "cannot count in a setting", &cause);
	long long sum = -1;

	free(cause); /* the caller asks db_cause when it needs to say why */
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, by);
	if (sqlite3_step(st) == SQLITE_ROW)
		sum = sqlite3_column_int64(st, 0);
	/* RETURNING writes when the statement ends: it must end well. */
	if (sqlite3_step(st) != SQLITE_DONE)
		sum = -1;
	release(db, st);
	return sum;
}

int db_audit(struct db *db, const char *who, const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "INSERT INTO audit (at, who, what) VALUES (?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(st, 2, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, what, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int db_rate(struct db *db, const char *receipt, int rating, long long at)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sql,
			       "INSERT OR REPLACE INTO ratings (receipt, rating, at) VALUES (?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, receipt, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, rating);
	sqlite3_bind_int64(st, 3, at);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
