/* VietQR payment codes (NAPAS, on EMVCo's merchant-presented QR): a
 * transfer to the commune's account from the operator's [payment]
 * settings, for an amount in VND with the receipt code as its purpose.
 * Fields: 00 format, 01 static (11) or dynamic with an amount (12), 38 the
 * account (GUID A000000727, bank BIN and account, service QRIBFTTA to an
 * account or QRIBFTTC to a card), 53 currency 704, 54 amount, 58 VN, 62
 * additional data with 08 the purpose, 63 the CRC-16/CCITT-FALSE. */
#ifndef KIOSK_VIETQR_H
#define KIOSK_VIETQR_H

#include <stddef.h>
#include <stdint.h>

struct config;

/* True when the operator set any bank setting; when false, payment by
 * VietQR is simply not offered. */
int vietqr_configured(const struct config *cfg);

/* Checks the bank settings. Returns 0, or -1 with *cause saying which
 * setting is wrong and how ("no bank settings" when none is set). */
int vietqr_check(const struct config *cfg, char **cause);

/* The payload for amount VND (0: no amount, a static code the payer fills
 * in) with purpose (the receipt code: ASCII letters, digits, space and
 * - . / _, at most 25). Returns a new string, or NULL with *cause. */
char *vietqr_payload(const struct config *cfg, long long amount, const char *purpose, char **cause);

/* CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) of n bytes. */
uint16_t vietqr_crc(const char *s, size_t n);

#endif
