/* The QR code on a chip ID card (CCCD / Căn cước): parsing and checking.
 *
 * The code holds UTF-8 text, fields separated by '|':
 *   ID (12 digits) | old CMND (9 digits or empty) | full name |
 *   date of birth ddMMyyyy | Nam or Nữ | address | issue date ddMMyyyy | ...
 * Newer cards append more fields, possibly empty: 7 or more are accepted.
 *
 * A form offers what cccd_parse() returns to fill name, ID number, date
 * of birth, sex and address; the villager confirms. A scan that is
 * garbled (a keyboard-wedge scanner that mangles letters with marks, a
 * partial read) is refused as a whole with a plain Vietnamese message, so
 * nothing half-right is ever filled in. Besides each field's own form,
 * the ID's digits must agree with the rest: digit 4 gives the century of
 * birth and the sex, digits 5-6 the year of birth. */
#ifndef KIOSK_CCCD_H
#define KIOSK_CCCD_H

#include <stddef.h>

struct cccd_date {
	int day, month, year;
	char text[11];           /* dd/mm/yyyy, as forms show it */
};

struct cccd {
	char id[13];             /* 12 digits */
	char old_id[13];         /* the old CMND number, or "" */
	char name[256];          /* NFC, single spaces */
	struct cccd_date birth;
	char sex[8];             /* "Nam" or "Nữ" */
	char address[768];       /* as printed on the card (old districts too) */
	struct cccd_date issued;
};

/* True when text starts like a CCCD code (12 digits and a '|'): for the UI
 * to tell a scanned card from other bursts of keys. */
int cccd_looks_like(const char *text, size_t n);

/* Parses and checks n bytes of scanned text (trailing CR, LF, NUL and
 * spaces ignored). Returns 0, or -1 with *cause set to a message for the
 * villager, in Vietnamese (the caller frees it); on -1, c holds nothing. */
int cccd_parse(const char *text, size_t n, struct cccd *c, char **cause);

/* Wipes a parsed card from memory. */
void cccd_wipe(struct cccd *c);

#endif
