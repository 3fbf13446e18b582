/* When the commune's one-stop office (Bộ phận một cửa) is open, so that
 * the booth gives queue numbers only then: screens/queue.hours in the
 * content folder, shipped and signed with the counters. One directive per
 * line (format in docs/screens.md):
 *
 *   open  mon-fri  07:30-11:30  13:30-17:00
 *   open  sat      07:30-11:30
 *
 * Days not named are closed; the public holidays of the holiday table
 * (calendar.h) close the office all day. No file: always open. Pure. */
#ifndef KIOSK_HOURS_H
#define KIOSK_HOURS_H

#include <time.h>

#include "calendar.h"

struct problems;

/* The hours file, relative to the content folder. */
#define HOURS_FILE "screens/queue.hours"
#define HOURS_RANGES 4          /* most opening times in one day */
#define HOURS_AHEAD_DAYS 60     /* how far the next opening is looked for */

struct hours_range {
	int from, to;               /* minutes after midnight, from < to */
};

struct hours {
	int defined;                /* a file was read: otherwise always open */
	struct hours_range r[7][HOURS_RANGES];  /* by weekday, 0 Sunday, in order */
	int n[7];
	int line[7];                /* the line that gave each day, 0 none */
};

/* Parses the text of an hours file. Returns 0, or -1 with problems added
 * (file and line). */
int hours_parse(struct hours *out, const char *file, const char *text, struct problems *p);

/* Loads the hours file at path; a missing file is no problem (always
 * open). Returns 0 or -1 as above. */
int hours_load(struct hours *out, const char *path, struct problems *p);

/* True when the office is open at local time t. */
int hours_open(const struct hours *h, const struct calendar *cal, time_t t);

/* The next time, from local time t on, that the office opens: its day and
 * minute of the day. Returns 0, or -1 when it does not open within
 * HOURS_AHEAD_DAYS (no hours at all). */
int hours_next(const struct hours *h, const struct calendar *cal, time_t t, struct date *day,
	       int *minute);

#endif
