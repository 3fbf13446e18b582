/* kioskctl xform: writes the ODK XForm of a request form (xform.h), for
 * ODK Central or any OpenRosa server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "problems.h"
#include "uidata.h"
#include "util.h"
#include "xform.h"

int ctl_load_forms(const struct config *cfg, struct uidata *u)
{
	struct problems p = { 0 };

	memset(u, 0, sizeof *u);
	if (uidata_load(u, cfg, &p) != 0) {
		problems_print(&p, stderr, "kioskctl: ");
		problems_clear(&p);
		uidata_free(u);
		return -1;
	}
	return 0;
}

/* Writes one form's XForm to dir/ID.xml, or to stdout when dir is NULL. */
static int write_one(const struct uidata *u, const struct form *f, const char *dir)
{
	char version[XFORM_VERSION_LEN + 1], *cause = NULL, *path;
	char *xml = xform_write(f, u->i18n, version, &cause);
	int rc = 0;

	if (xml == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (dir == NULL) {
		fputs(xml, stdout);
	} else {
		path = xprintf("%s/%s.xml", dir, f->id);
		if (file_write(path, xml, strlen(xml)) != 0)
			rc = ctl_fail("cannot write %s", path);
		else
			printf("%s %s %s\n", f->id, version, path);
		free(path);
	}
	free(xml);
	return rc;
}

/* Prints the command's help. */
static void usage(void)
{
	printf("usage: kioskctl xform FORM\n"
	       "       kioskctl xform --all DIR\n\n"
	       "Writes the ODK XForm of the request form FORM (its file name under\n"
	       "screens/forms without .form, e.g. 10-khai-sinh, or its procedure code)\n"
	       "to standard output; with --all, every form into DIR/FORM.xml, printing\n"
	       "\"FORM VERSION FILE\" for each. Labels are in every language of locale/,\n"
	       "Vietnamese first; the version changes whenever the XForm changes.\n"
	       "'kioskctl central publish' publishes them (docs/odk-central.md).\n");
}

int ctl_xform(struct ctl *ctl, int argc, char **argv)
{
	struct uidata u;
	const struct form *f;
	int rc = 0, i;

	if (ctl_wants_help(argc, argv)) {
		usage();
		return 0;
	}
	if (argc != 2 && !(argc == 3 && strcmp(argv[1], "--all") == 0))
		return ctl_fail("usage: kioskctl xform FORM | --all DIR");
	if (ctl_load_forms(&ctl->cfg, &u) != 0)
		return 1;
	if (argc == 3) {
		if (mkdir_p(argv[2], 0755) != 0)
			rc = ctl_fail("cannot create %s", argv[2]);
		for (i = 0; rc == 0 && i < u.forms.n; i++)
			rc = write_one(&u, &u.forms.v[i], argv[2]);
	} else if ((f = formdef_find(&u.forms, argv[1])) == NULL) {
		rc = ctl_fail("xform: no form \"%s\" under %s/screens/forms", argv[1],
			      ctl->cfg.content_dir);
	} else {
		rc = write_one(&u, f, NULL);
	}
	uidata_free(&u);
	return rc;
}
