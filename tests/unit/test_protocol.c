/* Tests for protocol.c: what is an acknowledgement, what is retried and
 * what quarantined, dossier answers, RFC 3339 times. */
#include "unit.h"

#include <string.h>

#include "dossier.h"
#include "protocol.h"

#define ID "0b7e2f4c-1d2a-4c3b-9e8f-123456789abc"

/* Classifies a reply whose body is a C string. */
static enum proto_verdict verdict(long http, const char *body, char *reason)
{
	return proto_submission(http, body, body ? strlen(body) : 0, ID, reason, 256);
}

static void test_ack_needs_the_id_echoed(void **state)
{
	char r[256];

	(void)state;
	assert_int_equal(verdict(201, "{\"id\":\"" ID "\",\"status\":\"received\"}", r), PROTO_ACK);
	assert_int_equal(verdict(200, "{\"id\":\"" ID "\"}", r), PROTO_ACK);
	assert_int_equal(verdict(409, "{\"id\":\"" ID "\",\"error\":\"already have it\"}", r),
			 PROTO_ACK);
	/* A captive portal's page, another id, no body, a JSON array. */
	assert_int_equal(verdict(200, "<html><body>Đăng nhập Wi-Fi</body></html>", r), PROTO_RETRY);
	assert_non_null(strstr(r, "captive portal"));
	assert_int_equal(verdict(200, "{\"id\":\"someone-else\"}", r), PROTO_RETRY);
	assert_int_equal(verdict(201, NULL, r), PROTO_RETRY);
	assert_int_equal(verdict(200, "[\"" ID "\"]", r), PROTO_RETRY);
	assert_int_equal(verdict(409, "{\"error\":\"conflict\"}", r), PROTO_RETRY);
	/* Other 2xx and redirects are not acknowledgements either. */
	assert_int_equal(verdict(202, "{\"id\":\"" ID "\"}", r), PROTO_RETRY);
	assert_int_equal(verdict(302, "", r), PROTO_RETRY);
}

static void test_transient_and_refused(void **state)
{
	char r[256];
	long transient[] = { 408, 429, 500, 502, 503, 504, 599 };
	long refused[] = { 400, 401, 403, 404, 413, 422, 451 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof transient / sizeof transient[0]; i++)
		assert_int_equal(verdict(transient[i], "", r), PROTO_RETRY);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		assert_int_equal(verdict(refused[i], "", r), PROTO_REJECT);
	/* The server's own words reach the helper, sanitised. */
	assert_int_equal(verdict(400, "{\"error\":\"ngày sinh \\u001b[31msai\"}", r), PROTO_REJECT);
	assert_string_equal(r, "HTTP 400: refused by the server: ngày sinh [31msai");
	assert_int_equal(verdict(403, "Forbidden\r\n", r), PROTO_REJECT);
	assert_string_equal(r, "HTTP 403: refused by the server: Forbidden");
}

static void test_reason_is_cut_whole(void **state)
{
	char big[2000], r[40];
	size_t i;

	(void)state;
	strcpy(big, "{\"error\":\"");
	for (i = 0; i < 200; i++)
		strcat(big, "ữ");
	strcat(big, "\"}");
	assert_int_equal(proto_submission(400, big, strlen(big), ID, r, sizeof r), PROTO_REJECT);
	assert_true(strlen(r) < sizeof r);
	/* Never half a letter: the cut falls between the 3-byte sequences. */
	assert_int_equal((strlen(r) - strlen("HTTP 400: refused by the server: ")) % 3, 0);
}

/* Logs get the status and its meaning, never the server's own words (they
 * may quote the villager's form). */
static void test_reason_for_logs(void **state)
{
	char r[256], l[256];

	(void)state;
	assert_int_equal(verdict(422, "{\"error\":\"phone: 0912345678 is not valid\"}", r),
			 PROTO_REJECT);
	assert_non_null(strstr(r, "0912345678"));
	proto_reason_log(r, l, sizeof l);
	assert_null(strstr(l, "0912345678"));
	assert_non_null(strstr(l, "HTTP 422: refused by the server"));
	assert_int_equal(verdict(200, "<html>Đăng nhập Wi-Fi: Nguyễn Văn A</html>", r), PROTO_RETRY);
	proto_reason_log(r, l, sizeof l);
	assert_null(strstr(l, "Nguyễn"));
	assert_non_null(strstr(l, "captive portal"));
	assert_int_equal(verdict(503, "", r), PROTO_RETRY);
	proto_reason_log(r, l, sizeof l);
	assert_string_equal(l, r);
	proto_reason_log("no answer: Couldn't connect to server", l, sizeof l);
	assert_string_equal(l, "no answer: Couldn't connect to server");
}

static void test_times(void **state)
{
	long long t;

	(void)state;
	assert_int_equal(proto_time("2025-07-01T01:30:00Z", &t), 0);
	assert_int_equal(t, 1751333400);
	assert_int_equal(proto_time("2025-07-01T08:30:00+07:00", &t), 0);
	assert_int_equal(t, 1751333400);
	assert_int_equal(proto_time("2025-06-30T20:30:00.250-05:00", &t), 0);
	assert_int_equal(t, 1751333400);
	assert_int_equal(proto_time("2024-02-29T00:00:00Z", &t), 0);
	assert_int_equal(proto_time("2025-02-29T00:00:00Z", &t), -1);
	assert_int_equal(proto_time("2025-07-01 08:30:00", &t), -1);
	assert_int_equal(proto_time("2025-07-01T08:30:00", &t), -1);
	assert_int_equal(proto_time("2025-13-01T08:30:00Z", &t), -1);
	assert_int_equal(proto_time("2025-07-01T08:30:00+7:00", &t), -1);
	assert_int_equal(proto_time("yesterday", &t), -1);
}

static void test_dossier_answers(void **state)
{
	struct dossier_status d;
	char r[256];
	const char *ok = "{\"receipt\":\"AB12\",\"status\":\"processing\","
			 "\"updated_at\":\"2025-07-01T08:30:00+07:00\",\"note\":\"Cần \\u001b[2J bổ sung\"}";
	const char *text = "{\"receipt\":\"AB12\",\"status\":\"Đang xử lý\",\"note\":null}";
	const char *other = "{\"receipt\":\"ZZ99\",\"status\":\"done\"}";
	const char *none = "{\"receipt\":\"AB12\",\"status\":\" \\u0007 \"}";

	(void)state;
	memset(&d, 0, sizeof d);
	assert_int_equal(proto_dossier(200, ok, strlen(ok), "AB12", &d, r, sizeof r), 1);
	assert_string_equal(d.receipt, "AB12");
	assert_string_equal(d.status, "processing");
	assert_int_equal(d.updated_at, 1751333400);
	assert_string_equal(d.note, "Cần [2J bổ sung");
	dossier_status_clear(&d);
	/* A server that does not name the procedure or the days: none. */
	assert_null(d.procedure);
	assert_string_equal(d.submitted, "");
	assert_string_equal(d.due, "");
	/* A status in words is kept as the server said it. */
	assert_int_equal(proto_dossier(200, text, strlen(text), "AB12", &d, r, sizeof r), 1);
	assert_string_equal(d.status, "Đang xử lý");
	assert_null(d.note);
	assert_int_equal(d.updated_at, -1);
	dossier_status_clear(&d);
	/* Another dossier's answer, an empty status, a portal. */
	assert_int_equal(proto_dossier(200, other, strlen(other), "AB12", &d, r, sizeof r), -1);
	assert_int_equal(proto_dossier(200, none, strlen(none), "AB12", &d, r, sizeof r), -1);
	assert_int_equal(proto_dossier(200, "<html>", 6, "AB12", &d, r, sizeof r), -1);
	/* Unknown to the server only when it says so in JSON. */
	assert_int_equal(proto_dossier(404, "{\"error\":\"unknown\"}", 19, "AB12", &d, r, sizeof r), 0);
	assert_int_equal(proto_dossier(404, "<html>", 6, "AB12", &d, r, sizeof r), -1);
	assert_int_equal(proto_dossier(503, "", 0, "AB12", &d, r, sizeof r), -1);
}

/* The optional procedure, day submitted and day due: a day, or a time
 * whose day here counts; a wrong one is dropped, the status stands. */
static void test_dossier_details(void **state)
{
	struct dossier_status d;
	char r[256];
	const char *full = "{\"receipt\":\"AB12\",\"status\":\"processing\","
			   "\"procedure\":\"Đăng ký khai sinh\\u001b[5m\",\"submitted\":\"2026-03-02\","
			   "\"due\":\"2026-03-05T10:00:00+07:00\"}";
	const char *wrong = "{\"receipt\":\"AB12\",\"status\":\"processing\","
			    "\"procedure\":7,\"submitted\":\"2026-02-30\",\"due\":\"soon\"}";

	(void)state;
	memset(&d, 0, sizeof d);
	assert_int_equal(proto_dossier(200, full, strlen(full), "AB12", &d, r, sizeof r), 1);
	assert_string_equal(d.procedure, "Đăng ký khai sinh[5m");
	assert_string_equal(d.submitted, "2026-03-02");
	assert_string_equal(d.due, "2026-03-05"); /* 10:00 in Hà Nội is that day anywhere near */
	dossier_status_clear(&d);
	assert_int_equal(proto_dossier(200, wrong, strlen(wrong), "AB12", &d, r, sizeof r), 1);
	assert_string_equal(d.status, "processing");
	assert_null(d.procedure);
	assert_string_equal(d.submitted, "");
	assert_string_equal(d.due, "");
	dossier_status_clear(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ack_needs_the_id_echoed),
		cmocka_unit_test(test_transient_and_refused),
		cmocka_unit_test(test_reason_is_cut_whole),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_reason_for_logs),
		cmocka_unit_test(test_dossier_answers),
		cmocka_unit_test(test_dossier_details),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
