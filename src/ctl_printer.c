/* kioskctl printer test: prints the test page (Vietnamese text in every
 * size, a frame, a QR code holding Vietnamese text) on the configured
 * printer, saying what failed. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "ctl.h"
#include "printer.h"
#include "receipt.h"
#include "slip.h"

/* Prints the command's help. */
static void printer_help(void)
{
	printf("usage: kioskctl printer test [--json]\n\n"
	       "Prints a test page on the printer of the config ([printer]): Vietnamese\n"
	       "letters with every mark, large text, a framed number and a QR code that\n"
	       "holds Vietnamese text. Scan the code with a phone: it must read\n"
	       "\"%s\"\n"
	       "A file printer writes NNNNNN-test.pbm (the picture) and\n"
	       "NNNNNN-test.escpos (the bytes) into its folder. When printing fails the\n"
	       "reason is printed and the exit status is 1.\n", receipt_test_text);
}

int ctl_printer(struct ctl *ctl, int argc, char **argv)
{
	const struct config *cfg = &ctl->cfg;
	const char *type = config_word("printer", "type", cfg->printer_type);
	const char *codepage = config_word("printer", "codepage", cfg->printer_codepage);
	const char *path = cfg->printer_type == PRINTER_COMMAND ? cfg->printer_command
								 : cfg->printer_path;
	struct printer *p;
	struct slip s;
	char *cause = NULL;
	int json = 0, i, rc;

	if (ctl_wants_help(argc, argv)) {
		printer_help();
		return 0;
	}
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") != 0)
			return ctl_fail("unknown option '%s' (try kioskctl printer --help)", argv[i]);
		json = 1;
	}
	if (argc < 2 || strcmp(argv[1], "test") != 0)
		return ctl_fail("usage: kioskctl printer test [--json]");
	p = printer_open(cfg, &cause);
	if (p == NULL) {
		rc = ctl_fail("%s", cause);
		free(cause);
		return rc;
	}
	slip_init(&s, printer_cols(p));
	testpage_layout(cfg->commune, cfg->booth_id,
			clock_known((long long)time(NULL)) ? time(NULL) : 0, &s);
	rc = ctl_print(ctl, p, &s, "test", &cause);
	if (json) {
		json_t *o = json_pack("{s:b, s:s, s:s, s:i, s:s, s:s?}", "ok", rc == 0,
				      "type", type, "path", path, "width", cfg->printer_width,
				      "codepage", codepage, "error", cause);

		json_dumpf(o, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(o);
	} else if (rc == 0) {
		printf("printed the test page: %s printer %s, %d mm, %s\n", type, path,
		       cfg->printer_width, codepage);
	} else {
		ctl_fail("printing failed: %s", cause);
	}
	free(cause);
	slip_free(&s);
	printer_close(p);
	return rc == 0 ? 0 : 1;
}
