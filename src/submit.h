/* Saving a filled-in form as a request: its id, its receipt code, and its
 * upload bytes frozen, in one transaction of state.db. */
#ifndef KIOSK_SUBMIT_H
#define KIOSK_SUBMIT_H

#include <time.h>

struct db;
struct config;
struct form;

/* What was saved, for the receipt. */
struct saved {
	char id[65];
	char receipt[16];
	time_t at;                /* 0 when the booth's clock was not set */
};

/* Saves a request: the booth's next receipt number and the request go in
 * one transaction, so after a crash either both are there or neither. at
 * is the clock's time; when time_known is 0 (the clock is not set) it only
 * orders the spool: the request is stored as of an unknown time (a flag in
 * state.db, null in its JSON, out->at 0). Returns 0 once COMMIT returned;
 * otherwise nothing is saved and *cause says why: -2 when another program
 * held the database past its busy timeout (sending again soon may work),
 * -1 for the disk (full, read-only, failing). The request's JSON holds
 * the fields as "fields" and, under "as_on_card", the texts of on_card
 * (one per field, NULL when none; on_card itself may be NULL) that are
 * not NULL: a field as printed on a scanned ID card (an address before
 * the 2025 reform), which may differ from what the villager confirmed. */
int submit_request(struct db *db, const struct config *cfg, const struct form *form,
		   const char *const *values, const char *const *on_card, time_t at, int time_known,
		   struct saved *out, char **cause);

/* Opens (creating if needed) STATE_DIR/state.db, its folder made private
 * to this user. Returns NULL with *cause when the disk does not allow it. */
struct db *submit_open_state(const struct config *cfg, char **cause);

#endif
