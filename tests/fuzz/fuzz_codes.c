/* libFuzzer target: the short codes villagers type or scan: dossier and
 * receipt codes, dates. A code that is accepted comes back tidy: no
 * spaces or control characters, within its length (a receipt code in one of
 * its two forms). */
#include "calendar.h"
#include "dossier.h"
#include "fuzz.h"
#include "rcode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *typed = fuzz_string(data, n), code[DOSSIER_CODE_MAX], rcode[RCODE_LEN + 1];
	struct date d;
	const char *c;

	if (dossier_code(typed, code, sizeof code) != DOSSIER_INVALID)
		for (c = code; *c != '\0'; c++)
			if ((unsigned char)*c <= 0x20 || *c == 0x7f)
				abort();
	if (rcode_parse(typed, rcode) == 0 &&
	    (strlen(rcode) != RCODE_LEN - 2 || rcode[3] != '-' || rcode[10] != '-') &&
	    (strlen(rcode) != RCODE_LEN || rcode[3] != '-' || rcode[12] != '-'))
		abort();
	if (date_parse(typed, &d) == 0 &&
	    (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31))
		abort();
	free(typed);
	return 0;
}
