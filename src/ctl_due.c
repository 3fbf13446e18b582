/* kioskctl due: the expected result date for a processing time in working
 * days, with the days off it skips, for checking the holiday table. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "clock.h"
#include "ctl.h"

/* Prints the command's help. */
static void due_help(void)
{
	printf("usage: kioskctl due [--from YYYY-MM-DD] [--json] DAYS\n\n"
	       "Prints the day a processing time of DAYS working days ends for a request\n"
	       "received today (or on the --from day), as receipts print it, and every\n"
	       "day off on the way with its reason. Days off: Saturdays, Sundays and the\n"
	       "holiday table %s of the content folder.\n", CALENDAR_FILE);
}

int ctl_due(struct ctl *ctl, int argc, char **argv)
{
	char path[CONFIG_STR + 32], text[11], *cause = NULL, *end;
	struct date from = date_of(time(NULL)), due, d;
	struct calendar *cal;
	json_t *off;
	int json = 0, i, rc, have_days = 0, from_given = 0;
	long days = 0;

	if (ctl_wants_help(argc, argv)) {
		due_help();
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			if (date_parse(argv[++i], &from) != 0)
				return ctl_fail("--from wants a date as YYYY-MM-DD, not \"%s\"", argv[i]);
			from_given = 1;
		} else if (!have_days && argv[i][0] >= '0' && argv[i][0] <= '9') {
			days = strtol(argv[i], &end, 10);
			if (*end != '\0' || days > 3650)
				return ctl_fail("DAYS must be a number of working days (0-3650)");
			have_days = 1;
		} else {
			return ctl_fail("usage: kioskctl due [--from YYYY-MM-DD] [--json] DAYS");
		}
	}
	if (!have_days)
		return ctl_fail("usage: kioskctl due [--from YYYY-MM-DD] [--json] DAYS");
	if (!from_given && !clock_known((long long)time(NULL))) {
		clock_build_date(text, sizeof text);
		return ctl_fail("the booth's clock is wrong (before this program was built on %s):"
				" no date is computed from it; set the time or give --from", text);
	}
	if (config_join(path, sizeof path, ctl->cfg.content_dir, CALENDAR_FILE) != 0)
		return ctl_fail("content folder path too long");
	cal = calendar_load(path, &cause);
	if (cal == NULL) {
		rc = ctl_fail("%s", cause);
		free(cause);
		return rc;
	}
	due = calendar_due(cal, from, (int)days);
	off = json_array();
	for (d = from; d.year < due.year || (d.year == due.year && (d.month < due.month ||
	     (d.month == due.month && d.day <= due.day))); d = date_add(d, 1)) {
		const char *why = calendar_day_off(cal, d);

		if (why == NULL)
			continue;
		date_format(d, text);
		json_array_append_new(off, json_pack("{s:s, s:s}", "date", text, "why", why));
	}
	date_format(due, text);
	if (json) {
		json_t *o = json_pack("{s:s, s:i, s:O}", "due", text, "days", (int)days, "off", off);

		json_dumpf(o, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(o);
	} else {
		size_t k;
		json_t *e;

		printf("%s\n", text);
		json_array_foreach(off, k, e)
			printf("  day off %s  %s\n", json_string_value(json_object_get(e, "date")),
			       json_string_value(json_object_get(e, "why")));
	}
	json_decref(off);
	calendar_free(cal);
	return 0;
}
