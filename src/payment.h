/* What a villager pays for a saved request: the request is found in the
 * spool (state.db) by its receipt code, its fee in the procedure's
 * published channels (content.db). Only a published plain amount is ever
 * asked for: a fee per page or copy, in another currency, or not given
 * is told at the counter. Shared by the pay screen and `kioskctl payslip`. */
#ifndef KIOSK_PAYMENT_H
#define KIOSK_PAYMENT_H

#include "spool.h"

struct catalog;
struct db;
struct i18n;
struct procedure;

/* The amount is not known from what is published. */
#define PAYMENT_UNKNOWN (-1LL)

struct payment {
	char code[SPOOL_RECEIPT_MAX + 1]; /* the receipt code as saved */
	char *procedure;   /* the procedure's name (Vietnamese; feedback's a message id) */
	char *fee;         /* the fee as money_fee writes it ("2.000 đồng/trang") in the
			    * language asked for, or NULL */
	long long amount;  /* VND to pay; 0 nothing; PAYMENT_UNKNOWN ask the counter */
};

/* The amount of a procedure's fee, from the first channel as the receipt
 * prints it: its published amount in dong, or PAYMENT_UNKNOWN when there
 * is none or it is a price per unit (a fee note such as "/trang"). */
long long payment_amount(const struct procedure *page);

/* Finds the request saved with receipt code (canonical form, see
 * rcode_parse) and what it costs, the fee written in language lang of t
 * (t NULL: Vietnamese, money.h); cat may be NULL (the amount is then
 * unknown). A request without a procedure (feedback) costs nothing.
 * Returns 1 with *out filled (free it with payment_free), 0 when there is
 * no such request, -1 with *cause. */
int payment_find(struct db *db, struct catalog *cat, const struct i18n *t, int lang,
		 const char *code, struct payment *out, char **cause);

/* Frees what a payment holds. */
void payment_free(struct payment *p);

#endif
