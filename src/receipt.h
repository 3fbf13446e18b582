/* What the booth prints: the receipt of a request, a queue ticket, a fee
 * payment slip with its VietQR code, and the printer's test page, each
 * laid out as a slip (slip.h) for the printer's paper. The strings are
 * the caller's (borrowed, UTF-8); a NULL or empty one leaves its line out.
 * A time of 0 prints as "chưa rõ giờ" (not known): a caller passes 0 when
 * the booth's clock was not set (clock_known), never a 1970 date.
 * Printed labels are Vietnamese: a receipt is an official paper. */
#ifndef KIOSK_RECEIPT_H
#define KIOSK_RECEIPT_H

#include <time.h>

#include "calendar.h"

struct slip;

struct receipt {
	const char *commune;      /* [booth] commune: "Xã Nghĩa Hành" */
	const char *procedure;    /* "Đăng ký khai sinh" */
	const char *code;         /* receipt code: "HD7-K4Q2-9" */
	time_t submitted;
	const char *booth;        /* [booth] id */
	struct date due;          /* calendar_due(); year 0 leaves it out */
	const char *const *papers;/* papers to bring, npapers of them */
	int npapers;
	const char *fee;          /* "Miễn phí", "8.000 đồng" */
	const char *qr;           /* receipt_qr_payload(); NULL: the code */
};

struct ticket {
	const char *commune;
	const char *counter;      /* counter or category: "Quầy Tư pháp - Hộ tịch" */
	int number;               /* the number shown, in large digits */
	int ahead;                /* people waiting before this one */
	time_t issued;
};

struct payslip {
	const char *commune;
	const char *procedure;
	const char *code;         /* the receipt code, also the transfer's purpose */
	long long amount;         /* VND */
	const char *bank;         /* [payment] bank_name (may be "") */
	const char *account;
	const char *account_name;
	const char *qr;           /* vietqr_payload(); NULL: no code */
	time_t when;
};

/* What a receipt's QR holds: the code itself, or lookup_url (from
 * [receipt] lookup_url) with each "{code}" replaced by the code, which is
 * percent-encoded where a URL needs it. A new string. */
char *receipt_qr_payload(const char *lookup_url, const char *code);

/* "50.000 đồng". A new string. */
char *receipt_vnd(long long amount);

/* Lays out a receipt (SCREENS.md "Paper receipt"). */
void receipt_layout(const struct receipt *r, struct slip *s);

/* Lays out a queue ticket: commune, counter, the number large and framed,
 * the people ahead, the time. */
void ticket_layout(const struct ticket *t, struct slip *s);

/* Lays out a fee payment slip: amount, bank account, purpose, VietQR. */
void payslip_layout(const struct payslip *p, struct slip *s);

/* Lays out the printer's test page: Vietnamese text in every size, a
 * frame, a rule and a QR code holding Vietnamese text. */
void testpage_layout(const char *commune, const char *booth, time_t now, struct slip *s);

/* The Vietnamese text the test page's QR code holds. */
extern const char receipt_test_text[];

#endif
