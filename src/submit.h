/* Saving a filled-in form as a request: its id, its receipt code, and its
 * upload bytes frozen, in one transaction of state.db. */
#ifndef KIOSK_SUBMIT_H
#define KIOSK_SUBMIT_H

#include <time.h>

struct app;
struct form_state;
struct db;
struct config;
struct form;
struct i18n;

/* What was saved, for the receipt. */
struct saved {
	char id[65];
	char receipt[16];
	time_t at;                /* 0 when the booth's clock was not set */
};

/* Builds the request's JSON from a form's answers (NFC UTF-8): id, booth,
 * kind, procedure code, receipt, created time (null when at is 0: the
 * booth's clock was not set), form and fields. The caller frees it. */
char *submit_json(const struct config *cfg, const struct form *form, const char *const *values,
		  const char *id, const char *receipt, time_t at);

/* Saves a request: the booth's next receipt number and the request go in
 * one transaction (with [upload] protocol openrosa, its OpenRosa bytes too:
 * xform_submission() of form with the catalogs t), so after a crash either both are there or neither. at
 * is the clock's time; when time_known is 0 (the clock is not set) it only
 * orders the spool: the request is stored as of an unknown time (a flag in
 * state.db, null in its JSON, out->at 0). Returns 0 once COMMIT returned;
 * otherwise nothing is saved and *cause says why: -2 when another program
 * held the database past its busy timeout (sending again soon may work),
 * -1 for the disk (full, read-only, failing). */
int submit_request(struct db *db, const struct config *cfg, const struct form *form,
		   const struct i18n *t, const char *const *values, time_t at, int time_known,
		   struct saved *out, char **cause);

/* Opens (creating if needed) STATE_DIR/state.db, its folder made private
 * to this user. Returns NULL with *cause when the disk does not allow it. */
struct db *submit_open_state(const struct config *cfg, char **cause);

/* Saves the form of st, then shows the saved screen in place of the form
 * (back goes home, never to the saved form). A kiosk that started without
 * state.db (a read-only or broken disk) tries to open it first. Returns 0,
 * or -1 or -2 as submit_request (-1 when state.db still cannot be opened)
 * with *cause and the form still there. */
int submit_save(struct app *a, struct form_state *st, time_t now, char **cause);

#endif
