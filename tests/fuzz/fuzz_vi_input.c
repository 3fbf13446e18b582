/* libFuzzer target: the typing engine and the text field. The first byte
 * picks the method and style; the rest is typed as a whole string and
 * then key by key into a field (bytes 0x01-0x04 stand for backspace,
 * delete, left and right). Checks that output stays valid NFC within the
 * field's maximum. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "text.h"
#include "vi_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	enum vi_method method;
	struct field f;
	char *s, *out;
	size_t i;

	if (n == 0)
		return 0;
	method = (enum vi_method)(data[0] % 4);
	s = malloc(n);
	memcpy(s, data + 1, n - 1);
	s[n - 1] = '\0';
	out = vi_compose(s, method, data[0] & 4 ? VI_OLD_STYLE : 0);
	if (out != NULL && !text_is_nfc(out))
		abort();
	free(out);
	field_init(&f, 1 + data[0] % 40, data[0] & 8 ? FIELD_CAPS : 0);
	field_set_method(&f, method, 0);
	for (i = 1; i < n; i++) {
		switch (data[i]) {
		case 1:
			field_backspace(&f);
			break;
		case 2: /* a forward delete */
			if (field_right(&f))
				field_backspace(&f);
			break;
		case 3:
			field_left(&f);
			break;
		case 4:
			field_right(&f);
			break;
		default:
			field_key(&f, data[i]);
		}
	}
	if (!text_valid(field_text(&f), strlen(field_text(&f))) || field_chars(&f) > f.max_chars)
		abort();
	field_insert(&f, s, n - 1);
	if (field_chars(&f) > f.max_chars)
		abort();
	field_free(&f);
	free(s);
	return 0;
}
