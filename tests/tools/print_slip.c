/* Prints one slip on the printer a config file describes, for the script
 * tests: print_slip CONFIG receipt CODE | ticket NUMBER AHEAD |
 * payslip AMOUNT CODE | test. Exit 0 when printed; otherwise the reason on
 * stderr and exit 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "config.h"
#include "printer.h"
#include "receipt.h"
#include "slip.h"
#include "vietqr.h"

/* Lays out the slip the arguments name; returns -1 on bad arguments. */
static int layout(const struct config *cfg, int argc, char **argv, struct slip *s, char **cause)
{
	/* A fixed moment, so runs compare: 08:21 27/11/2026 in Vietnam. */
	time_t at = 1795742460;
	static const char *const papers[] = {
		"Tờ khai đăng ký khai sinh",
		"Giấy chứng sinh (bản chính)",
	};

	if (strcmp(argv[0], "receipt") == 0 && argc == 2) {
		char *qr = receipt_qr_payload(cfg->receipt_lookup_url, argv[1]);
		struct receipt r = {
			.commune = cfg->commune, .booth = cfg->booth_id, .procedure = "Đăng ký khai sinh",
			.code = argv[1], .name = "Nguyễn Thị Kim Thư", .submitted = at, .due = { 2026, 12, 2 },
			.fee = "Miễn phí", .papers = papers, .npapers = 2, .papers_complete = 1, .qr = qr,
		};

		receipt_layout(&r, s);
		free(qr);
		return 0;
	}
	if (strcmp(argv[0], "ticket") == 0 && argc == 3) {
		struct ticket t = { cfg->commune, "Quầy Tư pháp - Hộ tịch", atoi(argv[1]), atoi(argv[2]), at };

		ticket_layout(&t, s);
		return 0;
	}
	if (strcmp(argv[0], "payslip") == 0 && argc == 3) {
		char *qr = vietqr_payload(cfg, atoll(argv[1]), argv[2], cause);
		struct payslip p = {
			cfg->commune, "Cấp bản sao trích lục hộ tịch", argv[2], atoll(argv[1]),
			cfg->payment_bank_name, cfg->payment_account, cfg->payment_account_name, qr, at,
		};

		if (qr == NULL)
			return -1;
		payslip_layout(&p, s);
		free(qr);
		return 0;
	}
	if (strcmp(argv[0], "test") == 0 && argc == 1) {
		testpage_layout(cfg->commune, cfg->booth_id, at, s);
		return 0;
	}
	*cause = strdup("usage: print_slip CONFIG receipt CODE | ticket N AHEAD | payslip AMOUNT CODE | test");
	return -1;
}

int main(int argc, char **argv)
{
	struct config cfg;
	struct printer *p;
	struct slip s;
	char *cause = NULL;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: print_slip CONFIG KIND [ARGS...]\n");
		return 2;
	}
	config_defaults(&cfg);
	if (config_load(&cfg, argv[1], &cause) != 0 || (p = printer_open(&cfg, &cause)) == NULL) {
		fprintf(stderr, "print_slip: %s\n", cause);
		return 1;
	}
	slip_init(&s, printer_cols(p));
	rc = layout(&cfg, argc - 2, argv + 2, &s, &cause);
	if (rc == 0)
		rc = printer_print(p, &s, argv[2], &cause);
	if (rc != 0)
		fprintf(stderr, "print_slip: %s\n", cause);
	free(cause);
	slip_free(&s);
	printer_close(p);
	return rc == 0 ? 0 : 1;
}
