/* libFuzzer target: what a serial QR scanner sends. The input is read as
 * the device's bytes until it "goes away"; every line handed over is
 * non-empty, ends with no CR or LF, and fits the line buffer. */
#include <fcntl.h>

#include "fuzz.h"
#include "scanner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct scanner *s = xcalloc(1, sizeof *s);
	char *path = fuzz_file("scanner", data, n), *line, *cause = NULL;
	int rc;

	s->fd = open(path, O_RDONLY);
	if (s->fd < 0)
		abort();
	while ((rc = scanner_read(s, &line, &cause)) == 1) {
		size_t len = strlen(line);

		if (len == 0 || len >= SCANNER_LINE_MAX || line[len - 1] == '\r' ||
		    line[len - 1] == '\n')
			abort();
		free(line);
	}
	if (rc != -1 || cause == NULL)
		abort();
	free(cause);
	scanner_close(s);
	free(path);
	return 0;
}
