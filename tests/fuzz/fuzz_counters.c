/* libFuzzer target: the queue's counters file (screens/queue.counters).
 * Whatever the text, it parses or reports at least one problem, never
 * both; every counter kept has a band inside the limits and a label. */
#include "counters.h"
#include "fuzz.h"
#include "problems.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct problems p = { 0 };
	struct counters cs = { 0 };
	char *text = fuzz_string(data, n);
	int rc = counters_parse(&cs, "fuzz.counters", text, &p), i;

	if ((rc == 0) != (p.n == 0) || cs.n < 0 || cs.n > COUNTER_MAX)
		abort();
	for (i = 0; i < cs.n; i++)
		if (cs.v[i].first < 1 || cs.v[i].first > cs.v[i].last ||
		    cs.v[i].last > COUNTER_NUMBER_MAX || cs.v[i].label == NULL ||
		    counters_find(&cs, cs.v[i].id) == NULL)
			abort();
	counters_free(&cs);
	problems_clear(&p);
	free(text);
	return 0;
}
