/* Tests for refusal.c: a refusal of the booth pauses at once, a refusal of
 * one request is held until another is accepted (then quarantined), one
 * repeated for different requests pauses, an acknowledgement resumes. */
#include "unit.h"

#include <string.h>

#include "refusal.h"

static void test_booth_refusals_pause_at_once(void **state)
{
	static const long codes[] = { 401, 403, 404, 407 };
	static const char *const names[] = { "token", "forbidden", "url", "proxy" };
	struct refusals r;
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		memset(&r, 0, sizeof r);
		r.acked = 1; /* even right after an acknowledgement */
		assert_int_equal(refusal_judge(&r, "a", codes[i], "why"), REFUSAL_PAUSE);
		assert_string_equal(refusal_cause_name(r.paused), names[i]);
		assert_int_equal(refusal_cause_parse(names[i]), r.paused);
		assert_int_equal(r.http, codes[i]);
		assert_int_equal(r.nheld, 0);
	}
	/* No server answered: the booth had nothing to send for it. */
	memset(&r, 0, sizeof r);
	assert_int_equal(refusal_judge(&r, "a", 0, "no bytes"), REFUSAL_QUARANTINE);
	assert_int_equal(r.paused, REFUSAL_NONE);
	assert_int_equal(refusal_of_booth(400), REFUSAL_NONE);
	assert_int_equal(refusal_of_booth(422), REFUSAL_NONE);
	assert_int_equal(refusal_cause_parse("nonsense"), REFUSAL_NONE);
}

static void test_one_request_or_every_request(void **state)
{
	struct refusals r;

	(void)state;
	/* Refused while another was just accepted: that one's own fault. */
	memset(&r, 0, sizeof r);
	r.acked = 1;
	assert_int_equal(refusal_judge(&r, "a", 400, "bad a"), REFUSAL_QUARANTINE);
	/* The next refusal is not judged by the old acknowledgement. */
	assert_int_equal(refusal_judge(&r, "b", 422, "bad b"), REFUSAL_HOLD);
	assert_int_equal(r.nheld, 1);
	assert_string_equal(r.held[0].id, "b");
	assert_string_equal(r.held[0].reason, "bad b");
	/* Another accepted: b is quarantined by the caller; not paused. */
	assert_int_equal(refusal_ack(&r), 0);
	assert_int_equal(r.nheld, 1);
	refusal_forget(&r);
	/* The same refusal for two different requests in a row: the booth. */
	memset(&r, 0, sizeof r);
	assert_int_equal(refusal_judge(&r, "a", 400, "bad"), REFUSAL_HOLD);
	assert_int_equal(refusal_judge(&r, "b", 400, "bad"), REFUSAL_PAUSE);
	assert_int_equal(r.paused, REFUSAL_EVERY);
	assert_int_equal(r.nheld, 0);
	/* Paused, a refusal of the next is held, not quarantined, and an
	 * acknowledgement resumes. */
	assert_int_equal(refusal_judge(&r, "c", 400, "bad"), REFUSAL_HOLD);
	assert_int_equal(refusal_ack(&r), 1);
	assert_int_equal(r.paused, REFUSAL_NONE);
	assert_int_equal(r.http, 0);
}

static void test_nothing_else_to_try(void **state)
{
	struct refusals r;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_int_equal(refusal_exhausted(&r), 0); /* nothing held */
	assert_int_equal(refusal_judge(&r, "only", 400, "bad"), REFUSAL_HOLD);
	assert_int_equal(refusal_exhausted(&r), 1);
	assert_int_equal(r.paused, REFUSAL_EVERY);
	assert_int_equal(r.http, 400);
	assert_int_equal(r.nheld, 0);
	/* The only request refused again: still the booth. */
	memset(&r, 0, sizeof r);
	assert_int_equal(refusal_judge(&r, "only", 400, "bad"), REFUSAL_HOLD);
	assert_int_equal(refusal_judge(&r, "only", 400, "bad"), REFUSAL_PAUSE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_booth_refusals_pause_at_once),
		cmocka_unit_test(test_one_request_or_every_request),
		cmocka_unit_test(test_nothing_else_to_try),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
