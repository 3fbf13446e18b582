/* libFuzzer target: the booth's INI config (libinih and the key table).
 * config_load reads only from a path, so the input is written to a file of
 * the fuzzer's temporary folder first. A refusal must say why. */
#include "config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct config cfg;
	char *path = fuzz_file("kiosk.conf", data, n), *cause = NULL;

	config_defaults(&cfg);
	if (config_load(&cfg, path, &cause) != 0) {
		if (cause == NULL || cause[0] == '\0')
			abort();
		free(cause);
	}
	free(path);
	return 0;
}
