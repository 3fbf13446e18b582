/* QR codes for receipts, payment codes and the screen. Text is encoded as
 * bytes after an ECI 26 (UTF-8) header, so phones read Vietnamese as it is
 * written; error correction level M. The only file that uses libqrencode. */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include <stdint.h>

/* Light modules around the code that readers need (the standard's 4). */
#define QR_QUIET 4

struct qr {
	int version;    /* 1..40 */
	int size;       /* modules a side, quiet zone not counted */
	uint8_t *dark;  /* size * size: 1 for a dark module */
};

/* Encodes UTF-8 text. Returns 0, or -1 with *cause (the text is not valid
 * UTF-8, or too long for any QR version). */
int qr_encode(struct qr *q, const char *text, char **cause);

/* Error correction of qr_encode_ascii(): L restores 7% of a damaged code,
 * M 15%. */
enum qr_level { QR_LEVEL_L, QR_LEVEL_M };

/* Encodes printable ASCII (a VietQR payment code) as small as it goes: no
 * ECI header (ASCII needs none, and bank apps expect the bare payload),
 * runs of digits in numeric mode and capitals in alphanumeric mode, at
 * error correction level. Returns 0, or -1 with *cause (not printable
 * ASCII, or too long). */
int qr_encode_ascii(struct qr *q, const char *text, enum qr_level level, char **cause);

/* Frees the modules. */
void qr_free(struct qr *q);

/* True for a dark module at (x, y) of the code; coordinates outside it
 * (the quiet zone) are light. */
int qr_dark(const struct qr *q, int x, int y);

/* How the half-block characters are drawn: QR_INK_DARK for a cell with dark
 * ink on a light background (the blocks are the dark modules); QR_INK_LIGHT
 * for light ink on a dark background, as most consoles draw by default (the
 * blocks are the light modules). Either way the code shows dark on light. */
enum qr_ink { QR_INK_DARK, QR_INK_LIGHT };

/* Rows and columns of the half-block picture of q, quiet zone included:
 * each text row holds two module rows. */
int qr_text_rows(const struct qr *q);
int qr_text_cols(const struct qr *q);

/* The picture as qr_text_rows() NUL-terminated UTF-8 lines of
 * qr_text_cols() characters among "▀", "▄", "█" and space, in one
 * allocation: free the returned array alone. */
char **qr_text(const struct qr *q, enum qr_ink ink);

#endif
