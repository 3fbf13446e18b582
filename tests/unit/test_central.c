/* Tests for the ODK Central side: proto_openrosa() (what Central's answer
 * to a submission means for the booth) and central.c (sessions, review
 * states as dossier statuses, the note from comments). The bodies are the
 * ones Central sends (lib/formats/openrosa.js, lib/util/problem.js). */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "central.h"
#include "dossier.h"
#include "protocol.h"

#define OR_OK "\n  <OpenRosaResponse xmlns=\"http://openrosa.org/http/response\" items=\"0\">\n" \
	      "    <message nature=\"\">full submission upload was successful!</message>\n" \
	      "  </OpenRosaResponse>"
#define OR_ERR(msg) "<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\" items=\"0\">" \
		    "<message nature=\"error\">" msg "</message></OpenRosaResponse>"

/* Classifies an answer whose body is a C string. */
static enum proto_verdict verdict(long http, const char *body, char *reason)
{
	return proto_openrosa(http, body, body ? strlen(body) : 0, reason, 256);
}

static void test_openrosa_verdicts(void **state)
{
	char r[256];
	long transient[] = { 408, 429, 500, 502, 503 };
	size_t i;

	(void)state;
	assert_int_equal(verdict(201, OR_OK, r), PROTO_ACK);
	assert_string_equal(r, "HTTP 201: acknowledged");
	/* A portal's page is no acknowledgement, whatever its status. */
	assert_int_equal(verdict(201, "<html>Đăng nhập Wi-Fi</html>", r), PROTO_RETRY);
	assert_int_equal(verdict(200, OR_OK, r), PROTO_RETRY);
	assert_int_equal(verdict(302, "", r), PROTO_RETRY);
	for (i = 0; i < sizeof transient / sizeof transient[0]; i++)
		assert_int_equal(verdict(transient[i], "", r), PROTO_RETRY);
	/* Other bytes under the same instanceID: this request, for a helper. */
	assert_int_equal(verdict(409, OR_ERR("A submission already exists with this ID, but with"
					     " different XML."), r), PROTO_REJECT);
	assert_non_null(strstr(r, "HTTP 409: "));
	assert_non_null(strstr(r, "different XML"));
	assert_int_equal(verdict(400, OR_ERR("Could not parse the given data."), r), PROTO_REJECT);
	assert_int_equal(verdict(413, "", r), PROTO_REJECT);
}

static void test_openrosa_pauses(void **state)
{
	char r[256];

	(void)state;
	assert_int_equal(verdict(401, OR_ERR("Could not authenticate with the provided credentials."), r),
			 PROTO_PAUSE);
	assert_int_equal(verdict(403, OR_ERR("The authentication you provided does not have rights"
					     " to perform that action."), r), PROTO_PAUSE);
	assert_int_equal(verdict(407, "<html>Proxy</html>", r), PROTO_PAUSE);
	/* The form version is not published: Central's words, entities read. */
	assert_int_equal(verdict(404, OR_ERR("The form version specified in this submission &#39;9&#39;"
					     " does not exist."), r), PROTO_PAUSE);
	assert_non_null(strstr(r, "submission '9' does not exist."));
	/* A form closed in Central takes no submission: the booth is set up wrong. */
	assert_int_equal(verdict(409, OR_ERR("This form is not currently accepting submissions."
					     " Please talk to your program staff if this is"
					     " unexpected."), r), PROTO_PAUSE);
	/* A message with markup or controls comes out plain. */
	assert_int_equal(verdict(404, OR_ERR("a &lt;b&gt; &amp; \x1b[31mc"), r), PROTO_PAUSE);
	assert_non_null(strstr(r, ": a <b> & [31mc"));
}

static void test_review_states(void **state)
{
	(void)state;
	assert_string_equal(central_status_word(NULL), "received");
	assert_string_equal(central_status_word("received"), "received");
	assert_string_equal(central_status_word("hasIssues"), "supplement");
	assert_string_equal(central_status_word("edited"), "processing");
	assert_string_equal(central_status_word("approved"), "ready");
	assert_string_equal(central_status_word("rejected"), "rejected");
	assert_null(central_status_word("archived"));
	assert_true(dossier_final(central_status_word("rejected")));
	assert_false(dossier_final(central_status_word("approved")));
}

static void test_submission_answers(void **state)
{
	struct dossier_status d;
	int asks = -1;
	const char *fresh = "{\"instanceId\":\"uuid:1\",\"createdAt\":\"2026-12-02T14:25:19.127Z\","
			    "\"updatedAt\":null,\"reviewState\":null}";
	const char *issues = "{\"instanceId\":\"uuid:1\",\"createdAt\":\"2026-12-02T14:25:19.127Z\","
			     "\"updatedAt\":\"2026-12-03T01:00:00.000Z\",\"reviewState\":\"hasIssues\"}";

	(void)state;
	assert_int_equal(central_submission(fresh, strlen(fresh), "001-000002-0", &d, &asks), 1);
	assert_string_equal(d.receipt, "001-000002-0");
	assert_string_equal(d.status, "received");
	assert_int_equal(d.updated_at, 1796221519LL);
	assert_null(d.note);
	assert_int_equal(asks, 0);
	dossier_status_clear(&d);
	assert_int_equal(central_submission(issues, strlen(issues), "R", &d, &asks), 1);
	assert_string_equal(d.status, "supplement");
	assert_int_equal(d.updated_at, 1796259600LL);
	assert_int_equal(asks, 1);
	dossier_status_clear(&d);
	/* Not a submission, or a state the booth does not know. */
	assert_int_equal(central_submission("[]", 2, "R", &d, &asks), -1);
	assert_int_equal(central_submission("{\"instanceId\":\"u\",\"reviewState\":\"x\"}", 36, "R",
					    &d, &asks), -1);
	assert_int_equal(central_submission("<html>", 6, "R", &d, &asks), -1);
}

static void test_sessions_and_comments(void **state)
{
	const char *s = "{\"createdAt\":\"2026-12-02T14:00:00.000Z\",\"expiresAt\":"
			"\"2026-12-03T14:00:00.000Z\",\"token\":\"Ab!$9_x\"}";
	const char *c = "[{\"body\":\"cũ\",\"createdAt\":\"2026-12-02T10:00:00.000Z\"},"
			"{\"body\":\"Cần bổ sung bản sao giấy chứng sinh\\u0007\","
			"\"createdAt\":\"2026-12-02T11:00:00.000Z\"}]";
	const char *bad = "{\"token\":\"a\\r\\nX: y\",\"expiresAt\":\"2026-12-03T14:00:00Z\"}";
	char token[16], *note;
	long long expires = 0;

	(void)state;
	assert_int_equal(central_session(s, strlen(s), token, sizeof token, &expires), 0);
	assert_string_equal(token, "Ab!$9_x");
	assert_int_equal(expires, 1796306400LL);
	/* Too long for the buffer, or characters no token has (a header). */
	assert_int_equal(central_session(s, strlen(s), token, 4, &expires), -1);
	assert_int_equal(central_session(bad, strlen(bad), token, sizeof token, &expires), -1);
	note = central_newest_comment(c, strlen(c));
	assert_string_equal(note, "Cần bổ sung bản sao giấy chứng sinh");
	free(note);
	assert_null(central_newest_comment("[]", 2));
	assert_null(central_newest_comment("{}", 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openrosa_verdicts),
		cmocka_unit_test(test_openrosa_pauses),
		cmocka_unit_test(test_review_states),
		cmocka_unit_test(test_submission_answers),
		cmocka_unit_test(test_sessions_and_comments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
