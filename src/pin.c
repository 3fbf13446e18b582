/* The helper PIN: hashing, checking, and the lock after wrong tries. */
#include "pin.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

#define KEY_HASH "helper_pin"
#define KEY_FAILS "helper_pin_failures"
#define KEY_UNTIL "helper_pin_locked_until"

int pin_format_ok(const char *pin)
{
	size_t n = strlen(pin), i;

	if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS)
		return 0;
	for (i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return 0;
	return 1;
}

int pin_set(struct db *db, const char *pin, char **cause)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd;
	int rc = -1;

	if (!pin_format_ok(pin)) {
		*cause = xprintf("the PIN must be %d to %d digits", PIN_MIN_DIGITS, PIN_MAX_DIGITS);
		return -1;
	}
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL) {
		*cause = xstrdup("cannot make a salt (no random source?)");
		return -1;
	}
	cd = xcalloc(1, sizeof *cd);
	if (crypt_rn(pin, salt, cd, sizeof *cd) == NULL || cd->output[0] == '*') {
		*cause = xstrdup("cannot hash the PIN");
	} else if (db_setting_set(db, KEY_HASH, cd->output) != 0 ||
		   db_setting_set(db, KEY_FAILS, NULL) != 0 ||
		   db_setting_set(db, KEY_UNTIL, NULL) != 0) {
		*cause = db_cause(db, "cannot save the PIN");
	} else {
		rc = 0;
	}
	wipe(cd, sizeof *cd);
	free(cd);
	return rc;
}

int pin_is_set(struct db *db)
{
	char hash[256];

	return db_setting_get(db, KEY_HASH, hash, sizeof hash) == 1;
}

/* Writes a numeric setting: long long, not long, since the lock's end is a
 * time, past 2038 on a 32-bit board too. */
static int setting_put_number(struct db *db, const char *key, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	return db_setting_set(db, key, buf);
}

enum pin_result pin_check(struct db *db, const char *pin, time_t now, long *wait)
{
	char hash[256];
	struct crypt_data *cd;
	long long fails, until;
	int right;

	switch (db_setting_get(db, KEY_HASH, hash, sizeof hash)) {
	case 0:
		return PIN_UNSET;
	case 1:
		break;
	default:
		return PIN_ERROR;
	}
	until = db_setting_number(db, KEY_UNTIL);
	if (until > now) {
		*wait = (long)(until - now);
		return PIN_LOCKED;
	}
	cd = xcalloc(1, sizeof *cd);
	right = crypt_rn(pin, hash, cd, sizeof *cd) != NULL && cd->output[0] != '*' &&
		strcmp(cd->output, hash) == 0;
	wipe(cd, sizeof *cd);
	free(cd);
	if (right) {
		/* The helper gets in even when the disk cannot take the cleared
		 * count (full, read-only): the menu is how a fault gets fixed. */
		db_setting_set(db, KEY_FAILS, NULL);
		db_setting_set(db, KEY_UNTIL, NULL);
		return PIN_OK;
	}
	fails = db_setting_number(db, KEY_FAILS) + 1;
	if (fails >= PIN_MAX_FAILURES) {
		if (setting_put_number(db, KEY_UNTIL, (long long)now + PIN_LOCK_SECONDS) != 0 ||
		    db_setting_set(db, KEY_FAILS, NULL) != 0)
			return PIN_ERROR;
		*wait = PIN_LOCK_SECONDS;
		return PIN_LOCKED;
	}
	if (setting_put_number(db, KEY_FAILS, fails) != 0)
		return PIN_ERROR;
	*wait = (long)(PIN_MAX_FAILURES - fails);
	return PIN_WRONG;
}
