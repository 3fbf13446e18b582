/* kioskctl reprint CODE: prints (again) the receipt of a saved request on
 * the booth's printer. The kiosk runs it right after saving, in the
 * background, so a slow or missing printer never holds a villager up;
 * helpers run it when a printer failed. Everything printed comes from
 * state.db (the request: its code, time and the name typed), the forms
 * (the procedure's short name, which field is the name) and content.db
 * (the papers' short names, fee and processing time); the expected date
 * is counted from the processing time when the catalog gives one the
 * booth can read (ptime.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calendar.h"
#include "catalog.h"
#include "clock.h"
#include "ctl.h"
#include "formdef.h"
#include "money.h"
#include "problems.h"
#include "rcode.h"
#include "receipt.h"
#include "slip.h"
#include "spool.h"
#include "util.h"

/* What a receipt reads besides the request: the forms, the catalog's
 * page and the holiday table, each optional. */
struct sources {
	struct forms forms;
	struct catalog *cat;
	struct procedure *page;
	struct calendar *cal;
};

/* The name typed in the first name field of the request's form, or NULL
 * (an anonymous feedback, details erased). A new string. */
static char *typed_name(const struct form *form, const char *body)
{
	json_t *doc = body ? json_loads(body, 0, NULL) : NULL;
	json_t *fields = json_object_get(doc, "fields");
	char *name = NULL;
	int i;

	for (i = 0; form != NULL && i < form->nfields && name == NULL; i++) {
		const char *v = json_string_value(json_object_get(fields, form->fields[i].id));

		if (form->fields[i].type == FT_NAME && v != NULL && *v != '\0')
			name = xstrdup(v);
	}
	json_decref(doc);
	return name;
}

/* Opens what the receipt of item reads; what is missing stays out. */
static void open_sources(const struct config *cfg, const struct spool_item *item, struct sources *src)
{
	struct problems problems = { 0 };
	char *path, *cause = NULL;

	memset(src, 0, sizeof *src);
	path = xprintf("%s/screens/forms", cfg->content_dir);
	formdef_load(&src->forms, path, &problems);
	free(path);
	problems_clear(&problems);
	path = xprintf("%s/content.db", cfg->content_dir);
	src->cat = catalog_open(path, &cause);
	free(path);
	free(cause);
	cause = NULL;
	if (src->cat && item->procedure_code[0])
		src->page = catalog_procedure_get(src->cat, item->procedure_code, &cause);
	free(cause);
	cause = NULL;
	path = xprintf("%s/%s", cfg->content_dir, CALENDAR_FILE);
	src->cal = calendar_load(path, &cause);
	free(path);
	free(cause);
}

/* Frees what open_sources opened. */
static void close_sources(struct sources *src)
{
	calendar_free(src->cal);
	procedure_free(src->page);
	catalog_close(src->cat);
	formdef_free(&src->forms);
}

/* Fills the receipt of item from its sources (strings borrowed from them,
 * the fee and name new, to free). */
static void fill(const struct config *cfg, const struct spool_item *item, const struct sources *src,
		 struct receipt *r, char **fee, char **name)
{
	const struct form *form = formdef_find(&src->forms, item->procedure_code[0] ? item->procedure_code
										     : item->kind);
	const struct procedure *page = src->page;
	struct ptime t = page ? procedure_time(page) : (struct ptime){ -1, 0 };

	r->commune = cfg->commune;
	r->booth = cfg->booth_id;
	r->code = item->receipt;
	/* Saved while the clock was not set: no time, no expected date. */
	r->submitted = clock_known(item->created_at) ? (time_t)item->created_at : 0;
	r->feedback = strcmp(item->kind, "feedback") == 0;
	r->procedure = form ? form->title : page ? page->name
		: r->feedback ? "Phản ánh, kiến nghị" : item->kind;
	*name = typed_name(form, item->body);
	r->name = *name;
	*fee = page && page->nchannels > 0 ? money_fee(NULL, 0, page->channels[0].fee,
						       page->channels[0].fee_vnd,
						       page->channels[0].fee_note) : NULL;
	r->fee = *fee;
	if (page) {
		r->papers = page->paper_names;
		r->npapers = (int)page->npaper_names;
		r->papers_complete = page->papers_complete;
	}
	if (t.days >= 0 && r->submitted != 0 && src->cal)
		r->due = ptime_due(src->cal, date_of(r->submitted), t);
}

/* Lays out a receipt (for ctl_print). */
static void layout(const void *r, struct slip *s)
{
	receipt_layout(r, s);
}

int ctl_reprint(struct ctl *ctl, int argc, char **argv)
{
	const struct config *cfg = &ctl->cfg;
	struct spool_item item;
	struct sources src;
	struct receipt r = { 0 };
	char code[RCODE_LEN + 1], *cause = NULL, *qr, *fee = NULL, *name = NULL, when[32];
	struct db *db;
	int rc;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		printf("usage: kioskctl reprint CODE\n\n"
		       "Prints the receipt of the saved request with this receipt code on the\n"
		       "booth's printer ([printer] in the config). Exit status 0 when printed,\n"
		       "1 with the reason when not (no such request, no printer, no paper).\n"
		       "The receipt shows the name typed in the request; once its personal\n"
		       "details were erased ([privacy] erase_after_days) it prints without it.\n");
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
	if (item.erased_at != 0)
		printf("the personal details of %s were erased on %s ([privacy] erase_after_days);"
		       " its receipt is printed without the name\n",
		       item.receipt, ctl_time(item.erased_at, when, sizeof when));
	open_sources(cfg, &item, &src);
	fill(cfg, &item, &src, &r, &fee, &name);
	qr = receipt_qr_payload(cfg->receipt_lookup_url, item.receipt);
	r.qr = qr;
	rc = ctl_print_job(ctl, layout, &r, "receipt");
	free(qr);
	free(fee);
	if (name)
		wipe(name, strlen(name));
	free(name);
	close_sources(&src);
	spool_item_free(&item);
	return rc;
}
