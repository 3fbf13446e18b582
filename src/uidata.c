/* Loading the screens and catalogs of a content folder (see uidata.h). */
#include "uidata.h"

#include <stdlib.h>

#include "config.h"
#include "i18n.h"
#include "problems.h"
#include "util.h"
#include "view.h"

int uidata_load(struct uidata *u, const struct config *cfg, struct problems *p)
{
	int before = p->n;
	char *dir;

	dir = xprintf("%s/locale", cfg->content_dir);
	u->i18n = i18n_load(dir, p);
	free(dir);
	dir = xprintf("%s/screens", cfg->content_dir);
	screendef_load(&u->screens, dir, p);
	free(dir);
	dir = xprintf("%s/screens/forms", cfg->content_dir);
	formdef_load(&u->forms, dir, p);
	free(dir);
	dir = xprintf("%s/screens/queue.counters", cfg->content_dir);
	counters_load(&u->counters, dir, p);
	free(dir);
	dir = xprintf("%s/%s", cfg->content_dir, HOURS_FILE);
	hours_load(&u->hours, dir, p);
	free(dir);
	return p->n == before ? 0 : -1;
}

int uidata_check(const struct uidata *u, const struct config *cfg, struct problems *p)
{
	int before = p->n;

	i18n_load_all(u->i18n, p);
	counters_check(&u->counters, u->i18n, p);
	view_check(&u->screens, &u->forms, u->i18n, cfg, p);
	return p->n == before ? 0 : -1;
}

void uidata_free(struct uidata *u)
{
	screendef_free(&u->screens);
	formdef_free(&u->forms);
	counters_free(&u->counters);
	i18n_free(u->i18n);
	u->i18n = NULL;
}
