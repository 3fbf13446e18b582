/* Tests for clock.c: the build day, below which the booth's clock is not
 * set (a board without a real-time clock, before NTP). */
#include "unit.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"

/* The build day is a real day, not after today, and its first moment
 * anywhere (UTC+14) is the bound. */
static void test_build_day(void **state)
{
	long long t = clock_build_time(), now = (long long)time(NULL);
	char date[16], utc[16];
	time_t noon = (time_t)(t + 14 * 3600 + 12 * 3600);
	struct tm tm;

	(void)state;
	assert_true(t > 1735689600); /* 2025-01-01: this code is younger */
	assert_true(t <= now);
	clock_build_date(date, sizeof date);
	gmtime_r(&noon, &tm);
	strftime(utc, sizeof utc, "%Y-%m-%d", &tm);
	assert_string_equal(date, utc);
	assert_int_equal((t + 14 * 3600) % 86400, 0);
}

/* 1970, or a day before the build, is not a real time; now is. */
static void test_known(void **state)
{
	long long t = clock_build_time();

	(void)state;
	assert_false(clock_known(0));
	assert_false(clock_known(86400 * 365));
	assert_false(clock_known(t - 1));
	assert_true(clock_known(t));
	assert_true(clock_known((long long)time(NULL)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_day),
		cmocka_unit_test(test_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
