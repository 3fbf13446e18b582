/* Working days for expected result dates: Monday to Friday, less the
 * public holidays of a table an operator keeps up to date
 * (assets/holidays.txt in the content folder; format in that file and in
 * docs/printing.md). A processing time of n working days ends on the n-th
 * working day after the day a request is received; 0 means the same day
 * (or the next working day when it is received on a day off). */
#ifndef KIOSK_CALENDAR_H
#define KIOSK_CALENDAR_H

#include <time.h>

struct date {
	int year, month, day;
};

/* The holiday table, relative to the content folder. */
#define CALENDAR_FILE "assets/holidays.txt"

struct calendar;

/* An empty calendar: only Saturdays and Sundays are days off. */
struct calendar *calendar_new(void);

/* Loads a holiday table. Returns NULL with *cause naming the file and
 * line of the first bad line. */
struct calendar *calendar_load(const char *path, char **cause);

/* Frees the calendar; NULL is ignored. */
void calendar_free(struct calendar *c);

/* Why d is a day off ("Quốc khánh", "Nghỉ bù Quốc khánh", "Thứ Bảy"), or
 * NULL for a working day. */
const char *calendar_day_off(const struct calendar *c, struct date d);

/* The holiday d is, or the day off in lieu of one ("Quốc khánh", "Nghỉ bù
 * Quốc khánh"); NULL on other days, Saturdays and Sundays included, and on
 * a day worked in their place ("work" lines). */
const char *calendar_holiday(const struct calendar *c, struct date d);

/* The day a processing time of days working days ends (see above). */
struct date calendar_due(const struct calendar *c, struct date received, int days);

/* The local date of a moment (the system's time zone). */
struct date date_of(time_t t);

/* Parses "YYYY-MM-DD" (a real day of years 1970-9999). Returns 0 or -1. */
int date_parse(const char *s, struct date *d);

/* Writes d as "YYYY-MM-DD" into out. */
void date_iso(struct date d, char out[11]);

/* Writes d as "dd/mm/yyyy" into out. */
void date_format(struct date d, char out[11]);

/* The day n days after d (n may be negative). */
struct date date_add(struct date d, int n);

/* Day of the week: 0 Sunday, 1 Monday ... 6 Saturday. */
int date_weekday(struct date d);

#endif
