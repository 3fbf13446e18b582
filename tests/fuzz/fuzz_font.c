/* libFuzzer target: the receipt printer's bitmap font file. A loaded font
 * measures any text. */
#include "font.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *path = fuzz_file("font.hex", data, n), *cause = NULL;
	struct font *f = font_load(path, &cause);

	if (f == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		free(path);
		return 0;
	}
	if (font_width(f, "Căn cước ĐỨC 123") < 0)
		abort();
	font_free(f);
	free(path);
	return 0;
}
