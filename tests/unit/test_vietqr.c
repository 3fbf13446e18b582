/* Tests for vietqr.c: settings checks, the fields, the CRC. The payload is
 * also checked by an independent parser and CRC in tests/cli/vietqr.sh. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "vietqr.h"

/* Settings of a commune's account at a bank. */
static void bank(struct config *cfg, const char *bin, const char *account,
		 enum payment_service service)
{
	config_defaults(cfg);
	strcpy(cfg->payment_bank_bin, bin);
	strcpy(cfg->payment_account, account);
	cfg->payment_service = service;
}

/* Expects vietqr_check to refuse the settings with a message naming what. */
static void refused(const struct config *cfg, const char *what)
{
	char *cause = NULL;

	assert_int_equal(vietqr_check(cfg, &cause), -1);
	if (strstr(cause, what) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", cause, what);
	free(cause);
	cause = NULL;
	assert_null(vietqr_payload(cfg, 1000, "X", &cause));
	free(cause);
}

static void test_crc_check_value(void **state)
{
	(void)state;
	/* The catalogued check value of CRC-16/CCITT-FALSE. */
	assert_int_equal(vietqr_crc("123456789", 9), 0x29b1);
	assert_int_equal(vietqr_crc("", 0), 0xffff);
}

static void test_settings(void **state)
{
	struct config cfg;
	char *cause = NULL;

	(void)state;
	config_defaults(&cfg);
	assert_false(vietqr_configured(&cfg));
	refused(&cfg, "no bank settings");
	bank(&cfg, "970436", "0011004123456", SERVICE_ACCOUNT);
	assert_true(vietqr_configured(&cfg));
	assert_int_equal(vietqr_check(&cfg, &cause), 0);
	bank(&cfg, "97043", "0011004123456", SERVICE_ACCOUNT);
	refused(&cfg, "bank_bin");
	bank(&cfg, "", "0011004123456", SERVICE_ACCOUNT);
	refused(&cfg, "bank_bin");
	bank(&cfg, "970436", "", SERVICE_ACCOUNT);
	refused(&cfg, "[payment] account");
	bank(&cfg, "970436", "0011 004 123", SERVICE_ACCOUNT);
	refused(&cfg, "without spaces");
	bank(&cfg, "970436", "0011004123456", SERVICE_CARD);
	refused(&cfg, "card number");
	bank(&cfg, "970436", "9704366614952417", SERVICE_CARD);
	assert_int_equal(vietqr_check(&cfg, &cause), 0);
}

static void test_payload_fields(void **state)
{
	struct config cfg;
	char *cause = NULL, *p;

	(void)state;
	bank(&cfg, "970436", "0011004123456", SERVICE_ACCOUNT);
	p = vietqr_payload(&cfg, 50000, "HD7-K4Q2-9", &cause);
	assert_non_null(p);
	assert_string_equal(p, "000201" "010212"
			       "3857" "0010A000000727" "0127" "0006970436" "01130011004123456"
			       "0208QRIBFTTA"
			       "5303704" "540550000" "5802VN" "6214" "0810HD7-K4Q2-9" "6304"
			       "6377");
	free(p);
	/* No amount: a static code, no field 54. */
	p = vietqr_payload(&cfg, 0, "HD7", &cause);
	assert_memory_equal(p, "000201010211", 12);
	assert_null(strstr(p, "5405"));
	free(p);
	bank(&cfg, "970436", "9704366614952417", SERVICE_CARD);
	p = vietqr_payload(&cfg, 1, "", &cause);
	assert_non_null(strstr(p, "0208QRIBFTTC"));
	assert_null(strstr(p, "6204"));
	free(p);
}

static void test_bad_amount_or_purpose(void **state)
{
	struct config cfg;
	char *cause = NULL;

	(void)state;
	bank(&cfg, "970436", "0011004123456", SERVICE_ACCOUNT);
	assert_null(vietqr_payload(&cfg, -5, "HD7", &cause));
	assert_non_null(strstr(cause, "amount"));
	free(cause);
	assert_null(vietqr_payload(&cfg, 10000000000000LL, "HD7", &cause));
	free(cause);
	assert_null(vietqr_payload(&cfg, 1000, "Lệ phí HD7", &cause));
	assert_non_null(strstr(cause, "purpose"));
	free(cause);
	assert_null(vietqr_payload(&cfg, 1000, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", &cause));
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc_check_value),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_payload_fields),
		cmocka_unit_test(test_bad_amount_or_purpose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
