/* A request form being filled in (scr_form.c), and its review before it is
 * sent (scr_review.c), which reads the same answers. */
#ifndef KIOSK_SCR_FORM_H
#define KIOSK_SCR_FORM_H

#include "formdef.h"
#include "frame.h"

struct cccd;

/* A form being filled in, kept for the review. */
struct form_state {
	const struct form *form;
	int step;
	int focus;                     /* the field with the cursor */
	int open;                      /* touch: its keyboard or pad is showing */
	struct entry entry[FORM_MAX_FIELDS];     /* one per field */
	const char *error[FORM_MAX_FIELDS];      /* message id under each field, or NULL */
	char title[256];
	int picked[FORM_MAX_FIELDS];   /* an address field's commune was chosen */
	struct cccd *card;             /* a scanned ID card waiting for "fill in?" */
	char *scan_msg;                /* why the last scan was refused */
};

/* Opens the review of a filled-in form (the form frame stays below). */
void scr_review_open(struct app *a, struct form_state *st);

#endif
