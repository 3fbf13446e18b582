/* Refusals of one request or of the booth (see refusal.h). */
#include "refusal.h"

#include <stdio.h>
#include <string.h>

static const char *const cause_names[] = { "none", "token", "forbidden", "url", "proxy",
					   "every", "form" };

enum refusal_cause refusal_of_booth(long http)
{
	switch (http) {
	case 401:
		return REFUSAL_TOKEN;
	case 403:
		return REFUSAL_FORBIDDEN;
	case 404:
		return REFUSAL_URL;
	case 407:
		return REFUSAL_PROXY;
	default:
		return REFUSAL_NONE;
	}
}

const char *refusal_cause_name(enum refusal_cause cause)
{
	return cause_names[cause];
}

enum refusal_cause refusal_cause_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof cause_names / sizeof cause_names[0]; i++)
		if (strcmp(name, cause_names[i]) == 0)
			return (enum refusal_cause)i;
	return REFUSAL_NONE;
}

/* Pauses for cause, on status http. */
static enum refusal_action pause_for(struct refusals *r, enum refusal_cause cause, long http)
{
	r->paused = cause;
	r->http = http;
	r->acked = 0;
	refusal_forget(r);
	return REFUSAL_PAUSE;
}

enum refusal_action refusal_judge(struct refusals *r, const char *id, long http,
				  const char *reason)
{
	enum refusal_cause cause = refusal_of_booth(http);
	int i;

	if (cause != REFUSAL_NONE)
		return pause_for(r, cause, http);
	if (http == 0) /* the booth's own: nothing it could send for this one */
		return REFUSAL_QUARANTINE;
	if (r->acked && r->paused == REFUSAL_NONE) {
		r->acked = 0;
		return REFUSAL_QUARANTINE;
	}
	for (i = 0; i < r->nheld; i++)
		if (strcmp(r->held[i].id, id) == 0)
			return pause_for(r, REFUSAL_EVERY, http); /* tried them all */
	if (r->nheld + 1 >= REFUSAL_IN_A_ROW)
		return pause_for(r, REFUSAL_EVERY, http);
	snprintf(r->held[r->nheld].id, sizeof r->held[0].id, "%s", id);
	snprintf(r->held[r->nheld].reason, sizeof r->held[0].reason, "%s", reason);
	r->nheld++;
	r->http = http;
	return REFUSAL_HOLD;
}

void refusal_pause(struct refusals *r, long http)
{
	enum refusal_cause cause = refusal_of_booth(http);

	pause_for(r, cause != REFUSAL_NONE ? cause : REFUSAL_FORM, http);
}

int refusal_ack(struct refusals *r)
{
	int was = r->paused != REFUSAL_NONE;

	r->paused = REFUSAL_NONE;
	r->http = 0;
	r->acked = 1;
	return was;
}

int refusal_exhausted(struct refusals *r)
{
	int was = r->paused != REFUSAL_NONE;

	if (r->nheld == 0)
		return 0;
	pause_for(r, REFUSAL_EVERY, r->http);
	return !was;
}

void refusal_forget(struct refusals *r)
{
	r->nheld = 0;
}
