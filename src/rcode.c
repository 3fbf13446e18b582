/* Receipt codes (see rcode.h). */
#include "rcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits of the sequence in a short and a long code. */
#define SHORT_DIGITS 6
#define LONG_DIGITS 8

/* Damm's quasigroup of order 10 (totally anti-symmetric). */
static const unsigned char damm[10][10] = {
	{ 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
	{ 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 }, { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
	{ 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 }, { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
	{ 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
	{ 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 }, { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
};

/* The Damm check digit of a string of digits. */
static int rcode_check_digit(const char *digits)
{
	int interim = 0;

	for (; *digits; digits++)
		interim = damm[interim][*digits - '0'];
	return interim;
}

int rcode_make(int booth, long seq, char *out)
{
	int width = seq > RCODE_SHORT_MAX ? LONG_DIGITS : SHORT_DIGITS;
	char digits[16];

	if (booth < 1 || booth > 999 || seq < 1 || seq > RCODE_SEQ_MAX)
		return -1;
	snprintf(digits, sizeof digits, "%03d%0*ld", booth, width, seq);
	memcpy(out, digits, 3);
	out[3] = '-';
	memcpy(out + 4, digits + 3, (size_t)width);
	out[4 + width] = '-';
	out[5 + width] = (char)('0' + rcode_check_digit(digits));
	out[6 + width] = '\0';
	return 0;
}

int rcode_parse(const char *typed, char *out)
{
	char digits[16], again[RCODE_LEN + 1];
	size_t n = 0;

	for (; *typed; typed++) {
		if (*typed == '-' || *typed == ' ')
			continue;
		if (*typed < '0' || *typed > '9' || n == 4 + LONG_DIGITS)
			return -1;
		digits[n++] = *typed;
	}
	digits[n] = '\0';
	if ((n != 4 + SHORT_DIGITS && n != 4 + LONG_DIGITS) || rcode_check_digit(digits) != 0)
		return -1;
	digits[n - 1] = '\0';
	/* Canonical only: a long code of a short sequence was never given. */
	if (rcode_make((digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0'),
		       atol(digits + 3), again) != 0 ||
	    strlen(again) != n + 2)
		return -1;
	memcpy(out, again, n + 3);
	return 0;
}
