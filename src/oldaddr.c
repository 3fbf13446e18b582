/* Pre-2025 addresses: names written the modern way, matching keys, and a
 * card's address resolved through the catalog's mapping (oldaddr.h). */
#include "oldaddr.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "text.h"
#include "util.h"

/* Kind words a unit's name may start with on a card, whole or
 * abbreviated, in capitals with their marks (so that "Quản Bạ" is not
 * "Quận Bạ"); words: how many words of the folded name they take; kind:
 * the commune kind they name ('x' xã, 'p' phường, 't' thị trấn) or 0. A
 * single letter counts only with its dot ("P.1"), so "H'Bông" keeps its H. */
static const struct {
	const char *upper;
	int words;
	char kind;
} kinds[] = {
	{ "THÀNH PHỐ ", 2, 0 }, { "THỊ TRẤN ", 2, 't' }, { "THỊ XÃ ", 2, 0 }, { "ĐẶC KHU ", 2, 0 },
	{ "PHƯỜNG ", 1, 'p' }, { "HUYỆN ", 1, 0 }, { "QUẬN ", 1, 0 }, { "TỈNH ", 1, 0 },
	{ "XÃ ", 1, 'x' }, { "TP.", 1, 0 }, { "TP ", 1, 0 }, { "TT.", 1, 't' }, { "TT ", 1, 't' },
	{ "TX.", 1, 0 }, { "TX ", 1, 0 }, { "P.", 1, 'p' }, { "X.", 1, 'x' }, { "H.", 1, 0 },
	{ "Q.", 1, 0 }, { "T.", 1, 0 },
};

/* The kind word name starts with (an index into kinds), or -1. Something
 * must follow it. */
static int kind_of(const char *name)
{
	char *up;
	size_t i, n;
	int found = -1;

	name += strspn(name, " ");
	if ((up = text_upper(name)) == NULL)
		return -1;
	for (i = 0; i < sizeof kinds / sizeof kinds[0] && found < 0; i++) {
		n = strlen(kinds[i].upper);
		if (strncmp(up, kinds[i].upper, n) == 0 && up[n + strspn(up + n, " .")] != '\0')
			found = (int)i;
	}
	free(up);
	return found;
}

/* Skips n words of folded text. */
static const char *skip_words(const char *f, int n)
{
	while (n-- > 0 && *f) {
		f += strcspn(f, " ");
		f += strspn(f, " ");
	}
	return f;
}

char *oldaddr_fold(const char *name)
{
	char *f = text_fold(name), *out, *o;
	int kind = kind_of(name);
	const char *p;

	if (f == NULL)
		return NULL;
	p = skip_words(f, kind < 0 ? 0 : kinds[kind].words);
	out = o = xmalloc(strlen(p) + 1);
	while (*p) {
		/* A number's leading zeros go: "01" and "1" are one ward. */
		if (*p == '0' && (p == f || p[-1] == ' ') && p[1] >= '0' && p[1] <= '9') {
			p++;
			continue;
		}
		*o++ = *p++;
	}
	*o = '\0';
	free(f);
	return out;
}

char *oldaddr_key(const char *commune, const char *district, const char *province)
{
	char *c = oldaddr_fold(commune), *d = oldaddr_fold(district), *p = oldaddr_fold(province);
	char *key = c && d && p ? xprintf("%s|%s|%s", c, d, p) : NULL;

	free(c);
	free(d);
	free(p);
	return key;
}

/* The base letter of cp, lower case ASCII, or 0 when it is not a Latin
 * letter; *tone gets its tone mark (0 when none) and *other 1 when it has
 * a mark that is not a tone (â, ơ ...). */
static char base_of(uint32_t cp, uint32_t *tone, int *other)
{
	uint32_t d[4];
	int n = text_decompose(cp, d), i;

	*tone = 0;
	*other = 0;
	if (n == 0)
		d[0] = cp, n = 1;
	for (i = 1; i < n; i++) {
		if (d[i] == 0x300 || d[i] == 0x301 || d[i] == 0x303 || d[i] == 0x309 || d[i] == 0x323)
			*tone = d[i];
		else
			*other = 1;
	}
	if (d[0] >= 'A' && d[0] <= 'Z')
		return (char)(d[0] | 0x20);
	return d[0] >= 'a' && d[0] <= 'z' ? (char)d[0] : 0;
}

/* True when cp is a letter (Latin, with or without marks, or đ). */
static int letter(uint32_t cp)
{
	uint32_t t;
	int o;

	return base_of(cp, &t, &o) != 0 || cp == 0x111 || cp == 0x110;
}

/* The code point of base letter b (any case, as cp) with tone t. */
static uint32_t with_tone(uint32_t cp, uint32_t t)
{
	char buf[12];
	size_t n = text_encode(cp, buf);
	char *nfc;
	uint32_t out = cp;

	n += text_encode(t, buf + n);
	buf[n] = '\0';
	nfc = text_nfc(buf, n);
	if (nfc && text_decode(nfc, strlen(nfc), &out) != strlen(nfc))
		out = cp;
	free(nfc);
	return out;
}

/* Moves the tone of an open oa, oe, uy ending at cps[i + 1] (a word's
 * last two letters) to the second vowel. */
static void modern_pair(uint32_t *cps, size_t i)
{
	uint32_t t0, t1, t2, d[4];
	int o0, o1, o2;
	char b1 = base_of(cps[i], &t1, &o1), b2 = base_of(cps[i + 1], &t2, &o2);
	char b0 = i > 0 ? base_of(cps[i - 1], &t0, &o0) : 0;
	int pair = (b1 == 'o' && (b2 == 'a' || b2 == 'e')) || (b1 == 'u' && b2 == 'y' && b0 != 'q');

	if (!pair || t1 == 0 || o1 || t2 || o2 || (b0 && strchr("aeiouy", b0)))
		return;
	text_decompose(cps[i], d);
	cps[i] = d[0]; /* the vowel, its case kept, without the tone */
	cps[i + 1] = with_tone(cps[i + 1], t1);
}

char *oldaddr_modern(const char *name)
{
	size_t n = strlen(name), i = 0, k = 0, o = 0;
	uint32_t *cps = xmalloc((n + 1) * sizeof *cps);
	char *out;

	if (!text_valid(name, n)) {
		free(cps);
		return NULL;
	}
	while (i < n)
		i += text_decode(name + i, n - i, &cps[k++]);
	for (i = 0; i + 1 < k; i++)
		if (letter(cps[i]) && letter(cps[i + 1]) && (i + 2 == k || !letter(cps[i + 2])))
			modern_pair(cps, i);
	out = xmalloc(k * 4 + 1);
	for (i = 0; i < k; i++) {
		int space = cps[i] == ' ', dash = cps[i] == '-';

		if (space && (o == 0 || out[o - 1] == ' '))
			continue;
		if (dash) {
			while (o > 0 && out[o - 1] == ' ')
				o--;
			memcpy(out + o, " - ", 3);
			o += 3;
			continue;
		}
		o += text_encode(cps[i], out + o);
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	free(cps);
	return out;
}

char *oldaddr_name_problem(const char *name)
{
	char *modern = oldaddr_modern(name), *msg = NULL;
	const char *dash = strchr(name, '-');

	if (modern == NULL)
		return xstrdup("not valid UTF-8");
	if (strcmp(modern, name) != 0) {
		if (dash && (dash == name || dash[-1] != ' ' || dash[1] != ' '))
			msg = xprintf("write a hyphen with a space on each side: \"%s\"", modern);
		else
			msg = xprintf("write it with the modern tone placement and single spaces: \"%s\"",
				      modern);
	}
	free(modern);
	return msg;
}

/* The part of a name after its kind word, as written ("Xã Hành Đức" ->
 * "Hành Đức", "TP.Huế" -> "Huế"): as many words skipped as the folded
 * kind word has. */
static const char *after_kind(const char *name)
{
	int kind = kind_of(name), words = kind < 0 ? 0 : kinds[kind].words;
	const char *p = name;

	while (words-- > 0) {
		uint32_t cp;
		size_t n;

		while (*p && (n = text_decode(p, strlen(p), &cp)) > 0 && letter(cp))
			p += n;
		while (*p && (n = text_decode(p, strlen(p), &cp)) > 0 && !letter(cp) &&
		       !(cp >= '0' && cp <= '9'))
			p += n;
	}
	return p;
}

/* A name for comparing with its marks: after its kind word, modern, in
 * upper case ("Xã Phú Thạnh" -> "PHÚ THẠNH"). */
static char *marked(const char *name)
{
	char *m = oldaddr_modern(after_kind(name)), *u = m ? text_upper(m) : NULL;

	free(m);
	return u ? u : xstrdup("");
}

/* Keeps the old communes of m->old that pass keep(card part, old's), when
 * any does; otherwise leaves them all. */
static void narrow(struct oldaddr *m, const char *card,
		   int (*keep)(const char *card, const struct catalog_old *o))
{
	size_t i, n = 0;

	for (i = 0; i < m->nold; i++)
		n += keep(card, m->old[i]) != 0;
	if (n == 0 || n == m->nold)
		return;
	for (i = n = 0; i < m->nold; i++)
		if (keep(card, m->old[i]))
			m->old[n++] = m->old[i];
	m->nold = n;
}

/* The card's commune is written with the same marks as o's. */
static int same_marks(const char *card, const struct catalog_old *o)
{
	char *a = marked(card), *b = marked(o->name);
	int same = strcmp(a, b) == 0;

	free(a);
	free(b);
	return same;
}

/* The card's commune has o's kind word (Xã, Phường, Thị trấn; abbreviated
 * or whole). */
static int same_kind(const char *card, const struct catalog_old *o)
{
	int kc = kind_of(card), ko = kind_of(o->name);

	return kc >= 0 && ko >= 0 && kinds[kc].kind != 0 && kinds[kc].kind == kinds[ko].kind;
}

/* Splits address at its last three commas' parts into kept (before) and
 * part[0..2] (commune, district, province), trimmed. Returns -1 when it
 * has fewer than three parts. */
static int split(const char *address, char **kept, char *part[3])
{
	const char *end = address + strlen(address), *cut[3];
	int k;

	for (k = 0; k < 3; k++) {
		const char *c = end;

		while (c > address && c[-1] != ',')
			c--;
		if (c == address && k < 2)
			return -1;
		cut[k] = c;
		end = c > address ? c - 1 : c;
	}
	for (k = 0; k < 3; k++) {
		const char *s = cut[2 - k], *e = k < 2 ? cut[1 - k] - 1 : address + strlen(address);

		while (s < e && *s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		part[k] = xstrndup(s, (size_t)(e - s));
	}
	end = cut[2] > address ? cut[2] - 1 : address;
	while (end > address && end[-1] == ' ')
		end--;
	*kept = xstrndup(address, (size_t)(end - address));
	return 0;
}

/* Lists the 2025 communes of m's old communes once each. */
static void gather(struct oldaddr *m)
{
	size_t i, k, j;

	for (i = 0; i < m->nold; i++)
		for (k = 0; k < m->old[i]->nnow && m->nnow < OLDADDR_MAX; k++) {
			for (j = 0; j < m->nnow && m->now[j] != m->old[i]->now[k]; j++)
				;
			if (j == m->nnow) {
				m->now[m->nnow] = m->old[i]->now[k];
				m->was[m->nnow++] = m->old[i];
			}
		}
}

/* The old communes whose name, its first word kept as a name ("Phường
 * Đúc" for Phường Phường Đúc), district and province are part[0..2]. */
static size_t find_whole(struct catalog *cat, char *const part[3], const struct catalog_old **out)
{
	char *c = text_fold(part[0]), *d = oldaddr_fold(part[1]), *p = oldaddr_fold(part[2]);
	char *key = c && d && p ? xprintf("%s|%s|%s", c, d, p) : NULL;
	size_t n = key ? catalog_old_find(cat, key, out, OLDADDR_MAX) : 0;

	free(c);
	free(d);
	free(p);
	free(key);
	return n;
}

size_t oldaddr_resolve(struct catalog *cat, const char *address, struct oldaddr *m)
{
	char *part[3] = { NULL, NULL, NULL }, *key = NULL;

	memset(m, 0, sizeof *m);
	if (cat == NULL || !text_valid(address, strlen(address)) ||
	    split(address, &m->kept, part) != 0 ||
	    (key = oldaddr_key(part[0], part[1], part[2])) == NULL) {
		oldaddr_free(m);
	} else {
		m->nold = catalog_old_find(cat, key, m->old, OLDADDR_MAX);
		if (m->nold == 0) /* "Phường Đúc" may be Phường Phường Đúc */
			m->nold = find_whole(cat, part, m->old);
		if (m->nold > OLDADDR_MAX)
			m->nold = OLDADDR_MAX;
		narrow(m, part[0], same_marks);
		narrow(m, part[0], same_kind);
		gather(m);
		if (m->nnow == 0)
			oldaddr_free(m);
	}
	free(key);
	free(part[0]);
	free(part[1]);
	free(part[2]);
	return m->nnow;
}

char *oldaddr_value(const struct oldaddr *m, size_t i)
{
	const struct catalog_unit *c = m->now[i];

	return m->kept && *m->kept ? xprintf("%s, %s, %s", m->kept, c->name, c->province->name)
				   : xprintf("%s, %s", c->name, c->province->name);
}

char *oldaddr_old_name(const struct catalog_old *o)
{
	return xprintf("%s, %s, %s", o->name, o->district, o->province);
}

void oldaddr_free(struct oldaddr *m)
{
	free(m->kept);
	memset(m, 0, sizeof *m);
}
