/* The dossier status cache (see dossier.h). */
#include "dossier.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

int dossier_final(const char *status)
{
	return word_in_list(status, "done rejected withdrawn");
}

/* A message for the last SQLite error. */
static char *cause_of(struct db *db, const char *doing)
{
	return xprintf("%s: %s", doing, db_error(db));
}

int dossier_get(struct db *db, const char *receipt, struct dossier *out, char **cause)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if (sqlite3_prepare_v2(db_sqlite(db),
			       "SELECT status, note, updated_at, fetched_at FROM dossier_status"
			       " WHERE receipt = ?", -1, &st, NULL) != SQLITE_OK) {
		*cause = cause_of(db, "cannot read the status cache");
		return -1;
	}
	sqlite3_bind_text(st, 1, receipt, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *status = sqlite3_column_text(st, 0);
		const unsigned char *note = sqlite3_column_text(st, 1);

		memset(out, 0, sizeof *out);
		snprintf(out->receipt, sizeof out->receipt, "%s", receipt);
		snprintf(out->status, sizeof out->status, "%s", status ? (const char *)status : "");
		snprintf(out->note, sizeof out->note, "%s", note ? (const char *)note : "");
		out->updated_at = sqlite3_column_int64(st, 2);
		out->fetched_at = sqlite3_column_int64(st, 3);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		*cause = cause_of(db, "cannot read the status cache");
		found = -1;
	}
	sqlite3_finalize(st);
	return found;
}

int dossier_put(struct db *db, const struct dossier *d, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db_sqlite(db),
			       "INSERT OR REPLACE INTO dossier_status"
			       " (receipt, status, note, updated_at, fetched_at) VALUES (?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK) {
		*cause = cause_of(db, "cannot write the status cache");
		return -1;
	}
	sqlite3_bind_text(st, 1, d->receipt, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->note, -1, SQLITE_STATIC);
	if (d->updated_at != 0)
		sqlite3_bind_int64(st, 4, d->updated_at);
	sqlite3_bind_int64(st, 5, d->fetched_at);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		*cause = cause_of(db, "cannot write the status cache");
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int dossier_stale(struct db *db, long long since, long long before, long limit,
		  struct dossier_list *list, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	list->n = 0;
	list->code = NULL;
	if (sqlite3_prepare_v2(db_sqlite(db),
			       "SELECT s.receipt FROM submissions s"
			       " LEFT JOIN dossier_status d ON d.receipt = s.receipt"
			       " WHERE s.state = 'sent' AND s.created_at >= ?1"
			       "  AND (d.receipt IS NULL OR (d.fetched_at <= ?2"
			       "   AND d.status NOT IN ('done', 'rejected', 'withdrawn')))"
			       /* the words of dossier_final() */
			       " ORDER BY coalesce(d.fetched_at, 0), s.created_at LIMIT ?3",
			       -1, &st, NULL) != SQLITE_OK) {
		*cause = cause_of(db, "cannot read the spool");
		return -1;
	}
	sqlite3_bind_int64(st, 1, since);
	sqlite3_bind_int64(st, 2, before);
	sqlite3_bind_int64(st, 3, limit);
	list->code = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof *list->code);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(list->code[list->n++], sizeof list->code[0], "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = cause_of(db, "cannot read the spool");
		free(list->code);
		list->code = NULL;
		list->n = 0;
		return -1;
	}
	return 0;
}
