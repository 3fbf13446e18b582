/* The screen kinds, one scr_*.c each (see frame.h), and how to open those
 * that take more than a title. */
#ifndef KIOSK_SCR_H
#define KIOSK_SCR_H

#include "calendar.h"
#include "frame.h"

struct form;
struct saved;

extern const struct frame_ops scr_menu, scr_notice, scr_pin, scr_status;
extern const struct frame_ops scr_search, scr_procedure, scr_news, scr_news_page;
extern const struct frame_ops scr_forms, scr_form, scr_review, scr_saved, scr_dossier;
extern const struct frame_ops scr_queue, scr_ticket, scr_pay, scr_call;

/* Calls a helper from the top screen (calls.h): records the call and
 * opens the screen that says so; the booth chimes. */
void scr_call_open(struct app *a);

/* The day a request's result is expected: the published processing time
 * of its procedure in working days after the day it was saved (at).
 * Returns 0, or -1 when it is not known (scr_dossier.c). */
int app_due_date(struct app *a, const char *procedure_code, long long at, struct date *out);

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

struct catalog_unit;

/* Opens the address picker on the communes of a 2025 province (NULL: on
 * the provinces, as scr_address_open); back from them goes to the
 * provinces. */
void scr_address_open_in(struct app *a, const struct catalog_unit *province,
			 scr_address_fn *done, void *arg);

/* The answer to the proposal for a card's old address: value, the
 * address's new text (the card's village or street part, the 2025
 * commune and its province); or, when the villager asked for another
 * commune, value NULL with that part (kept) and the 2025 province to open
 * the address picker on. The proposal has left by then. */
typedef void scr_oldaddr_fn(struct app *a, void *arg, const char *value, const char *kept,
			    const struct catalog_unit *province);

/* Offers the 2025 commune(s) for an address from before the 2025 reform
 * (a scanned card's): done(a, arg, ...) gets the villager's answer (never
 * called when they keep the address as on the card). Returns 0, showing
 * nothing, when the address names no old commune. */
int scr_oldaddr_offer(struct app *a, const char *address, scr_oldaddr_fn *done, void *arg);

#endif
