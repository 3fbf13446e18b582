/* ODK Central's answers, as the booth reads them (docs/odk-central.md):
 * a session, and a submission's review state as the booth's dossier
 * status. Pure functions over JSON bodies; the exchanges are upload.c's
 * and ctl_central.c's. */
#ifndef KIOSK_CENTRAL_H
#define KIOSK_CENTRAL_H

#include <stddef.h>

struct dossier_status;

/* The booth's status word for a Central review state: NULL or "received"
 * is "received", "hasIssues" "supplement", "edited" "processing",
 * "approved" "ready", "rejected" "rejected"; NULL for anything else. */
const char *central_status_word(const char *review_state);

/* Reads the answer to POST /v1/sessions: its token into token (size
 * bytes) and its expiresAt (unix seconds) into *expires. Returns 0, or -1
 * when the body is not a session. */
int central_session(const char *body, size_t len, char *token, size_t size, long long *expires);

/* Reads the answer to GET .../submissions/{instanceId} into *out for the
 * receipt code: status (the word of its reviewState), updated_at (its
 * updatedAt, else createdAt), note NULL. Returns 1, or -1 when the body is
 * not a submission of a known review state. *asks_note is set when the
 * state is one the villager must act on or hear why (hasIssues,
 * rejected): then the newest comment is worth reading as the note. */
int central_submission(const char *body, size_t len, const char *receipt,
		       struct dossier_status *out, int *asks_note);

/* The body of the newest comment of GET .../comments (a JSON array of
 * {body, createdAt}), sanitised, or NULL when there is none. */
char *central_newest_comment(const char *body, size_t len);

#endif
