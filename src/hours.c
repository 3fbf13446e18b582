/* The one-stop office's opening hours (see hours.h). */
#include "hours.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problems.h"
#include "directive.h"
#include "util.h"

static const char *const day_words[7] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

/* The weekday (0 Sunday) of a three-letter name, or -1. */
static int weekday(const char *s)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strcmp(s, day_words[i]) == 0)
			return i;
	return -1;
}

/* Reads "mon" or "mon-fri" (Monday to Friday; "fri-mon" wraps the week)
 * into the days it names. Returns 0 or -1. */
static int parse_days(char *s, int days[7])
{
	char *dash = strchr(s, '-');
	int first, last, i;

	memset(days, 0, 7 * sizeof days[0]);
	if (dash != NULL)
		*dash = '\0';
	first = weekday(s);
	last = dash ? weekday(dash + 1) : first;
	if (first < 0 || last < 0)
		return -1;
	for (i = first;; i = (i + 1) % 7) {
		days[i] = 1;
		if (i == last)
			return 0;
	}
}

/* Reads "HH:MM" (00:00 to 24:00) into minutes after midnight; returns the
 * text after it, or NULL. */
static const char *clock_time(const char *s, int *minutes)
{
	int h, m, n = 0;

	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || h < 0 || m < 0 || m > 59 ||
	    h * 60 + m > 24 * 60)
		return NULL;
	*minutes = h * 60 + m;
	return s + n;
}

/* Reads "HH:MM-HH:MM", later than the range before it (prev, or NULL).
 * Returns 0 or -1. */
static int parse_range(const char *s, const struct hours_range *prev, struct hours_range *r)
{
	const char *p = clock_time(s, &r->from);

	if (p == NULL || *p != '-' || (p = clock_time(p + 1, &r->to)) == NULL || *p != '\0')
		return -1;
	return r->from < r->to && (prev == NULL || prev->to <= r->from) ? 0 : -1;
}

/* Parses "open DAYS RANGE..." at line n. */
static void parse_open(struct hours *h, char *rest, const char *file, int n, struct problems *p)
{
	struct hours_range r[HOURS_RANGES];
	int days[7], nr = 0, i;
	char *word = directive_word(&rest);

	if (parse_days(word, days) != 0) {
		problems_add(p, file, n, "days are mon, tue, wed, thu, fri, sat, sun or a range "
			     "such as mon-fri, not \"%s\"", word);
		return;
	}
	while (*(word = directive_word(&rest)) != '\0') {
		if (nr == HOURS_RANGES || parse_range(word, nr ? &r[nr - 1] : NULL, &r[nr]) != 0) {
			problems_add(p, file, n, "opening times are up to %d ranges HH:MM-HH:MM, "
				     "each after the one before, not \"%s\"", HOURS_RANGES, word);
			return;
		}
		nr++;
	}
	if (nr == 0) {
		problems_add(p, file, n, "say when the office opens: open DAYS HH:MM-HH:MM ...");
		return;
	}
	for (i = 0; i < 7; i++)
		if (days[i] && h->line[i]) {
			problems_add(p, file, n, "%s is already on line %d", day_words[i], h->line[i]);
			return;
		}
	for (i = 0; i < 7; i++)
		if (days[i]) {
			memcpy(h->r[i], r, sizeof r);
			h->n[i] = nr;
			h->line[i] = n;
		}
}

/* One directive of the hours file. */
static void parse_line(void *arg, char *keyword, char *rest, const char *file, int line,
		       struct problems *p)
{
	if (strcmp(keyword, "open") == 0)
		parse_open(arg, rest, file, line, p);
	else
		problems_add(p, file, line, "unknown directive \"%s\" (open)", keyword);
}

int hours_parse(struct hours *out, const char *file, const char *text, struct problems *p)
{
	int before = p->n;

	memset(out, 0, sizeof *out);
	out->defined = 1;
	directive_read(file, text, parse_line, out, p);
	return p->n == before ? 0 : -1;
}

int hours_load(struct hours *out, const char *path, struct problems *p)
{
	char *text;
	int rc;

	memset(out, 0, sizeof *out);
	rc = directive_file(path, &text, p);
	if (rc <= 0)
		return rc;
	rc = hours_parse(out, path, text, p);
	free(text);
	return rc;
}

/* The local day and minute of the day of t. */
static struct date local_minute(time_t t, int *minute)
{
	struct tm tm;

	localtime_r(&t, &tm);
	*minute = tm.tm_hour * 60 + tm.tm_min;
	return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

/* The first range of day d ending after minute (-1: from the start), or
 * NULL: none, or a holiday. */
static const struct hours_range *range_after(const struct hours *h, const struct calendar *cal,
					     struct date d, int minute)
{
	int wd = date_weekday(d), i;

	if (calendar_holiday(cal, d) != NULL)
		return NULL;
	for (i = 0; i < h->n[wd]; i++)
		if (h->r[wd][i].to > minute)
			return &h->r[wd][i];
	return NULL;
}

int hours_open(const struct hours *h, const struct calendar *cal, time_t t)
{
	const struct hours_range *r;
	int minute;
	struct date d = local_minute(t, &minute);

	if (!h->defined)
		return 1;
	r = range_after(h, cal, d, minute);
	return r != NULL && r->from <= minute;
}

int hours_next(const struct hours *h, const struct calendar *cal, time_t t, struct date *day,
	       int *minute)
{
	const struct hours_range *r;
	int now, k;
	struct date d = local_minute(t, &now);

	for (k = 0; k <= HOURS_AHEAD_DAYS; k++, now = -1) {
		r = range_after(h, cal, date_add(d, k), now);
		if (r != NULL) {
			*day = date_add(d, k);
			*minute = r->from > now ? r->from : now;
			return 0;
		}
	}
	return -1;
}
