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
#include "synonyms.h"
#include "uidata.h"
#include "util.h"

/* Adds a problem of the villagers' words to the list. */
static void synonym_problem(void *arg, const char *file, int line, const char *message)
{
	problems_add(arg, file, line, "%s", message);
}

/* True when word is a Vietnamese syllable of the list (text: "\n"
 * then the file assets/vi-syllables.txt). */
static int is_syllable(void *text, const char *word)
{
	char *needle = xprintf("\n%s\n", word);
	int found = text != NULL && strstr(text, needle) != NULL;

	free(needle);
	return found;
}

/* Checks the villagers' words: their sources in the content folder (when
 * there), and what their targets say in the catalog (cat, or NULL); notes
 * (targets that find nothing here) go to notes. Returns 0 when all is
 * well. */
static int check_synonyms(const struct config *cfg, struct catalog *cat, struct problems *p,
			  struct problems *notes)
{
	char *dir = xprintf("%s/assets/catalog/synonyms", cfg->content_dir);
	char *path = xprintf("%s/assets/vi-syllables.txt", cfg->content_dir);
	char *list = file_read(path, NULL), *text = xprintf("\n%s\n", list ? list : "");
	struct syn_rules rules = { 0 };
	int bad = synonyms_load(&rules, dir, dir, synonym_problem, p);

	synonyms_free(&rules);
	if (cat != NULL && catalog_check_synonyms(cat, is_syllable, list ? text : NULL, p, notes) != 0)
		bad++;
	free(text);
	free(list);
	free(path);
	free(dir);
	return bad ? -1 : 0;
}

int ctl_check_content(const struct config *cfg, struct uidata *u, struct problems *p)
{
	char *path = xprintf("%s/content.db", cfg->content_dir), *cause = NULL;
	struct catalog *cat = NULL;
	struct problems notes = { 0 };
	int rc = uidata_load(u, cfg, p);

	if (access(path, F_OK) == 0) {
		cat = catalog_open(path, &cause);
		if (cat == NULL) {
			problems_add(p, path, 0, "%s", cause);
			free(cause);
			rc = -1;
		}
	}
	if (check_synonyms(cfg, cat, p, &notes) != 0)
		rc = -1;
	problems_print(&notes, stdout, "note: ");
	problems_clear(&notes);
	catalog_close(cat);
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
		       "start-up, and the villagers' words (assets/catalog/synonyms/: their syntax,\n"
		       "the same words twice, words that lead to no procedure of content.db): every\n"
		       "problem is listed as file:line: message, and the exit status is 1 when there\n"
		       "is any.\n");
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
