/* kioskctl search: the booth's procedure search (and address search) over
 * SSH, with the same matching and ranking as the screen. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "ctl.h"
#include "formdef.h"
#include "oldaddr.h"
#include "problems.h"
#include "util.h"

/* Prints the usage. */
static void usage(void)
{
	printf("usage: kioskctl search [--json] [--limit N] [--content FILE] QUERY...\n"
	       "       kioskctl search [--json] [--limit N] [--content FILE] --stdin\n"
	       "       kioskctl search --units [--province CODE] [--json] [--limit N] QUERY...\n\n"
	       "Searches the procedures as the booth does: case and marks do not matter\n"
	       "(\"dang ky khai sinh\" finds \"Đăng ký khai sinh\"), words in any order, each\n"
	       "word a prefix (\"khai si\"), also read as Telex or VNI keys compose and\n"
	       "with the villagers' words of the catalog (\"so do\"), typos put right when\n"
	       "nothing matches. The order is the booth's: words side by side first, in\n"
	       "the name, then the field, then the papers; then procedures the booth has a\n"
	       "form for (screens/forms/ of the content folder) and those of a commune.\n\n"
	       "  --units          search communes, wards and special zones instead, also by\n"
	       "                   the names of the communes and districts before 2025\n"
	       "                   (\"hanh duc\" finds Xã Đình Cương, was Xã Hành Đức)\n"
	       "  --province CODE  with --units, only that province's (2-digit code)\n"
	       "  --limit N        show at most N results (default 20)\n"
	       "  --content FILE   the content.db to read (default: content_dir/content.db)\n"
	       "  --stdin          search each line of standard input (with --json, one\n"
	       "                   object a line)\n"
	       "  --json           print {\"query\", \"total\", \"results\": [...]}\n");
}

/* Tells the catalog the booth's request forms (those of the content
 * folder), so that it ranks as the booth does. */
static void mark_forms(struct ctl *ctl, struct catalog *cat)
{
	char *dir = xprintf("%s/screens/forms", ctl->cfg.content_dir);
	struct forms fs = { 0 };
	struct problems p = { 0 };

	formdef_load(&fs, dir, &p);
	catalog_mark_forms(cat, &fs);
	formdef_free(&fs);
	problems_clear(&p);
	free(dir);
}

/* Appends a word to a query being built. */
static char *add_word(char *query, const char *word)
{
	char *q = xprintf("%s%s%s", query, *query ? " " : "", word);

	free(query);
	return q;
}

/* What the command was asked. */
struct opts {
	const char *content, *province;
	int json, units, from_stdin;
	long limit;
	char *query;
};

/* Prints results (objects with "code", "name" and a third key shown in
 * brackets) as text, or as JSON with the query and total (on one line
 * when compact). Takes list. */
static void print_results(const struct opts *o, const char *query, json_t *list, size_t total)
{
	const char *third = o->units ? "province" : "field";
	size_t i;
	json_t *r;

	if (o->json) {
		json_t *root = json_pack("{s:s, s:I, s:o}", "query", query, "total", (json_int_t)total,
					 "results", list);

		json_dumpf(root, stdout, o->from_stdin ? JSON_COMPACT : JSON_INDENT(1));
		fputc('\n', stdout);
		json_decref(root);
		return;
	}
	json_array_foreach(list, i, r) {
		json_t *was = json_object_get(r, "was");

		printf("%2zu. %-10s %s  [%s]", i + 1, json_string_value(json_object_get(r, "code")),
		       json_string_value(json_object_get(r, "name")),
		       json_string_value(json_object_get(r, third)));
		if (was != NULL)
			printf("  (was %s)", json_string_value(was));
		printf("\n");
	}
	printf("%zu of %zu shown\n", json_array_size(list), total);
	json_decref(list);
}

/* Searches the communes by their names and the names they had before 2025
 * into list; a commune found by an old name says which ("was"). Returns
 * the number found. */
static size_t search_units(struct catalog *cat, const char *province, const char *query,
			   size_t limit, json_t *list, size_t *total)
{
	struct catalog_place *u = xcalloc(limit, sizeof *u);
	size_t n = catalog_search_places(cat, province, query, u, limit, total), k;

	for (k = 0; k < n; k++) {
		json_t *r = json_pack("{s:s, s:s, s:s, s:s}", "code", u[k].unit->code, "name",
				      u[k].unit->name, "province_code", u[k].unit->province->code,
				      "province", u[k].unit->province->name);

		if (u[k].was != NULL) {
			char *was = oldaddr_old_name(u[k].was);

			json_object_set_new(r, "was", json_string(was));
			free(was);
		}
		json_array_append_new(list, r);
	}
	free(u);
	return n;
}

/* Runs one search and prints its results. */
static void search_one(const struct opts *o, struct catalog *cat, const char *query)
{
	const void **out = xcalloc((size_t)o->limit, sizeof *out);
	json_t *list = json_array();
	size_t n, k, total = 0;

	if (o->units) {
		n = search_units(cat, o->province, query, (size_t)o->limit, list, &total);
	} else {
		const struct catalog_entry **e = (const struct catalog_entry **)out;

		n = catalog_search(cat, query, 0, e, (size_t)o->limit, &total);
		for (k = 0; k < n; k++)
			json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "code", e[k]->code,
							      "name", e[k]->name, "field",
							      e[k]->field_name));
	}
	print_results(o, query, list, total);
	free(out);
}

/* Runs each line of standard input as a search. */
static void search_lines(const struct opts *o, struct catalog *cat)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, stdin)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		search_one(o, cat, line);
		fflush(stdout);
	}
	free(line);
}

/* Reads the options (anywhere; "--" ends them) and the query's words.
 * Returns 0, or the exit status after saying what is wrong. */
static int parse(int argc, char **argv, struct opts *o)
{
	char *end;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				o->query = add_word(o->query, argv[i]);
		} else if (strcmp(argv[i], "--json") == 0) {
			o->json = 1;
		} else if (strcmp(argv[i], "--units") == 0) {
			o->units = 1;
		} else if (strcmp(argv[i], "--stdin") == 0) {
			o->from_stdin = 1;
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			o->limit = strtol(argv[++i], &end, 10);
			if (*end != '\0' || o->limit < 1 || o->limit > 10000)
				return ctl_fail("--limit wants a number from 1 to 10000");
		} else if (strcmp(argv[i], "--content") == 0 && i + 1 < argc) {
			o->content = argv[++i];
		} else if (strcmp(argv[i], "--province") == 0 && i + 1 < argc) {
			o->province = argv[++i];
		} else if (strncmp(argv[i], "--", 2) == 0) {
			return ctl_fail("unknown option %s (try kioskctl search --help)", argv[i]);
		} else {
			o->query = add_word(o->query, argv[i]);
		}
	}
	if (o->province && !o->units)
		return ctl_fail("--province goes with --units");
	if ((o->query[0] == '\0') == !o->from_stdin)
		return ctl_fail(o->from_stdin ? "--stdin reads the queries: give no QUERY"
				: "usage: kioskctl search [--json] QUERY... (try --help)");
	return 0;
}

int ctl_search(struct ctl *ctl, int argc, char **argv)
{
	struct opts o = { .limit = 20 };
	char path[CONFIG_STR + 16], *cause = NULL;
	struct catalog *cat;
	int rc;

	if (ctl_wants_help(argc, argv)) {
		usage();
		return 0;
	}
	o.query = xstrdup("");
	rc = parse(argc, argv, &o);
	if (rc == 0 && o.content == NULL) {
		if (config_join(path, sizeof path, ctl->cfg.content_dir, "content.db") != 0)
			rc = ctl_fail("content folder path too long");
		o.content = path;
	}
	if (rc == 0 && (cat = catalog_open(o.content, &cause)) == NULL) {
		rc = ctl_fail("%s", cause);
		free(cause);
	}
	if (rc != 0) {
		free(o.query);
		return rc;
	}
	mark_forms(ctl, cat);
	if (o.from_stdin)
		search_lines(&o, cat);
	else
		search_one(&o, cat, o.query);
	free(o.query);
	catalog_close(cat);
	return 0;
}
