/* kioskctl checklist CODE: prints a procedure's checklist for a villager
 * to take home: the papers to bring (originals and copies, the form), the
 * fee, the processing time and where to submit, from content.db. The
 * kiosk's procedure page runs it in the background ("In danh sách giấy
 * tờ"), so a slow printer never holds the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "clock.h"
#include "ctl.h"
#include "printer.h"
#include "slip.h"
#include "util.h"

/* One paper as a line: its name, how many originals and copies, its form. */
static char *paper_line(const struct procedure_paper *pp)
{
	const char *name = pp->name ? pp->name + strspn(pp->name, "- ") : pp->text;
	char count[64] = "";

	if (pp->original > 0 && pp->copy > 0)
		snprintf(count, sizeof count, " (%d bản chính, %d bản sao)", pp->original, pp->copy);
	else if (pp->original > 0)
		snprintf(count, sizeof count, " (%d bản chính)", pp->original);
	else if (pp->copy > 0)
		snprintf(count, sizeof count, " (%d bản sao)", pp->copy);
	return xprintf("- %s%s%s%s", name ? name : "", count, pp->form ? " - " : "",
		       pp->form ? pp->form : "");
}

int ctl_checklist(struct ctl *ctl, int argc, char **argv)
{
	const struct config *cfg = &ctl->cfg;
	struct procedure *page;
	struct catalog *cat;
	struct printer *pr;
	struct slip s;
	char *path, *cause = NULL, when[32];
	time_t now = time(NULL);
	struct tm tm;
	size_t i;
	int rc = 1;

	if (ctl_wants_help(argc, argv) || argc != 2) {
		printf("usage: kioskctl checklist CODE\n\n"
		       "Prints the checklist of the procedure with this official code (papers\n"
		       "to bring, fee, processing time, where to submit) on the booth's\n"
		       "printer. Exit status 0 when printed, 1 with the reason when not.\n");
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
	pr = printer_open(cfg, &cause);
	if (pr == NULL) {
		ctl_fail("%s", cause);
		goto out;
	}
	localtime_r(&now, &tm);
	if (!clock_known((long long)now))
		snprintf(when, sizeof when, "chưa rõ giờ"); /* the booth's clock is not set */
	else
		strftime(when, sizeof when, "%H:%M %d/%m/%Y", &tm);
	slip_init(&s, printer_cols(pr));
	slip_text(&s, SLIP_CENTER, 1, 0, cfg->commune);
	slip_text(&s, SLIP_CENTER, 2, 0, "GIẤY TỜ CẦN MANG");
	slip_rule(&s);
	slip_text(&s, SLIP_LEFT, 1, 2, page->name);
	if (page->nchannels > 0) {
		char *line;

		if (page->channels[0].fee) {
			line = xprintf("Lệ phí: %s", page->channels[0].fee);
			slip_text(&s, SLIP_LEFT, 1, 2, line);
			free(line);
		}
		if (page->channels[0].time) {
			line = xprintf("Thời gian: %s", page->channels[0].time);
			slip_text(&s, SLIP_LEFT, 1, 2, line);
			free(line);
		}
	}
	if (page->where) {
		char *line = xprintf("Nộp tại: %s", page->where);

		slip_text(&s, SLIP_LEFT, 1, 2, line);
		free(line);
	}
	slip_rule(&s);
	for (i = 0; i < page->npapers; i++) {
		char *line = paper_line(&page->papers[i]);

		slip_text(&s, SLIP_LEFT, 1, 2, line);
		free(line);
	}
	slip_rule(&s);
	slip_text(&s, SLIP_LEFT, 1, 0, when);
	if (ctl_print(ctl, pr, &s, "checklist", &cause) != 0)
		ctl_fail("%s", cause);
	else
		rc = 0;
	slip_free(&s);
out:
	free(cause);
	printer_close(pr);
	procedure_free(page);
	catalog_close(cat);
	return rc;
}
