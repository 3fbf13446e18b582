/* Loading the booth's glyphs (assets/unifont-kiosk.hex) against loading
 * the whole of GNU Unifont (unifont.hex), as each print would if the
 * kiosk read the system font: font_load ROUNDS SUBSET FULL prints the
 * milliseconds of each and their ratio. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "font.h"

/* Milliseconds to load path, the best of rounds. */
static double best_ms(const char *path, int rounds)
{
	double best = 1e30;
	int i;

	for (i = 0; i < rounds; i++) {
		struct timespec a, b;
		char *cause = NULL;
		struct font *f;
		double ms;

		clock_gettime(CLOCK_MONOTONIC, &a);
		f = font_load(path, &cause);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (f == NULL) {
			fprintf(stderr, "font_load: %s\n", cause);
			exit(1);
		}
		font_free(f);
		ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
		if (ms < best)
			best = ms;
	}
	return best;
}

int main(int argc, char **argv)
{
	double subset, full;
	int rounds;

	if (argc != 4 || (rounds = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: font_load ROUNDS SUBSET FULL\n");
		return 2;
	}
	subset = best_ms(argv[2], rounds);
	full = best_ms(argv[3], rounds);
	printf("booth glyphs %.2f ms, whole Unifont %.2f ms: %.0f times faster\n", subset, full, full / subset);
	return 0;
}
