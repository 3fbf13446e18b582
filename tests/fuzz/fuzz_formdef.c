/* libFuzzer target: the form file parser (the .form files). Whatever the text,
 * it parses or reports at least one problem, and never both. */
#include "formdef.h"
#include "fuzz.h"
#include "problems.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct problems p = { 0 };
	struct form f;
	char *text = fuzz_string(data, n);
	int rc = formdef_parse(&f, "fuzz.form", "fuzz", text, &p);

	if ((rc == 0) != (p.n == 0))
		abort();
	formdef_free_one(&f);
	problems_clear(&p);
	free(text);
	return 0;
}
