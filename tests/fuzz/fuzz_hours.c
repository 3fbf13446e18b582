/* libFuzzer target: the office's opening hours (screens/queue.hours).
 * Whatever the text, it parses or reports at least one problem, never
 * both; every range kept is inside the day, in order, and the next
 * opening found is one of them. */
#include "fuzz.h"
#include "hours.h"
#include "problems.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct problems p = { 0 };
	struct hours h;
	struct calendar *cal = calendar_new();
	struct date day;
	char *text = fuzz_string(data, n);
	int rc = hours_parse(&h, "fuzz.hours", text, &p), d, i, minute;

	if ((rc == 0) != (p.n == 0))
		abort();
	for (d = 0; d < 7; d++)
		for (i = 0; i < h.n[d]; i++)
			if (h.r[d][i].from < 0 || h.r[d][i].from >= h.r[d][i].to || h.r[d][i].to > 24 * 60 ||
			    (i > 0 && h.r[d][i - 1].to > h.r[d][i].from))
				abort();
	if (hours_next(&h, cal, 1767225600, &day, &minute) == 0 && (minute < 0 || minute >= 24 * 60))
		abort();
	calendar_free(cal);
	problems_clear(&p);
	free(text);
	return 0;
}
