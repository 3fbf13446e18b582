/* Tests for dossier.c: telling dossier and receipt codes from typos, and
 * reading the status cache of a real state.db. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "dossier.h"
#include "util.h"

/* Checks the kind and the tidied form of a typed code. */
static void expect(const char *typed, enum dossier_kind kind, const char *tidy)
{
	char out[DOSSIER_CODE_MAX];

	if (dossier_code(typed, out, sizeof out) != kind)
		fail_msg("\"%s\": kind %d expected", typed, (int)kind);
	if (tidy != NULL)
		assert_string_equal(out, tidy);
}

static void test_national_codes(void **state)
{
	(void)state;
	expect("G22.27.15-261127-0042", DOSSIER_NATIONAL, "G22.27.15-261127-0042");
	/* As scanned (CR LF) or typed (spaces, small letters). */
	expect(" g22.27.15-261127-0042\r\n", DOSSIER_NATIONAL, "G22.27.15-261127-0042");
	expect("G22.27.15 - 261127 - 0042", DOSSIER_NATIONAL, "G22.27.15-261127-0042");
	expect("000.00.15.H57-240229-0001", DOSSIER_NATIONAL, NULL);
	/* Not a real day, a short number, empty agency groups. */
	expect("G22.27.15-261327-0042", DOSSIER_INVALID, NULL);
	expect("G22.27.15-250229-0042", DOSSIER_INVALID, NULL);
	expect("G22.27.15-261127-042", DOSSIER_INVALID, NULL);
	expect("G22..27-261127-0042", DOSSIER_INVALID, NULL);
	expect(".G22-261127-0042", DOSSIER_INVALID, NULL);
	expect("G22.-261127-0042", DOSSIER_INVALID, NULL);
	expect("-261127-0042", DOSSIER_INVALID, NULL);
}

static void test_receipt_shapes(void **state)
{
	char small[8];

	(void)state;
	expect("K7M2-QX9P", DOSSIER_RECEIPT, "K7M2-QX9P");
	expect("k7m2qx9p", DOSSIER_RECEIPT, "K7M2QX9P");
	expect("ABC1", DOSSIER_INVALID, NULL);           /* too short */
	expect("ABCDEFGH", DOSSIER_INVALID, NULL);       /* no digit */
	expect("K7M2--QX9P", DOSSIER_INVALID, NULL);
	expect("-K7M2QX9P", DOSSIER_INVALID, NULL);
	expect("K7M2/QX9P", DOSSIER_INVALID, NULL);
	expect("Mã hồ sơ 123", DOSSIER_INVALID, NULL);
	expect("", DOSSIER_INVALID, "");
	expect("1234567890123456789012345", DOSSIER_INVALID, NULL);
	/* Too long for the room given: invalid, and out is empty. */
	assert_int_equal(dossier_code("K7M2-QX9P-ABCD", small, sizeof small), DOSSIER_INVALID);
	assert_string_equal(small, "");
}

static void test_status_cache(void **state)
{
	char dir[] = "/tmp/kiosk-dossier-XXXXXX", path[64], *cause = NULL;
	struct dossier_status st;
	struct db *db;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/state.db", dir);
	db = db_open(path, &cause);
	assert_non_null(db);
	assert_int_equal(db_exec(db,
				 "INSERT INTO dossier_status (receipt, status, note, updated_at, fetched_at)"
				 " VALUES ('G22.27.15-261127-0042', 'Đang xử lý', 'Chờ ký duyệt',"
				 " 1764200000, 1764210000),"
				 " ('K7M2-QX9P', 'Đã trả kết quả', NULL, NULL, 1764220000)",
				 "test", &cause), 0);

	assert_int_equal(dossier_status_get(db, "G22.27.15-261127-0042", &st, &cause), 1);
	assert_string_equal(st.receipt, "G22.27.15-261127-0042");
	assert_string_equal(st.status, "Đang xử lý");
	assert_string_equal(st.note, "Chờ ký duyệt");
	assert_int_equal(st.updated_at, 1764200000);
	assert_int_equal(st.fetched_at, 1764210000);
	dossier_status_clear(&st);

	assert_int_equal(dossier_status_get(db, "K7M2-QX9P", &st, &cause), 1);
	assert_null(st.note);
	assert_int_equal(st.updated_at, -1);
	dossier_status_clear(&st);

	assert_int_equal(dossier_status_get(db, "G22.27.15-261127-0043", &st, &cause), 0);
	assert_null(st.status);
	db_close(db);
	remove_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_national_codes),
		cmocka_unit_test(test_receipt_shapes),
		cmocka_unit_test(test_status_cache),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
