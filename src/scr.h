/* The screen kinds, one scr_*.c each (see frame.h), and how to open those
 * that take more than a title. */
#ifndef KIOSK_SCR_H
#define KIOSK_SCR_H

#include "frame.h"

struct form;
struct saved;

extern const struct frame_ops scr_menu, scr_notice, scr_pin, scr_status;
extern const struct frame_ops scr_search, scr_procedure, scr_news, scr_news_page;
extern const struct frame_ops scr_forms, scr_form, scr_review, scr_saved, scr_dossier;
extern const struct frame_ops scr_queue, scr_ticket, scr_pay;

/* Opens the list of the queue's counters under this title (message id). */
void scr_queue_open(struct app *a, const char *title);

/* Opens the pay screen for the saved request with this receipt code, as
 * if it had been typed there ("Nộp phí ngay" on the saved screen). */
void scr_pay_open(struct app *a, const char *code);

/* Opens the page of the procedure with this code. */
void scr_procedure_open(struct app *a, const char *code);

/* Opens a form to fill in. */
void scr_form_open(struct app *a, const struct form *form);

/* Shows a saved request's receipt (takes saved). */
void scr_saved_open(struct app *a, const struct form *form, struct saved *saved);

/* The address picker's answer: a commune (ward, special zone) and its
 * province, as the catalog names them. The picker has left by then. */
typedef void scr_address_fn(struct app *a, void *arg, const char *commune, const char *province);

/* Opens the address picker: first a province, then one of its communes,
 * both searched as typed; done(a, arg, ...) gets the choice (never called
 * when the villager goes back instead). */
void scr_address_open(struct app *a, scr_address_fn *done, void *arg);

#endif
