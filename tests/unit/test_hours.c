/* Tests for hours.c: the one-stop office's opening hours, read with file
 * and line for every mistake; open or closed at a moment (lunch break,
 * days not named, public holidays); when it opens next. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "problems.h"

/* Local time of a day and hour:minute. */
static time_t at(int y, int mo, int d, int h, int mi)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
			 .tm_min = mi, .tm_isdst = -1 };

	return mktime(&tm);
}

static const char *const demo = "# office\nopen  mon-fri  07:30-11:30  13:30-17:00\n\nopen sat 07:30-11:30\n";

static void test_parse(void **state)
{
	struct problems p = { 0 };
	struct hours h;

	(void)state;
	assert_int_equal(hours_parse(&h, "q.hours", demo, &p), 0);
	assert_int_equal(h.n[1], 2);
	assert_int_equal(h.r[1][1].from, 13 * 60 + 30);
	assert_int_equal(h.n[6], 1);
	assert_int_equal(h.n[0], 0);
	assert_int_equal(h.line[6], 4);
	assert_int_equal(hours_parse(&h, "b.hours",
				     "open mom 07:00-11:00\n"            /* 1 */
				     "open tue 11:30-07:30\n"            /* 2 */
				     "open wed 07:00-11:00 10:00-12:00\n" /* 3 */
				     "open mon-fri 08:00-09:00\n"        /* 4 */
				     "open fri 08:00-09:00\n"            /* 5 */
				     "close sun\n"                       /* 6 */
				     "open sat\n"                        /* 7 */
				     "open sun 25:00-26:00\n", &p), -1); /* 8 */
	expect_problem(&p, "b.hours:1: days are mon, tue");
	expect_problem(&p, "b.hours:2: opening times are up to 4 ranges");
	expect_problem(&p, "b.hours:3: opening times are up to 4 ranges");
	expect_problem(&p, "b.hours:5: fri is already on line 4");
	expect_problem(&p, "b.hours:6: unknown directive \"close\"");
	expect_problem(&p, "b.hours:7: say when the office opens");
	expect_problem(&p, "b.hours:8: opening times");
	problems_clear(&p);
}

static void test_open(void **state)
{
	struct problems p = { 0 };
	struct calendar *cal = calendar_load("assets/holidays.txt", NULL), *none = calendar_new();
	struct hours h, always = { 0 };

	(void)state;
	assert_non_null(cal);
	assert_int_equal(hours_parse(&h, "q.hours", demo, &p), 0);
	/* Monday 5 January 2026. */
	assert_false(hours_open(&h, cal, at(2026, 1, 5, 7, 29)));
	assert_true(hours_open(&h, cal, at(2026, 1, 5, 7, 30)));
	assert_false(hours_open(&h, cal, at(2026, 1, 5, 11, 30)));   /* lunch */
	assert_true(hours_open(&h, cal, at(2026, 1, 5, 16, 59)));
	assert_false(hours_open(&h, cal, at(2026, 1, 5, 17, 0)));
	assert_true(hours_open(&h, cal, at(2026, 1, 10, 9, 0)));     /* Saturday morning */
	assert_false(hours_open(&h, cal, at(2026, 1, 4, 9, 0)));     /* Sunday */
	/* Wednesday 2 September 2026, Quốc khánh: closed, unless no table. */
	assert_false(hours_open(&h, cal, at(2026, 9, 2, 9, 0)));
	assert_true(hours_open(&h, none, at(2026, 9, 2, 9, 0)));
	/* No hours file: always open. */
	assert_true(hours_open(&always, cal, at(2026, 1, 4, 23, 10)));
	calendar_free(cal);
	calendar_free(none);
}

/* Asserts the next opening after t is on y-mo-d at hh:mm. */
static void expect_next(const struct hours *h, const struct calendar *cal, time_t t, int y, int mo,
			int d, int hh, int mm)
{
	struct date day;
	int minute;

	assert_int_equal(hours_next(h, cal, t, &day, &minute), 0);
	assert_int_equal(day.year * 10000 + day.month * 100 + day.day, y * 10000 + mo * 100 + d);
	assert_int_equal(minute, hh * 60 + mm);
}

static void test_next(void **state)
{
	struct problems p = { 0 };
	struct calendar *cal = calendar_load("assets/holidays.txt", NULL);
	struct hours h, never;
	struct date day;
	int minute;

	(void)state;
	assert_int_equal(hours_parse(&h, "q.hours", demo, &p), 0);
	expect_next(&h, cal, at(2026, 1, 4, 23, 10), 2026, 1, 5, 7, 30);  /* Sunday night */
	expect_next(&h, cal, at(2026, 1, 5, 12, 0), 2026, 1, 5, 13, 30);  /* lunch */
	expect_next(&h, cal, at(2026, 1, 5, 9, 0), 2026, 1, 5, 9, 0);     /* open now */
	expect_next(&h, cal, at(2026, 1, 10, 12, 0), 2026, 1, 12, 7, 30); /* Saturday noon */
	expect_next(&h, cal, at(2026, 9, 1, 18, 0), 2026, 9, 3, 7, 30);   /* past the holiday */
	assert_int_equal(hours_parse(&never, "n.hours", "# nothing\n", &p), 0);
	assert_int_equal(hours_next(&never, cal, at(2026, 1, 5, 9, 0), &day, &minute), -1);
	assert_false(hours_open(&never, cal, at(2026, 1, 5, 9, 0)));
	calendar_free(cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_open),
		cmocka_unit_test(test_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
