/* The booth's side of the provincial server's protocol over HTTP(S),
 * with libcurl (docs/API.md): one connection reused for every request,
 * hard timeouts, a stalled or very slow link abandoned, TLS checked
 * against the operator's CA file and an optional public-key pin, the
 * proxy from the config and never from the environment. */
#ifndef KIOSK_UPLOAD_H
#define KIOSK_UPLOAD_H

#include <signal.h>
#include <stddef.h>

#include "protocol.h"

struct config;
struct dossier_status;

struct upload;

/* How one exchange went. */
struct upload_result {
	enum proto_verdict verdict; /* for submissions */
	long http;                  /* the status code, 0 when no answer came */
	long retry_after;           /* seconds the server asked to wait, 0 if none */
	int reached;                /* the server itself answered in the protocol */
	char reason[256];           /* for the spool's last_error and the logs */
};

/* Prepares a connection to the config's [upload] url. When *stop becomes
 * non-zero (a signal handler sets it) a transfer under way is abandoned
 * within a second, as a transient failure. Returns NULL with *cause when
 * the url is empty or not http(s), or libcurl cannot start. */
struct upload *upload_open(const struct config *cfg, const volatile sig_atomic_t *stop,
			   char **cause);

/* Closes the connection; NULL is ignored. */
void upload_close(struct upload *up);

/* POSTs a submission's frozen bytes with its id as the Idempotency-Key
 * and fills *res; never fails otherwise (a failure is a verdict). */
void upload_submit(struct upload *up, const char *id, const char *body, size_t len,
		   struct upload_result *res);

/* POSTs a request's frozen OpenRosa bytes to ODK Central's submission
 * URL of [upload] project (docs/API.md, "OpenRosa"): multipart
 * xml_submission_file, X-OpenRosa-Version 1.0, the app user's token as
 * the bearer, the booth's id as the deviceID. Fills *res (proto_openrosa). */
void upload_openrosa(struct upload *up, const char *xml, size_t len, struct upload_result *res);

/* One exchange with a REST API (ODK Central's) on the same connection. */
struct upload_call {
	const char *method;         /* "GET", "POST", "DELETE" */
	const char *path;           /* after the url: "/v1/sessions" */
	const char *bearer;         /* a token, "" for none, NULL for [upload] token */
	const char *type;           /* the body's Content-Type; NULL: no body */
	const char *body;
	size_t len;
	long timeout;               /* seconds; 0 for [upload] timeout */
};

/* Performs c. Returns the HTTP status with *reply (NUL-terminated, valid
 * until the next exchange) and *len set, or 0 with res->reason when no
 * answer came. res->verdict is not set. */
long upload_call(struct upload *up, const struct upload_call *c, const char **reply, size_t *len,
		 struct upload_result *res);

/* GETs the status of a dossier by its (tidied) code, giving up after
 * timeout seconds. Returns 1 with *out filled (fetched_at is now; release
 * it with dossier_status_clear()), 0 when the server does not know the
 * code, -1 when no valid answer came (res->reason says why). */
int upload_dossier(struct upload *up, const char *code, long timeout,
		   struct dossier_status *out, struct upload_result *res);

#endif
