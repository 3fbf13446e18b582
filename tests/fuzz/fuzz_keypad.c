/* libFuzzer target: the numeric keypad's syllable list
 * (assets/vi-syllables.txt of a content bundle). The input is loaded as
 * the list (predictive or multi-tap, by its first bit; a name, place or
 * text field by its second byte), then its first bytes are pressed as
 * keypad keys into a field;
 * the field must stay valid UTF-8 within its maximum. */
#include "field.h"
#include "fuzz.h"
#include "keypad.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char keys[] = "0123456789*#\n\b";
	char *path = fuzz_file("vi-syllables.txt", data, n), *cause = NULL, *slash;
	struct keypad k;
	struct field f;
	long long now = 0;
	size_t i;

	slash = strrchr(path, '/');
	*slash = '\0'; /* the folder: both styles read vi-syllables.txt there */
	if (keypad_init(&k, n > 0 && (data[0] & 1) ? KEYPAD_MULTITAP : KEYPAD_PREDICTIVE, path,
			&cause) != 0)
		abort();
	*slash = '/';
	field_init(&f, 30, n > 1 ? (data[1] & (FIELD_CAPS | FIELD_PLACE)) : 0);
	for (i = 0; i < n && i < 64; i++) {
		keypad_key(&k, keys[data[i] % (sizeof keys - 1)], &f);
		if (data[i] & 0x80)
			keypad_clock(&k, now += KEYPAD_PAUSE_MS);
	}
	if (!text_valid(field_text(&f), strlen(field_text(&f))) || field_chars(&f) > f.max_chars)
		abort();
	field_free(&f);
	keypad_free(&k);
	free(path);
	return 0;
}
