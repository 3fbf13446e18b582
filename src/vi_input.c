/* Vietnamese typing: Telex, VNI and VIQR composition with tone placement.
 * A word is kept as letters (base, mark, case) plus one tone; each key
 * changes that state and the word is drawn again. The tone goes on a vowel
 * only when drawing, by the rules in tone_at(). */
#include "vi_input.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const char vowels[] = "aeiouy";

/* Combining marks for the tones (enum vi_tone order) and the marks. */
static const uint32_t tone_cp[] = { 0, 0x301, 0x300, 0x309, 0x303, 0x323 };
static const uint32_t mark_cp[] = { 0, 0x302, 0x306, 0x31b, 0 };

/* Precomposed vowels by [vowel][mark][tone][upper]; 0 where the mark does
 * not go with that vowel. Filled once from Unicode's own composition. */
static uint32_t vowel_cp[6][4][6][2];
static int vowel_ready;

/* True when mark may sit on base (â ê ô, ă, ơ ư). */
static int mark_fits(char base, int mark)
{
	switch (mark) {
	case VI_MARK_NONE:
		return 1;
	case VI_CIRCUMFLEX:
		return base == 'a' || base == 'e' || base == 'o';
	case VI_BREVE:
		return base == 'a';
	case VI_HORN:
		return base == 'o' || base == 'u';
	}
	return 0;
}

/* Fills vowel_cp by composing base + mark + tone to NFC. */
static void vowel_table(void)
{
	int v, m, t, u;

	if (vowel_ready)
		return;
	for (v = 0; v < 6; v++)
		for (m = 0; m < 4; m++)
			for (t = 0; t < 6; t++)
				for (u = 0; u < 2; u++) {
					char nfd[16], *nfc;
					size_t len = 0;
					uint32_t cp = 0;

					if (!mark_fits(vowels[v], m))
						continue;
					nfd[len++] = u ? (char)(vowels[v] - 32) : vowels[v];
					if (m)
						len += text_encode(mark_cp[m], nfd + len);
					if (t)
						len += text_encode(tone_cp[t], nfd + len);
					nfc = text_nfc(nfd, len);
					if (nfc != NULL && text_decode(nfc, strlen(nfc), &cp) == strlen(nfc))
						vowel_cp[v][m][t][u] = cp;
					free(nfc);
				}
	vowel_ready = 1;
}

/* Splits a code point into a letter and a tone. Returns 0 when cp is not
 * a Vietnamese letter. */
static int letter_parse(uint32_t cp, struct vi_letter *l, enum vi_tone *tone)
{
	int v, m, t, u;

	memset(l, 0, sizeof *l);
	*tone = VI_TONE_NONE;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
		l->upper = cp <= 'Z';
		l->base = (char)(cp | 0x20);
		return 1;
	}
	if (cp == 0x111 || cp == 0x110) {
		l->base = 'd';
		l->mark = VI_STROKE;
		l->upper = cp == 0x110;
		return 1;
	}
	if (cp < 0xc0)
		return 0;
	vowel_table();
	for (v = 0; v < 6; v++)
		for (m = 0; m < 4; m++)
			for (t = 0; t < 6; t++)
				for (u = 0; u < 2; u++)
					if (vowel_cp[v][m][t][u] == cp) {
						l->base = vowels[v];
						l->mark = (unsigned char)m;
						l->upper = (unsigned char)u;
						*tone = (enum vi_tone)t;
						return 1;
					}
	return 0;
}

/* The code point of a letter carrying tone. */
static uint32_t letter_cp(const struct vi_letter *l, enum vi_tone tone)
{
	const char *v = l->base ? strchr(vowels, l->base) : NULL;

	if (v != NULL) {
		vowel_table();
		return vowel_cp[v - vowels][l->mark][tone][l->upper];
	}
	if (l->base == 'd' && l->mark == VI_STROKE)
		return l->upper ? 0x110 : 0x111;
	if (l->upper && l->base >= 'a' && l->base <= 'z')
		return (uint32_t)(l->base - 32);
	return (uint32_t)(unsigned char)l->base;
}

int vi_is_letter(uint32_t cp)
{
	struct vi_letter l;
	enum vi_tone t;

	return letter_parse(cp, &l, &t);
}

int vi_only_letters(const char *s, const char *extra)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);

		if (len == 0)
			return 0;
		i += len;
		if (cp == ' ' || vi_is_letter(cp) || (cp < 0x80 && strchr(extra, (int)cp) != NULL))
			continue;
		return 0;
	}
	return 1;
}

uint32_t vi_upper(uint32_t cp)
{
	struct vi_letter l;
	enum vi_tone t;

	if (!letter_parse(cp, &l, &t))
		return cp;
	l.upper = 1;
	return letter_cp(&l, t);
}

/* True when the letter is a vowel (whatever its marks). */
static int is_vowel(const struct vi_letter *l)
{
	return l->base != '\0' && strchr(vowels, l->base) != NULL;
}

/* Finds the vowels that carry the tone, [*s, *e): the last run of vowels,
 * less the u of a qu onset and the i of a gi onset. Returns 0 when the
 * word has no vowel. */
static int nucleus(const struct vi_word *w, int *s, int *e)
{
	int i = w->n;

	while (i > 0 && !is_vowel(&w->letter[i - 1]))
		i--;
	if (i == 0)
		return 0;
	*e = i;
	while (i > 0 && is_vowel(&w->letter[i - 1]))
		i--;
	*s = i;
	if (*e - *s > 1 && i > 0 && w->letter[i].mark == VI_MARK_NONE) {
		char c = w->letter[i - 1].base, v = w->letter[i].base;

		if ((c == 'q' && v == 'u') || (c == 'g' && v == 'i'))
			(*s)++;
	}
	return 1;
}

/* The vowel groups Vietnamese spells, as base letters each followed by
 * ^ (circumflex), ( (breve) or + (horn). Used to choose which vowel a
 * mark key changes. */
static const char *const nuclei[] = {
	"a", "a(", "a^", "e", "e^", "i", "o", "o^", "o+", "u", "u+", "y",
	"ai", "ao", "au", "ay", "a^u", "a^y", "eo", "e^u", "ia", "ie^", "iu",
	"oa", "oa(", "oe", "oi", "oo", "o^i", "o+i", "ua", "ua^", "ue^", "ui",
	"uo^", "uo+", "u+o+", "uy", "u+a", "u+i", "u+u", "ye^",
	"ie^u", "oai", "oao", "oay", "oeo", "ua^y", "uo^i", "uya", "uye^",
	"uyu", "u+o+i", "u+o+u", "ye^u",
};

/* True when letters [s, e) spell a vowel group Vietnamese uses. */
static int nucleus_valid(const struct vi_word *w, int s, int e)
{
	static const char sign[] = { 0, '^', '(', '+', 0 };
	char code[VI_WORD_MAX * 2 + 1];
	size_t i, o = 0;

	for (i = (size_t)s; i < (size_t)e; i++) {
		code[o++] = w->letter[i].base;
		if (sign[w->letter[i].mark])
			code[o++] = sign[w->letter[i].mark];
	}
	code[o] = '\0';
	for (i = 0; i < sizeof nuclei / sizeof nuclei[0]; i++)
		if (strcmp(code, nuclei[i]) == 0)
			return 1;
	return 0;
}

/* Where the tone goes:
 *   - on the vowel with a mark (â ê ô ă ơ ư); of ươ, on the ơ;
 *   - one vowel: on it; three: on the middle one;
 *   - two vowels followed by a final consonant: on the second;
 *   - two vowels ending the word: on the first, except oa, oe, uy, which
 *     take it on the second in the modern style (hoà, khoẻ, thuỷ). */
int vi_word_tone_at(const struct vi_word *w)
{
	int s, e, i;

	if (!nucleus(w, &s, &e))
		return -1;
	for (i = e - 1; i >= s; i--)
		if (w->letter[i].mark != VI_MARK_NONE)
			return i;
	if (e - s == 1)
		return s;
	if (e - s >= 3 || e < w->n)
		return s + 1;
	if (!(w->flags & VI_OLD_STYLE)) {
		char a = w->letter[s].base, b = w->letter[s + 1].base;

		if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
			return s + 1;
	}
	return s;
}

/* A u and o next to each other take the horn together (ươ) once anything
 * follows them: "duơ" + "ng" becomes "dương". An open uơ stays (thuở). */
static void horn_pair(struct vi_word *w)
{
	int s, e, i;

	if (!nucleus(w, &s, &e))
		return;
	for (i = s; i + 1 < e; i++) {
		struct vi_letter *u = &w->letter[i], *o = &w->letter[i + 1];

		if (u->base != 'u' || o->base != 'o' || i + 2 >= w->n)
			continue;
		if ((u->mark == VI_HORN && o->mark == VI_MARK_NONE) ||
		    (u->mark == VI_MARK_NONE && o->mark == VI_HORN))
			u->mark = o->mark = VI_HORN;
	}
}

void vi_word_init(struct vi_word *w, enum vi_method method, int flags)
{
	memset(w, 0, sizeof *w);
	w->method = method;
	w->flags = flags;
}

/* Appends a letter as typed: key's own case, no mark. */
static void append_plain(struct vi_word *w, uint32_t key)
{
	struct vi_letter *l = &w->letter[w->n++];

	memset(l, 0, sizeof *l);
	if ((key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z')) {
		l->base = (char)(key | 0x20);
		l->upper = key <= 'Z';
	} else {
		l->base = (char)key;
	}
}

/* Lower-cases an ASCII key. */
static char key_lower(uint32_t key)
{
	return (char)(key >= 'A' && key <= 'Z' ? key | 0x20 : key);
}

/* Remembers that key undid itself: it is a plain key from now on. */
static void make_plain(struct vi_word *w, uint32_t key)
{
	size_t n = strlen(w->plain);

	if (n + 1 < sizeof w->plain && strchr(w->plain, key_lower(key)) == NULL)
		w->plain[n] = key_lower(key);
}

/* A key pressed again after its change undoes it: the change was already
 * taken back by the caller; the key is typed as a letter and stays plain
 * for the rest of the word. Returns 1. */
static int undo_key(struct vi_word *w, uint32_t key)
{
	make_plain(w, key);
	append_plain(w, key);
	return 1;
}

/* The mark a "hook" key gives a vowel: a breve on a, a horn on o and u. */
static int hook_for(char base)
{
	return base == 'a' ? VI_BREVE : VI_HORN;
}

/* Applies a circumflex key (hook = 0) or a breve/horn key (hook = 1) that
 * may change the vowels in bases. The vowel changed is the last one that
 * gives a vowel group Vietnamese uses; u and o next to each other take a
 * horn together. When the vowels already have that mark, the key undoes
 * it and is typed as a letter. Returns 0 when no vowel fits. */
static int apply_mark(struct vi_word *w, const char *bases, int hook, uint32_t key)
{
	int s, e, i, t[2], nt = 0, done = 1;

	if (!nucleus(w, &s, &e))
		return 0;
	if (hook && strchr(bases, 'o') != NULL && strchr(bases, 'u') != NULL)
		for (i = s; i + 1 < e && nt == 0; i++) {
			if (w->letter[i].base != 'u' || w->letter[i + 1].base != 'o')
				continue;
			if (i + 2 < w->n || w->letter[i].mark == VI_HORN)
				t[nt++] = i;
			t[nt++] = i + 1;
		}
	for (i = e - 1; i >= s && nt == 0; i--) {
		struct vi_letter *l = &w->letter[i];
		unsigned char old = l->mark;
		int ok;

		if (strchr(bases, l->base) == NULL)
			continue;
		l->mark = (unsigned char)(hook ? hook_for(l->base) : VI_CIRCUMFLEX);
		ok = nucleus_valid(w, s, e);
		l->mark = old;
		if (ok)
			t[nt++] = i;
	}
	if (nt == 0)
		return 0;
	for (i = 0; i < nt; i++) {
		const struct vi_letter *l = &w->letter[t[i]];

		if (l->mark != (hook ? hook_for(l->base) : VI_CIRCUMFLEX))
			done = 0;
	}
	if (!done) {
		for (i = 0; i < nt; i++) {
			struct vi_letter *l = &w->letter[t[i]];

			l->mark = (unsigned char)(hook ? hook_for(l->base) : VI_CIRCUMFLEX);
			l->from_w = 0;
		}
		return 1;
	}
	/* Undo: "ww" gives back the w that made the ư. */
	if (nt == 1 && w->letter[t[0]].from_w) {
		int at = w->n;

		w->n = t[0];
		append_plain(w, key);
		w->n = at;
		make_plain(w, key);
		return 1;
	}
	for (i = 0; i < nt; i++)
		w->letter[t[i]].mark = VI_MARK_NONE;
	return undo_key(w, key);
}

/* A tone key: sets the tone, or undoes it when the word has it already.
 * Returns 0 when the word has no vowel yet. */
static int tone_key(struct vi_word *w, enum vi_tone tone, uint32_t key)
{
	int s, e;

	if (!nucleus(w, &s, &e))
		return 0;
	if (w->tone != tone) {
		w->tone = tone;
		return 1;
	}
	w->tone = VI_TONE_NONE;
	return undo_key(w, key);
}

/* The đ key: strokes the word's first d, or undoes the stroke. Returns 0
 * when the word does not start with d. */
static int stroke_key(struct vi_word *w, uint32_t key)
{
	struct vi_letter *d = &w->letter[0];

	if (w->n == 0 || d->base != 'd')
		return 0;
	if (d->mark == VI_MARK_NONE) {
		d->mark = VI_STROKE;
		return 1;
	}
	d->mark = VI_MARK_NONE;
	return undo_key(w, key);
}

/* The tone key removes: returns 0 when there is no tone to remove. */
static int clear_key(struct vi_word *w)
{
	if (w->tone == VI_TONE_NONE)
		return 0;
	w->tone = VI_TONE_NONE;
	return 1;
}

/* Telex: every key is a letter; some also change the word. */
static int telex_key(struct vi_word *w, uint32_t key)
{
	char k = key_lower(key);
	const char *tones = "sfrxj", *p;
	int done = 0;

	if ((p = strchr(tones, k)) != NULL)
		done = tone_key(w, (enum vi_tone)(p - tones + 1), key);
	else if (k == 'z')
		done = clear_key(w);
	else if (k == 'a' || k == 'e' || k == 'o')
		done = apply_mark(w, (char[]){ k, '\0' }, 0, key);
	else if (k == 'd')
		done = stroke_key(w, key);
	else if (k == 'w') {
		int s, e;

		done = apply_mark(w, "aou", 1, key);
		if (!done) {
			/* A bare w is ư when that makes a vowel group. */
			struct vi_letter *l = &w->letter[w->n++];

			memset(l, 0, sizeof *l);
			l->base = 'u';
			l->mark = VI_HORN;
			l->upper = key == 'W';
			l->from_w = 1;
			nucleus(w, &s, &e);
			if (nucleus_valid(w, s, e))
				return 1;
			w->n--;
		}
	}
	if (!done)
		append_plain(w, key);
	return 1;
}

/* VNI: digits change the word; a digit with nothing to change is not a
 * word key. */
static int vni_key(struct vi_word *w, uint32_t key)
{
	if (key >= '1' && key <= '5')
		return tone_key(w, (enum vi_tone)(key - '0'), key);
	switch (key) {
	case '0':
		return clear_key(w);
	case '6':
		return apply_mark(w, "aeo", 0, key);
	case '7':
		return apply_mark(w, "ou", 1, key);
	case '8':
		return apply_mark(w, "a", 1, key);
	case '9':
		return stroke_key(w, key);
	}
	return 0;
}

/* VIQR: marks follow the letters; a backslash makes the next mark plain. */
static int viqr_key(struct vi_word *w, uint32_t key)
{
	const char *tones = "'`?~.", *p;

	if (w->n > 0 && w->letter[w->n - 1].base == '\\' && key < 0x80 && key != 0 &&
	    strchr("'`?~.^(+*\\", (int)key) != NULL) {
		w->letter[w->n - 1].base = (char)key;
		return 1;
	}
	if (key == '\\') {
		append_plain(w, key);
		return 1;
	}
	if (key < 0x80 && key != 0 && (p = strchr(tones, (int)key)) != NULL)
		return tone_key(w, (enum vi_tone)(p - tones + 1), key);
	switch (key) {
	case '^':
		return apply_mark(w, "aeo", 0, key);
	case '(':
		return apply_mark(w, "a", 1, key);
	case '+':
	case '*':
		return apply_mark(w, "ou", 1, key);
	case 'd':
	case 'D':
		if (stroke_key(w, key))
			return 1;
		break;
	}
	return 0;
}

/* Appends a letter that may be precomposed; its tone becomes the word's. */
static int append_letter(struct vi_word *w, uint32_t cp)
{
	struct vi_letter l;
	enum vi_tone tone;

	if (w->n >= VI_WORD_MAX || !letter_parse(cp, &l, &tone))
		return 0;
	w->letter[w->n++] = l;
	if (tone != VI_TONE_NONE)
		w->tone = tone;
	horn_pair(w);
	return 1;
}

int vi_word_key(struct vi_word *w, uint32_t key)
{
	int done = 0;

	if (w->n >= VI_WORD_MAX)
		return 0;
	if (key < 0x80 && key != 0 && strchr(w->plain, key_lower(key)) != NULL) {
		append_plain(w, key);
		return 1;
	}
	if (key < 0x80 && w->method == VI_TELEX && vi_is_letter(key))
		done = telex_key(w, key);
	else if (key < 0x80 && w->method == VI_VNI)
		done = vni_key(w, key);
	else if (key < 0x80 && w->method == VI_VIQR)
		done = viqr_key(w, key);
	if (done) {
		horn_pair(w);
		return 1;
	}
	return append_letter(w, key);
}

int vi_word_letter(struct vi_word *w, uint32_t cp)
{
	return append_letter(w, cp);
}

int vi_word_set_tone(struct vi_word *w, enum vi_tone tone)
{
	int s, e;

	if (!nucleus(w, &s, &e))
		return 0;
	w->tone = tone;
	return 1;
}

int vi_word_backspace(struct vi_word *w)
{
	int s, e;

	if (w->n == 0)
		return 0;
	if (vi_word_tone_at(w) == w->n - 1)
		w->tone = VI_TONE_NONE;
	w->n--;
	if (!nucleus(w, &s, &e))
		w->tone = VI_TONE_NONE;
	return 1;
}

int vi_word_load(struct vi_word *w, const char *s, size_t n)
{
	char *nfc = text_nfc(s, n);
	size_t i = 0, len;
	int ok = nfc != NULL;

	w->n = 0;
	w->tone = VI_TONE_NONE;
	w->plain[0] = '\0';
	len = ok ? strlen(nfc) : 0;
	while (ok && i < len) {
		uint32_t cp;
		size_t step = text_decode(nfc + i, len - i, &cp);

		ok = step > 0 && append_letter(w, cp);
		i += step;
	}
	free(nfc);
	if (!ok) {
		w->n = 0;
		w->tone = VI_TONE_NONE;
		return -1;
	}
	return 0;
}

size_t vi_word_text(const struct vi_word *w, char *out)
{
	int i, at = vi_word_tone_at(w);
	size_t o = 0;

	for (i = 0; i < w->n; i++) {
		uint32_t cp = letter_cp(&w->letter[i], i == at ? w->tone : VI_TONE_NONE);

		o += text_encode(cp, out + o);
	}
	out[o] = '\0';
	return o;
}

char *vi_compose(const char *s, enum vi_method method, int flags)
{
	char *nfc = text_nfc(s, strlen(s)), *out;
	size_t i = 0, o = 0, len;
	struct vi_word w;

	if (nfc == NULL || method == VI_NONE)
		return nfc;
	len = strlen(nfc);
	/* A key adds at most one letter of at most 3 bytes. */
	out = xmalloc(3 * len + 1);
	vi_word_init(&w, method, flags);
	while (i < len) {
		uint32_t cp;
		size_t step = text_decode(nfc + i, len - i, &cp);

		i += step;
		if (vi_word_key(&w, cp))
			continue;
		o += vi_word_text(&w, out + o);
		o += text_encode(cp, out + o);
		vi_word_init(&w, method, flags);
	}
	o += vi_word_text(&w, out + o);
	out[o] = '\0';
	wipe(nfc, len);
	free(nfc);
	return out;
}

/* The methods' names, in the order of enum vi_method. */
static const char *const method_names[] = { "none", "telex", "vni", "viqr" };

int vi_method_parse(const char *name, enum vi_method *method)
{
	size_t i;

	for (i = 0; i < sizeof method_names / sizeof method_names[0]; i++)
		if (strcmp(name, method_names[i]) == 0) {
			*method = (enum vi_method)i;
			return 0;
		}
	return -1;
}
