/* The QR code on a chip ID card: parsing and checking (see cccd.h). */
#include "cccd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "vi_input.h"

/* Messages for the villager: what went wrong and what to do. */
#define MSG_EMPTY N_("Chưa đọc được mã QR. Xin đưa thẻ lại gần máy quét.")
#define MSG_NOT_CARD N_("Đây không phải mã QR trên thẻ căn cước. Xin quét mã QR ở mặt trước thẻ.")
#define MSG_PARTIAL N_("Máy chỉ đọc được một phần mã QR. Xin giữ thẻ yên và quét lại.")
#define MSG_GARBLED N_("Máy quét đọc sai chữ có dấu. Xin nhập tay, hoặc nhờ cán bộ giúp.")
#define MSG_ID N_("Số căn cước đọc được không đúng. Xin quét lại.")
#define MSG_BIRTH N_("Ngày sinh đọc được không đúng. Xin quét lại.")
#define MSG_ISSUED N_("Ngày cấp thẻ đọc được không đúng. Xin quét lại.")
#define MSG_MISMATCH N_("Thông tin đọc được không khớp nhau. Xin quét lại.")

#define FIELDS_MIN 7

/* True when s is exactly n ASCII digits. */
static int all_digits(const char *s, size_t n)
{
	size_t i;

	if (strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int cccd_looks_like(const char *text, size_t n)
{
	size_t i;

	if (n < 13 || text[12] != '|')
		return 0;
	for (i = 0; i < 12; i++)
		if (text[i] < '0' || text[i] > '9')
			return 0;
	return 1;
}

/* Reads a ddMMyyyy date that exists, from 1900 to today (to any day when
 * the booth's clock is not set). */
static int date_parse(const char *s, struct cccd_date *d)
{
	time_t now = time(NULL);
	struct tm today;

	if (!all_digits(s, 8))
		return -1;
	d->day = digits_value(s, 2);
	d->month = digits_value(s + 2, 2);
	d->year = digits_value(s + 4, 4);
	if (d->year < 1900 || !day_exists(d->year, d->month, d->day))
		return -1;
	localtime_r(&now, &today);
	if (clock_known((long long)now) && d->year * 10000 + d->month * 100 + d->day >
	    (today.tm_year + 1900) * 10000 + (today.tm_mon + 1) * 100 + today.tm_mday)
		return -1;
	snprintf(d->text, sizeof d->text, "%02d/%02d/%04d", d->day, d->month, d->year);
	return 0;
}

/* Copies s into out (size bytes) with runs of spaces made one, trimmed.
 * Returns -1 when it is empty or does not fit. */
static int copy_text(char *out, size_t size, const char *s)
{
	size_t o = 0;
	int space = 1;

	for (; *s != '\0'; s++) {
		if (*s == ' ' && space)
			continue;
		space = *s == ' ';
		if (o + 1 >= size)
			return -1;
		out[o++] = *s;
	}
	if (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o > 0 ? 0 : -1;
}

/* Checks the fields; returns NULL or the message (a constant). */
static const char *check(char **f, int nf, struct cccd *c)
{
	int code;

	if (nf < FIELDS_MIN)
		return all_digits(f[0], 12) ? MSG_PARTIAL : MSG_NOT_CARD;
	if (!all_digits(f[0], 12))
		return MSG_ID;
	memcpy(c->id, f[0], 13);
	if (f[1][0] != '\0' && !all_digits(f[1], 9) && !all_digits(f[1], 12))
		return MSG_GARBLED;
	snprintf(c->old_id, sizeof c->old_id, "%s", f[1]);
	if (!vi_only_letters(f[2], "'-") || copy_text(c->name, sizeof c->name, f[2]) != 0)
		return MSG_GARBLED;
	if (strcmp(f[4], "Nam") == 0 || strcmp(f[4], "NAM") == 0)
		snprintf(c->sex, sizeof c->sex, "Nam");
	else if (strcmp(f[4], "Nữ") == 0 || strcmp(f[4], "NỮ") == 0)
		snprintf(c->sex, sizeof c->sex, "Nữ");
	else
		return MSG_GARBLED;
	if (!vi_only_letters(f[5], "0123456789,./-()'&:#") ||
	    copy_text(c->address, sizeof c->address, f[5]) != 0)
		return MSG_GARBLED;
	if (date_parse(f[3], &c->birth) != 0)
		return MSG_BIRTH;
	if (date_parse(f[6], &c->issued) != 0 ||
	    c->issued.year * 10000 + c->issued.month * 100 + c->issued.day <
	    c->birth.year * 10000 + c->birth.month * 100 + c->birth.day)
		return MSG_ISSUED;
	/* Digits 1-3: the province of birth registration (001-096). Digit 4:
	 * century and sex (0 man / 1 woman born 1900-1999, 2/3 2000-2099,
	 * ...). Digits 5-6: the year of birth. */
	code = atoi((char[]){ c->id[0], c->id[1], c->id[2], '\0' });
	if (code < 1 || code > 96)
		return MSG_MISMATCH;
	code = c->id[3] - '0';
	if (1900 + code / 2 * 100 + (c->id[4] - '0') * 10 + (c->id[5] - '0') != c->birth.year ||
	    (code % 2 == 1) != (strcmp(c->sex, "Nữ") == 0))
		return MSG_MISMATCH;
	return NULL;
}

int cccd_parse(const char *text, size_t n, struct cccd *c, char **cause)
{
	char *nfc, *p, **f = NULL;
	const char *why;
	size_t len;
	int nf = 0;

	memset(c, 0, sizeof *c);
	while (n > 0 && (text[n - 1] == '\r' || text[n - 1] == '\n' ||
			 text[n - 1] == '\0' || text[n - 1] == ' '))
		n--;
	if (n == 0) {
		*cause = xstrdup(MSG_EMPTY);
		return -1;
	}
	nfc = memchr(text, '\0', n) == NULL ? text_nfc(text, n) : NULL;
	if (nfc == NULL) {
		/* Not UTF-8 (or NUL bytes inside): a garbled read. */
		*cause = xstrdup(cccd_looks_like(text, n) ? MSG_GARBLED : MSG_NOT_CARD);
		return -1;
	}
	len = strlen(nfc);
	for (p = nfc;; p++) {
		f = xrealloc(f, (size_t)(nf + 1) * sizeof *f);
		f[nf++] = p;
		p = strchr(p, '|');
		if (p == NULL)
			break;
		*p = '\0';
	}
	why = check(f, nf, c);
	wipe(nfc, len);
	free(nfc);
	free(f);
	if (why != NULL) {
		cccd_wipe(c);
		*cause = xstrdup(why);
		return -1;
	}
	return 0;
}

void cccd_wipe(struct cccd *c)
{
	wipe(c, sizeof *c);
}
