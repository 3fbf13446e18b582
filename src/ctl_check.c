/* kioskctl check: validates the config, the screens and the catalogs the
 * booth would load, listing every problem as file:line: message. On a
 * console booth every text must also be drawable with its console font. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "ctl.h"
#include "glyphs.h"
#include "i18n.h"
#include "oldaddr.h"
#include "problems.h"
#include "synonyms.h"
#include "voice.h"
#include "uidata.h"
#include "util.h"
#include "xform.h"

/* True when name is a commune of the catalog's administrative units (the
 * 2025 list): the booth's commune must be one the address picker offers. */
static int commune_known(struct catalog *cat, const char *name)
{
	const struct catalog_unit *hit[32];
	size_t total, n = catalog_search_communes(cat, NULL, name, hit, 32, &total), i;

	for (i = 0; i < n; i++)
		if (strcmp(hit[i]->name, name) == 0)
			return 1;
	return 0;
}

/* Checks that [booth] commune is one of content.db's communes (when the
 * content has a content.db with administrative units). Returns 0 or -1. */
static int check_commune(const struct config *cfg, struct problems *p)
{
	char *path = xprintf("%s/content.db", cfg->content_dir), *cause = NULL;
	struct catalog *cat = access(path, F_OK) == 0 ? catalog_open(path, &cause) : NULL;
	size_t n = 0;
	int rc = 0;

	if (cat && catalog_provinces(cat, &n) && n > 0 && !commune_known(cat, cfg->commune)) {
		problems_add(p, cfg->path[0] ? cfg->path : "config", 0,
			     "[booth] commune \"%s\" is not a commune of the administrative units in "
			     "content.db (the 2025 list)", cfg->commune);
		rc = -1;
	}
	catalog_close(cat);
	free(cause);
	free(path);
	return rc;
}

/* Checks every file matching pattern (under dir) against the font;
 * returns the problems added. */
static int check_files(const struct glyphs *g, const char *font, const char *dir,
		       const char *pattern, struct problems *p)
{
	char *full = xprintf("%s/%s", dir, pattern);
	glob_t gl;
	size_t i;
	int found = 0;

	if (glob(full, 0, NULL, &gl) == 0) {
		for (i = 0; i < gl.gl_pathc; i++)
			found += glyphs_check_file(g, font, gl.gl_pathv[i], gl.gl_pathv[i], p);
		globfree(&gl);
	}
	free(full);
	return found;
}

/* A console booth ([ui] display console, or auto: kiosk.service runs it
 * on tty1) draws only what its console font holds: every line of the
 * screens, forms and catalogs, every text of content.db and the commune's
 * name must be drawable with it. Returns 0 when they are. */
static int check_drawable(const struct config *cfg, const char *db_path, struct problems *p)
{
	static const char *const patterns[] = { "screens/*", "screens/forms/*", "locale/*.po" };
	char *font, *cause = NULL;
	struct glyphs *g;
	int found = 0;
	size_t i;
	uint32_t cp;

	if (cfg->display == DISPLAY_TERMINAL)
		return 0;
	font = glyphs_font_path(cfg->console_font, cfg->console_size);
	g = glyphs_load(font, &cause);
	if (g == NULL) {
		problems_add(p, cfg->path[0] ? cfg->path : "(built-in config)", 0,
			     "[console] font: %s", cause);
		free(cause);
		free(font);
		return -1;
	}
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
		found += check_files(g, font, cfg->content_dir, patterns[i], p);
	if (access(db_path, F_OK) == 0)
		found += glyphs_check_content(g, font, db_path, p) != 0;
	if ((cp = glyphs_missing(g, cfg->commune, strlen(cfg->commune))) != 0) {
		problems_add(p, cfg->path[0] ? cfg->path : "(built-in config)", 0,
			     "[booth] commune: U+%04X cannot be drawn with the console font %s",
			     (unsigned)cp, font);
		found++;
	}
	glyphs_free(g);
	free(font);
	return found == 0 ? 0 : -1;
}

/* The mapping of old communes in content.db: every 2025 commune it names
 * exists in the same province (catalog_old_problems), every name written
 * the modern way (oldaddr.h). Returns 0 when so. */
static int check_old_units(const struct catalog *cat, const char *path, struct problems *p)
{
	size_t n, i, k;
	const char *const *why = catalog_old_problems(cat, &n);
	const struct catalog_old *o;
	int found = (int)n;

	for (i = 0; i < n; i++)
		problems_add(p, path, 0, "%s", why[i]);
	o = catalog_olds(cat, &n);
	for (i = 0; i < n; i++) {
		const char *names[] = { o[i].name, o[i].district, o[i].province };

		for (k = 0; k < 3; k++) {
			char *msg = oldaddr_name_problem(names[k]);

			if (msg != NULL) {
				problems_add(p, path, 0, "old commune %s, %s, %s: %s", o[i].name,
					     o[i].district, o[i].province, msg);
				free(msg);
				found++;
			}
		}
	}
	return found == 0 ? 0 : -1;
}

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
	/* Without the syllable list (a bundle without assets) no word can be
	 * told a typo. */
	if (cat != NULL && catalog_check_synonyms(cat, list ? is_syllable : NULL, text, p, notes) != 0)
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
	int rc = uidata_load(u, cfg, p), before;

	if (uidata_check(u, cfg, p) != 0)
		rc = -1;
	if (check_drawable(cfg, path, p) != 0)
		rc = -1;
	/* Every screen has something to say in every language (voice.h). */
	before = p->n;
	voice_check(&u->screens, &u->forms, u->i18n, cfg, p);
	if (p->n > before || ctl_voice_check(cfg, p) != 0)
		rc = -1;

	if (access(path, F_OK) == 0) {
		cat = catalog_open(path, &cause);
		if (cat == NULL) {
			problems_add(p, path, 0, "%s", cause);
			free(cause);
			rc = -1;
		} else if (check_old_units(cat, path, p) != 0) {
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

/* With [upload] protocol openrosa: the project is set and every form can
 * be an XForm (a request of a form that cannot would not be saved).
 * Returns 0 when so. */
static int check_openrosa(const struct config *cfg, const struct uidata *u, struct problems *p)
{
	char version[XFORM_VERSION_LEN + 1], *cause = NULL, *xml;
	int i, found = 0;

	if (cfg->upload_protocol != PROTOCOL_OPENROSA)
		return 0;
	if (cfg->upload_project <= 0) {
		problems_add(p, cfg->path[0] ? cfg->path : "config", 0,
			     "[upload] protocol openrosa needs [upload] project (ODK Central's project id)");
		found++;
	}
	for (i = 0; i < u->forms.n; i++) {
		if ((xml = xform_write(&u->forms.v[i], u->i18n, version, &cause)) == NULL) {
			problems_add(p, u->forms.v[i].file, 0, "%s", cause);
			free(cause);
			cause = NULL;
			found++;
		}
		free(xml);
	}
	return found == 0 ? 0 : -1;
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
		       "start-up, that [booth] commune is a commune of content.db's\n"
		       "administrative units, content.db's communes before the 2025 reform (each\n"
		       "names 2025 communes of its province, names written the modern way), and the\n"
		       "villagers' words (assets/catalog/synonyms/: their syntax, the same words\n"
		       "twice, a target word no Vietnamese nor the catalog has; a note for a target\n"
		       "no procedure here holds): every problem is listed as file:line: message,\n"
		       "and the exit status is 1 when there is any. Unless [ui] display is terminal,\n"
		       "every character of them (and [booth] commune) must be in the console\n"
		       "font [console] font: one it lacks is named with its file and line.\n"
		       "With [upload] protocol openrosa, [upload] project is set and every form\n"
		       "can be an ODK XForm.\n");
		return 0;
	}
	if (argc > 1)
		return ctl_fail("usage: kioskctl check [--config FILE]");
	rc = ctl_check_content(&ctl->cfg, &u, &p);
	if (check_commune(&ctl->cfg, &p) != 0 || check_openrosa(&ctl->cfg, &u, &p) != 0)
		rc = -1;
	problems_print(&p, stdout, "");
	if (rc == 0) {
		printf("ok: %d screens; languages:", u.screens.n);
		for (i = 0; i < i18n_count(u.i18n); i++)
			printf(" %s", i18n_code(u.i18n, i));
		printf(" (every screen has words to say in each)");
		if (ctl->cfg.display != DISPLAY_TERMINAL) {
			char *font = glyphs_font_path(ctl->cfg.console_font, ctl->cfg.console_size);

			printf("; drawable with the console font %s", font);
			free(font);
		}
		printf("\n");
	} else {
		printf("%d problem%s\n", p.n, p.n == 1 ? "" : "s");
	}
	problems_clear(&p);
	uidata_free(&u);
	return rc == 0 ? 0 : 1;
}
