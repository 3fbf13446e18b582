/* kioskctl content: the booth's catalog (content.db) and its sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "content.h"
#include "ctl.h"
#include "util.h"

/* Prints one problem of the sources, with the source folder in front. */
static void report(void *arg, const char *problem)
{
	fprintf(stderr, "%s/%s\n", (const char *)arg, problem);
}

/* content build SRC OUT */
static int content_build_cmd(int argc, char **argv)
{
	struct catalog *cat;
	size_t nfields, nprov, ncomm = 0, i;
	char *cause = NULL;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl content build SRC OUT\n\n"
		       "Checks the catalog sources in the folder SRC (procedures/, units/,\n"
		       "announcements/: see docs/content.md) and writes the booth's content.db\n"
		       "to OUT. Every problem is printed as 'file: message' and nothing is\n"
		       "written when there is one. OUT is replaced atomically: readers see the\n"
		       "old file or the new one, never a half-written one.\n");
		return 0;
	}
	if (argc != 3)
		return ctl_fail("usage: kioskctl content build SRC OUT");
	if (content_build(argv[1], argv[2], report, argv[1], &cause) != 0) {
		ctl_fail("%s; %s left unchanged", cause, argv[2]);
		free(cause);
		return 1;
	}
	cat = catalog_open(argv[2], &cause);
	if (cat == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	catalog_fields(cat, &nfields);
	catalog_provinces(cat, &nprov);
	for (i = 0; i < nprov; i++) {
		size_t n;

		catalog_communes(cat, catalog_provinces(cat, &nprov)[i].code, &n);
		ncomm += n;
	}
	printf("%s: %zu procedures in %zu fields, %zu provinces, %zu communes\n", argv[2],
	       catalog_count(cat), nfields, nprov, ncomm);
	catalog_close(cat);
	return 0;
}

int ctl_content(struct ctl *ctl, int argc, char **argv)
{
	int rc;

	if (argc >= 2 && strcmp(argv[1], "build") == 0)
		return content_build_cmd(argc - 1, argv + 1);
	if (argc >= 2 && (rc = ctl_content_release(ctl, argc - 1, argv + 1)) >= 0)
		return rc;
	if (argc < 2 || ctl_wants_help(argc, argv)) {
		FILE *out = argc < 2 ? stderr : stdout;

		fprintf(out, "usage: kioskctl content build SRC OUT\n");
		ctl_content_release_usage(out);
		fprintf(out, "\n  build     check catalog sources and write content.db\n"
			     "  pack      make a signed bundle of a content folder\n"
			     "  install   install a signed bundle, switching atomically\n"
			     "  rollback  go back to the previous version\n"
			     "  list      the versions kept on this booth\n"
			     "  verify    check installed files against their signed manifest\n\n"
			     "'kioskctl content SUBCOMMAND --help' tells more.\n");
		return argc < 2 ? 2 : 0;
	}
	return ctl_fail("unknown 'content' command '%s' (try kioskctl content --help)", argv[1]);
}
