/* VietQR payloads: bank settings checked, fields as ID LEN VALUE, the CRC
 * over everything up to and including "6304". */
#include "vietqr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"

#define NAPAS_GUID "A000000727"
#define PURPOSE_MAX 25
#define AMOUNT_MAX 9999999999999LL  /* 13 digits, the field's limit */

/* True when s is made of n_min..n_max characters all in the set. */
static int made_of(const char *s, size_t n_min, size_t n_max, const char *set)
{
	size_t n = strlen(s);

	return n >= n_min && n <= n_max && strspn(s, set) == n;
}

#define DIGITS "0123456789"
#define ALNUM DIGITS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

int vietqr_configured(const struct config *cfg)
{
	return cfg->payment_bank_bin[0] != '\0' || cfg->payment_account[0] != '\0';
}

int vietqr_check(const struct config *cfg, char **cause)
{
	int card = cfg->payment_service == SERVICE_CARD;

	if (!vietqr_configured(cfg)) {
		*cause = xstrdup("no bank settings ([payment] bank_bin and account are empty): "
				 "payment by VietQR is not available");
		return -1;
	}
	if (!made_of(cfg->payment_bank_bin, 6, 6, DIGITS)) {
		*cause = xprintf("[payment] bank_bin must be the bank's 6-digit NAPAS BIN "
				 "(e.g. 970436), not \"%s\"", cfg->payment_bank_bin);
		return -1;
	}
	if (card && !made_of(cfg->payment_account, 16, 19, DIGITS)) {
		*cause = xprintf("[payment] account must be a card number of 16 to 19 digits "
				 "with service = card, not \"%s\"", cfg->payment_account);
		return -1;
	}
	if (!card && !made_of(cfg->payment_account, 1, 19, ALNUM)) {
		*cause = xprintf("[payment] account must be 1 to 19 letters or digits, without "
				 "spaces or dots, not \"%s\"", cfg->payment_account);
		return -1;
	}
	return 0;
}

/* Appends field id with value to out (a buffer of at least 512 bytes). */
static void tlv(char *out, const char *id, const char *value)
{
	size_t n = strlen(out);

	snprintf(out + n, 512 - n, "%s%02zu%s", id, strlen(value), value);
}

uint16_t vietqr_crc(const char *s, size_t n)
{
	uint16_t crc = 0xffff;
	size_t i;
	int bit;

	for (i = 0; i < n; i++) {
		crc ^= (uint16_t)((unsigned char)s[i] << 8);
		for (bit = 0; bit < 8; bit++)
			crc = (uint16_t)(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
	}
	return crc;
}

char *vietqr_payload(const struct config *cfg, long long amount, const char *purpose, char **cause)
{
	char account[64] = "", merchant[128] = "", extra[64] = "", out[512] = "", num[32];

	if (vietqr_check(cfg, cause) != 0)
		return NULL;
	if (amount < 0 || amount > AMOUNT_MAX) {
		*cause = xprintf("amount must be 0 to %lld VND, not %lld", AMOUNT_MAX, amount);
		return NULL;
	}
	if (!made_of(purpose, 0, PURPOSE_MAX, ALNUM " -./_")) {
		*cause = xprintf("the purpose must be at most %d ASCII letters, digits, spaces or "
				 "- . / _, not \"%s\"", PURPOSE_MAX, purpose);
		return NULL;
	}
	tlv(account, "00", cfg->payment_bank_bin);
	tlv(account, "01", cfg->payment_account);
	tlv(merchant, "00", NAPAS_GUID);
	tlv(merchant, "01", account);
	tlv(merchant, "02", cfg->payment_service == SERVICE_CARD ? "QRIBFTTC" : "QRIBFTTA");
	tlv(out, "00", "01");
	tlv(out, "01", amount > 0 ? "12" : "11");
	tlv(out, "38", merchant);
	tlv(out, "53", "704");
	if (amount > 0) {
		snprintf(num, sizeof num, "%lld", amount);
		tlv(out, "54", num);
	}
	tlv(out, "58", "VN");
	if (*purpose != '\0') {
		tlv(extra, "08", purpose);
		tlv(out, "62", extra);
	}
	strcat(out, "6304");
	snprintf(num, sizeof num, "%04X", vietqr_crc(out, strlen(out)));
	strcat(out, num);
	return xstrdup(out);
}
