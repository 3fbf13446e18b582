/* kioskctl search: the booth's procedure search (and address search) over
 * SSH, with the same matching and ranking as the screen. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "ctl.h"
#include "oldaddr.h"
#include "util.h"

/* Prints the usage. */
static void usage(void)
{
	printf("usage: kioskctl search [--json] [--limit N] [--content FILE] QUERY...\n"
	       "       kioskctl search --units [--province CODE] [--json] [--limit N] QUERY...\n\n"
	       "Searches the procedures as the booth does: case and marks do not matter\n"
	       "(\"dang ky khai sinh\" finds \"Đăng ký khai sinh\"), words in any order, each\n"
	       "word a prefix (\"khai si\"), best matches first: words in the name, then in\n"
	       "the field, then in the papers and results.\n\n"
	       "  --units          search communes, wards and special zones instead, also by\n"
	       "                   the names of the communes and districts before 2025\n"
	       "                   (\"hanh duc\" finds Xã Đình Cương, was Xã Hành Đức)\n"
	       "  --province CODE  with --units, only that province's (2-digit code)\n"
	       "  --limit N        show at most N results (default 20)\n"
	       "  --content FILE   the content.db to read (default: content_dir/content.db)\n"
	       "  --json           print {\"query\", \"total\", \"results\": [...]}\n");
}

/* Appends a word to a query being built. */
static char *add_word(char *query, const char *word)
{
	char *q = xprintf("%s%s%s", query, *query ? " " : "", word);

	free(query);
	return q;
}

/* Prints results (objects with "code", "name" and a third key shown in
 * brackets) as text, or as JSON with the query and total. Takes list. */
static void print_results(const char *query, json_t *list, size_t total, int json,
			  const char *third)
{
	size_t i;
	json_t *r;

	if (json) {
		json_t *root = json_pack("{s:s, s:I, s:o}", "query", query, "total", (json_int_t)total,
					 "results", list);

		json_dumpf(root, stdout, JSON_INDENT(1));
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

int ctl_search(struct ctl *ctl, int argc, char **argv)
{
	const char *content = NULL, *province = NULL;
	char path[CONFIG_STR + 16], *query, *cause = NULL, *end;
	int json = 0, units = 0, i;
	long limit = 20;
	struct catalog *cat;
	const void **out;
	size_t n, k, total = 0;
	json_t *list;

	if (ctl_wants_help(argc, argv)) {
		usage();
		return 0;
	}
	/* Options may come anywhere; "--" ends them. */
	query = xstrdup("");
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				query = add_word(query, argv[i]);
		} else if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else if (strcmp(argv[i], "--units") == 0) {
			units = 1;
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			limit = strtol(argv[++i], &end, 10);
			if (*end != '\0' || limit < 1 || limit > 10000) {
				free(query);
				return ctl_fail("--limit wants a number from 1 to 10000");
			}
		} else if (strcmp(argv[i], "--content") == 0 && i + 1 < argc) {
			content = argv[++i];
		} else if (strcmp(argv[i], "--province") == 0 && i + 1 < argc) {
			province = argv[++i];
		} else if (strncmp(argv[i], "--", 2) == 0) {
			free(query);
			return ctl_fail("unknown option %s (try kioskctl search --help)", argv[i]);
		} else {
			query = add_word(query, argv[i]);
		}
	}
	if (query[0] == '\0' || (province && !units)) {
		free(query);
		return ctl_fail(province ? "--province goes with --units"
				: "usage: kioskctl search [--json] QUERY... (try --help)");
	}
	if (content == NULL) {
		if (config_join(path, sizeof path, ctl->cfg.content_dir, "content.db") != 0) {
			free(query);
			return ctl_fail("content folder path too long");
		}
		content = path;
	}
	cat = catalog_open(content, &cause);
	if (cat == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		free(query);
		return 1;
	}
	out = xcalloc((size_t)limit, sizeof *out);
	list = json_array();
	if (units) {
		n = search_units(cat, province, query, (size_t)limit, list, &total);
	} else {
		const struct catalog_entry **e = (const struct catalog_entry **)out;

		n = catalog_search(cat, query, 0, e, (size_t)limit, &total);
		for (k = 0; k < n; k++)
			json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "code", e[k]->code,
							      "name", e[k]->name, "field",
							      e[k]->field_name));
	}
	print_results(query, list, total, json, units ? "province" : "field");
	free(out);
	free(query);
	catalog_close(cat);
	return 0;
}
