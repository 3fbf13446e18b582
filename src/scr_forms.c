/* "Submit a request": the procedures this booth has a form for, as
 * numbered boxes; each opens its form. */
#include <string.h>

#include "formdef.h"
#include "i18n.h"
#include "scr.h"

/* The label of the choice that led here. */
static const char *forms_title(const struct app *a, const struct frame *f)
{
	(void)a;
	return f->title;
}

/* One box per procedure form (feedback has its own choice at home). */
static int forms_items(const struct app *a, const struct frame *f, struct item *out)
{
	const struct forms *fs = app_env(a)->forms;
	int i, n = 0;

	(void)f;
	for (i = 0; i < fs->n && n < 9; i++)
		if (strcmp(fs->v[i].kind, "procedure") == 0) {
			out[n] = (struct item){ (char)('1' + n), fs->v[i].title, i };
			n++;
		}
	return n;
}

/* Two columns, so nine forms fit. */
static int forms_columns(const struct app *a, const struct frame *f)
{
	(void)a;
	(void)f;
	return 2;
}

/* Opens the chosen form. */
static void forms_choose(struct app *a, struct frame *f, const struct item *it, time_t now)
{
	(void)f;
	(void)now;
	scr_form_open(a, &app_env(a)->forms->v[it->action]);
}

const struct frame_ops scr_forms = {
	.title = forms_title,
	.items = forms_items,
	.columns = forms_columns,
	.choose = forms_choose,
	.clock = 1,
};
