/* Receipt codes (see rcode.h). */
#include "rcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	char digits[16];

	if (booth < 1 || booth > 999 || seq < 1 || seq > 999999)
		return -1;
	snprintf(digits, sizeof digits, "%03d%06ld", booth, seq);
	memcpy(out, digits, 3);
	out[3] = '-';
	memcpy(out + 4, digits + 3, 6);
	out[10] = '-';
	out[11] = (char)('0' + rcode_check_digit(digits));
	out[12] = '\0';
	return 0;
}

int rcode_parse(const char *typed, char *out)
{
	char digits[16];
	size_t n = 0;

	for (; *typed; typed++) {
		if (*typed == '-' || *typed == ' ')
			continue;
		if (*typed < '0' || *typed > '9' || n == 10)
			return -1;
		digits[n++] = *typed;
	}
	digits[n] = '\0';
	if (n != 10 || rcode_check_digit(digits) != 0)
		return -1;
	return rcode_make((digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0'),
			  atol(digits + 3) / 10, out) == 0 && out[11] == digits[9] ? 0 : -1;
}
