/* Building content.db from the JSON sources: every file is read with
 * jansson and checked (required keys, types, no unknown keys, text valid
 * and in NFC, dates, codes unique); what is valid goes into a temporary
 * SQLite file in one transaction, with the folded texts search needs, and
 * the file replaces the old one only when no problem was found. */
#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "oldaddr.h"
#include "papers.h"
#include "ptime.h"
#include "synonyms.h"
#include "text.h"
#include "util.h"

static const char schema[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE fields (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE procedures ("
	"  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	"  field_id INTEGER NOT NULL REFERENCES fields (id), level TEXT, applicants TEXT,"
	"  decision TEXT, conditions TEXT, where_to TEXT, source TEXT, papers_complete INTEGER);"
	"CREATE INDEX procedures_by_field ON procedures (field_id, name);"
	"CREATE TABLE channels ("
	"  procedure_id INTEGER NOT NULL, seq INTEGER NOT NULL, way TEXT, time TEXT, fee TEXT,"
	"  fee_vnd INTEGER, fee_note TEXT, description TEXT, text TEXT,"
	"  days INTEGER, calendar INTEGER,"
	"  PRIMARY KEY (procedure_id, seq));"
	"CREATE TABLE papers ("
	"  procedure_id INTEGER NOT NULL, seq INTEGER NOT NULL, grp TEXT, name TEXT, form TEXT,"
	"  original INTEGER, copy INTEGER, count TEXT, text TEXT,"
	"  PRIMARY KEY (procedure_id, seq));"
	"CREATE TABLE paper_names (procedure_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  text TEXT NOT NULL, PRIMARY KEY (procedure_id, seq));"
	"CREATE TABLE steps (procedure_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  text TEXT NOT NULL, PRIMARY KEY (procedure_id, seq));"
	"CREATE TABLE results (procedure_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  text TEXT NOT NULL, PRIMARY KEY (procedure_id, seq));"
	"CREATE TABLE legal (procedure_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  name TEXT, code TEXT, text TEXT, PRIMARY KEY (procedure_id, seq));"
	"CREATE TABLE search_text (procedure_id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	"  field TEXT NOT NULL, body TEXT NOT NULL);"
	"CREATE TABLE synonyms (file TEXT NOT NULL, line INTEGER NOT NULL, phrase TEXT NOT NULL,"
	"  target TEXT NOT NULL);"
	"CREATE TABLE provinces (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
	"  fold TEXT NOT NULL);"
	"CREATE TABLE communes (code TEXT PRIMARY KEY, province TEXT NOT NULL"
	"  REFERENCES provinces (code), name TEXT NOT NULL, kind TEXT NOT NULL, fold TEXT NOT NULL);"
	"CREATE INDEX communes_by_province ON communes (province, code);"
	"CREATE TABLE old_communes (id INTEGER PRIMARY KEY, province TEXT NOT NULL"
	"  REFERENCES provinces (code), name TEXT NOT NULL, district TEXT NOT NULL,"
	"  old_province TEXT NOT NULL, fold TEXT NOT NULL, district_fold TEXT NOT NULL,"
	"  key TEXT NOT NULL);"
	"CREATE INDEX old_communes_by_key ON old_communes (key);"
	"CREATE TABLE old_targets (old_id INTEGER NOT NULL REFERENCES old_communes (id),"
	"  seq INTEGER NOT NULL, commune TEXT NOT NULL REFERENCES communes (code),"
	"  PRIMARY KEY (old_id, seq));"
	"CREATE TABLE announcements (id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,"
	"  shown_from TEXT NOT NULL, shown_to TEXT NOT NULL);"
	"CREATE TEMP TABLE origin (kind TEXT, code TEXT, file TEXT, PRIMARY KEY (kind, code));";

/* Text rules for a value: one line (names, codes) or several (long texts). */
enum { ONE_LINE, LINES };

struct build {
	const char *src;
	sqlite3 *sql;
	content_report_fn *report;
	void *arg;
	int problems;
	char file[512];        /* the source being read, relative to src */
	char where[128];       /* the item inside it ("papers[2]") or "" */
};

/* Reports one problem in the current file. */
static void problem(struct build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct build *b, const char *fmt, ...)
{
	va_list ap;
	char msg[1024], *line;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	line = xprintf("%s: %s%s%s", b->file, b->where, b->where[0] ? ": " : "", msg);
	b->report(b->arg, line);
	free(line);
	b->problems++;
}

/* Runs SQL that returns no rows; a failure is a problem of the build. */
static int exec(struct build *b, const char *sql)
{
	if (sqlite3_exec(b->sql, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	problem(b, "database: %s", sqlite3_errmsg(b->sql));
	return -1;
}

/* Reports keys of obj that are not in the space-separated list allowed. */
static void check_keys(struct build *b, json_t *obj, const char *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		(void)v;
		if (!word_in_list(key, allowed))
			problem(b, "unknown key \"%s\" (allowed: %s)", key, allowed);
	}
}

/* Checks a text value: valid, NFC, no control characters (line breaks
 * only in LINES texts), not blank. Returns 0 when fine. */
static int check_text(struct build *b, const char *key, const char *s, int lines)
{
	const unsigned char *p;

	if (!text_is_nfc(s)) {
		problem(b, "\"%s\" is not in Unicode NFC (precomposed) form; save it as NFC", key);
		return -1;
	}
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && !(*p == '\n' && lines)) || *p == 0x7f) {
			problem(b, "\"%s\" holds a control character%s", key,
				*p == '\n' ? " (a line break, allowed only in long texts)" : "");
			return -1;
		}
	}
	if (strspn(s, " \n") == strlen(s)) {
		problem(b, "\"%s\" is empty", key);
		return -1;
	}
	return 0;
}

/* The text at obj[key]: NULL when absent (reported when required) or
 * wrong. */
static const char *get_text(struct build *b, json_t *obj, const char *key, int required, int lines)
{
	json_t *v = json_object_get(obj, key);
	const char *s;

	if (v == NULL || json_is_null(v)) {
		if (required)
			problem(b, "\"%s\" is missing", key);
		return NULL;
	}
	if (!json_is_string(v)) {
		problem(b, "\"%s\" must be text", key);
		return NULL;
	}
	s = json_string_value(v);
	return check_text(b, key, s, lines) == 0 ? s : NULL;
}

/* A whole number >= 0 at obj[key]: -1 when absent, -2 when wrong. */
static long long get_count(struct build *b, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return -1;
	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		problem(b, "\"%s\" must be a whole number, 0 or more", key);
		return -2;
	}
	return json_integer_value(v);
}

/* The array at obj[key]: NULL when absent (reported when required). */
static json_t *get_array(struct build *b, json_t *obj, const char *key, int required)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL) {
		if (required)
			problem(b, "\"%s\" is missing (an empty list [] is allowed)", key);
		return NULL;
	}
	if (!json_is_array(v)) {
		problem(b, "\"%s\" must be a list [...]", key);
		return NULL;
	}
	return v;
}

/* Prepares a statement (the schema is ours: a failure is a bug). */
static sqlite3_stmt *prepare(struct build *b, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(b->sql, sql, -1, &st, NULL) != SQLITE_OK)
		problem(b, "database: %s", sqlite3_errmsg(b->sql));
	return st;
}

/* Binds a text or NULL. */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Binds a count or NULL (when negative). */
static void bind_count(sqlite3_stmt *st, int i, long long n)
{
	if (n >= 0)
		sqlite3_bind_int64(st, i, n);
	else
		sqlite3_bind_null(st, i);
}

/* Steps a statement once and finalizes it. */
static int run(struct build *b, sqlite3_stmt *st)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	problem(b, "database: %s", sqlite3_errmsg(b->sql));
	return -1;
}

/* Records that the current file defines kind/code; a second definition is
 * a problem naming the first file. Returns 0 when new. */
static int claim(struct build *b, const char *kind, const char *code)
{
	sqlite3_stmt *st = prepare(b, "SELECT file FROM origin WHERE kind = ? AND code = ?");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		problem(b, "%s code %s is already used in %s", kind, code,
			(const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	st = prepare(b, "INSERT INTO origin (kind, code, file) VALUES (?, ?, ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b->file, -1, SQLITE_STATIC);
	rc = run(b, st);
	return rc;
}

/* True when s is a code of letters, digits, '.', '-' and '_' (1-32). */
static int code_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 32 && strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
					  "abcdefghijklmnopqrstuvwxyz.-_") == n;
}

/* Appends " text" to a growing buffer of texts to fold for search. */
static void body_add(char **body, const char *text)
{
	char *old = *body;

	if (text == NULL)
		return;
	*body = old ? xprintf("%s %s", old, text) : xstrdup(text);
	free(old);
}

/* A list of objects in a procedure (channels, papers, legal_basis): the
 * keys each item may have, with their column and kind of value. */
struct column {
	const char *key, *column;
	int kind;              /* ONE_LINE, LINES or COUNT */
};

#define COUNT 2
#define MAX_COLUMNS 8

struct list_spec {
	const char *key, *table;
	struct column cols[MAX_COLUMNS];
	/* Checks an item beyond types; s[] and n[] follow cols[] (NULL or -1
	 * when absent). May add text for search to *body. */
	void (*check)(struct build *b, const char *const *s, const long long *n, char **body);
};

/* Channels: a known way, something to show, a fee in dong only beside
 * the published fee. */
static void check_channel(struct build *b, const char *const *s, const long long *n, char **body)
{
	(void)body;
	if (s[0] && !word_in_list(s[0], "direct online post"))
		problem(b, "\"way\" must be direct, online or post, not \"%s\"", s[0]);
	if (!s[0] && !s[6])
		problem(b, "give at least the \"way\", or the whole published text as \"text\"");
	if (n[3] >= 0 && s[2] == NULL)
		problem(b, "\"fee_vnd\" needs the published \"fee\" beside it");
}

/* Papers: a name or the whole text, which search also reads. */
static void check_paper(struct build *b, const char *const *s, const long long *n, char **body)
{
	(void)n;
	if (!s[1] && !s[6])
		problem(b, "give the paper's \"name\" (or the whole published text as \"text\")");
	body_add(body, s[1] ? s[1] : s[6]);
}

/* Legal basis: a name or the whole text. */
static void check_legal(struct build *b, const char *const *s, const long long *n, char **body)
{
	(void)n;
	(void)body;
	if (!s[0] && !s[2])
		problem(b, "give the document's \"name\" (or the whole published text as \"text\")");
}

static const struct list_spec channels_spec = {
	"channels", "channels", {
		{ "way", "way", ONE_LINE }, { "time", "time", ONE_LINE },
		{ "fee", "fee", ONE_LINE }, { "fee_vnd", "fee_vnd", COUNT },
		{ "fee_note", "fee_note", LINES }, { "description", "description", LINES },
		{ "text", "text", LINES },
	}, check_channel,
};

static const struct list_spec papers_spec = {
	"papers", "papers", {
		{ "group", "grp", ONE_LINE }, { "name", "name", LINES },
		{ "form", "form", ONE_LINE }, { "original", "original", COUNT },
		{ "copy", "copy", COUNT }, { "count", "count", ONE_LINE },
		{ "text", "text", LINES },
	}, check_paper,
};

static const struct list_spec legal_spec = {
	"legal_basis", "legal", {
		{ "name", "name", LINES }, { "code", "code", ONE_LINE }, { "text", "text", LINES },
	}, check_legal,
};

/* Checks the items of one list of procedure id and inserts them. */
static void insert_items(struct build *b, sqlite3_int64 id, json_t *list,
			 const struct list_spec *spec, char **body)
{
	char keys[256] = "", *cols = xstrdup(""), *marks = xstrdup(""), *sql, *old;
	size_t ncols, i, c;
	json_t *item;

	for (ncols = 0; ncols < MAX_COLUMNS && spec->cols[ncols].key; ncols++) {
		snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s%s", ncols ? " " : "",
			 spec->cols[ncols].key);
		old = cols;
		cols = xprintf("%s, %s", old, spec->cols[ncols].column);
		free(old);
		old = marks;
		marks = xprintf("%s, ?", old);
		free(old);
	}
	sql = xprintf("INSERT INTO %s (procedure_id, seq%s) VALUES (?, ?%s)", spec->table, cols, marks);
	free(cols);
	free(marks);
	json_array_foreach(list, i, item) {
		const char *s[MAX_COLUMNS] = { 0 };
		long long n[MAX_COLUMNS];
		sqlite3_stmt *st;

		snprintf(b->where, sizeof b->where, "%s[%zu]", spec->key, i);
		if (!json_is_object(item)) {
			problem(b, "must be an object {...}");
			continue;
		}
		check_keys(b, item, keys);
		for (c = 0; c < ncols; c++) {
			const struct column *col = &spec->cols[c];

			n[c] = col->kind == COUNT ? get_count(b, item, col->key) : -1;
			if (col->kind != COUNT)
				s[c] = get_text(b, item, col->key, 0, col->kind);
		}
		spec->check(b, s, n, body);
		if (id <= 0 || (st = prepare(b, sql)) == NULL)
			continue;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		for (c = 0; c < ncols; c++) {
			if (spec->cols[c].kind == COUNT)
				bind_count(st, (int)c + 3, n[c]);
			else
				bind_text(st, (int)c + 3, s[c]);
		}
		run(b, st);
	}
	free(sql);
}

/* Text at obj[key] when it is text, else NULL (checked already). */
static const char *text_at(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A whole number at obj[key], -1 when absent or not one. */
static int count_at(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) < 1000
		? (int)json_integer_value(v) : -1;
}

/* Stores each channel's processing time in days (ptime.h): from its
 * published time, else from a description that opens with one. */
static void channel_days(struct build *b, sqlite3_int64 id, json_t *channels)
{
	size_t i;
	json_t *c;

	json_array_foreach(channels, i, c) {
		struct ptime t;
		sqlite3_stmt *st;

		if (!json_is_object(c) || (ptime_parse(text_at(c, "time"), &t) != 0 &&
					   (text_at(c, "time") != NULL ||
					    ptime_parse_lead(text_at(c, "description"), &t) != 0)))
			continue;
		st = prepare(b, "UPDATE channels SET days = ?, calendar = ? WHERE procedure_id = ? AND seq = ?");
		if (st == NULL)
			return;
		sqlite3_bind_int(st, 1, t.days);
		sqlite3_bind_int(st, 2, t.calendar);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)i);
		run(b, st);
	}
}

/* Stores the short names of the papers to bring (papers.h) and whether
 * they stand for the whole list. */
static void paper_names(struct build *b, sqlite3_int64 id, json_t *papers)
{
	size_t n = json_array_size(papers), i;
	struct procedure_paper *in = xcalloc(n + 1, sizeof *in);
	char *names[PAPERS_MAX];
	int count, complete, k;
	sqlite3_stmt *st;
	json_t *p;

	json_array_foreach(papers, i, p) {
		in[i] = (struct procedure_paper){ text_at(p, "group"), text_at(p, "name"), text_at(p, "form"),
						  count_at(p, "original"), count_at(p, "copy"),
						  text_at(p, "count"), text_at(p, "text") };
	}
	count = papers_names(in, n, names, &complete);
	free(in);
	for (k = 0; k < count; k++) {
		if ((st = prepare(b, "INSERT INTO paper_names (procedure_id, seq, text) VALUES (?, ?, ?)")) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, k);
			bind_text(st, 3, names[k]);
			run(b, st);
		}
		free(names[k]);
	}
	if ((st = prepare(b, "UPDATE procedures SET papers_complete = ? WHERE id = ?")) != NULL) {
		sqlite3_bind_int(st, 1, complete);
		sqlite3_bind_int64(st, 2, id);
		run(b, st);
	}
}

/* Inserts a list of texts (steps, results) into table; results also go
 * into *body when body is not NULL. */
static void procedure_texts(struct build *b, sqlite3_int64 id, json_t *list, const char *key,
			    const char *table, char **body)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v) {
		char *sql;
		sqlite3_stmt *st;

		snprintf(b->where, sizeof b->where, "%s[%zu]", key, i);
		if (!json_is_string(v)) {
			problem(b, "must be text");
			continue;
		}
		if (check_text(b, key, json_string_value(v), LINES) != 0)
			continue;
		if (body)
			body_add(body, json_string_value(v));
		if (id <= 0)
			continue;
		sql = xprintf("INSERT INTO %s (procedure_id, seq, text) VALUES (?, ?, ?)", table);
		st = prepare(b, sql);
		free(sql);
		if (st == NULL)
			continue;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, json_string_value(v));
		run(b, st);
	}
}

/* The id of a field, adding it when new; -1 on error. */
static sqlite3_int64 field_id(struct build *b, const char *name)
{
	sqlite3_stmt *st = prepare(b, "INSERT OR IGNORE INTO fields (name) VALUES (?)");
	sqlite3_int64 id = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (run(b, st) != 0)
		return -1;
	st = prepare(b, "SELECT id FROM fields WHERE name = ?");
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* Folds text for search (an empty string for NULL). */
static char *fold(const char *text)
{
	char *f = text ? text_fold(text) : NULL;

	return f ? f : xstrdup("");
}

/* The words of text for search, with their marks (an empty string for
 * NULL). */
static char *search_words(const char *text)
{
	char *w = text ? text_words(text) : NULL;

	return w ? w : xstrdup("");
}

/* Inserts a procedure's own row; returns its id, or -1. */
static sqlite3_int64 insert_procedure(struct build *b, const char *code, const char *name,
				      sqlite3_int64 fid, json_t *root)
{
	static const char *const optional[] = { "level", "applicants", "decision", "conditions",
						"where", "source" };
	sqlite3_stmt *st;
	size_t i;

	st = prepare(b, "INSERT INTO procedures (code, name, field_id, level, applicants, decision,"
		     " conditions, where_to, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		return -1;
	bind_text(st, 1, code);
	bind_text(st, 2, name);
	sqlite3_bind_int64(st, 3, fid);
	/* Checked already by load_procedure; absent or wrong ones are NULL. */
	for (i = 0; i < sizeof optional / sizeof optional[0]; i++) {
		json_t *v = json_object_get(root, optional[i]);

		bind_text(st, (int)i + 4, json_is_string(v) ? json_string_value(v) : NULL);
	}
	if (run(b, st) != 0)
		return -1;
	return sqlite3_last_insert_rowid(b->sql);
}

/* The words that open many official names ("Thủ tục đăng ký khai sinh"). */
static const char lead[] = "thủ tục ";

/* Checks and inserts one procedure file. */
static void load_procedure(struct build *b, json_t *root, const char *stem)
{
	const char *code, *name, *field, *conditions;
	json_t *channels, *papers, *steps, *results, *legal;
	char *body = NULL, *fname, *ffield, *fbody;
	sqlite3_int64 id, fid;
	sqlite3_stmt *st;

	check_keys(b, root, "code name field level applicants decision channels papers steps "
		   "conditions results legal_basis where source");
	code = get_text(b, root, "code", 1, ONE_LINE);
	name = get_text(b, root, "name", 1, ONE_LINE);
	field = get_text(b, root, "field", 1, ONE_LINE);
	get_text(b, root, "level", 0, ONE_LINE);
	get_text(b, root, "applicants", 0, LINES);
	get_text(b, root, "decision", 0, ONE_LINE);
	conditions = get_text(b, root, "conditions", 0, LINES);
	get_text(b, root, "where", 0, LINES);
	get_text(b, root, "source", 0, ONE_LINE);
	channels = get_array(b, root, "channels", 1);
	papers = get_array(b, root, "papers", 1);
	steps = get_array(b, root, "steps", 0);
	results = get_array(b, root, "results", 0);
	legal = get_array(b, root, "legal_basis", 0);
	/* With a bad head the lists are still checked (under id 0): every
	 * problem is reported at once, and a build with problems is thrown
	 * away. */
	id = 0;
	if (code != NULL && !code_ok(code))
		problem(b, "\"code\" must be letters, digits, '.', '-' or '_', not \"%s\"", code);
	else if (code != NULL && strcmp(code, stem) != 0)
		problem(b, "the file must be named after its code: %s.json", code);
	else if (code != NULL && name != NULL && field != NULL && claim(b, "procedure", code) == 0 &&
		 (fid = field_id(b, field)) >= 0)
		id = insert_procedure(b, code, name, fid, root);
	if (id < 0)
		return;
	if (channels)
		insert_items(b, id, channels, &channels_spec, &body);
	if (papers)
		insert_items(b, id, papers, &papers_spec, &body);
	if (steps)
		procedure_texts(b, id, steps, "steps", "steps", NULL);
	if (results)
		procedure_texts(b, id, results, "results", "results", &body);
	if (legal)
		insert_items(b, id, legal, &legal_spec, &body);
	b->where[0] = '\0';
	if (id == 0 || b->problems > 0) {
		free(body);
		return;
	}
	if (channels)
		channel_days(b, id, channels);
	if (papers)
		paper_names(b, id, papers);
	body_add(&body, conditions);
	body_add(&body, code);
	fname = search_words(name);
	/* "Thủ tục" (procedure) opens many official names and says nothing:
	 * searched as body text, it does not make those names rank as longer. */
	if (strncmp(fname, lead, strlen(lead)) == 0 && fname[strlen(lead)] != '\0') {
		memmove(fname, fname + strlen(lead), strlen(fname + strlen(lead)) + 1);
		body_add(&body, "thủ tục");
	}
	ffield = search_words(field);
	fbody = search_words(body);
	st = prepare(b, "INSERT INTO search_text (procedure_id, name, field, body) VALUES (?, ?, ?, ?)");
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, fname);
		bind_text(st, 3, ffield);
		bind_text(st, 4, fbody);
		run(b, st);
	}
	free(fname);
	free(ffield);
	free(fbody);
	free(body);
}

/* Checks one unit's code (n digits), name and kind (one of kinds, a
 * NULL-terminated list; the name starts with it). Returns 0 when fine. */
static int check_unit(struct build *b, json_t *u, size_t digits, const char *const *kinds,
		      const char **code, const char **name, const char **kind)
{
	size_t n, i;

	*code = get_text(b, u, "code", 1, ONE_LINE);
	*name = get_text(b, u, "name", 1, ONE_LINE);
	*kind = get_text(b, u, "kind", 1, ONE_LINE);
	if (*code == NULL || *name == NULL || *kind == NULL)
		return -1;
	n = strlen(*code);
	if (n != digits || strspn(*code, "0123456789") != n) {
		problem(b, "\"code\" must be %zu digits (the official code), not \"%s\"", digits, *code);
		return -1;
	}
	for (i = 0; kinds[i] != NULL && strcmp(kinds[i], *kind) != 0; i++)
		;
	if (kinds[i] == NULL) {
		char allowed[128] = "";

		for (i = 0; kinds[i] != NULL; i++)
			snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s\"%s\"",
				 i ? ", " : "", kinds[i]);
		problem(b, "\"kind\" must be one of %s, not \"%s\"", allowed, *kind);
		return -1;
	}
	n = strlen(*kind);
	if (strncmp(*name, *kind, n) != 0 || (*name)[n] != ' ') {
		problem(b, "\"name\" must start with its kind: \"%s ...\"", *kind);
		return -1;
	}
	return 0;
}

static const char *const province_kinds[] = { "Tỉnh", "Thành phố", NULL };
static const char *const commune_kinds[] = { "Xã", "Phường", "Đặc khu", NULL };

/* Checks and inserts one province file with its communes. */
static void load_units(struct build *b, json_t *root)
{
	const char *code, *name, *kind;
	json_t *communes, *c;
	sqlite3_stmt *st;
	char *f;
	size_t i;

	check_keys(b, root, "code name kind communes");
	communes = get_array(b, root, "communes", 1);
	if (check_unit(b, root, 2, province_kinds, &code, &name, &kind) != 0 ||
	    claim(b, "province", code) != 0)
		return;
	st = prepare(b, "INSERT INTO provinces (code, name, kind, fold) VALUES (?, ?, ?, ?)");
	if (st == NULL)
		return;
	f = fold(name);
	bind_text(st, 1, code);
	bind_text(st, 2, name);
	bind_text(st, 3, kind);
	bind_text(st, 4, f);
	free(f);
	if (run(b, st) != 0 || communes == NULL)
		return;
	json_array_foreach(communes, i, c) {
		const char *ccode, *cname, *ckind;

		snprintf(b->where, sizeof b->where, "communes[%zu]", i);
		if (!json_is_object(c)) {
			problem(b, "must be an object {...}");
			continue;
		}
		check_keys(b, c, "code name kind");
		if (check_unit(b, c, 5, commune_kinds, &ccode, &cname, &ckind) != 0 ||
		    claim(b, "commune", ccode) != 0)
			continue;
		st = prepare(b, "INSERT INTO communes (code, province, name, kind, fold)"
			     " VALUES (?, ?, ?, ?, ?)");
		if (st == NULL)
			continue;
		f = fold(cname);
		bind_text(st, 1, ccode);
		bind_text(st, 2, code);
		bind_text(st, 3, cname);
		bind_text(st, 4, ckind);
		bind_text(st, 5, f);
		free(f);
		run(b, st);
	}
	b->where[0] = '\0';
}

/* Checks an old unit's name (one line, written the modern way). */
static const char *old_name(struct build *b, json_t *obj, const char *key)
{
	const char *s = get_text(b, obj, key, 1, ONE_LINE);
	char *why = s ? oldaddr_name_problem(s) : NULL;

	if (why != NULL) {
		problem(b, "\"%s\": %s", key, why);
		free(why);
		return NULL;
	}
	return s;
}

/* Checks that 2025 commune code, named name, is in province; 0 when so. */
static int target_ok(struct build *b, const char *code, const char *name, const char *province)
{
	sqlite3_stmt *st = prepare(b, "SELECT province, name FROM communes WHERE code = ?");
	int rc = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		problem(b, "no 2025 commune %s in units/", code);
	else if (strcmp((const char *)sqlite3_column_text(st, 0), province) != 0)
		problem(b, "commune %s is in province %s, not %s", code,
			(const char *)sqlite3_column_text(st, 0), province);
	else if (strcmp((const char *)sqlite3_column_text(st, 1), name) != 0)
		problem(b, "commune %s is \"%s\" in units/, not \"%s\"", code,
			(const char *)sqlite3_column_text(st, 1), name);
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

/* Checks the "now" list of an old commune: 2025 communes of province
 * (code and name as in units/); inserts them for old id when id > 0. */
static void old_targets(struct build *b, json_t *now, const char *province, sqlite3_int64 id)
{
	char where[64];
	json_t *t;
	size_t i;

	snprintf(where, sizeof where, "%.63s", b->where);
	if (json_array_size(now) == 0)
		problem(b, "\"now\" must name the 2025 commune or communes it went into");
	json_array_foreach(now, i, t) {
		const char *code, *name;
		sqlite3_stmt *st;

		snprintf(b->where, sizeof b->where, "%s: now[%zu]", where, i);
		if (!json_is_object(t)) {
			problem(b, "must be an object {...}");
			continue;
		}
		check_keys(b, t, "code name");
		code = get_text(b, t, "code", 1, ONE_LINE);
		name = get_text(b, t, "name", 1, ONE_LINE);
		if (code == NULL || name == NULL || target_ok(b, code, name, province) != 0 || id <= 0 ||
		    (st = prepare(b, "INSERT INTO old_targets (old_id, seq, commune)"
				  " VALUES (?, ?, ?)")) == NULL)
			continue;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
		run(b, st);
	}
	snprintf(b->where, sizeof b->where, "%s", where);
}

/* Inserts an old commune of 2025 province province; returns its id, 0
 * when it is listed twice, -1 on error. */
static sqlite3_int64 insert_old(struct build *b, const char *province, const char *const name[3])
{
	char *whole = xprintf("%s, %s, %s", name[0], name[1], name[2]);
	char *key = oldaddr_key(name[0], name[1], name[2]), *f = fold(name[0]), *fd = fold(name[1]);
	sqlite3_stmt *st = NULL;
	sqlite3_int64 id = 0;

	if (claim(b, "old commune", whole) == 0 && key != NULL &&
	    (st = prepare(b, "INSERT INTO old_communes (province, name, district, old_province,"
			  " fold, district_fold, key) VALUES (?, ?, ?, ?, ?, ?, ?)")) != NULL) {
		bind_text(st, 1, province);
		bind_text(st, 2, name[0]);
		bind_text(st, 3, name[1]);
		bind_text(st, 4, name[2]);
		bind_text(st, 5, f);
		bind_text(st, 6, fd);
		bind_text(st, 7, key);
		id = run(b, st) == 0 ? sqlite3_last_insert_rowid(b->sql) : -1;
	}
	free(whole);
	free(key);
	free(f);
	free(fd);
	return id;
}

/* Checks and inserts one file of old communes (old-units/PP.json): the
 * 2025 province PP, then each commune from before 2025 with the 2025
 * communes of PP it went into. */
static void load_old_units(struct build *b, json_t *root, const char *stem)
{
	const char *code, *name;
	json_t *communes, *c;
	sqlite3_stmt *st;
	size_t i;
	int known = 0;

	check_keys(b, root, "code name communes");
	code = get_text(b, root, "code", 1, ONE_LINE);
	name = get_text(b, root, "name", 1, ONE_LINE);
	communes = get_array(b, root, "communes", 1);
	if (code == NULL || name == NULL || communes == NULL)
		return;
	if (strcmp(code, stem) != 0)
		problem(b, "the file must be named after its province's code: %s.json", code);
	if ((st = prepare(b, "SELECT name FROM provinces WHERE code = ?")) == NULL)
		return;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		problem(b, "no 2025 province %s in units/", code);
	else if (strcmp((const char *)sqlite3_column_text(st, 0), name) != 0)
		problem(b, "province %s is \"%s\" in units/, not \"%s\"", code,
			(const char *)sqlite3_column_text(st, 0), name);
	else
		known = 1;
	sqlite3_finalize(st);
	json_array_foreach(communes, i, c) {
		const char *names[3];
		json_t *now;

		snprintf(b->where, sizeof b->where, "communes[%zu]", i);
		if (!json_is_object(c)) {
			problem(b, "must be an object {...}");
			continue;
		}
		check_keys(b, c, "commune district province now");
		names[0] = old_name(b, c, "commune");
		names[1] = old_name(b, c, "district");
		names[2] = old_name(b, c, "province");
		if ((now = get_array(b, c, "now", 1)) != NULL)
			old_targets(b, now, code, known && names[0] && names[1] && names[2] ?
				    insert_old(b, code, names) : 0);
	}
	b->where[0] = '\0';
}

/* Checks and inserts one announcement file; its id is the file's name. */
static void load_announcement(struct build *b, json_t *root, const char *stem)
{
	const char *title, *body, *from, *to;
	sqlite3_stmt *st;

	check_keys(b, root, "title body from to");
	title = get_text(b, root, "title", 1, ONE_LINE);
	body = get_text(b, root, "body", 1, LINES);
	from = get_text(b, root, "from", 1, ONE_LINE);
	to = get_text(b, root, "to", 1, ONE_LINE);
	if (!code_ok(stem))
		problem(b, "name the file with letters, digits, '.', '-' or '_' (it is the id)");
	if (from && !date_valid(from))
		problem(b, "\"from\" must be a date written YYYY-MM-DD, not \"%s\"", from);
	if (to && !date_valid(to))
		problem(b, "\"to\" must be a date written YYYY-MM-DD, not \"%s\"", to);
	if (!title || !body || !from || !to || !date_valid(from) || !date_valid(to) || !code_ok(stem))
		return;
	if (strcmp(from, to) > 0) {
		problem(b, "\"from\" (%s) is after \"to\" (%s)", from, to);
		return;
	}
	st = prepare(b, "INSERT INTO announcements (id, title, body, shown_from, shown_to)"
		     " VALUES (?, ?, ?, ?, ?)");
	if (st == NULL)
		return;
	bind_text(st, 1, stem);
	bind_text(st, 2, title);
	bind_text(st, 3, body);
	bind_text(st, 4, from);
	bind_text(st, 5, to);
	run(b, st);
}

/* Orders file names. */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every *.json of src/sub in name order and hands each to load. A
 * missing folder is a problem only when required. */
static void load_folder(struct build *b, const char *sub, int required,
			void (*load)(struct build *, json_t *, const char *))
{
	char *dir = xprintf("%s/%s", b->src, sub), **names = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL) {
		if (required || errno != ENOENT) {
			snprintf(b->file, sizeof b->file, "%s/", sub);
			problem(b, "cannot read the folder: %s", strerror(errno));
		}
		free(dir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0 || e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1) /* qsort's pointer must not be NULL, even for 0 */
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		char *path = xprintf("%s/%s", dir, names[i]);
		json_error_t err;
		json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);

		snprintf(b->file, sizeof b->file, "%s/%s", sub, names[i]);
		b->where[0] = '\0';
		if (root == NULL) {
			if (err.line > 0)
				snprintf(b->file, sizeof b->file, "%s/%s:%d", sub, names[i], err.line);
			problem(b, "%s", err.text);
		} else if (!json_is_object(root)) {
			problem(b, "the file must hold one object {...}");
		} else {
			names[i][strlen(names[i]) - 5] = '\0';
			load(b, root, names[i]);
		}
		json_decref(root);
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
}

/* Adapters from load_folder's signature. */
static void load_units_file(struct build *b, json_t *root, const char *stem)
{
	(void)stem;
	load_units(b, root);
}

/* Reports a problem of the villagers' words (synonyms.h) as the build's. */
static void synonym_problem(void *arg, const char *file, int line, const char *message)
{
	struct build *b = arg;

	if (line > 0)
		snprintf(b->file, sizeof b->file, "%s:%d", file, line);
	else
		snprintf(b->file, sizeof b->file, "%s", file);
	b->where[0] = '\0';
	problem(b, "%s", message);
}

/* Checks the villagers' words of synonyms/ and inserts them. */
static void load_synonyms(struct build *b)
{
	char *dir = xprintf("%s/synonyms", b->src);
	struct syn_rules rules = { 0 };
	size_t i;

	synonyms_load(&rules, dir, "synonyms", synonym_problem, b);
	for (i = 0; i < rules.n; i++) {
		sqlite3_stmt *st = prepare(b, "INSERT INTO synonyms (file, line, phrase, target)"
					   " VALUES (?, ?, ?, ?)");

		if (st == NULL)
			break;
		bind_text(st, 1, rules.v[i].file);
		sqlite3_bind_int(st, 2, rules.v[i].line);
		bind_text(st, 3, rules.v[i].phrase);
		bind_text(st, 4, rules.v[i].target);
		run(b, st);
	}
	synonyms_free(&rules);
	free(dir);
}

/* Writes the meta table: format, build time, counts. */
static void write_meta(struct build *b)
{
	char sql[512], when[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(sql, sizeof sql,
		 "INSERT INTO meta (key, value) VALUES ('format', '%d'), ('built_at', '%s');"
		 "INSERT INTO meta SELECT 'procedures', count(*) FROM procedures;"
		 "INSERT INTO meta SELECT 'communes', count(*) FROM communes;"
		 "INSERT INTO meta SELECT 'old_communes', count(*) FROM old_communes;"
		 "INSERT INTO meta SELECT 'announcements', count(*) FROM announcements;"
		 "INSERT INTO meta SELECT 'synonyms', count(*) FROM synonyms;"
		 "PRAGMA user_version = %d;", CONTENT_FORMAT, when, CONTENT_FORMAT);
	exec(b, sql);
}

/* fsyncs a file or folder by path. */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder part of a path ("." when it has none). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int content_build(const char *src, const char *out, content_report_fn *report, void *arg,
		  char **cause)
{
	struct build b = { .src = src, .report = report, .arg = arg };
	char *tmp = NULL, *dir;
	int fd, rc = -1;

	if (out != NULL) {
		tmp = xprintf("%s.tmp-XXXXXX", out);
		fd = mkstemp(tmp);
		if (fd < 0) {
			*cause = xprintf("%s: cannot create a file beside it: %s", out, strerror(errno));
			free(tmp);
			return -1;
		}
		/* The catalog is public: readable by the kiosk's user. */
		fchmod(fd, 0644);
		close(fd);
	}
	if (sqlite3_open_v2(tmp ? tmp : ":memory:", &b.sql,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		*cause = xprintf("%s: %s", tmp ? tmp : "memory", b.sql ? sqlite3_errmsg(b.sql) : "cannot open");
		goto out;
	}
	/* Nothing to protect until the rename: no journal, one fsync at the end. */
	if (exec(&b, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN") != 0 ||
	    exec(&b, schema) != 0) {
		*cause = xprintf("cannot create the database: %s", sqlite3_errmsg(b.sql));
		goto out;
	}
	load_folder(&b, "procedures", 1, load_procedure);
	load_folder(&b, "units", 1, load_units_file);
	load_folder(&b, "announcements", 0, load_announcement);
	load_folder(&b, "old-units", 0, load_old_units); /* after units: it names them */
	load_synonyms(&b);
	snprintf(b.file, sizeof b.file, "%s", out ? out : "content.db");
	b.where[0] = '\0';
	write_meta(&b);
	if (b.problems > 0) {
		*cause = xprintf("%d problem%s in the sources under %s", b.problems,
				 b.problems == 1 ? "" : "s", src);
		goto out;
	}
	if (exec(&b, "COMMIT; DROP TABLE temp.origin; ANALYZE") != 0) {
		*cause = xprintf("writing %s: %s", tmp, sqlite3_errmsg(b.sql));
		goto out;
	}
	rc = 0;
out:
	if (b.sql != NULL && sqlite3_close(b.sql) != SQLITE_OK && rc == 0) {
		*cause = xprintf("closing %s failed", tmp);
		rc = -1;
	}
	if (tmp == NULL)
		return rc;
	if (rc == 0 && (sync_path(tmp) != 0 || rename(tmp, out) != 0)) {
		*cause = xprintf("%s: %s", out, strerror(errno));
		rc = -1;
	}
	if (rc != 0) {
		unlink(tmp);
	} else {
		dir = dir_of(out);
		sync_path(dir);
		free(dir);
	}
	free(tmp);
	return rc;
}
