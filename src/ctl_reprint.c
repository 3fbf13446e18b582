/* kioskctl reprint CODE: prints (again) the receipt of a saved request on
 * the booth's printer. The kiosk runs it right after saving, in the
 * background, so a slow or missing printer never holds a villager up;
 * helpers run it when a printer failed. Everything printed comes from
 * state.db (the request) and content.db (the procedure's papers, fee and
 * processing time); an expected date is printed only when the published
 * time is a number of working days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"
#include "catalog.h"
#include "clock.h"
#include "ctl.h"
#include "printer.h"
#include "rcode.h"
#include "receipt.h"
#include "slip.h"
#include "spool.h"
#include "util.h"

#define MAX_PAPERS 12

int ctl_reprint(struct ctl *ctl, int argc, char **argv)
{
	const struct config *cfg = &ctl->cfg;
	struct spool_item item;
	struct procedure *page = NULL;
	struct catalog *cat = NULL;
	struct calendar *cal = NULL;
	struct printer *pr = NULL;
	struct receipt r = { 0 };
	struct slip s;
	const char *papers[MAX_PAPERS];
	char code[RCODE_LEN + 1], *cause = NULL, *path, *qr = NULL, when[32];
	struct db *db;
	int rc = 1, days = -1;
	size_t i;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		printf("usage: kioskctl reprint CODE\n\n"
		       "Prints the receipt of the saved request with this receipt code on the\n"
		       "booth's printer ([printer] in the config). Exit status 0 when printed,\n"
		       "1 with the reason when not (no such request, no printer, no paper).\n"
		       "A receipt holds no personal details, so one whose details were erased\n"
		       "([privacy] erase_after_days) prints the same, with a note saying so.\n");
		return argc == 2 ? 0 : 2;
	}
	snprintf(code, sizeof code, "%s", argv[1]);
	rcode_parse(argv[1], code); /* typed without dashes: the saved form */
	db = ctl_db(ctl);
	if (db == NULL)
		return 1;
	if (spool_find(db, code, &item, &cause) != 1)
		return ctl_fail("no saved request with receipt code %s%s%s", code, cause ? ": " : "",
				cause ? cause : "");
	/* A receipt carries no personal details: it prints the same after them. */
	if (item.erased_at != 0)
		printf("the personal details of %s were erased on %s ([privacy] erase_after_days);"
		       " its receipt holds none and is printed as before\n",
		       item.receipt, ctl_time(item.erased_at, when, sizeof when));
	path = xprintf("%s/content.db", cfg->content_dir);
	cat = catalog_open(path, &cause);
	free(path);
	free(cause);
	cause = NULL;
	if (cat && item.procedure_code[0])
		page = catalog_procedure_get(cat, item.procedure_code, &cause);
	free(cause);
	cause = NULL;
	r.commune = cfg->commune;
	r.booth = cfg->booth_id;
	r.code = item.receipt;
	/* Saved while the clock was not set: no time, no expected date. */
	r.submitted = clock_known(item.created_at) ? (time_t)item.created_at : 0;
	r.procedure = page ? page->name : strcmp(item.kind, "feedback") == 0 ? "Phản ánh, kiến nghị" : item.kind;
	if (page) {
		for (i = 0; i < page->npapers && r.npapers < MAX_PAPERS; i++)
			if (page->papers[i].name)
				papers[r.npapers++] = page->papers[i].name + strspn(page->papers[i].name, "- ");
		r.papers = papers;
		if (page->nchannels > 0) {
			r.fee = page->channels[0].fee;
			days = calendar_working_days(page->channels[0].time);
		}
	}
	if (days >= 0 && r.submitted != 0) {
		path = xprintf("%s/%s", cfg->content_dir, CALENDAR_FILE);
		cal = calendar_load(path, &cause);
		free(path);
		free(cause);
		cause = NULL;
		if (cal)
			r.due = calendar_due(cal, date_of(r.submitted), days);
	}
	qr = receipt_qr_payload(cfg->receipt_lookup_url, item.receipt);
	r.qr = qr;
	pr = printer_open(cfg, &cause);
	if (pr == NULL) {
		ctl_fail("%s", cause);
		goto out;
	}
	slip_init(&s, printer_cols(pr));
	receipt_layout(&r, &s);
	if (ctl_print(ctl, pr, &s, "receipt", &cause) != 0)
		ctl_fail("%s", cause);
	else
		rc = 0;
	slip_free(&s);
out:
	free(cause);
	free(qr);
	printer_close(pr);
	calendar_free(cal);
	procedure_free(page);
	catalog_close(cat);
	spool_item_free(&item);
	return rc;
}
