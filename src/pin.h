/* The helper PIN: stored salted and hashed (yescrypt via libxcrypt) in
 * state.db, never in clear; five wrong tries lock the helper menu for five
 * minutes, remembered across restarts. */
#ifndef KIOSK_PIN_H
#define KIOSK_PIN_H

#include <time.h>

struct db;

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 8
#define PIN_MAX_FAILURES 5
#define PIN_LOCK_SECONDS 300

enum pin_result {
	PIN_OK,       /* right PIN: the helper menu opens */
	PIN_WRONG,    /* wrong PIN, tries remain */
	PIN_LOCKED,   /* too many wrong tries: wait */
	PIN_UNSET,    /* no PIN was ever set with kioskctl set-pin */
	PIN_ERROR     /* the database could not be read or written */
};

/* True when pin is 4 to 8 ASCII digits. */
int pin_format_ok(const char *pin);

/* Stores a new PIN (hashed with a fresh salt) and clears any lock.
 * Returns 0, or -1 with *cause set. */
int pin_set(struct db *db, const char *pin, char **cause);

/* True when a PIN has been set. */
int pin_is_set(struct db *db);

/* Checks a typed PIN at time now. On PIN_LOCKED, *wait gets the seconds
 * left; on PIN_WRONG, the tries left. Counts failures durably: a wrong
 * PIN whose failure cannot be written is PIN_ERROR, never another free try
 * counted as nothing; a right one is PIN_OK even when the count cannot be
 * cleared. */
enum pin_result pin_check(struct db *db, const char *pin, time_t now, long *wait);

#endif
