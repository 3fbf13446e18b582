/* Tests for ptime.c: the processing times the published catalog writes,
 * read into working or calendar days or unknown, written back for people,
 * and counted into expected dates over weekends and holidays. */
#include "unit.h"

#include <string.h>

#include "calendar.h"
#include "ptime.h"

/* Asserts that text reads as days (-1 unknown) of the given kind. */
static void reads(const char *text, int days, int calendar)
{
	struct ptime t;
	int rc = ptime_parse(text, &t);

	if (t.days != days || (days > 0 && t.calendar != calendar) || (rc == 0) != (days >= 0))
		fail_msg("\"%s\": read %d days (calendar %d, rc %d), expected %d (calendar %d)", text,
			 t.days, t.calendar, rc, days, calendar);
}

static void test_published_forms(void **state)
{
	(void)state;
	reads("5 Ngày làm việc", 5, 0);
	reads("05 ngày làm việc", 5, 0);
	reads("Không quá 03 ngày làm việc", 3, 0);
	reads("1", 1, 0);
	reads("3", 3, 0);
	reads("15 Ngày", 15, 1);
	reads("30 ngày kể từ ngày nhận đủ hồ sơ", 30, 1);
	reads("Trong ngày", 0, 0);
	reads("Ngay trong ngày làm việc", 0, 0);
	reads("1 Giờ", 0, 0);
	reads("8 Giờ làm việc", 0, 0);
	reads("16 Giờ làm việc", 2, 0);
	reads("48 Giờ", 2, 1);
	reads("03 - 05 ngày làm việc", 5, 0);
	reads("3 đến 5 ngày", 5, 1);
	reads("2 Tuần", 14, 1);
}

static void test_unknown_forms(void **state)
{
	(void)state;
	reads(NULL, -1, 0);
	reads("", -1, 0);
	reads("3 Tháng", -1, 0);
	reads("1 Năm", -1, 0);
	reads("Không quy định", -1, 0);
	reads("5 ngày làm việc đối với cấp mới, 3 ngày đối với cấp lại", -1, 0);
	reads("400 Ngày", -1, 0);
	reads("Trong ngày 5", -1, 0);
}

static void test_lead_of_description(void **state)
{
	struct ptime t;

	(void)state;
	assert_int_equal(ptime_parse_lead("05 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ, hợp lệ", &t), 0);
	assert_int_equal(t.days, 5);
	assert_int_equal(t.calendar, 0);
	assert_int_equal(ptime_parse_lead("15 ngày kể từ ngày nhận được hồ sơ hợp lệ", &t), 0);
	assert_int_equal(t.days, 15);
	assert_int_equal(t.calendar, 1);
	/* A time qualified by a case, a bare number, or words first: unknown. */
	assert_int_equal(ptime_parse_lead("28 ngày làm việc (đối với trường hợp cấp mới), 02 ngày", &t), -1);
	assert_int_equal(ptime_parse_lead("3", &t), -1);
	assert_int_equal(ptime_parse_lead("Nộp hồ sơ trực tiếp tại Công an cấp xã. 3 ngày", &t), -1);
	assert_int_equal(t.days, -1);
}

static void test_text(void **state)
{
	char out[64];

	(void)state;
	ptime_text(NULL, 0, (struct ptime){ 1, 0 }, out, sizeof out);
	assert_string_equal(out, "1 ngày làm việc");
	ptime_text(NULL, 0, (struct ptime){ 15, 1 }, out, sizeof out);
	assert_string_equal(out, "15 ngày");
	ptime_text(NULL, 0, (struct ptime){ 0, 0 }, out, sizeof out);
	assert_string_equal(out, "trong ngày");
	ptime_text(NULL, 0, (struct ptime){ -1, 0 }, out, sizeof out);
	assert_string_equal(out, "");
}

static void test_due(void **state)
{
	struct calendar *c = calendar_new();
	struct date d;

	(void)state;
	/* Friday 27/11/2026: one working day is Monday, three calendar days
	 * end on Monday too (Sunday moves on), two end on Sunday -> Monday. */
	d = ptime_due(c, (struct date){ 2026, 11, 27 }, (struct ptime){ 1, 0 });
	assert_int_equal(d.day, 30);
	d = ptime_due(c, (struct date){ 2026, 11, 27 }, (struct ptime){ 2, 1 });
	assert_int_equal(d.day, 30);
	d = ptime_due(c, (struct date){ 2026, 11, 27 }, (struct ptime){ 6, 1 });
	assert_int_equal(d.month, 12);
	assert_int_equal(d.day, 3);
	/* The same day, asked on a Saturday: Monday. */
	d = ptime_due(c, (struct date){ 2026, 11, 28 }, (struct ptime){ 0, 0 });
	assert_int_equal(d.day, 30);
	calendar_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published_forms),
		cmocka_unit_test(test_unknown_forms),
		cmocka_unit_test(test_lead_of_description),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
