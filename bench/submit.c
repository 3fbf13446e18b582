/* Durable submissions per second: submit_request() (the kiosk's own path:
 * next receipt number and the request with its frozen JSON in one
 * transaction, WAL, synchronous=FULL) N times into a fresh state.db.
 * usage: submit DIR N; prints the seconds taken. bench/submit.sh compares
 * it with the sqlite3 shell doing the same inserts with the same pragmas. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "formdef.h"
#include "problems.h"
#include "submit.h"
#include "util.h"

static const char form_text[] =
	"title Phản ánh, kiến nghị\nkind feedback\nstep Nội dung\n"
	"field topic text required Về việc gì\nfield message note required Nội dung\n";

int main(int argc, char **argv)
{
	const char *values[] = { "Đường sá, điện, nước", "Đèn đường ở thôn Đông hỏng đã hai tuần." };
	struct problems p = { 0 };
	struct timespec t0, t1;
	struct config cfg;
	struct saved s;
	struct form f;
	struct db *db;
	char *path, *cause = NULL;
	long i, n;

	if (argc != 3)
		return 2;
	n = atol(argv[2]);
	path = xprintf("%s/state.db", argv[1]);
	db = db_open(path, &cause);
	if (db == NULL || formdef_parse(&f, "bench.form", "feedback", form_text, &p) != 0) {
		fprintf(stderr, "submit: %s\n", cause ? cause : "bad form");
		return 1;
	}
	config_defaults(&cfg);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++)
		if (submit_request(db, &cfg, &f, values, NULL, time(NULL), 1, &s, &cause) != 0) {
			fprintf(stderr, "submit: %s\n", cause);
			return 1;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.6f\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	formdef_free_one(&f);
	db_close(db);
	free(path);
	return 0;
}
