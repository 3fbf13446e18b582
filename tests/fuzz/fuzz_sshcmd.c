/* libFuzzer target: the SSH forced-command splitter. Whatever the line, it
 * is refused with a reason or split into words none of which holds a
 * control character (a tab inside quotes stays in its word); an allowed
 * command never carries --config (as kioskctl reads it: the word
 * itself, or --config=FILE). */
#include "fuzz.h"
#include "sshcmd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *line = fuzz_string(data, n), **words = NULL, *cause = NULL;
	int count = sshcmd_split(line, &words, &cause), i;

	if (count < 0) {
		if (cause == NULL)
			abort();
		free(cause);
		free(line);
		return 0;
	}
	for (i = 0; i < count; i++) {
		const char *c;

		for (c = words[i]; *c != '\0'; c++)
			if (((unsigned char)*c < 0x20 && *c != '\t') || *c == 0x7f)
				abort();
	}
	if (words[count] != NULL)
		abort();
	if (sshcmd_allowed(words, count, &cause) >= 0) {
		for (i = 0; i < count; i++)
			if (strcmp(words[i], "--config") == 0 || strncmp(words[i], "--config=", 9) == 0)
				abort();
	} else {
		free(cause);
	}
	sshcmd_free(words);
	free(line);
	return 0;
}
