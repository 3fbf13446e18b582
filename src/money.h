/* Money as the booth writes it, on screen, receipts and slips alike: one
 * way, "7.000 đồng" (thousands grouped with dots), "2.000 đồng/trang" for
 * a price per unit, "Miễn phí" for nothing to pay. The words come from
 * the catalogs ("{n} đồng" is "{n} VND" in English, "Miễn phí" "Free"):
 * t NULL writes Vietnamese (paper, kioskctl), otherwise language lang of
 * t. Pure. */
#ifndef KIOSK_MONEY_H
#define KIOSK_MONEY_H

struct i18n;

/* The amount in dong as the booth writes it: "Miễn phí" for 0, otherwise
 * "7.000 đồng" followed by per ("/trang"; NULL or "" for none). A new
 * string. */
char *money_text(const struct i18n *t, int lang, long long vnd, const char *per);

/* The unit of a price per unit as a catalog channel's fee note gives it
 * ("/trang" in "2,000 Việt Nam Đồng" + "/trang"), or NULL when the note is
 * not a unit (a note on who pays what, or none). */
const char *money_unit(const char *fee_note);

/* A catalog channel's published fee as the booth writes it: a plain amount
 * in dong (fee_vnd >= 0) through money_text with its unit; another
 * currency or a form money_text cannot tell ("10 USD") as published, with
 * its unit; NULL when no fee is published. A new string. */
char *money_fee(const struct i18n *t, int lang, const char *fee, long long fee_vnd,
		const char *fee_note);

#endif
