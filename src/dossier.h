/* The dossier status cache in state.db: the last status the provincial
 * server gave for a receipt code, kept so a villager can look a dossier up
 * at the booth when it is offline. Filled by `kioskctl dossier` and by the
 * upload daemon's periodic refresh. */
#ifndef KIOSK_DOSSIER_H
#define KIOSK_DOSSIER_H

#include "spool.h"

struct db;

#define DOSSIER_STATUS_MAX 31   /* a status word, see docs/API.md */
#define DOSSIER_NOTE_MAX 511    /* bytes of the server's note */

/* A dossier's status. Times are unix seconds, 0 when unknown. */
struct dossier {
	char receipt[SPOOL_RECEIPT_MAX + 1];
	char status[DOSSIER_STATUS_MAX + 1];   /* received, processing, ... */
	char note[DOSSIER_NOTE_MAX + 1];       /* sanitised UTF-8, may be "" */
	long long updated_at;                  /* when the server says it changed */
	long long fetched_at;                  /* when this booth learnt it */
};

/* Receipt codes whose status is worth asking the server again. */
struct dossier_list {
	size_t n;
	char (*code)[SPOOL_RECEIPT_MAX + 1];
};

/* True for a status after which nothing changes (done, rejected,
 * withdrawn): the daemon stops asking about it. */
int dossier_final(const char *status);

/* Reads the cached status of receipt. Returns 1 with *out filled, 0 when
 * none is cached, -1 with *cause. */
int dossier_get(struct db *db, const char *receipt, struct dossier *out, char **cause);

/* Stores (replaces) a status. Returns 0 or -1 with *cause. */
int dossier_put(struct db *db, const struct dossier *d, char **cause);

/* Lists, least recently fetched first and at most limit, the receipts of
 * requests acknowledged by the server and created at or after since
 * whose cached status is missing, or not final and fetched at or before
 * before. The caller frees list->code. Returns 0 or -1 with *cause. */
int dossier_stale(struct db *db, long long since, long long before, long limit,
		  struct dossier_list *list, char **cause);

#endif
