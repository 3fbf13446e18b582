/* A request form being filled in (scr_form.c), and its review before it is
 * sent (scr_review.c), which reads the same answers; the room a form's
 * fields take, for the 80x24 checks (view.c). */
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
	char *card_address;            /* the address as on the card filled in, or NULL */
	char *scan_msg;                /* why the last scan was refused */
	int asking_home;               /* "Bỏ hồ sơ đang nhập?" is showing */
};

/* Opens the review of a filled-in form (the form frame stays below). */
void scr_review_open(struct app *a, struct form_state *st);

/* Rows field fd takes on a form screen cols wide: its value or every one
 * of its options (wrapped), and the row of its message. 1 when one of its
 * options is wider than the room it has (kioskctl check refuses that). */
int scr_form_field_rows(const struct app *a, const struct form_field *fd, int cols);

/* Columns a form screen cols wide has for a field's value or options. */
#define FORM_OPTION_COLS(cols) ((cols) - FORM_LABEL_COLS - 5)

/* Rows a form screen has for the fields of a step at this size (between
 * the title and the buttons, less a scan message and a keypad's line). */
#define FORM_FIELD_ROOM(rows) ((rows) - 2 - 2 - 3 - 3)

#endif
