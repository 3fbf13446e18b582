/* libFuzzer target: the tar reader under content bundles. The input is
 * read as an archive from a file descriptor: every member's data is read
 * to its end; no member may claim more bytes than the archive holds. */
#include <fcntl.h>

#include "fuzz.h"
#include "tar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct tar_reader r;
	struct tar_entry e;
	char *path = fuzz_file("archive.tar", data, n), *cause = NULL, buf[4096];
	int fd = open(path, O_RDONLY), rc;
	ssize_t got = 0;

	if (fd < 0)
		abort();
	tar_reader_init(&r, fd);
	while ((rc = tar_next(&r, &e, &cause)) == 1) {
		if (e.size < 0 || memchr(e.name, '\0', sizeof e.name) == NULL)
			abort();
		while ((got = tar_read(&r, buf, sizeof buf, &cause)) > 0)
			;
		if (got < 0)
			break;
	}
	if ((rc < 0 || got < 0) && cause == NULL)
		abort();
	if (r.offset > (long long)n)
		abort();
	free(cause);
	close(fd);
	free(path);
	return 0;
}
