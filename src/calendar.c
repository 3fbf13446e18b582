/* Working days and the holiday table. Days are numbered from 1970-01-01
 * (the civil-from-days arithmetic of Howard Hinnant's date algorithms). */
#include "calendar.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

enum rule { YEARLY, DAYS, WORK };

/* Most days in one range line: Tết is the longest break, about ten days. A
 * longer range is a typo that would put due dates years away, and walking
 * it day by day for every receipt would stall the booth. */
#define RANGE_MAX 31

struct entry {
	enum rule rule;
	int month, day;      /* YEARLY */
	long from, to;       /* DAYS (from..to), WORK (from) as day numbers */
	char *name;
	char *lieu;          /* YEARLY: "Nghỉ bù " and the name */
};

struct calendar {
	struct entry *e;
	int n;
};

/* Day number of a date (0 is 1970-01-01). */
static long day_number(struct date d)
{
	int y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The date of a day number. */
static struct date from_number(long z)
{
	struct date d;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

struct date date_add(struct date d, int n)
{
	return from_number(day_number(d) + n);
}

int date_weekday(struct date d)
{
	long z = day_number(d);

	/* 1970-01-01 was a Thursday. */
	return (int)(((z % 7) + 11) % 7);
}

struct date date_of(time_t t)
{
	struct tm tm;
	struct date d = { 1970, 1, 1 };

	if (localtime_r(&t, &tm) != NULL) {
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
	}
	return d;
}

int date_parse(const char *s, struct date *d)
{
	if (!date_valid(s) || digits_value(s, 4) < 1970)
		return -1;
	d->year = digits_value(s, 4);
	d->month = digits_value(s + 5, 2);
	d->day = digits_value(s + 8, 2);
	return 0;
}

void date_format(struct date d, char out[11])
{
	snprintf(out, 11, "%02u/%02u/%04u", (unsigned)d.day % 100u, (unsigned)d.month % 100u,
		 (unsigned)d.year % 10000u);
}

struct calendar *calendar_new(void)
{
	return xcalloc(1, sizeof(struct calendar));
}

void calendar_free(struct calendar *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->e[i].name);
		free(c->e[i].lieu);
	}
	free(c->e);
	free(c);
}

/* Parses one table line (comments and blanks already skipped) into e.
 * Returns NULL or what is wrong. */
static const char *parse_line(char *line, struct entry *e)
{
	char *word = line, *rest;
	struct date a, b;

	memset(e, 0, sizeof *e);
	e->rule = DAYS;
	if (strncmp(word, "work", 4) == 0 && (word[4] == ' ' || word[4] == '\t')) {
		e->rule = WORK;
		word += 4 + strspn(word + 4, " \t");
	}
	rest = word + strcspn(word, " \t");
	if (*rest != '\0')
		*rest++ = '\0';
	rest += strspn(rest, " \t");
	e->name = xstrdup(*rest ? rest : "Ngày lễ");
	if (e->rule != WORK && strlen(word) == 5 && word[2] == '-' &&
	    (e->month = digits_value(word, 2)) > 0 && (e->day = digits_value(word + 3, 2)) > 0 &&
	    day_exists(2000, e->month, e->day)) {
		e->rule = YEARLY;
		e->lieu = xprintf("Nghỉ bù %s", e->name);
		return NULL;
	}
	if (e->rule != WORK && strlen(word) == 22 && strncmp(word + 10, "..", 2) == 0) {
		word[10] = '\0';
		if (date_parse(word, &a) != 0 || date_parse(word + 12, &b) != 0)
			return "expected YYYY-MM-DD..YYYY-MM-DD";
		e->from = day_number(a);
		e->to = day_number(b);
		if (e->from > e->to)
			return "the range ends before it starts";
		return e->to - e->from < RANGE_MAX ? NULL : "a range is at most 31 days (a typo in a year?)";
	}
	if (date_parse(word, &a) != 0)
		return e->rule == WORK ? "expected \"work YYYY-MM-DD name\""
				       : "expected MM-DD, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, then a name";
	e->from = e->to = day_number(a);
	return NULL;
}

struct calendar *calendar_load(const char *path, char **cause)
{
	FILE *f = fopen(path, "r");
	struct calendar *c;
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, have = 0;

	if (f == NULL) {
		*cause = xprintf("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	c = calendar_new();
	while (getline(&line, &cap, f) >= 0) {
		char *p = line + strspn(line, " \t");
		const char *why;

		lineno++;
		p[strcspn(p, "\r\n")] = '\0';
		if (*p == '\0' || *p == '#')
			continue;
		if (c->n == have) {
			have = have ? have * 2 : 32;
			c->e = xrealloc(c->e, (size_t)have * sizeof *c->e);
		}
		why = parse_line(p, &c->e[c->n]);
		if (why != NULL) {
			*cause = xprintf("%s:%d: %s", path, lineno, why);
			free(c->e[c->n].name);
			free(c->e[c->n].lieu);
			free(line);
			fclose(f);
			calendar_free(c);
			return NULL;
		}
		c->n++;
	}
	free(line);
	fclose(f);
	return c;
}

/* The holiday (not the weekend) that makes day z off, or NULL. */
static const char *holiday(const struct calendar *c, long z)
{
	struct date d = from_number(z);
	int i;

	for (i = 0; i < c->n; i++) {
		const struct entry *e = &c->e[i];

		if ((e->rule == DAYS && z >= e->from && z <= e->to) ||
		    (e->rule == YEARLY && e->month == d.month && e->day == d.day))
			return e->name;
	}
	return NULL;
}

/* True when day z falls on a Saturday or Sunday. */
static int weekend(long z)
{
	int wd = date_weekday(from_number(z));

	return wd == 0 || wd == 6;
}

/* "Nghỉ bù ..." when z is the day in lieu of a yearly holiday, or NULL. A
 * yearly holiday on a weekend gives the next day that is neither a weekend,
 * a holiday, nor already another's day in lieu (Bộ luật Lao động 2019,
 * Điều 111). */
static const char *in_lieu(const struct calendar *c, long z)
{
	struct date d = from_number(z);
	long taken[16];
	int ntaken = 0, year, i;

	/* Days in lieu come within the two weeks after the holidays. */
	for (year = d.year - 1; year <= d.year; year++) {
		for (i = 0; i < c->n; i++) {
			const struct entry *e = &c->e[i];
			struct date h = { year, e->month, e->day };
			long hz, day;
			int k;

			if (e->rule != YEARLY)
				continue;
			hz = day_number(h);
			if (!weekend(hz) || z < hz || z > hz + 14)
				continue;
			for (day = hz + 1;; day++) {
				int used = 0;

				for (k = 0; k < ntaken; k++)
					used |= taken[k] == day;
				if (!used && !weekend(day) && holiday(c, day) == NULL)
					break;
			}
			if (day == z)
				return e->lieu;
			if (ntaken < 16)
				taken[ntaken++] = day;
		}
	}
	return NULL;
}

const char *calendar_day_off(const struct calendar *c, struct date d)
{
	long z = day_number(d);
	const char *name;
	int i, wd;

	for (i = 0; i < c->n; i++)
		if (c->e[i].rule == WORK && c->e[i].from == z)
			return NULL;
	if ((name = holiday(c, z)) != NULL)
		return name;
	wd = date_weekday(d);
	if (wd == 6)
		return "Thứ Bảy";
	if (wd == 0)
		return "Chủ nhật";
	return in_lieu(c, z);
}

struct date calendar_due(const struct calendar *c, struct date received, int days)
{
	struct date d = received;

	if (days <= 0) {
		while (calendar_day_off(c, d) != NULL)
			d = date_add(d, 1);
		return d;
	}
	while (days > 0) {
		d = date_add(d, 1);
		if (calendar_day_off(c, d) == NULL)
			days--;
	}
	return d;
}
