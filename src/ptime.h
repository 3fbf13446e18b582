/* A procedure's processing time (thời gian giải quyết) as the catalog
 * publishes it, read into days the booth can count from, for the expected
 * result date of a receipt and the procedure's page. Forms read:
 *   "5 Ngày làm việc", "05 ngày làm việc", "Không quá 03 ngày làm việc"
 *                           working days;
 *   "1", "3"                 a bare number: working days, the portal's
 *                            unit for that column;
 *   "15 Ngày", "30 ngày"     calendar days; "2 Tuần" 14 calendar days;
 *   "Trong ngày", "Ngay trong ngày làm việc", "1 Giờ" up to 8 hours
 *                            the same day; more hours: whole days (8
 *                            working hours or 24 hours a day);
 *   "03 - 05 ngày làm việc", "3 đến 5 ngày" a range: its longest end.
 * Anything else (months, years, several cases, words) is unknown: the
 * receipt then says a helper will tell the date. Pure. */
#ifndef KIOSK_PTIME_H
#define KIOSK_PTIME_H

#include <stddef.h>

#include "calendar.h"

struct i18n;

/* Longest processing time read, in days; a longer one is unknown. */
#define PTIME_MAX_DAYS 365

struct ptime {
	int days;       /* -1 unknown; 0 the same day */
	int calendar;   /* 1: calendar days; 0: working days */
};

/* Reads a published time. Returns 0 with *out set, or -1 (out->days -1)
 * when the text does not say a time the booth can count. */
int ptime_parse(const char *text, struct ptime *out);

/* Reads a time that opens a description ("05 ngày làm việc kể từ ngày
 * nhận được hồ sơ đầy đủ"): the published time is sometimes only there.
 * Only a time followed by nothing, "kể từ ..." or the end of the sentence
 * counts. Returns 0 or -1 as ptime_parse. */
int ptime_parse_lead(const char *text, struct ptime *out);

/* The time as the booth writes it: "1 ngày làm việc", "15 ngày", "trong
 * ngày"; "" when unknown. In language lang of t ("5 working days"); t
 * NULL writes Vietnamese (paper, kioskctl). */
void ptime_text(const struct i18n *t, int lang, struct ptime time, char *out, size_t size);

/* The expected result date of a request received on a day: working days
 * as calendar_due counts them; calendar days end n days later, moved to
 * the next working day when that is a day off. */
struct date ptime_due(const struct calendar *c, struct date received, struct ptime t);

#endif
