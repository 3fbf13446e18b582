/* libFuzzer target: the holiday table (assets/holidays.txt of a content
 * bundle). A loaded table must give due dates that are working days. */
#include "calendar.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *path = fuzz_file("holidays.txt", data, n), *cause = NULL;
	struct calendar *c = calendar_load(path, &cause);
	struct date from = { 2026, 1, 1 }, due;

	if (c == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		free(path);
		return 0;
	}
	due = calendar_due(c, from, 10);
	if (calendar_day_off(c, due) != NULL)
		abort();
	calendar_free(c);
	free(path);
	return 0;
}
