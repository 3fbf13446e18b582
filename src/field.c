/* The one-line text field every form uses: see field.h. The buffer is
 * allocated once for the maximum so the text is never copied around by
 * realloc (which would leave copies that cannot be wiped). */
#include "field.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define FIELD_MAX 4096

void field_init(struct field *f, int max_chars, int flags)
{
	memset(f, 0, sizeof *f);
	if (max_chars < 1)
		max_chars = 1;
	if (max_chars > FIELD_MAX)
		max_chars = FIELD_MAX;
	f->max_chars = max_chars;
	f->flags = flags;
	/* 4 bytes a character, and room for a word being redrawn. */
	f->cap = (size_t)max_chars * 4 + VI_TEXT_MAX + 1;
	f->text = xcalloc(f->cap, 1);
	vi_word_init(&f->word, VI_TELEX, 0);
}

void field_set_method(struct field *f, enum vi_method method, int vi_flags)
{
	vi_word_init(&f->word, method, vi_flags);
	f->word_live = 0;
}

/* Starts a fresh word state with the field's method. */
static void word_reset(struct field *f)
{
	enum vi_method method = f->word.method;
	int flags = f->word.flags;

	wipe(&f->word, sizeof f->word);
	vi_word_init(&f->word, method, flags);
	f->word_live = 0;
}

void field_clear(struct field *f)
{
	wipe(f->text, f->cap);
	f->len = f->cursor = f->scroll = 0;
	word_reset(f);
}

void field_free(struct field *f)
{
	if (f->text == NULL)
		return;
	field_clear(f);
	free(f->text);
	f->text = NULL;
}

const char *field_text(const struct field *f)
{
	return f->text;
}

/* Decodes the code point at i (invalid bytes read as U+FFFD). Returns
 * the bytes it takes. */
static size_t cp_at(const char *s, size_t len, size_t i, uint32_t *cp)
{
	size_t n = text_decode(s + i, len - i, cp);

	if (n == 0) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

/* True for a combining mark that belongs to the character before it. */
static int is_combining(uint32_t cp)
{
	return cp >= 0x300 && text_cp_width(cp) == 0;
}

/* Offset of the character after the one at i (base and its marks). */
static size_t next_char(const char *s, size_t len, size_t i)
{
	uint32_t cp;

	if (i >= len)
		return len;
	i += cp_at(s, len, i, &cp);
	while (i < len) {
		size_t n = cp_at(s, len, i, &cp);

		if (!is_combining(cp))
			break;
		i += n;
	}
	return i;
}

/* Offset of the character before i. */
static size_t prev_char(const char *s, size_t i)
{
	while (i > 0) {
		uint32_t cp;

		do
			i--;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80);
		if (text_decode(s + i, 4, &cp) == 0 || !is_combining(cp))
			break;
	}
	return i;
}

/* Characters in s[from, to). */
static int count_chars(const char *s, size_t from, size_t to)
{
	int n = 0;

	while (from < to) {
		from = next_char(s, to, from);
		n++;
	}
	return n;
}

int field_chars(const struct field *f)
{
	return count_chars(f->text, 0, f->len);
}

/* Columns s[from, to) takes. */
static int columns(const char *s, size_t from, size_t to)
{
	int cols = 0;

	while (from < to) {
		uint32_t cp;
		int w;

		from += cp_at(s, to, from, &cp);
		w = text_cp_width(cp);
		cols += w < 0 ? 1 : w;
	}
	return cols;
}

/* Replaces text[from, to) with n bytes of s when the result keeps within
 * the maximum. Returns -1 (nothing changed) when it does not. */
static int splice(struct field *f, size_t from, size_t to, const char *s, size_t n)
{
	int chars = field_chars(f) - count_chars(f->text, from, to) + count_chars(s, 0, n);

	if (chars > f->max_chars || f->len - (to - from) + n >= f->cap)
		return -1;
	memmove(f->text + from + n, f->text + to, f->len - to + 1);
	memcpy(f->text + from, s, n);
	f->len = f->len - (to - from) + n;
	if (n < to - from)
		wipe(f->text + f->len + 1, to - from - n);
	return 0;
}

/* True when the code point before byte i is a letter. */
static int letter_before(const struct field *f, size_t i)
{
	uint32_t cp;

	if (i == 0)
		return 0;
	cp_at(f->text, f->len, prev_char(f->text, i), &cp);
	return vi_is_letter(cp);
}

size_t field_word(const struct field *f, size_t *start)
{
	size_t i = f->cursor;

	while (letter_before(f, i))
		i = prev_char(f->text, i);
	*start = i;
	return f->cursor - i;
}

/* Composes text NFC before the cursor again, so a combining mark typed or
 * pasted joins its letter; the cursor stays after the same text. */
static void nfc_before_cursor(struct field *f)
{
	char *nfc = text_nfc(f->text, f->cursor);
	size_t n;

	if (nfc == NULL)
		return;
	n = strlen(nfc);
	if (n != f->cursor || memcmp(nfc, f->text, n) != 0) {
		memmove(f->text + n, f->text + f->cursor, f->len - f->cursor + 1);
		memcpy(f->text, nfc, n);
		f->len = f->len - f->cursor + n;
		f->cursor = n;
	}
	wipe(nfc, n);
	free(nfc);
}

/* Cleans n bytes of s for the field into out (n + 1 bytes): invalid
 * bytes and controls dropped, tabs and newlines as spaces; capitals at
 * word starts for names (after_letter: the text before is a letter). */
static size_t clean(const struct field *f, const char *s, size_t n, char *out, int after_letter)
{
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t cp;
		size_t step = text_decode(s + i, n - i, &cp);

		if (step == 0) {
			i++;
			continue;
		}
		i += step;
		if (cp == '\t' || cp == '\n')
			cp = ' ';
		if (text_cp_width(cp) < 0 || cp == 0xfffd)
			continue;
		if ((f->flags & FIELD_CAPS) && !after_letter)
			cp = vi_upper(cp);
		after_letter = vi_is_letter(cp) || is_combining(cp);
		o += text_encode(cp, out + o);
	}
	out[o] = '\0';
	return o;
}

int field_insert(struct field *f, const char *s, size_t n)
{
	char *buf = xmalloc(n + 1), *nfc;
	size_t len = clean(f, s, n, buf, letter_before(f, f->cursor)), cut;
	int room = f->max_chars - field_chars(f), all = 1;

	word_reset(f);
	nfc = text_nfc(buf, len);
	wipe(buf, n + 1);
	free(buf);
	if (nfc == NULL)
		return 0;
	len = strlen(nfc);
	/* Cut at the maximum, on a character boundary. */
	for (cut = 0; cut < len && room > 0; room--)
		cut = next_char(nfc, len, cut);
	if (cut < len)
		all = 0;
	if (cut > 0 && splice(f, f->cursor, f->cursor, nfc, cut) == 0) {
		f->cursor += cut;
		nfc_before_cursor(f);
	} else if (len > 0) {
		all = 0;
	}
	wipe(nfc, len);
	free(nfc);
	return all && len > 0;
}

/* Loads the word before the cursor into w (an empty word at the cursor
 * when that is not a word the engine can take). Returns its offset. */
static size_t word_load(struct field *f, struct vi_word *w)
{
	size_t start, n = field_word(f, &start);

	vi_word_init(w, f->word.method, f->word.flags);
	if (n > 0 && vi_word_load(w, f->text + start, n) != 0)
		start = f->cursor;
	return start;
}

/* Draws w in place of text[start, cursor) (capitalised for names). Returns
 * 1, or 0 when it would pass the maximum. */
static int word_store(struct field *f, struct vi_word *w, size_t start)
{
	char out[VI_TEXT_MAX];
	size_t n;

	if ((f->flags & FIELD_CAPS) && w->n > 0 && !letter_before(f, start))
		w->letter[0].upper = 1;
	n = vi_word_text(w, out);
	if (splice(f, start, f->cursor, out, n) != 0)
		return 0;
	f->cursor = start + n;
	f->word = *w;
	f->word_at = start;
	f->word_live = w->n > 0;
	wipe(out, sizeof out);
	return 1;
}

int field_key(struct field *f, uint32_t cp)
{
	struct vi_word w;
	size_t start;
	char buf[4];

	if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) || text_cp_width(cp) < 0)
		return 0;
	if (f->word.method != VI_NONE) {
		if (f->word_live) {
			w = f->word;
			start = f->word_at;
		} else {
			start = word_load(f, &w);
		}
		if (vi_word_key(&w, cp))
			return word_store(f, &w, start);
	}
	return field_insert(f, buf, text_encode(cp, buf));
}

int field_letter(struct field *f, uint32_t cp)
{
	struct vi_word w;
	size_t start = word_load(f, &w);
	char buf[4];

	if (vi_word_letter(&w, cp))
		return word_store(f, &w, start);
	if (text_cp_width(cp) < 0)
		return 0;
	return field_insert(f, buf, text_encode(cp, buf));
}

int field_tone(struct field *f, enum vi_tone tone)
{
	struct vi_word w;
	size_t start = word_load(f, &w);

	if (w.n == 0 || !vi_word_set_tone(&w, tone))
		return 0;
	return word_store(f, &w, start);
}

int field_replace_word(struct field *f, const char *s)
{
	size_t start, n = field_word(f, &start), at = f->cursor;
	char *removed = xstrndup(f->text + start, n);
	int ok;

	splice(f, start, f->cursor, "", 0);
	f->cursor = start;
	ok = field_insert(f, s, strlen(s));
	if (!ok) {
		/* Put the word back as it was. */
		splice(f, start, f->cursor, removed, n);
		f->cursor = at;
	}
	wipe(removed, n);
	free(removed);
	return ok;
}

int field_set(struct field *f, const char *s)
{
	field_clear(f);
	return field_insert(f, s, strlen(s));
}

int field_backspace(struct field *f)
{
	size_t from;

	if (f->word_live) {
		struct vi_word w = f->word;

		vi_word_backspace(&w);
		return word_store(f, &w, f->word_at);
	}
	if (f->cursor == 0)
		return 0;
	from = prev_char(f->text, f->cursor);
	splice(f, from, f->cursor, "", 0);
	f->cursor = from;
	return 1;
}

/* Moves the cursor to at; returns 1 when it moved. */
static int move_to(struct field *f, size_t at)
{
	word_reset(f);
	if (at == f->cursor)
		return 0;
	f->cursor = at;
	return 1;
}

int field_left(struct field *f)
{
	return move_to(f, prev_char(f->text, f->cursor));
}

int field_right(struct field *f)
{
	return move_to(f, next_char(f->text, f->len, f->cursor));
}

int field_home(struct field *f)
{
	return move_to(f, 0);
}

int field_end(struct field *f)
{
	return move_to(f, f->len);
}

int field_delete(struct field *f)
{
	size_t to = next_char(f->text, f->len, f->cursor);

	word_reset(f);
	if (to == f->cursor)
		return 0;
	splice(f, f->cursor, to, "", 0);
	return 1;
}

void field_view(struct field *f, int width, struct field_view *v)
{
	if (width < 1)
		width = 1;
	if (f->scroll > f->cursor)
		f->scroll = f->cursor;
	while (f->scroll < f->cursor && columns(f->text, f->scroll, f->cursor) > width - 1)
		f->scroll = next_char(f->text, f->len, f->scroll);
	/* Scroll back when text was deleted and more fits now. */
	while (f->scroll > 0) {
		size_t back = prev_char(f->text, f->scroll);

		if (columns(f->text, back, f->len) > width - 1 ||
		    columns(f->text, back, f->cursor) > width - 1)
			break;
		f->scroll = back;
	}
	v->start = f->scroll;
	v->len = text_fit(f->text + f->scroll, width);
	v->cursor_col = columns(f->text, f->scroll, f->cursor);
}
