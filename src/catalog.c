/* The catalog reader: content.db read-only, with the procedure and unit
 * lists in memory and their search indexes (search.c) built from the
 * folded texts that content_build stored. */
#include "catalog.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "formdef.h"
#include "oldunits.h"
#include "problems.h"
#include "search.h"
#include "text.h"
#include "util.h"

struct catalog {
	sqlite3 *sql;

	struct catalog_entry *procs;    /* by code; doc number = index */
	size_t nprocs;
	struct catalog_field *fields;   /* by folded name; id = index + 1 */
	size_t nfields;
	struct search *proc_index;
	unsigned *proc_flags;           /* SEARCH_AT_LEVEL, SEARCH_HAS_FORM */
	size_t nsynonyms;

	struct catalog_unit *provinces; /* by code */
	size_t nprovinces;
	struct catalog_unit *communes;  /* by province, then code */
	size_t ncommunes;
	size_t *commune_start;          /* province index -> first commune; [n] = end */
	struct search *province_index;
	struct search *commune_index;   /* group = province index + 1 */
	struct oldunits *old;           /* the communes before 2025 */

	char **strings;                 /* everything above points into these */
	size_t nstrings, strings_cap;
	struct search_hit *hits;        /* scratch for searches */
	size_t hits_cap;
};

/* Keeps a copy of s (NULL stays NULL) owned by a string list. */
static const char *keep(char ***list, size_t *n, size_t *cap, const char *s)
{
	if (s == NULL)
		return NULL;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*list = xrealloc(*list, *cap * sizeof **list);
	}
	(*list)[*n] = xstrdup(s);
	return (*list)[(*n)++];
}

/* A copy of a text column owned by the catalog. */
static const char *cat_keep(struct catalog *cat, sqlite3_stmt *st, int col)
{
	return keep(&cat->strings, &cat->nstrings, &cat->strings_cap,
		    (const char *)sqlite3_column_text(st, col));
}

/* Hit scratch space for max results. */
static struct search_hit *hit_room(struct catalog *cat, size_t max)
{
	if (max > cat->hits_cap) {
		cat->hits_cap = max;
		cat->hits = xrealloc(cat->hits, max * sizeof *cat->hits);
	}
	return cat->hits;
}

/* Orders fields by folded name (qsort has no context: set before use). */
static char **field_fold_keys;

/* Compares field indexes by their folded names. */
static int by_field_fold(const void *a, const void *b)
{
	return strcmp(field_fold_keys[*(const size_t *)a], field_fold_keys[*(const size_t *)b]);
}

/* Loads the fields, numbered by folded name. ids maps the database's ids
 * (1..max) to ours. Returns 0 or -1. */
static int load_fields(struct catalog *cat, unsigned **ids, size_t *nids)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 0, i, *order;
	sqlite3_int64 *dbid = NULL, maxid = 0;
	char **folds = NULL;
	const char **names = NULL;

	if (sqlite3_prepare_v2(cat->sql, "SELECT id, name FROM fields", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			dbid = xrealloc(dbid, cap * sizeof *dbid);
			folds = xrealloc(folds, cap * sizeof *folds);
			names = xrealloc(names, cap * sizeof *names);
		}
		dbid[n] = sqlite3_column_int64(st, 0);
		names[n] = cat_keep(cat, st, 1);
		folds[n] = text_fold(names[n]);
		if (folds[n] == NULL)
			folds[n] = xstrdup("");
		if (dbid[n] > maxid)
			maxid = dbid[n];
		n++;
	}
	sqlite3_finalize(st);
	order = xmalloc((n ? n : 1) * sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = i;
	field_fold_keys = folds;
	qsort(order, n, sizeof *order, by_field_fold);
	field_fold_keys = NULL;
	cat->fields = xcalloc(n ? n : 1, sizeof *cat->fields);
	cat->nfields = n;
	*nids = (size_t)maxid + 1;
	*ids = xcalloc(*nids, sizeof **ids);
	for (i = 0; i < n; i++) {
		cat->fields[i].id = (unsigned)i + 1;
		cat->fields[i].name = names[order[i]];
		(*ids)[dbid[order[i]]] = (unsigned)i + 1;
	}
	for (i = 0; i < n; i++)
		free(folds[i]);
	free(folds);
	free(names);
	free(dbid);
	free(order);
	return 0;
}

/* The level of the booth, as the catalog's "level" writes it: a booth
 * stands in a commune house, so procedures handled "Cấp xã" come first. */
#define BOOTH_LEVEL "Cấp xã"

/* Gives the index the villagers' words of content.db. */
static int load_synonyms(struct catalog *cat)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(cat->sql, "SELECT phrase, target FROM synonyms ORDER BY rowid", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		search_synonym(cat->proc_index, (const char *)sqlite3_column_text(st, 0),
			       (const char *)sqlite3_column_text(st, 1));
		cat->nsynonyms++;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Adds one procedure row (code, name, field id, search name, field and
 * body, level) to the lists and the index. */
static void add_procedure(struct catalog *cat, sqlite3_stmt *st, const unsigned *ids, size_t nids)
{
	struct catalog_entry *e = &cat->procs[cat->nprocs];
	sqlite3_int64 fid = sqlite3_column_int64(st, 2);
	unsigned doc = (unsigned)cat->nprocs;
	const char *name = (const char *)sqlite3_column_text(st, 3);
	const char *level = (const char *)sqlite3_column_text(st, 6);

	e->code = cat_keep(cat, st, 0);
	e->name = cat_keep(cat, st, 1);
	e->field = fid >= 0 && (size_t)fid < nids ? ids[fid] : 0;
	e->field_name = e->field ? cat->fields[e->field - 1].name : "";
	if (e->field)
		cat->fields[e->field - 1].count++;
	search_add(cat->proc_index, doc, SEARCH_NAME, name);
	search_add(cat->proc_index, doc, SEARCH_FIELD, (const char *)sqlite3_column_text(st, 4));
	search_add(cat->proc_index, doc, SEARCH_BODY, (const char *)sqlite3_column_text(st, 5));
	search_set_group(cat->proc_index, doc, e->field);
	cat->proc_flags[doc] = level && strstr(level, BOOTH_LEVEL) ? SEARCH_AT_LEVEL : 0;
	search_set_flags(cat->proc_index, doc, cat->proc_flags[doc]);
	cat->nprocs++;
}

/* Loads the procedures and builds their index and field lists. */
static int load_procedures(struct catalog *cat)
{
	sqlite3_stmt *st;
	unsigned *ids = NULL;
	size_t nids = 0, n = 0;

	if (load_fields(cat, &ids, &nids) != 0)
		return -1;
	if (sqlite3_prepare_v2(cat->sql, "SELECT count(*) FROM procedures", -1, &st, NULL) != SQLITE_OK) {
		free(ids);
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	cat->procs = xcalloc(n ? n : 1, sizeof *cat->procs);
	cat->proc_flags = xcalloc(n ? n : 1, sizeof *cat->proc_flags);
	cat->proc_index = search_new((unsigned)n);
	if (sqlite3_prepare_v2(cat->sql,
			       "SELECT p.code, p.name, p.field_id, s.name, s.field, s.body, p.level"
			       " FROM procedures p JOIN search_text s ON s.procedure_id = p.id"
			       " ORDER BY p.code", -1, &st, NULL) != SQLITE_OK) {
		free(ids);
		return -1;
	}
	while (cat->nprocs < n && sqlite3_step(st) == SQLITE_ROW)
		add_procedure(cat, st, ids, nids);
	sqlite3_finalize(st);
	free(ids);
	if (load_synonyms(cat) != 0)
		return -1;
	search_finish(cat->proc_index);
	return 0;
}

/* Loads provinces and communes and their indexes. */
static int load_units(struct catalog *cat)
{
	sqlite3_stmt *st;
	size_t cap = 0, p = 0;

	if (sqlite3_prepare_v2(cat->sql, "SELECT code, name, kind, fold FROM provinces ORDER BY code",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	cat->province_index = search_new(100);
	while (sqlite3_step(st) == SQLITE_ROW && cat->nprovinces < 100) {
		struct catalog_unit *u;

		if (cat->nprovinces == cap) {
			cap = cap ? cap * 2 : 64;
			cat->provinces = xrealloc(cat->provinces, cap * sizeof *cat->provinces);
		}
		u = &cat->provinces[cat->nprovinces];
		u->code = cat_keep(cat, st, 0);
		u->name = cat_keep(cat, st, 1);
		u->kind = cat_keep(cat, st, 2);
		u->province = NULL;
		search_add(cat->province_index, (unsigned)cat->nprovinces, SEARCH_NAME,
			   (const char *)sqlite3_column_text(st, 3));
		cat->nprovinces++;
	}
	sqlite3_finalize(st);
	search_finish(cat->province_index);

	cap = 0;
	cat->commune_start = xcalloc(cat->nprovinces + 1, sizeof *cat->commune_start);
	if (sqlite3_prepare_v2(cat->sql, "SELECT count(*) FROM communes", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		cap = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	cat->communes = xcalloc(cap ? cap : 1, sizeof *cat->communes);
	cat->commune_index = search_new((unsigned)cap);
	if (sqlite3_prepare_v2(cat->sql, "SELECT code, name, kind, fold, province FROM communes"
			       " ORDER BY province, code", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (cat->ncommunes < cap && sqlite3_step(st) == SQLITE_ROW) {
		struct catalog_unit *u = &cat->communes[cat->ncommunes];
		const char *prov = (const char *)sqlite3_column_text(st, 4);

		while (p < cat->nprovinces && strcmp(cat->provinces[p].code, prov) < 0)
			cat->commune_start[++p] = cat->ncommunes;
		if (p == cat->nprovinces)
			break;
		u->code = cat_keep(cat, st, 0);
		u->name = cat_keep(cat, st, 1);
		u->kind = cat_keep(cat, st, 2);
		u->province = &cat->provinces[p];
		search_add(cat->commune_index, (unsigned)cat->ncommunes, SEARCH_NAME,
			   (const char *)sqlite3_column_text(st, 3));
		search_set_group(cat->commune_index, (unsigned)cat->ncommunes, (unsigned)p + 1);
		cat->ncommunes++;
	}
	sqlite3_finalize(st);
	while (p < cat->nprovinces)
		cat->commune_start[++p] = cat->ncommunes;
	search_finish(cat->commune_index);
	return 0;
}

struct catalog *catalog_open(const char *path, char **cause)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);
	sqlite3_stmt *st;
	int version = -1;

	if (sqlite3_open_v2(path, &cat->sql, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		*cause = xprintf("%s: %s", path, cat->sql ? sqlite3_errmsg(cat->sql) : "cannot open");
		catalog_close(cat);
		return NULL;
	}
	if (sqlite3_prepare_v2(cat->sql, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (version != CONTENT_FORMAT) {
		*cause = version < 0 ? xprintf("%s: %s", path, sqlite3_errmsg(cat->sql))
				     : xprintf("%s: not a content.db of format %d (found %d); "
					       "rebuild it with 'kioskctl content build'",
					       path, CONTENT_FORMAT, version);
		catalog_close(cat);
		return NULL;
	}
	/* Everything is read once, in order, into the lists: a small page
	 * cache does (the system keeps the file's pages), and SQLite's
	 * default of 2 MB would be a fifth of a national catalog's memory. */
	sqlite3_exec(cat->sql, "PRAGMA cache_size = -256", NULL, NULL, NULL);
	if (load_procedures(cat) != 0 || load_units(cat) != 0 ||
	    (cat->old = oldunits_load(cat->sql, cat->provinces, cat->nprovinces, cat->communes,
				      cat->ncommunes)) == NULL) {
		*cause = xprintf("%s: %s", path, sqlite3_errmsg(cat->sql));
		catalog_close(cat);
		return NULL;
	}
	/* The lists are in memory now: the pages read for them can go. */
	sqlite3_db_release_memory(cat->sql);
	return cat;
}

void catalog_close(struct catalog *cat)
{
	size_t i;

	if (cat == NULL)
		return;
	sqlite3_close(cat->sql);
	for (i = 0; i < cat->nstrings; i++)
		free(cat->strings[i]);
	free(cat->strings);
	free(cat->proc_flags);
	free(cat->procs);
	free(cat->fields);
	search_free(cat->proc_index);
	free(cat->provinces);
	free(cat->communes);
	free(cat->commune_start);
	search_free(cat->province_index);
	search_free(cat->commune_index);
	oldunits_free(cat->old);
	free(cat->hits);
	free(cat);
}

size_t catalog_count(const struct catalog *cat)
{
	return cat->nprocs;
}

size_t catalog_search(struct catalog *cat, const char *query, unsigned field,
		      const struct catalog_entry **out, size_t max, size_t *total)
{
	struct search_hit *hits = hit_room(cat, max);
	size_t n = search_run(cat->proc_index, query, field, 0, hits, max, total), i;

	for (i = 0; i < n; i++)
		out[i] = &cat->procs[hits[i].doc];
	return n;
}

void catalog_mark_forms(struct catalog *cat, const struct forms *forms)
{
	size_t i;

	for (i = 0; i < cat->nprocs; i++) {
		const struct form *f = forms ? formdef_find(forms, cat->procs[i].code) : NULL;

		cat->proc_flags[i] &= ~SEARCH_HAS_FORM;
		if (f != NULL && f->procedure != NULL)
			cat->proc_flags[i] |= SEARCH_HAS_FORM;
		search_set_flags(cat->proc_index, (unsigned)i, cat->proc_flags[i]);
	}
}

size_t catalog_synonyms(const struct catalog *cat)
{
	return cat->nsynonyms;
}

/* Checks each word of a synonym's target: a word of Vietnamese (is_word)
 * or of the catalog; with no is_word, none is checked. Returns the number
 * of problems added. */
static int check_target_words(struct catalog *cat, const char *file, int line, const char *target,
			      int (*is_word)(void *, const char *), void *arg, struct problems *p)
{
	char *words = is_word ? text_words(target) : NULL, *w;
	int bad = 0;

	for (w = words ? strtok(words, " ") : NULL; w != NULL; w = strtok(NULL, " ")) {
		size_t total = 0;

		if (is_word(arg, w))
			continue;
		search_run(cat->proc_index, w, 0, SEARCH_AS_TYPED, NULL, 0, &total);
		if (total > 0)
			continue;
		problems_add(p, file, line, "\"%s\" in \"%s\" is no Vietnamese word nor a word of the "
			     "catalog: a typo?", w, target);
		bad++;
	}
	free(words);
	return bad;
}

int catalog_check_synonyms(struct catalog *cat, int (*is_word)(void *, const char *), void *arg,
			   struct problems *p, struct problems *notes)
{
	sqlite3_stmt *st;
	int bad = 0;

	if (sqlite3_prepare_v2(cat->sql, "SELECT file, line, target FROM synonyms WHERE target != ''"
			       " ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *file = (const char *)sqlite3_column_text(st, 0);
		const char *target = (const char *)sqlite3_column_text(st, 2);
		char *words = xprintf("%s ", target); /* the last word whole */
		int line = sqlite3_column_int(st, 1), wrong;
		size_t total = 0;

		wrong = check_target_words(cat, file, line, target, is_word, arg, p);
		bad += wrong;

		search_run(cat->proc_index, words, 0, SEARCH_PHRASE, NULL, 0, &total);
		free(words);
		if (total == 0 && !wrong)
			problems_add(notes, file, line, "no procedure of this catalog says \"%s\": the "
				     "rule does little here", target);
	}
	sqlite3_finalize(st);
	return bad;
}

const struct catalog_field *catalog_fields(const struct catalog *cat, size_t *n)
{
	*n = cat->nfields;
	return cat->fields;
}

const struct catalog_entry *catalog_entry_at(const struct catalog *cat, size_t i)
{
	return i < cat->nprocs ? &cat->procs[i] : NULL;
}

const struct catalog_entry *catalog_entry(const struct catalog *cat, const char *code)
{
	size_t lo = 0, hi = cat->nprocs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(cat->procs[mid].code, code);

		if (c == 0)
			return &cat->procs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A page with the strings it owns (procedure first, so the page pointer is
 * the procedure pointer). */
struct page {
	struct procedure p;
	char **strings;
	size_t nstrings, cap;
};

/* A copy of a text column owned by a page; NULL for SQL NULL. */
static const char *page_keep(struct page *pg, sqlite3_stmt *st, int col)
{
	return keep(&pg->strings, &pg->nstrings, &pg->cap, (const char *)sqlite3_column_text(st, col));
}

/* An integer column, or -1 for NULL. */
static long long column_or_none(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, col);
}

/* Prepares a query of rows of procedure id from table, in order. */
static sqlite3_stmt *rows_of(sqlite3 *sql, const char *columns, const char *table, sqlite3_int64 id)
{
	char *q = xprintf("SELECT %s FROM %s WHERE procedure_id = ? ORDER BY seq", columns, table);
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(sql, q, -1, &st, NULL) == SQLITE_OK)
		sqlite3_bind_int64(st, 1, id);
	free(q);
	return st;
}

/* Grows an array to hold one more element of size sz. */
static void *grow(void *arr, size_t n, size_t sz)
{
	return (n & (n - 1)) == 0 ? xrealloc(arr, (n ? n * 2 : 4) * sz) : arr;
}

/* Reads a list of texts (steps, results) of procedure id into *out. */
static int page_texts(struct catalog *cat, struct page *pg, const char *table, sqlite3_int64 id,
		      const char ***out, size_t *n)
{
	sqlite3_stmt *st = rows_of(cat->sql, "text", table, id);

	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = grow(*out, *n, sizeof **out);
		(*out)[(*n)++] = page_keep(pg, st, 0);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Reads the lists of a page. */
static int page_lists(struct catalog *cat, struct page *pg, sqlite3_int64 id)
{
	struct procedure *p = &pg->p;
	sqlite3_stmt *st;

	if ((st = rows_of(cat->sql, "way, time, fee, fee_vnd, fee_note, description, text, days, calendar",
			  "channels", id)) == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct procedure_channel *c;

		p->channels = grow(p->channels, p->nchannels, sizeof *p->channels);
		c = &p->channels[p->nchannels++];
		c->way = page_keep(pg, st, 0);
		c->time = page_keep(pg, st, 1);
		c->fee = page_keep(pg, st, 2);
		c->fee_vnd = column_or_none(st, 3);
		c->fee_note = page_keep(pg, st, 4);
		c->description = page_keep(pg, st, 5);
		c->text = page_keep(pg, st, 6);
		c->days = (int)column_or_none(st, 7);
		c->calendar = sqlite3_column_int(st, 8);
	}
	sqlite3_finalize(st);
	if ((st = rows_of(cat->sql, "grp, name, form, original, copy, count, text", "papers", id)) == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct procedure_paper *a;

		p->papers = grow(p->papers, p->npapers, sizeof *p->papers);
		a = &p->papers[p->npapers++];
		a->group = page_keep(pg, st, 0);
		a->name = page_keep(pg, st, 1);
		a->form = page_keep(pg, st, 2);
		a->original = (int)column_or_none(st, 3);
		a->copy = (int)column_or_none(st, 4);
		a->count = page_keep(pg, st, 5);
		a->text = page_keep(pg, st, 6);
	}
	sqlite3_finalize(st);
	if (page_texts(cat, pg, "steps", id, &p->steps, &p->nsteps) != 0 ||
	    page_texts(cat, pg, "paper_names", id, &p->paper_names, &p->npaper_names) != 0 ||
	    page_texts(cat, pg, "results", id, &p->results, &p->nresults) != 0)
		return -1;
	if ((st = rows_of(cat->sql, "name, code, text", "legal", id)) == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct procedure_legal *l;

		p->legal = grow(p->legal, p->nlegal, sizeof *p->legal);
		l = &p->legal[p->nlegal++];
		l->name = page_keep(pg, st, 0);
		l->code = page_keep(pg, st, 1);
		l->text = page_keep(pg, st, 2);
	}
	sqlite3_finalize(st);
	return 0;
}

struct procedure *catalog_procedure_get(struct catalog *cat, const char *code, char **cause)
{
	struct page *pg;
	sqlite3_stmt *st;
	sqlite3_int64 id;
	int rc;

	if (sqlite3_prepare_v2(cat->sql,
			       "SELECT p.id, p.code, p.name, f.name, p.level, p.applicants, p.decision,"
			       " p.conditions, p.where_to, p.source, p.papers_complete FROM procedures p"
			       " JOIN fields f ON f.id = p.field_id WHERE p.code = ?",
			       -1, &st, NULL) != SQLITE_OK) {
		*cause = xprintf("reading the catalog: %s", sqlite3_errmsg(cat->sql));
		return NULL;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		*cause = rc == SQLITE_DONE ? xprintf("no procedure with code %s", code)
					   : xprintf("reading the catalog: %s", sqlite3_errmsg(cat->sql));
		sqlite3_finalize(st);
		return NULL;
	}
	pg = xcalloc(1, sizeof *pg);
	id = sqlite3_column_int64(st, 0);
	pg->p.code = page_keep(pg, st, 1);
	pg->p.name = page_keep(pg, st, 2);
	pg->p.field = page_keep(pg, st, 3);
	pg->p.level = page_keep(pg, st, 4);
	pg->p.applicants = page_keep(pg, st, 5);
	pg->p.decision = page_keep(pg, st, 6);
	pg->p.conditions = page_keep(pg, st, 7);
	pg->p.where = page_keep(pg, st, 8);
	pg->p.source = page_keep(pg, st, 9);
	pg->p.papers_complete = sqlite3_column_int(st, 10);
	sqlite3_finalize(st);
	if (page_lists(cat, pg, id) != 0) {
		*cause = xprintf("reading the catalog: %s", sqlite3_errmsg(cat->sql));
		procedure_free(&pg->p);
		return NULL;
	}
	return &pg->p;
}

struct ptime procedure_time(const struct procedure *p)
{
	struct ptime t = { -1, 0 };
	size_t i;

	for (i = 0; i < p->nchannels && t.days < 0; i++)
		if (p->channels[i].days >= 0)
			t = (struct ptime){ p->channels[i].days, p->channels[i].calendar };
	return t;
}

void procedure_free(struct procedure *p)
{
	struct page *pg = (struct page *)p;
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < pg->nstrings; i++)
		free(pg->strings[i]);
	free(pg->strings);
	free(p->channels);
	free(p->papers);
	free(p->steps);
	free(p->paper_names);
	free(p->results);
	free(p->legal);
	free(pg);
}

/* A list of announcements with the strings it owns. */
struct alist {
	struct announcement_list l;
	char **strings;
	size_t nstrings, cap;
};

/* Runs an announcements query with one text parameter. */
static struct announcement_list *announcements(struct catalog *cat, const char *where,
					       const char *param, char **cause)
{
	char *q = xprintf("SELECT id, title, body, shown_from, shown_to FROM announcements"
			  " WHERE %s ORDER BY shown_from DESC, id", where);
	struct alist *al;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(cat->sql, q, -1, &st, NULL);
	free(q);
	if (rc != SQLITE_OK) {
		*cause = xprintf("reading the announcements: %s", sqlite3_errmsg(cat->sql));
		return NULL;
	}
	sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	al = xcalloc(1, sizeof *al);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct announcement *a;

		al->l.items = grow(al->l.items, al->l.n, sizeof *al->l.items);
		a = &al->l.items[al->l.n++];
		a->id = keep(&al->strings, &al->nstrings, &al->cap, (const char *)sqlite3_column_text(st, 0));
		a->title = keep(&al->strings, &al->nstrings, &al->cap, (const char *)sqlite3_column_text(st, 1));
		a->body = keep(&al->strings, &al->nstrings, &al->cap, (const char *)sqlite3_column_text(st, 2));
		a->from = keep(&al->strings, &al->nstrings, &al->cap, (const char *)sqlite3_column_text(st, 3));
		a->to = keep(&al->strings, &al->nstrings, &al->cap, (const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = xprintf("reading the announcements: %s", sqlite3_errmsg(cat->sql));
		announcement_list_free(&al->l);
		return NULL;
	}
	return &al->l;
}

struct announcement_list *catalog_announcements_get(struct catalog *cat, const char *date,
						    char **cause)
{
	if (!date_valid(date)) {
		*cause = xprintf("not a date written YYYY-MM-DD: %s", date);
		return NULL;
	}
	return announcements(cat, "shown_from <= ?1 AND shown_to >= ?1", date, cause);
}

void announcement_list_free(struct announcement_list *l)
{
	struct alist *al = (struct alist *)l;
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < al->nstrings; i++)
		free(al->strings[i]);
	free(al->strings);
	free(l->items);
	free(al);
}

const struct catalog_unit *catalog_provinces(const struct catalog *cat, size_t *n)
{
	*n = cat->nprovinces;
	return cat->provinces;
}

/* The index of a province by code, or -1. */
static long province_at(const struct catalog *cat, const char *code)
{
	size_t i;

	for (i = 0; i < cat->nprovinces; i++)
		if (strcmp(cat->provinces[i].code, code) == 0)
			return (long)i;
	return -1;
}

const struct catalog_unit *catalog_communes(const struct catalog *cat, const char *province,
					    size_t *n)
{
	long p = province_at(cat, province);

	*n = 0;
	if (p < 0)
		return NULL;
	*n = cat->commune_start[p + 1] - cat->commune_start[p];
	return &cat->communes[cat->commune_start[p]];
}

const struct catalog_unit *catalog_unit(const struct catalog *cat, const char *code)
{
	long p = province_at(cat, code);
	size_t i;

	if (p >= 0)
		return &cat->provinces[p];
	for (i = 0; i < cat->ncommunes; i++)
		if (strcmp(cat->communes[i].code, code) == 0)
			return &cat->communes[i];
	return NULL;
}

size_t catalog_search_communes(struct catalog *cat, const char *province, const char *query,
			       const struct catalog_unit **out, size_t max, size_t *total)
{
	struct search_hit *hits = hit_room(cat, max);
	long p = province ? province_at(cat, province) : -1;
	size_t n, i;

	if (province != NULL && p < 0) {
		if (total)
			*total = 0;
		return 0;
	}
	n = search_run(cat->commune_index, query, p < 0 ? 0 : (unsigned)p + 1, 0, hits, max, total);
	for (i = 0; i < n; i++)
		out[i] = &cat->communes[hits[i].doc];
	return n;
}

const struct catalog_old *catalog_olds(const struct catalog *cat, size_t *n)
{
	return oldunits_all(cat->old, n);
}

size_t catalog_old_find(const struct catalog *cat, const char *key,
			const struct catalog_old **out, size_t max)
{
	return oldunits_find(cat->old, key, out, max);
}

const char *const *catalog_old_problems(const struct catalog *cat, size_t *n)
{
	return oldunits_problems(cat->old, n);
}

/* True when place p (a unit found by its own name) is among out[0..n). */
static int listed(const struct catalog_place *out, size_t n, const struct catalog_unit *unit)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (out[i].unit == unit && out[i].was == NULL && out[i].was_province == NULL)
			return 1;
	return 0;
}

/* True when two names fold the same ("Tỉnh Khánh Hòa", "Tỉnh Khánh Hoà"). */
static int same_name(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	int same = fa && fb && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

/* Adds the 2025 units an old name (hit doc) stands for to out[*n..max). */
typedef void expand_fn(struct catalog *cat, unsigned doc, struct catalog_place *out, size_t *n,
		       size_t max);

/* Merges hits by their own names (of units[]) and by old names (expanded
 * into their 2025 units) into out, best score first, a unit's own name
 * first among equals. Returns the number written. */
static size_t merge_places(struct catalog *cat, const struct search_hit *own, size_t nown,
			   const struct catalog_unit *units, const struct search_hit *was,
			   size_t nwas, expand_fn *expand, struct catalog_place *out, size_t max)
{
	size_t i = 0, j = 0, n = 0;

	while (n < max && (i < nown || j < nwas)) {
		if (i < nown && (j >= nwas || own[i].score >= was[j].score))
			out[n++] = (struct catalog_place){ &units[own[i++].doc], NULL, NULL };
		else
			expand(cat, was[j++].doc, out, &n, max);
	}
	return n;
}

/* The 2025 communes old commune doc went into; one of the same name as the
 * old commune, already listed under its own name, is not repeated. */
static void expand_old(struct catalog *cat, unsigned doc, struct catalog_place *out, size_t *n,
		       size_t max)
{
	size_t all, k;
	const struct catalog_old *o = &catalog_olds(cat, &all)[doc];

	for (k = 0; k < o->nnow && *n < max; k++)
		if (!(listed(out, *n, o->now[k]) && same_name(o->name, o->now[k]->name)))
			out[(*n)++] = (struct catalog_place){ o->now[k], o, NULL };
}

/* The 2025 province old province doc is part of, unless listed already
 * under the same name. */
static void expand_province(struct catalog *cat, unsigned doc, struct catalog_place *out,
			    size_t *n, size_t max)
{
	size_t all;
	const struct catalog_old_province *p = &oldunits_provinces(cat->old, &all)[doc];

	if (*n < max && !(listed(out, *n, p->now) && same_name(p->name, p->now->name)))
		out[(*n)++] = (struct catalog_place){ p->now, NULL, p->name };
}

size_t catalog_search_places(struct catalog *cat, const char *province, const char *query,
			     struct catalog_place *out, size_t max, size_t *total)
{
	struct search_hit *own = xcalloc(max ? max : 1, sizeof *own);
	struct search_hit *was = xcalloc(max ? max : 1, sizeof *was);
	long p = province ? province_at(cat, province) : -1;
	size_t nown = 0, nwas = 0, town = 0, twas = 0, n = 0;

	if (province == NULL || p >= 0) {
		unsigned group = p < 0 ? 0 : (unsigned)p + 1;

		nown = search_run(cat->commune_index, query, group, 0, own, max, &town);
		nwas = oldunits_search(cat->old, query, group, was, max, &twas);
		n = merge_places(cat, own, nown, cat->communes, was, nwas, expand_old, out, max);
	}
	if (total)
		*total = town + twas;
	free(own);
	free(was);
	return n;
}

size_t catalog_search_province_places(struct catalog *cat, const char *query,
				      struct catalog_place *out, size_t max, size_t *total)
{
	struct search_hit *own = xcalloc(max ? max : 1, sizeof *own);
	struct search_hit *was = xcalloc(max ? max : 1, sizeof *was);
	size_t town = 0, twas = 0, n, nown, nwas;

	nown = search_run(cat->province_index, query, 0, 0, own, max, &town);
	nwas = oldunits_search_provinces(cat->old, query, was, max, &twas);
	n = merge_places(cat, own, nown, cat->provinces, was, nwas, expand_province, out, max);
	if (total)
		*total = town + twas;
	free(own);
	free(was);
	return n;
}
