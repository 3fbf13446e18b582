/* libFuzzer target: the numeric keypad's syllable list
 * (assets/vi-syllables.txt of a content bundle). The input is loaded as
 * the list, then its first bytes are pressed as keypad keys into a field;
 * the field must stay valid UTF-8 within its maximum. */
#include "field.h"
#include "fuzz.h"
#include "keypad.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char keys[] = "0123456789*#\n\b";
	char *path = fuzz_file("vi-syllables.txt", data, n), *cause = NULL;
	struct keypad k;
	struct field f;
	size_t i;

	if (keypad_init(&k, path, &cause) != 0)
		abort();
	field_init(&f, 30, 0);
	for (i = 0; i < n && i < 64; i++) {
		keypad_key(&k, keys[data[i] % (sizeof keys - 1)], &f);
		if (data[i] & 0x80)
			keypad_timeout(&k);
	}
	if (!text_valid(field_text(&f), strlen(field_text(&f))) || field_chars(&f) > f.max_chars)
		abort();
	field_free(&f);
	keypad_free(&k);
	free(path);
	return 0;
}
