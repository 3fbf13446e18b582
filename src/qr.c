/* QR codes through libqrencode: text behind an ECI 26 header as 8-bit
 * data at level M (qr_encode), or plain ASCII in the most compact modes
 * (qr_encode_ascii); always the smallest version that holds it. */
#include "qr.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* ECI designator of UTF-8. */
#define ECI_UTF8 26

/* Copies libqrencode's code (n bytes of text) into q and frees it; a NULL
 * code is the failure errno says. */
static int keep(struct qr *q, QRcode *code, size_t n, char **cause)
{
	int i;

	if (code == NULL) {
		*cause = errno == ERANGE ? xprintf("QR text too long (%zu bytes)", n)
					 : xprintf("QR encoding: %s", strerror(errno));
		return -1;
	}
	q->version = code->version;
	q->size = code->width;
	q->dark = xmalloc((size_t)q->size * (size_t)q->size);
	/* libqrencode's bit 0 is the module's colour; the others are its role. */
	for (i = 0; i < q->size * q->size; i++)
		q->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	return 0;
}

int qr_encode(struct qr *q, const char *text, char **cause)
{
	size_t n = strlen(text);
	QRinput *in;
	QRcode *code;

	memset(q, 0, sizeof *q);
	if (!text_valid(text, n)) {
		*cause = xstrdup("QR text is not valid UTF-8");
		return -1;
	}
	in = QRinput_new2(0, QR_ECLEVEL_M);
	if (in == NULL) {
		*cause = xprintf("QR input: %s", strerror(errno));
		return -1;
	}
	if (QRinput_appendECIheader(in, ECI_UTF8) != 0 ||
	    QRinput_append(in, QR_MODE_8, (int)n, (const unsigned char *)text) != 0) {
		*cause = xprintf("QR input: %s", strerror(errno));
		QRinput_free(in);
		return -1;
	}
	code = QRcode_encodeInput(in);
	QRinput_free(in);
	return keep(q, code, n, cause);
}

int qr_encode_ascii(struct qr *q, const char *text, enum qr_level level, char **cause)
{
	size_t n = strlen(text), i;

	memset(q, 0, sizeof *q);
	for (i = 0; i < n; i++)
		if (text[i] < 0x20 || text[i] > 0x7e) {
			*cause = xstrdup("QR text is not printable ASCII");
			return -1;
		}
	/* Mode QR_MODE_8 for what is neither digits nor capitals; case kept. */
	return keep(q, QRcode_encodeString(text, 0, level == QR_LEVEL_L ? QR_ECLEVEL_L : QR_ECLEVEL_M,
					   QR_MODE_8, 1), n, cause);
}

void qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}

int qr_dark(const struct qr *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return 0;
	return q->dark[y * q->size + x];
}

int qr_text_rows(const struct qr *q)
{
	return (q->size + 2 * QR_QUIET + 1) / 2;
}

int qr_text_cols(const struct qr *q)
{
	return q->size + 2 * QR_QUIET;
}

char **qr_text(const struct qr *q, enum qr_ink ink)
{
	/* Indexed by (top is ink) * 2 + (bottom is ink). */
	static const char *const half[4] = { " ", "▄", "▀", "█" };
	int rows = qr_text_rows(q), cols = qr_text_cols(q), r, c;
	size_t line = (size_t)cols * 3 + 1;
	char **lines = xmalloc((size_t)rows * (sizeof *lines + line));
	char *p = (char *)(lines + rows);

	for (r = 0; r < rows; r++) {
		lines[r] = p;
		for (c = 0; c < cols; c++) {
			int x = c - QR_QUIET, y = 2 * r - QR_QUIET;
			int top = qr_dark(q, x, y) == (ink == QR_INK_DARK);
			int bottom = qr_dark(q, x, y + 1) == (ink == QR_INK_DARK);
			const char *s = half[top * 2 + bottom];
			size_t len = strlen(s);

			memcpy(p, s, len);
			p += len;
		}
		*p++ = '\0';
		p = lines[r] + line;
	}
	return lines;
}
