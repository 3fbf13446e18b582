/* Tests for payment.c: which published fees become an amount to pay, and
 * a saved request's fee found through a real state.db (in a scratch
 * folder) and the demo catalog (build/content/content.db). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "db.h"
#include "payment.h"
#include "rcode.h"
#include "spool.h"
#include "util.h"

#define CONTENT_DB "build/content/content.db"

/* A page with one channel of fee_vnd and fee note. */
static long long amount_of(long long fee_vnd, const char *note)
{
	struct procedure_channel ch = { 0 };
	struct procedure page = { 0 };

	ch.fee = "x";
	ch.fee_vnd = fee_vnd;
	ch.fee_note = note;
	page.channels = &ch;
	page.nchannels = 1;
	return payment_amount(&page);
}

static void test_amount(void **state)
{
	struct procedure none = { 0 };

	(void)state;
	assert_int_equal(amount_of(7000, NULL), 7000);
	assert_int_equal(amount_of(20000, "Trường hợp công dân nộp hồ sơ trực tiếp"), 20000);
	assert_int_equal(amount_of(0, NULL), 0);
	/* Not a plain amount, or a price per page or copy: never a total. */
	assert_int_equal(amount_of(-1, NULL), PAYMENT_UNKNOWN);
	assert_int_equal(amount_of(2000, "/trang"), PAYMENT_UNKNOWN);
	assert_int_equal(amount_of(2000, " /bản"), PAYMENT_UNKNOWN);
	assert_int_equal(payment_amount(&none), PAYMENT_UNKNOWN);
	assert_int_equal(payment_amount(NULL), PAYMENT_UNKNOWN);
}

/* Saves a request with receipt code seq at booth 107; returns its code. */
static void save(struct db *db, long seq, const char *procedure, char code[RCODE_LEN + 1])
{
	char id[SPOOL_ID_MAX + 1], *body, *cause = NULL;
	struct spool_request req;

	assert_int_equal(rcode_make(107, seq, code), 0);
	spool_new_id(id);
	body = xprintf("{\"id\":\"%s\"}", id);
	req = (struct spool_request){ id, code, procedure ? "procedure" : "feedback", procedure, 1,
				      body, strlen(body), 0, NULL, 0, NULL };
	if (spool_enqueue(db, &req, &cause) != 0)
		fail_msg("%s", cause);
	free(body);
}

static void test_find(void **state)
{
	char dir[] = "/tmp/kiosk-unit-XXXXXX", path[64], *cause = NULL;
	char paid[RCODE_LEN + 1], free_[RCODE_LEN + 1], perpage[RCODE_LEN + 1],
		feedback[RCODE_LEN + 1], unknown[RCODE_LEN + 1];
	struct catalog *cat;
	struct procedure *page;
	struct payment p;
	struct db *db;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/state.db", dir);
	assert_non_null(db = db_open(path, &cause));
	cat = catalog_open(CONTENT_DB, &cause);
	if (cat == NULL)
		fail_msg("%s (make builds it)", cause);
	save(db, 1, "1.004194", paid);
	save(db, 2, "1.001193", free_);
	save(db, 3, "2.000815", perpage);
	save(db, 4, NULL, feedback);
	assert_int_equal(rcode_make(107, 5, unknown), 0);

	/* The published amount of the first channel, as the receipt prints. */
	assert_non_null(page = catalog_procedure_get(cat, "1.004194", &cause));
	assert_int_equal(payment_find(db, cat, NULL, 0, paid, &p, &cause), 1);
	assert_string_equal(p.code, paid);
	assert_string_equal(p.procedure, page->name);
	assert_true(page->channels[0].fee_vnd > 0);
	assert_int_equal(p.amount, page->channels[0].fee_vnd);
	/* Written the one way money is written: "7.000 đồng". */
	assert_string_equal(p.fee, "7.000 đồng");
	procedure_free(page);
	payment_free(&p);
	/* Without the catalog the amount is not known. */
	assert_int_equal(payment_find(db, NULL, NULL, 0, paid, &p, &cause), 1);
	assert_int_equal(p.amount, PAYMENT_UNKNOWN);
	payment_free(&p);

	assert_int_equal(payment_find(db, cat, NULL, 0, free_, &p, &cause), 1);
	assert_int_equal(p.amount, 0);
	assert_string_equal(p.fee, "Miễn phí");
	payment_free(&p);
	assert_int_equal(payment_find(db, cat, NULL, 0, perpage, &p, &cause), 1);
	assert_int_equal(p.amount, PAYMENT_UNKNOWN);
	assert_string_equal(p.fee, "2.000 đồng/trang");
	payment_free(&p);
	assert_int_equal(payment_find(db, cat, NULL, 0, feedback, &p, &cause), 1);
	assert_int_equal(p.amount, 0);
	assert_string_equal(p.procedure, "Phản ánh, kiến nghị");
	payment_free(&p);
	assert_int_equal(payment_find(db, cat, NULL, 0, unknown, &p, &cause), 0);

	catalog_close(cat);
	db_close(db);
	remove_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amount),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
