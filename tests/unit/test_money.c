/* Tests for money.c: one way to write money, "7.000 đồng", "2.000
 * đồng/trang", "Miễn phí", from a plain amount or a catalog channel. */
#include "unit.h"

#include <stdlib.h>

#include "i18n.h"
#include "money.h"
#include "problems.h"

/* Asserts that s (freed here) is want. */
static void is(char *s, const char *want)
{
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void test_amounts(void **state)
{
	(void)state;
	is(money_text(NULL, 0, 7000, NULL), "7.000 đồng");
	is(money_text(NULL, 0, 1234567, NULL), "1.234.567 đồng");
	is(money_text(NULL, 0, 500, NULL), "500 đồng");
	is(money_text(NULL, 0, 2000, "/trang"), "2.000 đồng/trang");
	is(money_text(NULL, 0, 0, NULL), "Miễn phí");
}

static void test_published_fees(void **state)
{
	(void)state;
	is(money_fee(NULL, 0, "7,000 Việt Nam Đồng", 7000, NULL), "7.000 đồng");
	is(money_fee(NULL, 0, "2,000 Việt Nam Đồng", 2000, "/trang"), "2.000 đồng/trang");
	is(money_fee(NULL, 0, "Miễn phí", 0, "Miễn cho hộ nghèo"), "Miễn phí");
	/* A note on who pays is not a unit. */
	is(money_fee(NULL, 0, "20,000 Việt Nam Đồng", 20000, "Trường hợp ... thu 10.000 đồng/lần"), "20.000 đồng");
	/* Not an amount in dong: as published, with its unit. */
	is(money_fee(NULL, 0, "10 USD", -1, "/bản"), "10 USD/bản");
	assert_null(money_fee(NULL, 0, NULL, -1, NULL));
	assert_string_equal(money_unit(" /giao dịch"), "/giao dịch");
	assert_null(money_unit("Miễn phí cho trẻ em"));
	assert_null(money_unit(NULL));
}

/* The words come from the catalogs of the checkout: English says "VND"
 * and "Free", Vietnamese stays as on paper. */
static void test_languages(void **state)
{
	struct problems p = { 0 };
	struct i18n *t = i18n_load("locale", &p);
	int en = i18n_find(t, "en"), vi = i18n_find(t, "vi");

	(void)state;
	assert_int_equal(p.n, 0);
	assert_true(en > 0);
	is(money_text(t, en, 7000, NULL), "7.000 VND");
	is(money_text(t, en, 0, NULL), "Free");
	is(money_fee(t, en, "2,000 Việt Nam Đồng", 2000, "/trang"), "2.000 VND/trang");
	is(money_fee(t, en, "Miễn phí", 0, NULL), "Free");
	is(money_text(t, vi, 7000, NULL), "7.000 đồng");
	is(money_text(t, vi, 0, NULL), "Miễn phí");
	i18n_free(t);
	problems_clear(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_published_fees),
		cmocka_unit_test(test_languages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
