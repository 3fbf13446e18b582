/* Saves filled-in request forms the way the kiosk does when a villager
 * confirms (submit_request(): receipt number, JSON body and, with [upload]
 * protocol openrosa, the OpenRosa bytes, in one transaction), for tests
 * and benchmarks that need many requests of a real form. Every field gets
 * a valid Vietnamese value for its type unless FIELD=VALUE sets it (an
 * empty VALUE leaves it empty). Prints "id receipt" per request.
 * usage: form_fill CONFIG FORM COUNT [FIELD=VALUE...] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "formdef.h"
#include "problems.h"
#include "submit.h"
#include "uidata.h"
#include "util.h"

/* A valid value of a field's type, with marks, XML's special characters
 * and a Vietnamese choice where the type allows them. */
static const char *sample(const struct form_field *f)
{
	switch (f->type) {
	case FT_NAME: return "Nguyễn Thị Bích Ra";
	case FT_NUMBER: return "3";
	case FT_PHONE: return "0905123456";
	case FT_CCCD: return "051185000123";
	case FT_DATE:
		return f->when == DATE_FUTURE ? "31/12/2099" : f->when == DATE_ANY ? "15/08/2000"
										 : "02/07/1985";
	case FT_CHOICE: return f->options[f->noptions - 1];
	case FT_YESNO: return "Có";
	case FT_ADDRESS: return "Thôn Đông, Xã Nghĩa Hành, Tỉnh Quảng Ngãi";
	case FT_NOTE: return "Đường liên thôn bị sạt lở & ngập <1 mét> sau mưa lũ; đề nghị xã sửa sớm.";
	default: return "Giấy khai sinh \"bản chính\" & bản sao";
	}
}

/* Fills values for form f from the defaults and the FIELD=VALUE words. */
static int fill_values(const struct form *f, const char **values, int argc, char **argv)
{
	int i, k;

	for (k = 0; k < f->nfields; k++)
		values[k] = sample(&f->fields[k]);
	for (i = 0; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		for (k = 0; eq && k < f->nfields; k++)
			if (strlen(f->fields[k].id) == (size_t)(eq - argv[i]) &&
			    strncmp(f->fields[k].id, argv[i], (size_t)(eq - argv[i])) == 0)
				break;
		if (eq == NULL || k == f->nfields) {
			fprintf(stderr, "form_fill: no field for '%s' in %s\n", argv[i], f->id);
			return -1;
		}
		values[k] = eq + 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *values[FORM_MAX_FIELDS];
	struct problems p = { 0 };
	struct config cfg;
	struct uidata u;
	const struct form *f;
	struct saved s;
	struct db *db;
	char *cause = NULL;
	long i, n;

	if (argc < 4 || (n = atol(argv[3])) <= 0) {
		fprintf(stderr, "usage: form_fill CONFIG FORM COUNT [FIELD=VALUE...]\n");
		return 2;
	}
	config_defaults(&cfg);
	memset(&u, 0, sizeof u);
	if (config_load(&cfg, argv[1], &cause) != 0 || uidata_load(&u, &cfg, &p) != 0 ||
	    (db = submit_open_state(&cfg, &cause)) == NULL) {
		fprintf(stderr, "form_fill: %s\n", cause ? cause : "content has problems");
		problems_print(&p, stderr, "form_fill: ");
		return 1;
	}
	if ((f = formdef_find(&u.forms, argv[2])) == NULL || fill_values(f, values, argc - 4, argv + 4)) {
		fprintf(stderr, "form_fill: no form %s, or a bad FIELD=VALUE\n", argv[2]);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (submit_request(db, &cfg, f, u.i18n, values, NULL, time(NULL), 1, &s, &cause) != 0) {
			fprintf(stderr, "form_fill: %s\n", cause);
			return 1;
		}
		printf("%s %s\n", s.id, s.receipt);
	}
	db_close(db);
	uidata_free(&u);
	return 0;
}
