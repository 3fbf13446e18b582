/* Tests for calendar.c: dates, working days across weekends and holidays,
 * days in lieu, worked Saturdays, the table's format and the shipped one. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"

static struct date d(int y, int m, int dd)
{
	struct date x = { y, m, dd };

	return x;
}

#define assert_date(got, y, m, dd) do { \
	struct date g_ = (got); \
	if (g_.year != (y) || g_.month != (m) || g_.day != (dd)) \
		fail_msg("got %04d-%02d-%02d, expected %04d-%02d-%02d", g_.year, g_.month, g_.day, \
			 (y), (m), (dd)); \
} while (0)

/* Loads a table written from text into a temporary file. */
static struct calendar *table(const char *text, char **cause)
{
	char path[] = "/tmp/kiosk-holidays-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct calendar *c;

	fputs(text, f);
	fclose(f);
	c = calendar_load(path, cause);
	unlink(path);
	return c;
}

static void test_dates(void **state)
{
	struct date x;
	char out[11];

	(void)state;
	assert_int_equal(date_weekday(d(2026, 11, 27)), 5);    /* a Friday */
	assert_int_equal(date_weekday(d(1970, 1, 1)), 4);
	assert_int_equal(date_weekday(d(2000, 2, 29)), 2);
	assert_date(date_add(d(2026, 12, 31), 1), 2027, 1, 1);
	assert_date(date_add(d(2028, 2, 28), 1), 2028, 2, 29);
	assert_date(date_add(d(2100, 2, 28), 1), 2100, 3, 1);
	assert_date(date_add(d(2026, 3, 1), -1), 2026, 2, 28);
	assert_int_equal(date_parse("2026-02-28", &x), 0);
	assert_date(x, 2026, 2, 28);
	assert_int_equal(date_parse("2026-02-29", &x), -1);
	assert_int_equal(date_parse("2026-2-05", &x), -1);
	assert_int_equal(date_parse("2026-+2-05", &x), -1);
	assert_int_equal(date_parse("2026-02-05x", &x), -1);
	date_format(d(2026, 12, 2), out);
	assert_string_equal(out, "02/12/2026");
}

static void test_weekends(void **state)
{
	struct calendar *c = calendar_new();

	(void)state;
	/* Received on Friday 27/11/2026: one working day is Monday. */
	assert_date(calendar_due(c, d(2026, 11, 27), 1), 2026, 11, 30);
	assert_date(calendar_due(c, d(2026, 11, 27), 5), 2026, 12, 4);
	assert_date(calendar_due(c, d(2026, 11, 27), 6), 2026, 12, 7);
	/* Received on a Saturday: the count starts on Monday. */
	assert_date(calendar_due(c, d(2026, 11, 28), 1), 2026, 11, 30);
	/* The same day, or the next working day. */
	assert_date(calendar_due(c, d(2026, 11, 27), 0), 2026, 11, 27);
	assert_date(calendar_due(c, d(2026, 11, 29), 0), 2026, 11, 30);
	assert_string_equal(calendar_day_off(c, d(2026, 11, 28)), "Thứ Bảy");
	assert_null(calendar_day_off(c, d(2026, 11, 27)));
	calendar_free(c);
}

static void test_holidays(void **state)
{
	char *cause = NULL;
	struct calendar *c = table(
		"# a test table\n"
		"01-01  Tết Dương lịch\n"
		"04-30  Ngày Chiến thắng\n"
		"05-01  Ngày Quốc tế Lao động\n"
		"09-02  Quốc khánh\n"
		"\n"
		"2026-02-14..2026-02-22  Tết Nguyên đán\n"
		"work 2026-12-05  Làm bù\n", &cause);

	(void)state;
	assert_non_null(c);
	/* Thursday 12/02/2026 + 3: Friday, then Tết to the 22nd, Mon, Tue. */
	assert_date(calendar_due(c, d(2026, 2, 12), 3), 2026, 2, 24);
	assert_string_equal(calendar_day_off(c, d(2026, 2, 17)), "Tết Nguyên đán");
	/* 30/4 and 1/5/2026 are Thursday and Friday. */
	assert_date(calendar_due(c, d(2026, 4, 29), 1), 2026, 5, 4);
	/* 2/9/2029 is a Sunday: Monday 3/9 is off in lieu. */
	assert_string_equal(calendar_day_off(c, d(2029, 9, 3)), "Nghỉ bù Quốc khánh");
	assert_date(calendar_due(c, d(2029, 8, 31), 1), 2029, 9, 4);
	/* 30/4 and 1/5/2022 were Saturday and Sunday: Monday and Tuesday. */
	assert_string_equal(calendar_day_off(c, d(2022, 5, 2)), "Nghỉ bù Ngày Chiến thắng");
	assert_string_equal(calendar_day_off(c, d(2022, 5, 3)), "Nghỉ bù Ngày Quốc tế Lao động");
	assert_null(calendar_day_off(c, d(2022, 5, 4)));
	/* 1/1/2028 is a Saturday: Monday 3/1 in lieu, across the year. */
	assert_string_equal(calendar_day_off(c, d(2028, 1, 3)), "Nghỉ bù Tết Dương lịch");
	/* A worked Saturday counts. */
	assert_null(calendar_day_off(c, d(2026, 12, 5)));
	assert_date(calendar_due(c, d(2026, 12, 4), 1), 2026, 12, 5);
	calendar_free(c);
}

static void test_bad_tables(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_null(table("01-01 ok\n13-01 no such month\n", &cause));
	assert_non_null(strstr(cause, ":2: expected MM-DD"));
	free(cause);
	assert_null(table("2026-02-22..2026-02-14 backwards\n", &cause));
	assert_non_null(strstr(cause, ":1: the range ends before it starts"));
	free(cause);
	/* Found by fuzzing (tests/fuzz/fuzz_calendar.c): a range years long
	 * made every due date walk it day by day (seconds for a few lines). */
	assert_null(table("01-01 ok\n2026-01-02..2062-01-02 Tết typo\n", &cause));
	assert_non_null(strstr(cause, ":2: a range is at most 31 days"));
	free(cause);
	assert_null(table("\n\nwork 12-05\n", &cause));
	assert_non_null(strstr(cause, ":3: expected \"work YYYY-MM-DD name\""));
	free(cause);
	assert_null(calendar_load("/nonexistent/holidays.txt", &cause));
	assert_non_null(strstr(cause, "cannot open"));
	free(cause);
}

static void test_shipped_table(void **state)
{
	char *cause = NULL;
	struct calendar *c = calendar_load(SRCDIR "/" CALENDAR_FILE, &cause);

	(void)state;
	if (c == NULL)
		fail_msg("%s", cause);
	assert_non_null(calendar_day_off(c, d(2026, 2, 16)));
	assert_non_null(calendar_day_off(c, d(2026, 9, 2)));
	assert_null(calendar_day_off(c, d(2026, 11, 27)));
	calendar_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_weekends),
		cmocka_unit_test(test_holidays),
		cmocka_unit_test(test_bad_tables),
		cmocka_unit_test(test_shipped_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
