/* kioskctl vietqr: the VietQR payment code the booth would show for an
 * amount and a receipt code, for checking the bank settings with a phone. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "qr.h"
#include "vietqr.h"

/* Prints the command's help. */
static void vietqr_help(void)
{
	printf("usage: kioskctl vietqr [--qr | --json] AMOUNT CODE\n\n"
	       "Prints the VietQR payload (EMVCo, NAPAS) for AMOUNT VND (0: the payer\n"
	       "types the amount) with the receipt CODE as the transfer's purpose, from\n"
	       "the [payment] settings: bank_bin, account, service. Exit status 1 with\n"
	       "the reason when the settings are missing or wrong.\n\n"
	       "  --qr    also draw the code in the terminal (black on white) to scan\n"
	       "          with a banking app: it must show the commune's account\n"
	       "  --json  payload, amount, purpose and CRC as JSON\n");
}

/* Draws the payload as a QR code in black on white terminal cells. */
static int draw(const char *payload)
{
	struct qr q;
	char *cause = NULL, **lines;
	int r;

	if (qr_encode(&q, payload, &cause) != 0) {
		r = ctl_fail("%s", cause);
		free(cause);
		return r;
	}
	lines = qr_text(&q, QR_INK_DARK);
	for (r = 0; r < qr_text_rows(&q); r++)
		printf("\033[30;107m%s\033[0m\n", lines[r]);
	free(lines);
	qr_free(&q);
	return 0;
}

/* Parses a whole amount in VND; returns -1 when it is not one. */
static long long parse_amount(const char *s)
{
	char *end;
	long long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	return *end == '\0' ? v : -1;
}

int ctl_vietqr(struct ctl *ctl, int argc, char **argv)
{
	const char *args[2];
	int nargs = 0, show = 0, json = 0, i, rc = 0;
	char *cause = NULL, *payload;
	long long amount;

	if (ctl_wants_help(argc, argv)) {
		vietqr_help();
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--qr") == 0)
			show = 1;
		else if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (argv[i][0] == '-' || nargs == 2)
			return ctl_fail("usage: kioskctl vietqr [--qr | --json] AMOUNT CODE");
		else
			args[nargs++] = argv[i];
	}
	if (nargs != 2 || (show && json))
		return ctl_fail("usage: kioskctl vietqr [--qr | --json] AMOUNT CODE");
	amount = parse_amount(args[0]);
	if (amount < 0)
		return ctl_fail("AMOUNT must be a whole number of VND, not \"%s\"", args[0]);
	payload = vietqr_payload(&ctl->cfg, amount, args[1], &cause);
	if (payload == NULL) {
		rc = ctl_fail("%s", cause);
		free(cause);
		return rc;
	}
	if (json) {
		json_t *o = json_pack("{s:s, s:I, s:s, s:s}", "payload", payload, "amount",
				      (json_int_t)amount, "purpose", args[1],
				      "crc", payload + strlen(payload) - 4);

		json_dumpf(o, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(o);
	} else {
		puts(payload);
		if (show)
			rc = draw(payload);
	}
	free(payload);
	return rc;
}
