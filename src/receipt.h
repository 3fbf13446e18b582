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

/* The receipt of a saved request (SCREENS.md "Paper receipt"): at most
 * RECEIPT_PAPER_LINES lines of papers, so that it stays short. */
struct receipt {
	const char *commune;      /* [booth] commune: "Xã Nghĩa Hành" */
	const char *booth;        /* [booth] id */
	const char *procedure;    /* the short name: "Đăng ký khai sinh" */
	const char *code;         /* receipt code: "HD7-K4Q2-9" */
	const char *name;         /* who submitted it, as typed */
	time_t submitted;
	struct date due;          /* ptime_due(); year 0: "cán bộ sẽ báo" */
	const char *fee;          /* money_fee(): "Miễn phí", "8.000 đồng"; NULL not published */
	const char *const *papers;/* short names of the papers to bring (papers.h) */
	int npapers;
	int papers_complete;      /* they stand for the whole published list */
	const char *qr;           /* receipt_qr_payload(); NULL: the code */
	int feedback;             /* nothing to collect: no date, no papers */
};

/* Most lines of papers to bring on a receipt. */
#define RECEIPT_PAPER_LINES 6

/* What a receipt says when its papers are not all named. */
extern const char receipt_see_list[];

/* A procedure's checklist ("In danh sách giấy tờ"), at most about 250 mm:
 * the short names, then the rest of the published papers, each cut to
 * two lines, and a QR code of the procedure's page. */
struct checklist {
	const char *commune;
	const char *procedure;    /* the procedure's name */
	const char *fee;          /* money_fee(), or NULL */
	const char *time;         /* ptime_text() or as published, or NULL */
	const char *where;        /* where to submit, or NULL */
	const char *const *names; /* short names (papers.h) */
	int nnames;
	int complete;
	const char *const *others;/* the other published papers, as published */
	int nothers;
	const char *qr;           /* the portal page, or the procedure's code */
	time_t when;
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

/* The receipt code in a scanned receipt QR: the text itself, or what
 * follows the last "=", "/" or "#" of a lookup URL. Points into scanned. */
const char *receipt_qr_code(const char *scanned);

/* Lays out a receipt, in this order: commune and booth, PHIẾU BIÊN NHẬN,
 * the procedure, the code large, who submitted it, when, hẹn trả kết quả
 * (the date, "trong ngày" or "cán bộ sẽ báo"), the fee and that it is not
 * paid yet, the papers to bring, the QR code, how to look it up. */
void receipt_layout(const struct receipt *r, struct slip *s);

/* Lays out a procedure's checklist. */
void checklist_layout(const struct checklist *c, struct slip *s);

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
