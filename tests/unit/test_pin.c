/* Tests for pin.c and db.c: the PIN is stored hashed, checked, and locked
 * after five wrong tries across a reopen; settings and schema upgrades. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "spool.h"
#include "pin.h"
#include "util.h"

/* Requests saved and not yet acknowledged, as the footer counts them. */
static long waiting(struct db *db)
{
	struct spool_counts n;
	char *cause = NULL;

	assert_int_equal(spool_counts(db, &n, &cause), 0);
	return n.waiting;
}

static char dir[64], path[96];

/* A fresh state.db in a temp folder. */
static int setup(void **state)
{
	char *cause = NULL;

	strcpy(dir, "/tmp/kiosk-pin-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/state.db", dir);
	*state = db_open(path, &cause);
	return *state ? 0 : -1;
}

/* Closes and removes it. */
static int teardown(void **state)
{
	char *cmd = xprintf("rm -rf %s", dir);
	int rc;

	db_close(*state);
	rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static void test_format(void **state)
{
	(void)state;
	assert_true(pin_format_ok("1234"));
	assert_true(pin_format_ok("12345678"));
	assert_false(pin_format_ok("123"));
	assert_false(pin_format_ok("123456789"));
	assert_false(pin_format_ok("12a4"));
	assert_false(pin_format_ok(""));
}

static void test_stored_hashed_and_salted(void **state)
{
	struct db *db = *state;
	char *cause = NULL, first[256], second[256];

	assert_false(pin_is_set(db));
	assert_int_equal(pin_set(db, "4711", &cause), 0);
	assert_true(pin_is_set(db));
	assert_int_equal(db_setting_get(db, "helper_pin", first, sizeof first), 1);
	assert_null(strstr(first, "4711"));
	assert_int_equal(strncmp(first, "$y$", 3), 0);
	/* The same PIN again gets a new salt. */
	assert_int_equal(pin_set(db, "4711", &cause), 0);
	db_setting_get(db, "helper_pin", second, sizeof second);
	assert_string_not_equal(first, second);
	assert_int_equal(pin_set(db, "47", &cause), -1);
	assert_non_null(strstr(cause, "4 to 8 digits"));
	free(cause);
}

static void test_check_and_lock(void **state)
{
	struct db *db = *state;
	char *cause = NULL;
	time_t now = 1795748400;
	long n = 0;
	int i;

	assert_int_equal(pin_check(db, "4711", now, &n), PIN_UNSET);
	assert_int_equal(pin_set(db, "4711", &cause), 0);
	assert_int_equal(pin_check(db, "4711", now, &n), PIN_OK);
	for (i = 1; i < PIN_MAX_FAILURES; i++) {
		assert_int_equal(pin_check(db, "0000", now, &n), PIN_WRONG);
		assert_int_equal(n, PIN_MAX_FAILURES - i);
	}
	/* The fifth wrong try locks, remembered across a reopen. */
	assert_int_equal(pin_check(db, "0000", now, &n), PIN_LOCKED);
	assert_int_equal(n, PIN_LOCK_SECONDS);
	db_close(db);
	*state = db = db_open(path, &cause);
	assert_non_null(db);
	assert_int_equal(pin_check(db, "4711", now + 60, &n), PIN_LOCKED);
	assert_int_equal(n, PIN_LOCK_SECONDS - 60);
	assert_int_equal(pin_check(db, "4711", now + PIN_LOCK_SECONDS, &n), PIN_OK);
	/* A right PIN clears the count of wrong ones. */
	for (i = 1; i < PIN_MAX_FAILURES; i++)
		assert_int_equal(pin_check(db, "0000", now + 400, &n), PIN_WRONG);
	assert_int_equal(pin_check(db, "4711", now + 400, &n), PIN_OK);
	assert_int_equal(pin_check(db, "0000", now + 400, &n), PIN_WRONG);
	assert_int_equal(n, PIN_MAX_FAILURES - 1);
	/* A database that cannot be written: a wrong PIN is an error (not an
	 * uncounted try), the right one still opens the menu. */
	assert_int_equal(db_exec(db, "PRAGMA query_only = 1", "test", &cause), 0);
	assert_int_equal(pin_check(db, "0000", now + 400, &n), PIN_ERROR);
	assert_int_equal(pin_check(db, "4711", now + 400, &n), PIN_OK);
	assert_int_equal(db_exec(db, "PRAGMA query_only = 0", "test", &cause), 0);
}

/* The lock works past 2038, on 32-bit boards too (a lock's end kept in a
 * 32-bit long would wrap to 1901 and never lock). */
static void test_lock_past_2038(void **state)
{
	struct db *db = *state;
	char *cause = NULL;
	time_t now = 4102444800; /* 2100-01-01 */
	long n = 0;
	int i;

	assert_int_equal(pin_set(db, "4711", &cause), 0);
	for (i = 1; i < PIN_MAX_FAILURES; i++)
		assert_int_equal(pin_check(db, "0000", now, &n), PIN_WRONG);
	assert_int_equal(pin_check(db, "0000", now, &n), PIN_LOCKED);
	assert_int_equal(db_setting_number(db, "helper_pin_locked_until"),
			 4102444800LL + PIN_LOCK_SECONDS);
	assert_int_equal(pin_check(db, "4711", now + 60, &n), PIN_LOCKED);
	assert_int_equal(n, PIN_LOCK_SECONDS - 60);
	assert_int_equal(pin_check(db, "4711", now + PIN_LOCK_SECONDS, &n), PIN_OK);
}

static void test_db_schema_and_settings(void **state)
{
	struct db *db = *state;
	char *cause = NULL, buf[16], restore[48];
	sqlite3 *raw;
	sqlite3_stmt *st;

	assert_int_equal(waiting(db), 0);
	assert_int_equal(db_setting_set(db, "k", "v"), 0);
	assert_int_equal(db_setting_get(db, "k", buf, sizeof buf), 1);
	assert_string_equal(buf, "v");
	assert_int_equal(db_setting_set(db, "k", NULL), 0);
	assert_int_equal(db_setting_get(db, "k", buf, sizeof buf), 0);
	assert_int_equal(db_audit(db, "test", "something happened"), 0);
	/* A database from a newer program is refused, not damaged. */
	st = db_row(db, "PRAGMA user_version", "test", &cause);
	assert_non_null(st);
	snprintf(restore, sizeof restore, "PRAGMA user_version = %d", sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(db_exec(db, "PRAGMA user_version = 999", "test", &cause), 0);
	db_close(db);
	*state = NULL;
	assert_null(db_open(path, &cause));
	assert_non_null(strstr(cause, "schema version 999"));
	free(cause);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	sqlite3_exec(raw, restore, NULL, NULL, NULL);
	sqlite3_close(raw);
	*state = db_open(path, &cause);
	assert_non_null(*state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test_setup_teardown(test_stored_hashed_and_salted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_and_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_past_2038, setup, teardown),
		cmocka_unit_test_setup_teardown(test_db_schema_and_settings, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
