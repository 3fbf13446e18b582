/* ODK Central's answers (central.h). */
#include "central.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "protocol.h"
#include "util.h"

const char *central_status_word(const char *review_state)
{
	static const char *const map[][2] = {
		{ "received", "received" }, { "hasIssues", "supplement" },
		{ "edited", "processing" }, { "approved", "ready" },
		{ "rejected", "rejected" },
	};
	size_t i;

	if (review_state == NULL)
		return "received";
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(review_state, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

/* A string member of an object, or NULL. */
static const char *member(json_t *doc, const char *key)
{
	return json_string_value(json_object_get(doc, key));
}

int central_session(const char *body, size_t len, char *token, size_t size, long long *expires)
{
	json_t *doc = json_loadb(body, len, 0, NULL);
	const char *t = member(doc, "token"), *e = member(doc, "expiresAt");
	int rc = -1;

	if (t != NULL && e != NULL && strlen(t) < size && strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"abcdefghijklmnopqrstuvwxyz0123456789!$-_.~") == strlen(t) &&
	    proto_time(e, expires) == 0) {
		snprintf(token, size, "%s", t);
		rc = 0;
	}
	json_decref(doc);
	return rc;
}

int central_submission(const char *body, size_t len, const char *receipt,
		       struct dossier_status *out, int *asks_note)
{
	json_t *doc = json_loadb(body, len, 0, NULL);
	json_t *state = json_object_get(doc, "reviewState");
	const char *when = member(doc, "updatedAt") ? member(doc, "updatedAt")
						    : member(doc, "createdAt");
	const char *word = json_is_null(state) ? "received"
			   : json_is_string(state) ? central_status_word(json_string_value(state))
						   : NULL;
	long long t = -1;

	if (!json_is_object(doc) || member(doc, "instanceId") == NULL || word == NULL ||
	    (when != NULL && proto_time(when, &t) != 0)) {
		json_decref(doc);
		return -1;
	}
	memset(out, 0, sizeof *out);
	snprintf(out->receipt, sizeof out->receipt, "%s", receipt);
	out->status = xstrdup(word);
	out->updated_at = t;
	*asks_note = strcmp(word, "supplement") == 0 || strcmp(word, "rejected") == 0;
	json_decref(doc);
	return 1;
}

char *central_newest_comment(const char *body, size_t len)
{
	json_t *doc = json_loadb(body, len, 0, NULL), *c;
	const char *best = NULL, *best_at = "";
	char *out;
	size_t i;

	json_array_foreach(doc, i, c) {
		const char *text = member(c, "body"), *at = member(c, "createdAt");

		if (text != NULL && at != NULL && strcmp(at, best_at) >= 0) {
			best = text;
			best_at = at;
		}
	}
	out = best ? proto_clean(best, PROTO_NOTE_MAX) : NULL;
	json_decref(doc);
	return out;
}
