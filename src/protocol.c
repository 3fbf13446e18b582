/* The provincial server's protocol, as the booth reads it (protocol.h). */
#include "protocol.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dossier.h"
#include "text.h"
#include "util.h"

/* Copies text into out (size bytes) without cutting a UTF-8 sequence. */
static void copy_utf8(char *out, size_t size, const char *text)
{
	size_t n = strlen(text);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, text, n);
	out[n] = '\0';
}

/* What the server said, for a human: the "error" member of a JSON body,
 * else the start of the body; sanitised, on one line. NULL when empty. */
static char *server_words(json_t *doc, const char *body, size_t len)
{
	json_t *error = json_object_get(doc, "error");
	char *raw, *clean;

	if (json_is_string(error))
		raw = xstrdup(json_string_value(error));
	else
		raw = xstrndup(body ? body : "", len < 160 ? len : 160);
	clean = text_sanitize(raw, 0);
	free(raw);
	if (clean != NULL) {
		size_t n = strlen(clean);

		while (n > 0 && clean[n - 1] == ' ')
			clean[--n] = '\0';
		if (n == 0) {
			free(clean);
			clean = NULL;
		}
	}
	return clean;
}

/* Writes "HTTP n: what: server's words" (or "HTTP n: what" when the
 * server said nothing) into reason. what never holds ": " (see
 * proto_reason_log). */
static void explain(char *reason, size_t size, long http, const char *what, json_t *doc,
		    const char *body, size_t len)
{
	char *words = server_words(doc, body, len);
	char *line = words ? xprintf("HTTP %ld: %s: %s", http, what, words)
			   : xprintf("HTTP %ld: %s", http, what);

	copy_utf8(reason, size, line);
	free(line);
	free(words);
}

void proto_reason_log(const char *reason, char *out, size_t size)
{
	const char *first = strncmp(reason, "HTTP ", 5) == 0 ? strstr(reason, ": ") : NULL;
	const char *words = first ? strstr(first + 2, ": ") : NULL;
	size_t n = words ? (size_t)(words - reason) : strlen(reason);

	snprintf(out, size, "%.*s%s", (int)n, reason,
		 words ? " (the server's words are not logged)" : "");
}

enum proto_verdict proto_submission(long http, const char *body, size_t len, const char *id,
				    char *reason, size_t size)
{
	json_t *doc = body ? json_loadb(body, len, 0, NULL) : NULL;
	json_t *echo = json_object_get(doc, "id");
	enum proto_verdict verdict;

	if (http == 200 || http == 201 || http == 409) {
		if (json_is_string(echo) && strcmp(json_string_value(echo), id) == 0) {
			snprintf(reason, size, "HTTP %ld: acknowledged", http);
			verdict = PROTO_ACK;
		} else {
			explain(reason, size, http,
				"not an acknowledgement (no JSON echoing the id; a captive portal"
				" or proxy?)", NULL, body, len);
			verdict = PROTO_RETRY;
		}
	} else if (http == 408 || http == 429 || (http >= 500 && http <= 599)) {
		explain(reason, size, http, "server busy or failing, will retry", doc, body, len);
		verdict = PROTO_RETRY;
	} else if (http >= 400 && http <= 499) {
		explain(reason, size, http, "refused by the server", doc, body, len);
		verdict = PROTO_REJECT;
	} else {
		explain(reason, size, http, "unexpected answer, will retry", doc, body, len);
		verdict = PROTO_RETRY;
	}
	json_decref(doc);
	return verdict;
}

int proto_time(const char *s, long long *out)
{
	struct tm tm = { 0 };
	int year, mon, day, hour, min, sec, off = 0;
	const char *p;
	time_t t;

	if (strlen(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':')
		return -1;
	year = digits_value(s, 4);
	mon = digits_value(s + 5, 2);
	day = digits_value(s + 8, 2);
	hour = digits_value(s + 11, 2);
	min = digits_value(s + 14, 2);
	sec = digits_value(s + 17, 2);
	if (year < 1970 || !day_exists(year, mon, day) || hour < 0 || hour > 23 ||
	    min < 0 || min > 59 || sec < 0 || sec > 60)
		return -1;
	p = s + 19;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0') {
		off = 0;
	} else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
		int oh = digits_value(p + 1, 2), om = digits_value(p + 4, 2);

		if (oh < 0 || oh > 23 || om < 0 || om > 59)
			return -1;
		off = (oh * 60 + om) * 60 * (*p == '-' ? -1 : 1);
	} else {
		return -1;
	}
	tm.tm_year = year - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (tm.tm_mday != day) /* a leap second ending a month's last day */
		return -1;
	*out = (long long)t - off;
	return 0;
}

/* A new sanitised NFC copy of text of at most max bytes (cut between
 * letters), or NULL when nothing printable is left. */
static char *clean_text(const char *text, size_t max)
{
	char *clean = text_sanitize(text, 0);
	char *nfc = clean ? text_nfc(clean, strlen(clean)) : NULL;
	char *out = NULL;

	if (nfc != NULL && nfc[strspn(nfc, " ")] != '\0') {
		out = xmalloc(max + 1);
		copy_utf8(out, max + 1, nfc);
	}
	free(nfc);
	free(clean);
	return out;
}

/* Fills st from a status object; returns NULL or what is wrong with it. */
static const char *dossier_read(json_t *doc, const char *code, struct dossier_status *st)
{
	json_t *echo = json_object_get(doc, "receipt");
	json_t *status = json_object_get(doc, "status");
	json_t *updated = json_object_get(doc, "updated_at");
	json_t *note = json_object_get(doc, "note");
	long long when = -1;
	char *word;

	if (!json_is_string(echo) || strcmp(json_string_value(echo), code) != 0)
		return "the answer does not echo the code";
	if (updated != NULL && !json_is_null(updated) &&
	    (!json_is_string(updated) || proto_time(json_string_value(updated), &when) != 0))
		return "\"updated_at\" is not an RFC 3339 time";
	if (note != NULL && !json_is_null(note) && !json_is_string(note))
		return "\"note\" is not text";
	if (!json_is_string(status) ||
	    (word = clean_text(json_string_value(status), PROTO_STATUS_MAX)) == NULL)
		return "the answer has no \"status\"";
	snprintf(st->receipt, sizeof st->receipt, "%s", code);
	st->status = word;
	st->note = json_is_string(note) ? clean_text(json_string_value(note), PROTO_NOTE_MAX)
					: NULL;
	st->updated_at = when;
	return NULL;
}

int proto_dossier(long http, const char *body, size_t len, const char *code,
		  struct dossier_status *out, char *reason, size_t size)
{
	json_t *doc = body ? json_loadb(body, len, 0, NULL) : NULL;
	const char *wrong;
	int rc = -1;

	if (http == 200 && json_is_object(doc)) {
		wrong = dossier_read(doc, code, out);
		if (wrong == NULL) {
			snprintf(reason, size, "HTTP 200: a status");
			rc = 1;
		} else {
			explain(reason, size, http, wrong, NULL, NULL, 0);
		}
	} else if (http == 404 && json_is_object(doc)) {
		snprintf(reason, size, "HTTP 404: the server does not know %s", code);
		rc = 0;
	} else {
		explain(reason, size, http, "not a status answer", doc, body, len);
	}
	json_decref(doc);
	return rc;
}
