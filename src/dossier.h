/* Dossier lookups: telling a national dossier code (mã hồ sơ) or a booth's
 * receipt code from a typo, and the booth's status cache (the dossier_status
 * table of state.db), filled by `kioskctl dossier` and the upload daemon's
 * refresh from the provincial server (docs/API.md). */
#ifndef KIOSK_DOSSIER_H
#define KIOSK_DOSSIER_H

#include <stddef.h>

struct db;

/* Longest code kept, with its NUL. */
#define DOSSIER_CODE_MAX 48

enum dossier_kind {
	DOSSIER_INVALID,       /* neither: show a plain "this code is not right" */
	DOSSIER_NATIONAL,      /* agency code, receipt date YYMMDD, 4-digit number:
				* G22.27.15-261127-0042 (Thông tư 01/2018/TT-VPCP) */
	DOSSIER_RECEIPT,       /* the shape of a booth receipt code: 6 to 20 letters and
				* digits, maybe in dash-separated groups; its check
				* character is the receipt module's to verify */
};

/* Tidies a typed or scanned code into out (size bytes): surrounding spaces,
 * CR/LF and NUL dropped, letters in upper case, spaces inside removed.
 * Returns what kind of code it is. */
enum dossier_kind dossier_code(const char *typed, char *out, size_t size);

/* The last status known to the booth for a dossier. */
struct dossier_status {
	char receipt[DOSSIER_CODE_MAX];
	char *status;          /* as the server said it ("Đang xử lý") */
	char *note;            /* or NULL */
	char *procedure;       /* its procedure as the server names it, or NULL */
	char submitted[11];    /* the day it was submitted, YYYY-MM-DD, or "" */
	char due[11];          /* the day its result is due, YYYY-MM-DD, or "" */
	long long updated_at;  /* when the server says it changed (unix seconds), or -1 */
	long long fetched_at;  /* when this booth learnt it (unix seconds) */
};

/* Reads the cached status of a dossier by its tidied code. Returns 1 and
 * fills *out (free it with dossier_status_clear), 0 when the booth knows
 * nothing of it, -1 with *cause set on a database error. */
int dossier_status_get(struct db *db, const char *code, struct dossier_status *out, char **cause);

/* Frees what dossier_status_get put in *st. */
void dossier_status_clear(struct dossier_status *st);

/* Stores (replaces) the cached status of st->receipt; a NULL note or
 * procedure, an empty date and an updated_at of -1 are stored as unknown.
 * Returns 0 or -1 with *cause. */
int dossier_status_put(struct db *db, const struct dossier_status *st, char **cause);

/* True for a status after which nothing changes (done, rejected,
 * withdrawn): the upload daemon stops asking about it. */
int dossier_final(const char *status);

/* Codes whose status is worth asking the server again. */
struct dossier_list {
	size_t n;
	char (*code)[DOSSIER_CODE_MAX];
};

/* Lists, least recently fetched first and at most limit, the receipt codes
 * of requests acknowledged by the server and created at or after since
 * whose cached status is missing, or not final and fetched at or before
 * before. The caller frees list->code. Returns 0 or -1 with *cause. */
int dossier_stale(struct db *db, long long since, long long before, long limit,
		  struct dossier_list *list, char **cause);

#endif
