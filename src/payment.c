/* A saved request's fee: the spool's request, the catalog's procedure. */
#include "payment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "i18n.h"
#include "money.h"
#include "util.h"

long long payment_amount(const struct procedure *page)
{
	const struct procedure_channel *c;

	if (page == NULL || page->nchannels == 0)
		return PAYMENT_UNKNOWN;
	c = &page->channels[0];
	if (c->fee_vnd < 0)
		return PAYMENT_UNKNOWN;
	if (money_unit(c->fee_note) != NULL)
		return PAYMENT_UNKNOWN; /* "2,000 đồng" "/trang": per page */
	return c->fee_vnd;
}

int payment_find(struct db *db, struct catalog *cat, const struct i18n *t, int lang,
		 const char *code, struct payment *out, char **cause)
{
	struct spool_item item;
	struct procedure *page = NULL;
	char *why = NULL;
	int r;

	memset(out, 0, sizeof *out);
	r = spool_find(db, code, &item, cause);
	if (r != 1)
		return r;
	snprintf(out->code, sizeof out->code, "%s", item.receipt);
	if (item.procedure_code[0] == '\0') {
		out->procedure = xstrdup(strcmp(item.kind, "feedback") == 0 ? N_("Phản ánh, kiến nghị")
									 : item.kind);
		out->amount = 0;
		spool_item_free(&item);
		return 1;
	}
	if (cat)
		page = catalog_procedure_get(cat, item.procedure_code, &why);
	free(why);
	out->procedure = xstrdup(page ? page->name : item.procedure_code);
	out->amount = payment_amount(page);
	if (page && page->nchannels > 0)
		out->fee = money_fee(t, lang, page->channels[0].fee, page->channels[0].fee_vnd,
				     page->channels[0].fee_note);
	procedure_free(page);
	spool_item_free(&item);
	return 1;
}

void payment_free(struct payment *p)
{
	free(p->procedure);
	free(p->fee);
	memset(p, 0, sizeof *p);
}
