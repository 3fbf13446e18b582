/* libFuzzer target: the locale catalog reader (the .po files of locale/). The input is
 * written as the only catalog of a folder and loaded; every message it
 * holds must then be found by its id. */
#include "fuzz.h"
#include "i18n.h"
#include "problems.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct problems p = { 0 };
	char *path = fuzz_file("locale/en.po", data, n), *dir = xprintf("%s/locale", fuzz_dir());
	struct i18n *t = i18n_load(dir, &p);
	int i;

	for (i = 0; i < i18n_count(t); i++)
		if (i18n_name(t, i) == NULL || i18n_find(t, i18n_code(t, i)) != i ||
		    i18n_get(t, i, "Trang chủ") == NULL)
			abort();
	i18n_free(t);
	problems_clear(&p);
	free(dir);
	free(path);
	return 0;
}
