/* kioskctl calls: villagers' calls for a helper ("Gọi cán bộ hỗ trợ" at
 * the booth, calls.h). `list` shows the open ones (--all: the answered
 * ones too), `answer ID` (or `answer all`) marks them answered, with who
 * did it in the audit log. Allowed over SSH. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calls.h"
#include "ctl.h"
#include "db.h"
#include "util.h"

/* Prints the usage. */
static void usage(FILE *out)
{
	fprintf(out, "usage: kioskctl calls [list] [--all] [--json]\n"
		     "       kioskctl calls answer ID|all\n\n"
		     "Calls villagers made for a helper with \"Gọi cán bộ hỗ trợ\" at the booth:\n"
		     "when, from which screen, at which booth; nothing about the villager.\n"
		     "  list    the open calls, oldest first, with their age (--all: answered\n"
		     "          ones too, with when and by whom)\n"
		     "  answer  marks call ID (or every open call) answered\n");
}

/* A call as a JSON object (answered_at and _by null while it is open). */
static json_t *call_json(const struct call_row *c)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o}", "id", (json_int_t)c->id, "at",
			 (json_int_t)c->at, "screen", c->screen, "booth", c->booth, "answered_at",
			 c->answered_at ? json_integer(c->answered_at) : json_null(), "answered_by",
			 c->answered_at ? json_string(c->answered_by) : json_null());
}

/* Prints one listed call: into a JSON array, or as a line. */
static void list_one(const struct call_row *c, void *ctx)
{
	json_t *array = ctx;
	char at[32], answered[32];
	long long age = (long long)time(NULL) - c->at;

	if (array) {
		json_array_append_new(array, call_json(c));
		return;
	}
	printf("%-5lld %s  %-12s %-24s ", c->id, ctl_time(c->at, at, sizeof at), c->booth, c->screen);
	if (c->answered_at)
		printf("answered %s by %s\n", ctl_time(c->answered_at, answered, sizeof answered),
		       c->answered_by);
	else
		printf("OPEN for %lld min\n", age > 0 ? age / 60 : 0);
}

/* `calls list`. */
static int list(struct ctl *ctl, int all, int json)
{
	json_t *array = json ? json_array() : NULL;
	struct db *db = ctl_db(ctl);
	char *cause = NULL;
	int n;

	if (db == NULL) {
		json_decref(array);
		return 1;
	}
	n = calls_list(db, !all, list_one, array, &cause);
	return ctl_list_done(array, n, cause, all ? "no calls for a helper" : "no open calls for a helper");
}

/* `calls answer ID|all`. */
static int answer(struct ctl *ctl, const char *which)
{
	struct db *db = ctl_db(ctl);
	char *end, *cause = NULL, what[96];
	long long id = strtoll(which, &end, 10);
	int rc;

	if (db == NULL)
		return 1;
	if (strcmp(which, "all") != 0 && (*end != '\0' || end == which || id <= 0))
		return ctl_fail("calls answer: ID is a call's number (kioskctl calls), or all");
	rc = strcmp(which, "all") == 0 ? calls_answer_all(db, (long long)time(NULL), ctl_who(), &cause)
				       : calls_answer(db, id, (long long)time(NULL), ctl_who(), &cause);
	if (rc < 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (rc == 0 && strcmp(which, "all") != 0)
		return ctl_fail("no open call %lld (kioskctl calls lists them)", id);
	snprintf(what, sizeof what, "helper call %s answered (%d)", which, rc);
	db_audit(db, ctl_who(), what);
	printf("%d call%s answered\n", rc, rc == 1 ? "" : "s");
	return 0;
}

int ctl_calls(struct ctl *ctl, int argc, char **argv)
{
	int i, all = 0, json = 0, n = 0;
	const char *args[3] = { NULL, NULL, NULL };

	if (ctl_wants_help(argc, argv)) {
		usage(stdout);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (n < 3)
			args[n++] = argv[i];
		else
			n++;
	}
	if (n == 0 || (n == 1 && strcmp(args[0], "list") == 0))
		return list(ctl, all, json);
	if (n == 2 && strcmp(args[0], "answer") == 0 && !all && !json)
		return answer(ctl, args[1]);
	usage(stderr);
	return 2;
}
