/* libFuzzer target: a scanned card's address read as a pre-2025 address
 * (oldaddr.c) against the repository's own mapping, built once into the
 * fuzzer's temporary folder; and the name rules on any text. Whatever the
 * bytes, the 2025 communes offered are real ones, few, each once, and the
 * kept part is the address's start; a modern name is modern again and
 * passes the check. */
#include "fuzz.h"

#include "catalog.h"
#include "content.h"
#include "oldaddr.h"
#include "text.h"

static struct catalog *cat;

/* Ignores a build problem (the repository's sources are checked by tests). */
static void ignore(void *arg, const char *problem)
{
	(void)arg;
	(void)problem;
}

/* Builds assets/catalog (the fuzzer runs from the top of the checkout). */
static struct catalog *mapping(void)
{
	char *db, *cause = NULL;

	if (cat != NULL)
		return cat;
	db = xprintf("%s/content.db", fuzz_dir());
	if (content_build("assets/catalog", db, ignore, NULL, &cause) != 0 ||
	    (cat = catalog_open(db, &cause)) == NULL)
		abort();
	free(db);
	return cat;
}

/* The name rules on s: NULL only for invalid UTF-8; idempotent; a modern
 * name has no problem. */
static void names(const char *s)
{
	char *m = oldaddr_modern(s), *again, *why, *f = oldaddr_fold(s);

	if ((m == NULL) != !text_valid(s, strlen(s)) || (f == NULL) != (m == NULL))
		abort();
	if (m == NULL)
		return;
	again = oldaddr_modern(m);
	why = oldaddr_name_problem(m);
	if (again == NULL || strcmp(again, m) != 0 || why != NULL)
		abort();
	free(again);
	free(m);
	free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *s = fuzz_string(data, n), *v;
	struct oldaddr m;
	size_t k, j, found;

	names(s);
	found = oldaddr_resolve(mapping(), s, &m);
	if (found != m.nnow || found > OLDADDR_MAX || (found > 0 && strncmp(s, m.kept, strlen(m.kept))))
		abort();
	for (k = 0; k < found; k++) {
		if (m.now[k] == NULL || m.now[k]->province == NULL || m.was[k] == NULL)
			abort();
		for (j = 0; j < k; j++)
			if (m.now[j] == m.now[k])
				abort();
		v = oldaddr_value(&m, k);
		if (!text_valid(v, strlen(v)))
			abort();
		free(v);
	}
	oldaddr_free(&m);
	free(s);
	return 0;
}
