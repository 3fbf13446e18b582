/* The booth's clock and the build date (see clock.h). */
#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), without the C
 * library's time zone. */
static long long days_from_civil(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Reads __DATE__ ("Nov 27 2026") into year, month and day. */
static void build_day(int *y, int *m, int *d)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *date = __DATE__;
	const char *at = strstr(months, (char[4]){ date[0], date[1], date[2], '\0' });

	*m = at ? (int)(at - months) / 3 + 1 : 1;
	*d = (date[4] == ' ' ? 0 : date[4] - '0') * 10 + (date[5] - '0');
	*y = (date[7] - '0') * 1000 + (date[8] - '0') * 100 + (date[9] - '0') * 10 + (date[10] - '0');
}

long long clock_build_time(void)
{
	int y, m, d;

	build_day(&y, &m, &d);
	/* UTC+14 starts the day 14 hours before UTC does. */
	return days_from_civil(y, m, d) * 86400 - 14 * 3600;
}

int clock_known(long long t)
{
	return t >= clock_build_time();
}

void clock_build_date(char *out, size_t size)
{
	int y, m, d;

	build_day(&y, &m, &d);
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
}

long long clock_steady_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
