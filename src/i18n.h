/* Translations: gettext .po catalogs read at start-up from locale/, one per
 * language. Message ids are the Vietnamese text itself, so a missing
 * translation falls back to Vietnamese, and vi.po lists every string the
 * kiosk shows (the catalog translators start from). Works whatever
 * system locales exist: nothing here goes through setlocale or libintl. */
#ifndef KIOSK_I18N_H
#define KIOSK_I18N_H

#include <stddef.h>

struct problems;
struct i18n;

/* Marks a string literal as a message id for the catalogs (xgettext -kN_
 * finds them; tests check every one is translated). */
#define N_(s) (s)

/* Loads every *.po file in dir: Vietnamese in full, the other languages
 * up to the end of their header (their code and name), the rest of each
 * at its first use, so that the kiosk's start reads only what it shows.
 * Problems (file:line: message) are added to p, those found at a first
 * use written to the log; a catalog with problems is still loaded with its
 * good entries. Always returns a catalog set, with Vietnamese first even
 * if vi.po is missing. */
struct i18n *i18n_load(const char *dir, struct problems *p);

/* Reads the rest of every language now, its problems added to p (for
 * `kioskctl check`). */
void i18n_load_all(struct i18n *t, struct problems *p);

/* Frees the set; NULL is ignored. */
void i18n_free(struct i18n *t);

/* Number of languages; language 0 is Vietnamese. */
int i18n_count(const struct i18n *t);

/* Index of the language with this code ("vi", "en"), or -1. */
int i18n_find(const struct i18n *t, const char *code);

/* Code and own name ("English", "Tiếng Việt") of language i. */
const char *i18n_code(const struct i18n *t, int i);
const char *i18n_name(const struct i18n *t, int i);

/* The translation of msgid in language i; msgid itself when there is none
 * (or t is NULL: Vietnamese, as paper and kioskctl write). */
const char *i18n_get(const struct i18n *t, int i, const char *msgid);

/* True when language i has its own translation of msgid. */
int i18n_has(const struct i18n *t, int i, const char *msgid);

/* What the placeholders of a message stand for (NULL: left as written). */
struct i18n_vars {
	const char *commune;   /* {commune}: [booth] commune */
	const char *language;  /* {language}: the next language's own name */
	const char *ok, *del;  /* {ok}, {del}: the booth's keys that finish, delete */
	long n;                /* {n} */
};

/* Writes s into out (size bytes, cut when full) with its placeholders
 * filled from v. */
void i18n_fill(char *out, size_t size, const char *s, const struct i18n_vars *v);

/* The translation of msgid with its "{n}" replaced by the text value
 * ("{n} đồng" with "7.000": "7.000 VND" in English). A new string. */
char *i18n_fill_text(const struct i18n *t, int i, const char *msgid, const char *value);

#endif
