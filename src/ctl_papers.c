/* kioskctl papers [CODE...] [--json]: what the content build made of each
 * procedure's published list and time, for a helper to review before a
 * catalog ships: the short names of the papers to bring (papers.h),
 * whether they stand for the whole list, and the processing time the
 * booth counts from (ptime.h) beside the published one. Ends with the
 * counts over the catalog. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "ctl.h"
#include "util.h"

/* What the listing counted. */
struct tally {
	long procedures, timed, complete, partial, none;
};

/* One procedure as JSON. */
static json_t *as_json(const struct procedure *p, struct ptime t, const char *published)
{
	json_t *names = json_array(), *o;
	char days[64];
	size_t i;

	for (i = 0; i < p->npaper_names; i++)
		json_array_append_new(names, json_string(p->paper_names[i]));
	ptime_text(NULL, 0, t, days, sizeof days);
	o = json_pack("{s:s, s:s, s:o, s:b, s:o, s:o, s:o}", "code", p->code, "name", p->name,
		      "papers", names, "complete", p->papers_complete,
		      "time", published ? json_string(published) : json_null(),
		      "days", t.days >= 0 ? json_integer(t.days) : json_null(),
		      "counted", days[0] ? json_string(days) : json_null());
	json_object_set_new(o, "calendar_days", json_boolean(t.days > 0 && t.calendar));
	return o;
}

/* One procedure as text. */
static void as_text(const struct procedure *p, struct ptime t, const char *published)
{
	char days[64];
	size_t i;

	ptime_text(NULL, 0, t, days, sizeof days);
	printf("%s  %s\n", p->code, p->name);
	printf("  time: %s (published: %s)\n", days[0] ? days : "unknown", published ? published : "none");
	printf("  papers: %s\n", p->npaper_names == 0 ? "none named" : p->papers_complete ? "all named"
						  : "some named, the receipt points to the full list");
	for (i = 0; i < p->npaper_names; i++)
		printf("    - %s\n", p->paper_names[i]);
}

/* Lists one procedure by code and counts it. Returns 0, or -1 when it is
 * not in the catalog. */
static int list_one(struct catalog *cat, const char *code, json_t *list, struct tally *n)
{
	struct procedure *p;
	struct ptime t;
	const char *published = NULL;
	char *cause = NULL;
	size_t i;

	if ((p = catalog_procedure_get(cat, code, &cause)) == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		return -1;
	}
	t = procedure_time(p);
	for (i = 0; i < p->nchannels && published == NULL; i++)
		published = p->channels[i].time;
	n->procedures++;
	n->timed += t.days >= 0;
	n->complete += p->npaper_names > 0 && p->papers_complete;
	n->partial += p->npaper_names > 0 && !p->papers_complete;
	n->none += p->npaper_names == 0;
	if (list)
		json_array_append_new(list, as_json(p, t, published));
	else
		as_text(p, t, published);
	procedure_free(p);
	return 0;
}

/* Prints the usage. */
static int usage(int rc)
{
	printf("usage: kioskctl papers [CODE...] [--json]\n\n"
	       "Lists what the content build made of each procedure (or of those given):\n"
	       "the short names of the papers to bring that receipts print, whether they\n"
	       "stand for the whole published list, and the processing time the booth\n"
	       "counts expected dates from, beside the published one. Ends with counts\n"
	       "over the catalog. Exit status 1 when a code is not in the catalog.\n");
	return rc;
}

int ctl_papers(struct ctl *ctl, int argc, char **argv)
{
	struct tally n = { 0 };
	struct catalog *cat;
	json_t *list = NULL;
	char *path, *cause = NULL;
	int i, codes = 0, rc = 0;
	size_t k;

	if (ctl_wants_help(argc, argv))
		return usage(0);
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--json") == 0)
			list = list ? list : json_array();
		else if (argv[i][0] == '-')
			return usage(2);
	path = xprintf("%s/content.db", ctl->cfg.content_dir);
	cat = catalog_open(path, &cause);
	free(path);
	if (cat == NULL) {
		rc = ctl_fail("%s", cause);
		free(cause);
		json_decref(list);
		return rc;
	}
	for (i = 1; i < argc; i++)
		if (argv[i][0] != '-' && ++codes && list_one(cat, argv[i], list, &n) != 0)
			rc = 1;
	for (k = 0; codes == 0 && k < catalog_count(cat); k++)
		list_one(cat, catalog_entry_at(cat, k)->code, list, &n);
	if (list) {
		ctl_json(json_pack("{s:o, s:{s:I, s:I, s:I, s:I, s:I}}", "procedures", list, "counts",
				   "procedures", (json_int_t)n.procedures, "timed", (json_int_t)n.timed,
				   "all_named", (json_int_t)n.complete, "some_named", (json_int_t)n.partial,
				   "none_named", (json_int_t)n.none));
	} else {
		printf("%ld procedures: %ld with a processing time the booth counts; papers all named "
		       "in %ld, some in %ld, none in %ld\n", n.procedures, n.timed, n.complete, n.partial, n.none);
	}
	catalog_close(cat);
	return rc;
}
