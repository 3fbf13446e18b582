/* kioskctl checklist CODE: prints a procedure's checklist for a villager
 * to take home: the papers to bring (their short names, then the other
 * published papers when those do not stand for the whole list), the fee,
 * the processing time, where to submit and a QR code of its page, from
 * content.db. The kiosk's procedure page runs it in the background ("In
 * danh sách giấy tờ"), so a slow printer never holds the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "clock.h"
#include "ctl.h"
#include "money.h"
#include "receipt.h"
#include "slip.h"
#include "util.h"

/* The published papers that are not among the short names: those to
 * hand in or show (not notes), as published, into a new array of *n. */
static const char **other_papers(const struct procedure *page, int *n)
{
	const char **out = xcalloc(page->npapers + 1, sizeof *out);
	size_t i;

	*n = 0;
	for (i = 0; i < page->npapers; i++) {
		const struct procedure_paper *pp = &page->papers[i];
		const char *text = pp->name ? pp->name : pp->text;

		if (text != NULL && !(pp->original == 0 && pp->copy <= 0))
			out[(*n)++] = text + strspn(text, "-+* ");
	}
	return out;
}

/* Lays out a checklist (for ctl_print). */
static void layout(const void *c, struct slip *s)
{
	checklist_layout(c, s);
}

/* Lays out and prints the checklist of page. Returns the exit status. */
static int print(struct ctl *ctl, const struct procedure *page)
{
	const struct config *cfg = &ctl->cfg;
	struct checklist c = { 0 };
	char *fee = NULL, days[64];
	const char **others;
	time_t now = time(NULL);
	int rc;

	if (page->nchannels > 0)
		fee = money_fee(NULL, 0, page->channels[0].fee, page->channels[0].fee_vnd,
				page->channels[0].fee_note);
	ptime_text(NULL, 0, procedure_time(page), days, sizeof days);
	others = other_papers(page, &c.nothers);
	c = (struct checklist){ cfg->commune, page->name, fee,
				days[0] ? days : page->nchannels > 0 ? page->channels[0].time : NULL,
				page->where, page->paper_names, (int)page->npaper_names, page->papers_complete,
				others, c.nothers, page->source ? page->source : page->code,
				clock_known((long long)now) ? now : 0 };
	rc = ctl_print_job(ctl, layout, &c, "checklist");
	free(others);
	free(fee);
	return rc;
}

int ctl_checklist(struct ctl *ctl, int argc, char **argv)
{
	const struct config *cfg = &ctl->cfg;
	struct procedure *page;
	struct catalog *cat;
	char *path, *cause = NULL;
	int rc;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		printf("usage: kioskctl checklist CODE\n\n"
		       "Prints the checklist of the procedure with this official code (papers\n"
		       "to bring, fee, processing time, where to submit, a QR code of its page)\n"
		       "on the booth's printer. Exit status 0 when printed, 1 with the reason.\n");
		return argc == 2 ? 0 : 2;
	}
	path = xprintf("%s/content.db", cfg->content_dir);
	cat = catalog_open(path, &cause);
	free(path);
	if (cat == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	page = catalog_procedure_get(cat, argv[1], &cause);
	if (page == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		catalog_close(cat);
		return 1;
	}
	rc = print(ctl, page);
	procedure_free(page);
	catalog_close(cat);
	return rc;
}
