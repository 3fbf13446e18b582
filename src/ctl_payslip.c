/* kioskctl payslip CODE: prints the fee payment slip of a saved request
 * (the procedure, the amount, the commune's account and its VietQR code
 * with the receipt code as the purpose). The kiosk's pay screen runs it in
 * the background; helpers run it when a printer failed. Only a published
 * amount is printed: a free procedure or a fee told at the counter has no
 * slip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "ctl.h"
#include "payment.h"
#include "rcode.h"
#include "receipt.h"
#include "slip.h"
#include "util.h"
#include "vietqr.h"

/* Lays out a payment slip (for ctl_print). */
static void layout(const void *p, struct slip *s)
{
	payslip_layout(p, s);
}

/* Lays out and prints the slip of pay. Returns the exit status. */
static int print(struct ctl *ctl, const struct payment *pay)
{
	const struct config *cfg = &ctl->cfg;
	struct payslip p;
	char *cause = NULL, *qr;
	int rc;

	qr = vietqr_payload(cfg, pay->amount, pay->code, &cause);
	if (qr == NULL) {
		rc = ctl_fail("%s", cause);
		free(cause);
		return rc;
	}
	p = (struct payslip){ cfg->commune, pay->procedure, pay->code, pay->amount,
			      cfg->payment_bank_name, cfg->payment_account,
			      cfg->payment_account_name, qr, time(NULL) };
	rc = ctl_print_job(ctl, layout, &p, "payslip");
	free(qr);
	return rc;
}

int ctl_payslip(struct ctl *ctl, int argc, char **argv)
{
	struct catalog *cat;
	struct payment pay;
	char code[RCODE_LEN + 1], *cause = NULL, *path;
	struct db *db;
	int r, rc;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		printf("usage: kioskctl payslip CODE\n\n"
		       "Prints the fee payment slip of the saved request with this receipt code:\n"
		       "the amount published for its procedure, the [payment] account and its\n"
		       "VietQR code, with the receipt code as the transfer's purpose. Exit status\n"
		       "0 when printed, 1 with the reason when not (no such request, nothing to\n"
		       "pay, a fee told at the counter, no bank settings, no printer).\n");
		return argc == 2 ? 0 : 2;
	}
	snprintf(code, sizeof code, "%s", argv[1]);
	rcode_parse(argv[1], code); /* typed without dashes: the saved form */
	if ((db = ctl_db(ctl)) == NULL)
		return 1;
	path = xprintf("%s/content.db", ctl->cfg.content_dir);
	cat = catalog_open(path, &cause);
	free(path);
	free(cause);
	cause = NULL;
	r = payment_find(db, cat, NULL, 0, code, &pay, &cause);
	if (r != 1) {
		rc = ctl_fail("no saved request with receipt code %s%s%s", code, cause ? ": " : "",
			      cause ? cause : "");
		free(cause);
		catalog_close(cat);
		return rc;
	}
	if (pay.amount == 0)
		rc = ctl_fail("%s: nothing to pay (%s)", pay.code, pay.fee ? pay.fee : "no fee");
	else if (pay.amount == PAYMENT_UNKNOWN)
		rc = ctl_fail("%s: the published fee (%s) is not a plain amount; the counter tells it",
			      pay.code, pay.fee ? pay.fee : "none");
	else
		rc = print(ctl, &pay);
	payment_free(&pay);
	catalog_close(cat);
	return rc;
}
