/* kioskctl check: validates the config, the screens and the catalogs the
 * booth would load, listing every problem as file:line: message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "ctl.h"
#include "i18n.h"
#include "problems.h"
#include "uidata.h"
#include "util.h"

int ctl_check_content(const struct config *cfg, struct uidata *u, struct problems *p)
{
	char *path = xprintf("%s/content.db", cfg->content_dir), *cause = NULL;
	int rc = uidata_load(u, cfg, p);

	if (access(path, F_OK) == 0) {
		struct catalog *cat = catalog_open(path, &cause);

		if (cat == NULL) {
			problems_add(p, path, 0, "%s", cause);
			free(cause);
			rc = -1;
		}
		catalog_close(cat);
	}
	free(path);
	return rc;
}

int ctl_check(struct ctl *ctl, int argc, char **argv)
{
	struct problems p = { 0 };
	struct uidata u = { 0 };
	int rc, i;

	if (ctl_wants_help(argc, argv)) {
		printf("usage: kioskctl check [--config FILE]\n\n"
		       "Checks the config file (already read when this runs), then the\n"
		       "screens/, locale/ and content.db of the content folder, as the kiosk would at\n"
		       "start-up: every problem is listed as file:line: message, and the\n"
		       "exit status is 1 when there is any.\n");
		return 0;
	}
	if (argc > 1)
		return ctl_fail("usage: kioskctl check [--config FILE]");
	rc = ctl_check_content(&ctl->cfg, &u, &p);
	problems_print(&p, stdout, "");
	if (rc == 0) {
		printf("ok: %d screens; languages:", u.screens.n);
		for (i = 0; i < i18n_count(u.i18n); i++)
			printf(" %s", i18n_code(u.i18n, i));
		printf("\n");
	} else {
		printf("%d problem%s\n", p.n, p.n == 1 ? "" : "s");
	}
	problems_clear(&p);
	uidata_free(&u);
	return rc == 0 ? 0 : 1;
}
