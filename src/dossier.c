/* Dossier codes and the status cache (the dossier_status table of
 * state.db, written by the upload worker and kioskctl dossier). */
#include "dossier.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

/* True when s[0..n) is a valid date written YYMMDD (years 2000-2099). */
static int yymmdd(const char *s)
{
	char iso[11];

	if (strspn(s, "0123456789") < 6)
		return 0;
	iso[0] = '2';
	iso[1] = '0';
	memcpy(iso + 2, s, 2);
	iso[4] = '-';
	memcpy(iso + 5, s + 2, 2);
	iso[7] = '-';
	memcpy(iso + 8, s + 4, 2);
	iso[10] = '\0';
	return date_valid(iso);
}

/* True for the national format: AGENCY-YYMMDD-NNNN, where the agency code
 * is 1 to 6 groups of 1 to 8 letters or digits joined by dots
 * ("G22.27.15", "000.00.15.H57"). */
static int national(const char *s)
{
	const char *dash = strchr(s, '-');
	const char *p = s;
	int groups = 0;

	if (dash == NULL)
		return 0;
	while (p < dash) {
		size_t n = 0;

		while (p + n < dash && isalnum((unsigned char)p[n]))
			n++;
		if (n == 0 || n > 8 || ++groups > 6)
			return 0;
		p += n;
		if (p < dash && *p++ != '.')
			return 0;
		if (p == dash && p[-1] == '.')
			return 0;
	}
	return groups > 0 && strlen(dash) == 1 + 6 + 1 + 4 && yymmdd(dash + 1) && dash[7] == '-' &&
	       strspn(dash + 8, "0123456789") == 4;
}

/* True for a booth receipt's shape: 6 to 20 letters and digits in groups
 * joined by single dashes, at least one digit. */
static int receipt_shape(const char *s)
{
	size_t n = 0, i;
	int digit = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '-') {
			if (i == 0 || s[i + 1] == '\0' || s[i + 1] == '-')
				return 0;
			continue;
		}
		if (!isalnum((unsigned char)s[i]))
			return 0;
		digit |= isdigit((unsigned char)s[i]) != 0;
		n++;
	}
	return n >= 6 && n <= 20 && digit;
}

enum dossier_kind dossier_code(const char *typed, char *out, size_t size)
{
	size_t o = 0;
	const char *p;

	if (size == 0)
		return DOSSIER_INVALID;
	for (p = typed; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (o + 1 >= size) {
			out[0] = '\0';
			return DOSSIER_INVALID;
		}
		out[o++] = (char)toupper(c);
	}
	out[o] = '\0';
	if (national(out))
		return DOSSIER_NATIONAL;
	return receipt_shape(out) ? DOSSIER_RECEIPT : DOSSIER_INVALID;
}

/* A new copy of a text column, or NULL. */
static char *column_dup(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return s ? xstrdup(s) : NULL;
}

int dossier_status_get(struct db *db, const char *code, struct dossier_status *out, char **cause)
{
	static const char doing[] = "reading the status cache";
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT receipt, status, note, updated_at, fetched_at"
			     " FROM dossier_status WHERE receipt = ?", doing, cause)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = db_step(db, st, doing, cause);
	if (rc == 1) {
		snprintf(out->receipt, sizeof out->receipt, "%s", (const char *)sqlite3_column_text(st, 0));
		out->status = column_dup(st, 1);
		out->note = column_dup(st, 2);
		out->updated_at = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
		out->fetched_at = sqlite3_column_int64(st, 4);
		sqlite3_finalize(st);
		return 1;
	}
	sqlite3_finalize(st);
	return rc;
}

void dossier_status_clear(struct dossier_status *st)
{
	free(st->status);
	free(st->note);
	st->status = st->note = NULL;
}

int dossier_status_put(struct db *db, const struct dossier_status *st, char **cause)
{
	static const char doing[] = "writing the status cache";
	sqlite3_stmt *stmt = db_prepare(db, "INSERT OR REPLACE INTO dossier_status"
					" (receipt, status, note, updated_at, fetched_at)"
					" VALUES (?, ?, ?, ?, ?)", doing, cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, st->receipt, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, st->status, -1, SQLITE_STATIC);
	if (st->note != NULL)
		sqlite3_bind_text(stmt, 3, st->note, -1, SQLITE_STATIC);
	if (st->updated_at >= 0)
		sqlite3_bind_int64(stmt, 4, st->updated_at);
	sqlite3_bind_int64(stmt, 5, st->fetched_at);
	return db_done(db, stmt, doing, cause) < 0 ? -1 : 0;
}

int dossier_final(const char *status)
{
	return word_in_list(status, "done rejected withdrawn");
}

int dossier_stale(struct db *db, long long since, long long before, long limit,
		  struct dossier_list *list, char **cause)
{
	static const char doing[] = "reading the spool";
	sqlite3_stmt *st;
	int rc;

	list->n = 0;
	list->code = NULL;
	if ((st = db_prepare(db, "SELECT s.receipt FROM submissions s"
			     " LEFT JOIN dossier_status d ON d.receipt = s.receipt"
			     " WHERE s.state = 'sent' AND s.created_at >= ?1"
			     "  AND (d.receipt IS NULL OR (d.fetched_at <= ?2"
			     "   AND d.status NOT IN ('done', 'rejected', 'withdrawn')))"
			     /* the words of dossier_final() */
			     " ORDER BY coalesce(d.fetched_at, 0), s.created_at LIMIT ?3",
			     doing, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	sqlite3_bind_int64(st, 2, before);
	sqlite3_bind_int64(st, 3, limit);
	list->code = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof *list->code);
	while ((rc = db_step(db, st, doing, cause)) == 1)
		snprintf(list->code[list->n++], sizeof list->code[0], "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc < 0) {
		free(list->code);
		list->code = NULL;
		list->n = 0;
		return -1;
	}
	return 0;
}
