/* What the libFuzzer targets share: the entry point's prototype, and a
 * private temporary folder for the parsers that only read from a path or
 * a descriptor. Each target is one .c file, so the helpers are static
 * inline here. Nothing is written outside that folder, which is removed
 * when the fuzzer exits. */
#ifndef KIOSK_FUZZ_H
#define KIOSK_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

/* The folder made by fuzz_dir(), empty until then. */
static char fuzz_root[4096];

/* Removes the temporary folder at exit. */
static inline void fuzz_cleanup(void)
{
	if (fuzz_root[0] != '\0')
		remove_tree(fuzz_root);
}

/* This process's temporary folder under $TMPDIR (or /tmp), made on first
 * use; aborts when it cannot be made. */
static inline const char *fuzz_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (fuzz_root[0] != '\0')
		return fuzz_root;
	snprintf(fuzz_root, sizeof fuzz_root, "%s/kiosk-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(fuzz_root) == NULL)
		abort();
	atexit(fuzz_cleanup);
	return fuzz_root;
}

/* Writes the input to name (relative to fuzz_dir(), its folder made if
 * needed) and returns the full path (the caller frees it). */
static inline char *fuzz_file(const char *name, const uint8_t *data, size_t n)
{
	char *path = xprintf("%s/%s", fuzz_dir(), name), *slash = strrchr(path, '/');
	FILE *f;

	*slash = '\0';
	if (mkdir_p(path, 0700) != 0)
		abort();
	*slash = '/';
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		abort();
	return path;
}

/* The input as a NUL-terminated string (the caller frees it); a NUL inside
 * the input ends the string early, as it would for a file read as text. */
static inline char *fuzz_string(const uint8_t *data, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

#endif
