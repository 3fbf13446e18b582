/* What a Linux console font can draw (see glyphs.h). */
#include "glyphs.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistd.h>

#include "problems.h"
#include "text.h"
#include "util.h"

/* The font's characters, sorted, without repeats. */
struct glyphs {
	uint32_t *cp;
	size_t n;
};

#define PSF1_MAGIC0 0x36
#define PSF1_MAGIC1 0x04
#define PSF1_MODE512 0x01
#define PSF1_MODEHASTAB 0x02
#define PSF2_MAGIC 0x864ab572u
#define PSF2_HAS_UNICODE_TABLE 0x01
#define PSF2_SEQ 0xfe
#define PSF2_END 0xff

/* A little-endian 32-bit number at p. */
static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Adds one character to the set (sorted later). */
static void add(struct glyphs *g, size_t *cap, uint32_t cp)
{
	if (g->n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		g->cp = xrealloc(g->cp, *cap * sizeof *g->cp);
	}
	g->cp[g->n++] = cp;
}

/* Reads a PSF2 Unicode table: per glyph, UTF-8 characters, then sequences
 * (each after 0xFE; they draw combined characters, so are skipped), then
 * 0xFF. Returns 0 or -1 when the table is not UTF-8. */
static int read_psf2_table(struct glyphs *g, const unsigned char *t, size_t n)
{
	size_t i = 0, cap = 0;
	int in_seq = 0;

	while (i < n) {
		uint32_t cp;
		size_t len;

		if (t[i] == PSF2_END || t[i] == PSF2_SEQ) {
			in_seq = t[i] == PSF2_SEQ;
			i++;
			continue;
		}
		len = text_decode((const char *)t + i, n - i, &cp);
		if (len == 0)
			return -1;
		if (!in_seq)
			add(g, &cap, cp);
		i += len;
	}
	return 0;
}

/* Reads a PSF1 Unicode table: per glyph, 16-bit little-endian characters,
 * sequences after 0xFFFE, then 0xFFFF. */
static void read_psf1_table(struct glyphs *g, const unsigned char *t, size_t n)
{
	size_t i, cap = 0;
	int in_seq = 0;

	for (i = 0; i + 1 < n; i += 2) {
		uint32_t cp = (uint32_t)t[i] | (uint32_t)t[i + 1] << 8;

		if (cp == 0xffff || cp == 0xfffe)
			in_seq = cp == 0xfffe;
		else if (!in_seq)
			add(g, &cap, cp);
	}
}

/* Orders code points for qsort and bsearch. */
static int cmp_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Finds the Unicode table in a PSF file's bytes and reads it into g.
 * Returns NULL, or why the bytes are not a font with a table. */
static const char *read_font(struct glyphs *g, const unsigned char *d, size_t n)
{
	if (n >= 4 && d[0] == PSF1_MAGIC0 && d[1] == PSF1_MAGIC1) {
		size_t count = d[2] & PSF1_MODE512 ? 512 : 256, start = 4 + count * d[3];

		if (!(d[2] & PSF1_MODEHASTAB))
			return "the font has no Unicode table";
		if (start > n)
			return "the font is cut short";
		read_psf1_table(g, d + start, n - start);
		return NULL;
	}
	if (n >= 32 && le32(d) == PSF2_MAGIC) {
		uint64_t start = (uint64_t)le32(d + 8) + (uint64_t)le32(d + 16) * le32(d + 20);

		if (!(le32(d + 12) & PSF2_HAS_UNICODE_TABLE))
			return "the font has no Unicode table";
		if (start > n)
			return "the font is cut short";
		if (read_psf2_table(g, d + start, n - (size_t)start) != 0)
			return "the font's Unicode table is not UTF-8";
		return NULL;
	}
	if (n >= 2 && d[0] == 0x1f && d[1] == 0x8b)
		return "a compressed font (unpack it with gunzip; setfont reads both)";
	return "not a PSF console font";
}

struct glyphs *glyphs_load(const char *path, char **cause)
{
	size_t n, i, k;
	unsigned char *data = (unsigned char *)file_read(path, &n);
	struct glyphs *g;
	const char *why;

	if (data == NULL) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	g = xcalloc(1, sizeof *g);
	why = read_font(g, data, n);
	free(data);
	if (why == NULL && g->n == 0)
		why = "the font's Unicode table is empty";
	if (why != NULL) {
		*cause = xprintf("%s: %s", path, why);
		glyphs_free(g);
		return NULL;
	}
	qsort(g->cp, g->n, sizeof *g->cp, cmp_cp);
	for (i = k = 0; i < g->n; i++)
		if (k == 0 || g->cp[k - 1] != g->cp[i])
			g->cp[k++] = g->cp[i];
	g->n = k;
	return g;
}

void glyphs_free(struct glyphs *g)
{
	if (g == NULL)
		return;
	free(g->cp);
	free(g);
}

size_t glyphs_count(const struct glyphs *g)
{
	return g->n;
}

int glyphs_has(const struct glyphs *g, uint32_t cp)
{
	return bsearch(&cp, g->cp, g->n, sizeof *g->cp, cmp_cp) != NULL;
}

uint32_t glyphs_fallback(const struct glyphs *g, uint32_t cp)
{
	int step;

	if (g == NULL)
		return cp;
	/* One level of decomposition at a time: ự is ư and a dot, ư is u and
	 * a horn; a font with ư but not ự draws ư. Compatibility forms count
	 * (full-width letters, ligatures, superscripts). */
	for (step = 0; step < 8; step++) {
		ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
		int tag;

		if (glyphs_has(g, cp))
			return cp;
		if (uc_decomposition(cp, &tag, d) <= 0)
			break;
		cp = d[0];
	}
	return '?';
}

uint32_t glyphs_missing(const struct glyphs *g, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);

		if (len == 0) {
			cp = 0xfffd; /* drawn as the replacement character */
			len = 1;
		}
		i += len;
		if (text_cp_width(cp) > 0 && !text_is_mark(cp) && !glyphs_has(g, cp))
			return cp;
	}
	return 0;
}

/* Adds the problem of one character the font lacks, at where. */
static void add_missing(struct problems *p, const char *file, int line, const char *where,
			uint32_t cp, const char *font)
{
	char ch[5] = { 0 };

	text_encode(cp, ch);
	problems_add(p, file, line, "%s%sU+%04X \"%s\" cannot be drawn with the console font %s",
		     where, *where ? ": " : "", (unsigned)cp, ch, font);
}

int glyphs_check_file(const struct glyphs *g, const char *font, const char *path,
		      const char *shown, struct problems *p)
{
	size_t n, start = 0, end;
	char *data = file_read(path, &n);
	int line = 0, found = 0;

	if (data == NULL)
		return 0; /* the loaders report files that cannot be read */
	while (start < n) {
		const char *s = data + start;
		size_t skip = 0;
		uint32_t cp;

		end = start;
		while (end < n && data[end] != '\n')
			end++;
		line++;
		while (skip < end - start && (s[skip] == ' ' || s[skip] == '\t'))
			skip++;
		if ((skip == end - start || s[skip] != '#') &&
		    (cp = glyphs_missing(g, s, end - start)) != 0) {
			add_missing(p, shown, line, "", cp, font);
			found++;
		}
		start = end + 1;
	}
	free(data);
	return found;
}

/* The texts of content.db a booth shows, each query giving what to call
 * the item, then its columns. */
static const char *const content_texts[] = {
	"SELECT 'field ' || id, name FROM fields",
	"SELECT 'procedure ' || code, code, name, level, applicants, decision, conditions,"
	" where_to, source FROM procedures",
	"SELECT 'procedure ' || p.code || ' channel', t.way, t.time, t.fee, t.fee_note,"
	" t.description, t.text FROM channels t JOIN procedures p ON p.id = t.procedure_id",
	"SELECT 'procedure ' || p.code || ' paper', t.grp, t.name, t.form, t.count, t.text"
	" FROM papers t JOIN procedures p ON p.id = t.procedure_id",
	"SELECT 'procedure ' || p.code || ' step', t.text"
	" FROM steps t JOIN procedures p ON p.id = t.procedure_id",
	"SELECT 'procedure ' || p.code || ' result', t.text"
	" FROM results t JOIN procedures p ON p.id = t.procedure_id",
	"SELECT 'procedure ' || p.code || ' legal basis', t.name, t.code, t.text"
	" FROM legal t JOIN procedures p ON p.id = t.procedure_id",
	"SELECT 'province ' || code, name, kind FROM provinces",
	"SELECT 'commune ' || code, name, kind FROM communes",
	"SELECT 'announcement ' || id, title, body FROM announcements",
	/* Since the mapping of old communes: a content.db built before has
	 * no such table (skipped, see glyphs_check_content). */
	"SELECT 'old commune ' || id, name, district, old_province FROM old_communes",
};

/* Checks the rows of one query; returns the problems added, -1 on an
 * error of the database. */
static int check_rows(const struct glyphs *g, const char *font, sqlite3 *db, const char *sql,
		      const char *shown, struct problems *p)
{
	sqlite3_stmt *st;
	int found = 0, rc, i;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		problems_add(p, shown, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 1; i < sqlite3_column_count(st); i++) {
			const char *s = (const char *)sqlite3_column_text(st, i);
			uint32_t cp;
			char *where;

			if (s == NULL || (cp = glyphs_missing(g, s, strlen(s))) == 0)
				continue;
			where = xprintf("%s, %s", (const char *)sqlite3_column_text(st, 0),
					sqlite3_column_name(st, i));
			add_missing(p, shown, 0, where, cp, font);
			free(where);
			found++;
		}
	}
	if (rc != SQLITE_DONE)
		problems_add(p, shown, 0, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? found : -1;
}

/* True when content.db has the table of old communes. */
static int has_old_communes(sqlite3 *db)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = 'old_communes'", -1,
			       &st, NULL) != SQLITE_OK)
		return 0;
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int glyphs_check_content(const struct glyphs *g, const char *font, const char *db_path,
			 struct problems *p)
{
	sqlite3 *db = NULL;
	size_t i;
	int found = 0, rc = 0;

	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		problems_add(p, db_path, 0, "%s", db ? sqlite3_errmsg(db) : "cannot open");
		sqlite3_close(db);
		return -1;
	}
	for (i = 0; i < sizeof content_texts / sizeof content_texts[0] && rc >= 0; i++) {
		if (strstr(content_texts[i], "old_communes") && !has_old_communes(db))
			continue;
		rc = check_rows(g, font, db, content_texts[i], db_path, p);
		found += rc > 0 ? rc : 0;
	}
	sqlite3_close(db);
	return rc < 0 ? -1 : found;
}

int glyphs_console(enum ui_display display, const char *term)
{
	if (display == DISPLAY_CONSOLE)
		return 1;
	return display == DISPLAY_AUTO && term != NULL &&
	       (strcmp(term, "linux") == 0 || strncmp(term, "linux-", 6) == 0);
}

char *glyphs_font_path(const char *font, const char *size)
{
	static const char *const under[] = { "../share/kiosk", ".." };
	char *dir, *path = NULL;
	size_t i;

	if (font[0] != '\0')
		return xstrdup(font);
	dir = program_dir();
	for (i = 0; i < sizeof under / sizeof under[0]; i++) {
		free(path);
		path = xprintf("%s/%s/assets/console/kiosk-%s.psf", dir ? dir : ".", under[i], size);
		if (access(path, F_OK) == 0) {
			char *real = realpath(path, NULL);

			if (real != NULL) {
				free(path);
				path = real;
			}
			free(dir);
			return path;
		}
	}
	free(path);
	path = xprintf("%s/%s/assets/console/kiosk-%s.psf", dir ? dir : ".", under[0], size);
	free(dir);
	return path;
}
