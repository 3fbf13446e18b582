/* libFuzzer target: the screen file parser (the .screen files). Whatever the
 * text, it parses or reports at least one problem, and never both. */
#include "fuzz.h"
#include "problems.h"
#include "screendef.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct problems p = { 0 };
	struct screen sc;
	char *text = fuzz_string(data, n);
	int rc = screendef_parse(&sc, "fuzz.screen", "fuzz", text, &p);

	if ((rc == 0) != (p.n == 0))
		abort();
	screendef_free_one(&sc);
	problems_clear(&p);
	free(text);
	return 0;
}
