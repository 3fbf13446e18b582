/* Prints the on-screen picture of a QR code, as the kiosk draws it:
 * qr_text dark|light TEXT. The lines go to stdout, one a row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qr.h"

int main(int argc, char **argv)
{
	struct qr q;
	char *cause = NULL, **lines;
	int r;

	if (argc != 3 || (strcmp(argv[1], "dark") != 0 && strcmp(argv[1], "light") != 0)) {
		fprintf(stderr, "usage: qr_text dark|light TEXT\n");
		return 2;
	}
	if (qr_encode(&q, argv[2], &cause) != 0) {
		fprintf(stderr, "qr_text: %s\n", cause);
		return 1;
	}
	lines = qr_text(&q, strcmp(argv[1], "dark") == 0 ? QR_INK_DARK : QR_INK_LIGHT);
	for (r = 0; r < qr_text_rows(&q); r++)
		puts(lines[r]);
	free(lines);
	qr_free(&q);
	return 0;
}
