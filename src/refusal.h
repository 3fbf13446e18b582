/* Telling a refusal of one request from a refusal of the booth (docs/API.md,
 * "When the server refuses"). The upload worker feeds it every answer, for
 * whatever protocol it speaks; it says what to do with the request. Pure:
 * no I/O, no clock.
 *
 * 401, 403, 404 and 407 say the booth or its link is wrong (the token, a
 * proxy or captive portal, the url's path): the booth pauses at once. Any
 * other refusal (400, 413, 422, ...) names one request only when the server
 * accepts others: the request is held (left waiting, not quarantined) and
 * the worker goes on with the next; the first acknowledgement of another
 * request quarantines the ones held. A refusal that repeats for
 * REFUSAL_IN_A_ROW different requests in a row, or for every request
 * waiting, pauses the booth instead. A paused booth tries one request at
 * the backoff ceiling (not one refused in the last round, when another
 * waits); the first acknowledgement resumes it. */
#ifndef KIOSK_REFUSAL_H
#define KIOSK_REFUSAL_H

#include "spool.h"

/* Different requests refused in a row that pause the booth. */
#define REFUSAL_IN_A_ROW 2

/* Why sending is paused. */
enum refusal_cause {
	REFUSAL_NONE,         /* sending normally */
	REFUSAL_TOKEN,        /* 401: the server does not take the booth's token */
	REFUSAL_FORBIDDEN,    /* 403: the server or a captive portal refuses the booth */
	REFUSAL_URL,          /* 404: no such path: the url is wrong */
	REFUSAL_PROXY,        /* 407: a proxy wants to be logged in to */
	REFUSAL_EVERY,        /* every request tried was refused */
	REFUSAL_FORM          /* the protocol says the form takes nothing
			       * (OpenRosa: a form closed or not published) */
};

/* A refused request not judged yet. */
struct refusal_held {
	char id[SPOOL_ID_MAX + 1];
	char reason[256];
};

/* What the worker knows of the last answers. */
struct refusals {
	struct refusal_held held[REFUSAL_IN_A_ROW - 1];
	int nheld;
	int acked;                  /* the last answer judged acknowledged a request */
	enum refusal_cause paused;
	long http;                  /* the status that paused it, 0 when none */
};

/* What to do with a refused request. */
enum refusal_action {
	REFUSAL_QUARANTINE,   /* its own fault: set it aside for a helper */
	REFUSAL_HOLD,         /* not known yet: leave it waiting, send the next now */
	REFUSAL_PAUSE         /* the booth's fault: leave it waiting, stop sending */
};

/* The cause of a refusal with status http that is the booth's whatever the
 * request (401, 403, 404, 407), else REFUSAL_NONE. */
enum refusal_cause refusal_of_booth(long http);

/* A word for a cause ("token", "forbidden", "url", "proxy", "every",
 * "form"; "none"), for metrics and JSON, and back (REFUSAL_NONE for an
 * unknown word). */
const char *refusal_cause_name(enum refusal_cause cause);
enum refusal_cause refusal_cause_parse(const char *name);

/* Judges the refusal of request id with status http (a 4xx other than 408
 * and 429; 0 when the booth itself has nothing to send for it, which
 * quarantines it at once) and the reason given, and remembers it. */
enum refusal_action refusal_judge(struct refusals *r, const char *id, long http,
				  const char *reason);

/* The protocol itself says the booth is wrong (PROTO_PAUSE) with status
 * http: pauses, for the cause of refusal_of_booth() or REFUSAL_FORM. */
void refusal_pause(struct refusals *r, long http);

/* An acknowledgement: the booth is no longer paused, and the requests held
 * (r->held, r->nheld of them, until refusal_forget()) were refused for
 * themselves. Returns 1 when the booth was paused. */
int refusal_ack(struct refusals *r);

/* Nothing but held requests is left to send: the booth is paused (every
 * request waiting was refused). Returns 1 when it was not paused yet. */
int refusal_exhausted(struct refusals *r);

/* Forgets the requests held (after quarantining them, or on a pause). */
void refusal_forget(struct refusals *r);

#endif
