/* Preloaded before libfaketime by tests/faketime.bash. A program built
 * with a 64-bit time_t on a 32-bit board (armhf, -D_TIME_BITS=64) reads
 * the clock through glibc's 64-bit entry points, which Debian 12's
 * libfaketime does not hook; these answer from the 32-bit calls it does
 * hook (the times tests set are before 2038). Elsewhere nothing calls them.
 * Built without -D_TIME_BITS=64, as a shared object (Makefile). */
#include <stdint.h>
#include <stddef.h>
#include <sys/time.h>
#include <time.h>

/* glibc's struct __timespec64 on a 32-bit little-endian machine. */
struct timespec64 {
	int64_t tv_sec;
	int32_t tv_nsec;
	int32_t pad;
};

/* glibc's struct __timeval64. */
struct timeval64 {
	int64_t tv_sec;
	int64_t tv_usec;
};

int __clock_gettime64(clockid_t clock, struct timespec64 *ts);
int64_t __time64(int64_t *t);
int __gettimeofday64(struct timeval64 *tv, void *tz);

/* clock_gettime with a 64-bit time_t, through libfaketime's. */
int __clock_gettime64(clockid_t clock, struct timespec64 *ts)
{
	struct timespec t;
	int rc = clock_gettime(clock, &t);

	if (rc == 0) {
		ts->tv_sec = t.tv_sec;
		ts->tv_nsec = (int32_t)t.tv_nsec;
		ts->pad = 0;
	}
	return rc;
}

/* time with a 64-bit time_t. */
int64_t __time64(int64_t *t)
{
	struct timespec64 ts;

	if (__clock_gettime64(CLOCK_REALTIME, &ts) != 0)
		return -1;
	if (t != NULL)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

/* gettimeofday with a 64-bit time_t (the time zone is always NULL). */
int __gettimeofday64(struct timeval64 *tv, void *tz)
{
	struct timespec64 ts;

	(void)tz;
	if (__clock_gettime64(CLOCK_REALTIME, &ts) != 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}
