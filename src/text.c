/* UTF-8 text: validation, NFC, columns, search folding, sanitising.
 * libunistring does normalisation, case and width; this file keeps its
 * use in one place. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

size_t text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	ucs4_t c;
	int len;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	len = u8_mbtoucr(&c, u, n);
	if (len <= 0)
		return 0;
	*cp = c;
	return (size_t)len;
}

size_t text_encode(uint32_t cp, char *out)
{
	int len = u8_uctomb((uint8_t *)out, cp, 4);

	return len > 0 ? (size_t)len : 0;
}

/* Bytes a UTF-8 sequence starting with lead takes, or 0 for a byte that
 * cannot start one. */
static size_t seq_len(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xc2 && lead <= 0xdf)
		return 2;
	if (lead >= 0xe0 && lead <= 0xef)
		return 3;
	if (lead >= 0xf0 && lead <= 0xf4)
		return 4;
	return 0;
}

/* The length of the valid UTF-8 sequence starting with a byte of 0x80 or
 * more at u (n bytes left), 0 when it is not one (RFC 3629: no overlong
 * forms, no surrogates, nothing past U+10FFFF). */
static size_t seq_valid(const unsigned char *u, size_t n)
{
	size_t len = seq_len(u[0]), i;
	unsigned char lo = u[0] == 0xe0 ? 0xa0 : u[0] == 0xf0 ? 0x90 : 0x80;
	unsigned char hi = u[0] == 0xed ? 0x9f : u[0] == 0xf4 ? 0x8f : 0xbf;

	if (len < 2 || n < len || u[1] < lo || u[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

int text_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len;

	/* Eight bytes of ASCII at a time, the rest one character at a time:
	 * u8_check costs four times as much on the catalogs (bench/startup.py). */
	while (i < n) {
		uint64_t w;

		if (n - i >= 8) {
			memcpy(&w, u + i, 8);
			if ((w & 0x8080808080808080u) == 0) {
				i += 8;
				continue;
			}
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		len = seq_valid(u + i, n - i);
		if (len == 0)
			return 0;
		i += len;
	}
	return 1;
}

char *text_nfc(const char *s, size_t n)
{
	size_t outlen = 0;
	uint8_t *out;
	char *z;

	if (!text_valid(s, n))
		return NULL;
	out = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &outlen);
	if (out == NULL)
		return NULL;
	z = realloc(out, outlen + 1);
	if (z == NULL) {
		free(out);
		return NULL;
	}
	z[outlen] = '\0';
	return z;
}

int text_nfc_stable(uint32_t cp)
{
	return cp < 0x300 ||                       /* ASCII, Latin-1, Latin Extended */
	       (cp >= 0x1e00 && cp <= 0x1eff) ||   /* Vietnamese precomposed letters */
	       (cp >= 0x2010 && cp <= 0x2027) ||   /* dashes, quotes, bullet, ellipsis */
	       (cp >= 0x2500 && cp <= 0x25ff);     /* box drawing, blocks, shapes */
}

int text_is_nfc(const char *s)
{
	size_t n = strlen(s), i = 0;
	char *nfc;
	int same;

	/* Quick check: text made only of stable code points is NFC. */
	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);

		if (len == 0)
			return 0;
		if (!text_nfc_stable(cp))
			break;
		i += len;
	}
	if (i == n)
		return 1;
	nfc = text_nfc(s, n);
	same = nfc != NULL && strcmp(nfc, s) == 0;
	free(nfc);
	return same;
}

int text_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return -1;
	/* Vietnamese text without a table search: one column each for the
	 * Latin letters (but the soft hyphen) and the precomposed letters,
	 * none for the combining marks. tests/unit/test_text.c checks these
	 * against uc_width for every code point. */
	if ((cp < 0x300 && cp != 0xad) || (cp >= 0x1e00 && cp <= 0x1eff))
		return 1;
	if (cp < 0x370)
		return 0;
	return uc_width(cp, "UTF-8");
}

int text_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int cols = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		int w;

		if (len == 0) {
			cols++;
			i++;
			continue;
		}
		w = text_cp_width(cp);
		cols += w < 0 ? 1 : w;
		i += len;
	}
	return cols;
}

size_t text_fit(const char *s, int cols)
{
	size_t n = strlen(s), i = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		int w = 1;

		if (len == 0)
			len = 1;
		else if (text_cp_width(cp) >= 0)
			w = text_cp_width(cp);
		if (used + w > cols)
			break;
		used += w;
		i += len;
	}
	return i;
}

/* Appends one byte to a growing buffer that has room (callers size it). */
static void put_byte(char *out, size_t *o, char c)
{
	out[(*o)++] = c;
}

/* The words of s, lower case, separated by single spaces: what is not a
 * letter or a digit separates words. With keep_marks the words keep their
 * marks (NFC, đ stays đ); without, marks are dropped and đ becomes d. */
static char *words(const char *s, int keep_marks)
{
	size_t n = strlen(s), dlen = 0, i = 0, o = 0;
	uint8_t *dec;
	char *out, *nfc;
	int space = 1;

	if (!text_valid(s, n))
		return NULL;
	/* Lower case, then decompose so marks become separate code points. */
	dec = u8_tolower((const uint8_t *)s, n, NULL, UNINORM_NFD, NULL, &dlen);
	if (dec == NULL)
		return NULL;
	out = malloc(dlen + 1);
	if (out == NULL) {
		free(dec);
		return NULL;
	}
	while (i < dlen) {
		ucs4_t c;
		int len = u8_mbtouc(&c, dec + i, dlen - i);
		int mark = uc_combining_class(c) != 0 || (c >= 0x300 && c < 0x370);

		i += (size_t)len;
		if (c == 0x111 && !keep_marks) /* đ */
			c = 'd';
		if (mark && (!keep_marks || space))
			continue;
		if (mark || c == 0x111 || uc_is_alnum(c)) {
			char buf[4];
			size_t k, blen = text_encode(c, buf);

			for (k = 0; k < blen; k++)
				put_byte(out, &o, buf[k]);
			space = 0;
		} else if (!space) {
			put_byte(out, &o, ' ');
			space = 1;
		}
	}
	if (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	free(dec);
	if (!keep_marks)
		return out;
	nfc = text_nfc(out, o);
	free(out);
	return nfc;
}

char *text_fold(const char *s)
{
	return words(s, 0);
}

char *text_words(const char *s)
{
	return words(s, 1);
}

char *text_sanitize(const char *s, int keep_newlines)
{
	size_t n = strlen(s), i = 0, o = 0;
	/* Each invalid byte may grow into U+FFFD (3 bytes). */
	char *out = malloc(3 * n + 1);

	if (out == NULL)
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);

		if (len == 0) {
			o += text_encode(0xfffd, out + o);
			i++;
			continue;
		}
		i += len;
		if (cp == '\t' || (cp == '\n' && !keep_newlines))
			out[o++] = ' ';
		else if (cp == '\n')
			out[o++] = '\n';
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			continue;
		else
			o += text_encode(cp, out + o);
	}
	out[o] = '\0';
	return out;
}


/* True for code points that move or restyle a terminal, or reorder text. */
static int steers_terminal(uint32_t cp)
{
	if (cp == '\n' || cp == '\t')
		return 0;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

size_t text_terminal_safe(const char *s, size_t n, char *out, size_t *rest)
{
	size_t i = 0, o = 0;

	*rest = 0;
	while (i < n) {
		size_t want = seq_len((unsigned char)s[i]), len, k;
		uint32_t cp;

		if (want > n - i) {
			/* Cut short, or not UTF-8 at all: the bytes there tell. */
			for (k = i + 1; k < n && ((unsigned char)s[k] & 0xc0) == 0x80; k++)
				;
			if (k == n) {
				*rest = n - i;
				break;
			}
		}
		len = want ? text_decode(s + i, n - i, &cp) : 0;
		if (len == 0) {
			out[o++] = '?';
			i++;
			continue;
		}
		if (!steers_terminal(cp)) {
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	return o;
}

char *text_upper(const char *s)
{
	size_t n = strlen(s), len = 0;
	uint8_t *up;
	char *z;

	if (!text_valid(s, n))
		return NULL;
	up = u8_toupper((const uint8_t *)s, n, "vi", UNINORM_NFC, NULL, &len);
	if (up == NULL)
		return NULL;
	z = realloc(up, len + 1);
	if (z == NULL) {
		free(up);
		return NULL;
	}
	z[len] = '\0';
	return z;
}

char *text_unmark(const char *s)
{
	size_t n = strlen(s), dlen = 0, i = 0, o = 0;
	uint8_t *dec;
	char *out, *nfc;

	if (!text_valid(s, n))
		return NULL;
	dec = u8_normalize(UNINORM_NFD, (const uint8_t *)s, n, NULL, &dlen);
	if (dec == NULL)
		return NULL;
	out = malloc(dlen + 1);
	if (out == NULL) {
		free(dec);
		return NULL;
	}
	while (i < dlen) {
		ucs4_t c;
		int len = u8_mbtouc(&c, dec + i, dlen - i);

		i += (size_t)len;
		if (c == 0x111) /* đ */
			c = 'd';
		else if (c == 0x110) /* Đ */
			c = 'D';
		if (text_is_mark(c))
			continue;
		o += text_encode(c, out + o);
	}
	free(dec);
	nfc = text_nfc(out, o);
	free(out);
	return nfc;
}

int text_is_mark(uint32_t cp)
{
	return uc_combining_class(cp) != 0 || uc_is_general_category(cp, UC_NON_SPACING_MARK);
}

int text_decompose(uint32_t cp, uint32_t out[4])
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int n = uc_canonical_decomposition(cp, d), i, k;

	if (n <= 0)
		return 0;
	k = text_decompose(d[0], out); /* the base may decompose again */
	if (k == 0)
		out[k++] = d[0];
	for (i = 1; i < n && k < 4; i++)
		out[k++] = d[i];
	return k;
}
