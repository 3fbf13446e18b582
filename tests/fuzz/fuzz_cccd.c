/* libFuzzer target: the ID card QR parser. Whatever the bytes, it either
 * refuses with a message or returns fields that hold what they promise. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cccd.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct cccd c;
	char *cause = NULL;

	if (cccd_parse((const char *)data, n, &c, &cause) != 0) {
		if (cause == NULL || !text_is_nfc(cause))
			abort();
		free(cause);
		return 0;
	}
	if (strlen(c.id) != 12 || !text_is_nfc(c.name) || !text_is_nfc(c.address) ||
	    c.name[0] == '\0' || c.birth.year < 1900)
		abort();
	cccd_wipe(&c);
	return 0;
}
