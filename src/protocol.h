/* The provincial server's protocol, as the booth reads it (docs/API.md):
 * what counts as an acknowledgement of a submission, and what a dossier
 * status answer holds. Pure functions over status codes and bodies; the
 * transport is upload.c's. */
#ifndef KIOSK_PROTOCOL_H
#define KIOSK_PROTOCOL_H

#include <stddef.h>

struct dossier_status;

/* What to do with a submission after the server's answer. */
enum proto_verdict {
	PROTO_ACK,      /* stored by the server: mark it sent */
	PROTO_RETRY,    /* not stored, for now: send the same bytes again later */
	PROTO_REJECT,   /* refused for good: quarantine it for a helper */
	PROTO_PAUSE     /* the booth or its link is set up wrong (a token, an
			 * address, a form not published): not this request's
			 * fault; it waits, the worker pauses and says why */
};

/* Most bytes of a reply body the booth reads. */
#define PROTO_BODY_MAX 65536

/* Classifies the answer to POST /submissions for the request id: an
 * acknowledgement only when the status is 200, 201 or 409 and the body is
 * a JSON object whose "id" is id; 408, 429, 5xx and every other answer
 * that is not a 4xx (a captive portal's 200 HTML page, a redirect) mean
 * retry; any other 4xx means reject. reason (size bytes) gets a short
 * sanitised explanation for the spool's last_error. */
enum proto_verdict proto_submission(long http, const char *body, size_t len, const char *id,
				    char *reason, size_t size);

/* Classifies ODK Central's answer to an OpenRosa submission
 * (docs/API.md, "OpenRosa"): 201 with an OpenRosa response is an
 * acknowledgement (a new submission, or the same bytes again); 409 for
 * other bytes under the same instanceID means reject; 401, 403, 404, 407
 * and a 409 for a form that takes no submissions mean pause; 408, 429,
 * 5xx and anything that is not a 4xx mean retry; other 4xx reject. reason
 * gets "HTTP n: what: the server's message". */
enum proto_verdict proto_openrosa(long http, const char *body, size_t len, char *reason,
				  size_t size);

/* The reason of proto_submission() or proto_dossier() fit for a log:
 * "HTTP n: what" without the server's own words, which may quote what the
 * villager typed (state.db keeps them for `kioskctl queue show`). Other
 * reasons (no answer, TLS) are copied whole. Writes into out (size bytes). */
void proto_reason_log(const char *reason, char *out, size_t size);

/* Most bytes of a status kept (a word such as "processing", or a short
 * text the kiosk shows as it is). */
#define PROTO_STATUS_MAX 63
/* Most bytes of a dossier's note kept. */
#define PROTO_NOTE_MAX 511
/* Most bytes of a dossier's procedure kept. */
#define PROTO_PROCEDURE_MAX 255

/* A new sanitised NFC copy of a server's text of at most max bytes (cut
 * between letters), or NULL when nothing printable is left. */
char *proto_clean(const char *text, size_t max);

/* Reads the answer to GET /dossiers/{code}. Returns 1 with *out filled
 * (receipt, status, note, updated_at, and procedure, submitted and due
 * when the server says them: new strings, released with
 * dossier_status_clear(); fetched_at is left alone) for a 200 whose JSON
 * echoes code, 0 for a 404 with a JSON body (the server does not know the
 * code), -1 for anything else; reason (size bytes) says which. */
int proto_dossier(long http, const char *body, size_t len, const char *code,
		  struct dossier_status *out, char *reason, size_t size);

/* Parses an RFC 3339 time ("2025-07-01T08:30:00Z", "...+07:00", with
 * optional fractions of a second) into unix seconds. Returns 0 or -1. */
int proto_time(const char *s, long long *out);

#endif
