/* libFuzzer target: a content bundle's manifest.json. Whatever the bytes,
 * it is refused with a reason or gives a manifest whose every path passes
 * the bundle's path check and whose version can name a folder. */
#include "bundle.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct manifest m;
	char *cause = NULL;
	size_t i;

	memset(&m, 0, sizeof m);
	if (manifest_parse((const char *)data, n, &m, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		manifest_free(&m);
		return 0;
	}
	if (!bundle_version_ok(m.version))
		abort();
	for (i = 0; i < m.n; i++)
		if (bundle_path_problem(m.files[i].path) != NULL || m.files[i].size < 0 ||
		    strlen(m.files[i].sha256) != 64)
			abort();
	manifest_free(&m);
	return 0;
}
