/* libFuzzer target: the provincial server's answers (protocol.c) and ODK
 * Central's (central.c). The first byte picks an HTTP status; the rest is
 * the body, read as the answer to a submission (JSON and OpenRosa), as a
 * dossier status, a Central submission, its comments and a session. An
 * acknowledgement needs a success status; a dossier read back echoes its
 * code; no text kept from the server (status, note, the reason logged)
 * holds a control character. */
#include "central.h"
#include "dossier.h"
#include "fuzz.h"
#include "protocol.h"
#include "util.h"

/* True when s holds a C0 control character or DEL. */
static int has_control(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* Reads body as each of ODK Central's answers the booth reads. */
static void central_answers(long http, const char *body, size_t n)
{
	struct dossier_status st;
	char reason[128], token[64];
	long long t;
	int asks;
	char *note;

	if (proto_openrosa(http, body, n, reason, sizeof reason) == PROTO_ACK && http != 201)
		abort();
	if (has_control(reason))
		abort();
	if (central_submission(body, n, "107-000042-5", &st, &asks) == 1) {
		if (st.status == NULL ||
		    !word_in_list(st.status, "received supplement processing ready rejected"))
			abort();
		dossier_status_clear(&st);
	}
	note = central_newest_comment(body, n);
	if (has_control(note))
		abort();
	free(note);
	if (central_session(body, n, token, sizeof token, &t) == 0 && strpbrk(token, "\r\n :") != NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const long statuses[] = { 200, 201, 404, 409, 500, 302, 400, 429 };
	struct dossier_status st;
	char reason[128], *text;
	const char *body;
	long http;
	long long t;

	if (n == 0)
		return 0;
	http = statuses[data[0] % 8];
	body = (const char *)data + 1;
	n--;
	if (proto_submission(http, body, n, "r-0001", reason, sizeof reason) == PROTO_ACK &&
	    http != 200 && http != 201 && http != 409)
		abort();
	if (has_control(reason))
		abort();
	memset(&st, 0, sizeof st);
	switch (proto_dossier(http, body, n, "107-000042-5", &st, reason, sizeof reason)) {
	case 1:
		if (http != 200 || strcmp(st.receipt, "107-000042-5") != 0 || st.status == NULL ||
		    has_control(st.status) || has_control(st.note))
			abort();
		break;
	case 0:
		if (http != 404)
			abort();
		break;
	}
	if (has_control(reason))
		abort();
	dossier_status_clear(&st);
	central_answers(http, body, n);
	text = fuzz_string(data + 1, n);
	proto_time(text, &t);
	free(text);
	return 0;
}
