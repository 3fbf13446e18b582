/* The booth's clock, which may be wrong: a board without a real-time clock
 * starts in 1970 (or where it stopped) until NTP sets it. A time earlier
 * than the day this program was built cannot be right, so it is "unknown":
 * shown as such, never used for an expected-result date, stored with a
 * flag (or null) rather than as a 1970 date. Tests move the clock with
 * faketime(1), which moves every clock the program reads. */
#ifndef KIOSK_CLOCK_H
#define KIOSK_CLOCK_H

#include <stddef.h>

/* The day this program was compiled (the compiler's __DATE__, which
 * honours SOURCE_DATE_EPOCH), as unix seconds at its first moment anywhere
 * on Earth: a clock before it is certainly wrong. */
long long clock_build_time(void);

/* True when t (unix seconds) can be a real time: not before the build. */
int clock_known(long long t);

/* Milliseconds of a steady clock (CLOCK_MONOTONIC): for pauses, never
 * moved by NTP setting the time. */
long long clock_steady_ms(void);

/* Writes "YYYY-MM-DD" of the build day into out (11 bytes or more). */
void clock_build_date(char *out, size_t size);

#endif
