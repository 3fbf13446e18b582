/* libFuzzer target: the JSON sources of `kioskctl content build`. The
 * first byte picks the folder (procedures, units or announcements) the
 * rest is written into, as the only source there; the build runs into an
 * in-memory database. A failed build must say why. */
#include "content.h"
#include "fuzz.h"

/* Counts the problems reported. */
static void count(void *arg, const char *problem)
{
	if (problem == NULL || problem[0] == '\0')
		abort();
	(*(int *)arg)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const folders[] = { "procedures", "units", "announcements" };
	char *src = xprintf("%s/src", fuzz_dir()), *file, *cause = NULL, *path;
	int problems = 0, i;

	if (n == 0) {
		free(src);
		return 0;
	}
	for (i = 0; i < 3; i++) {
		path = xprintf("src/%s/.keep", folders[i]);
		free(fuzz_file(path, NULL, 0));
		free(path);
	}
	path = xprintf("src/%s/fuzz.json", folders[data[0] % 3]);
	file = fuzz_file(path, data + 1, n - 1);
	if (content_build(src, NULL, count, &problems, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
	} else if (problems != 0) {
		abort();
	}
	unlink(file);
	free(file);
	free(path);
	free(src);
	return 0;
}
