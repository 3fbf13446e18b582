/* The pre-2025 communes in memory (see oldunits.h): one array sorted by
 * matching key, the 2025 communes of each in one shared array of pointers,
 * two search indexes. */
#include "oldunits.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

struct oldunits {
	struct catalog_old *olds;       /* by key */
	const char **keys;              /* olds[i]'s key */
	size_t nolds;
	const struct catalog_unit **targets; /* olds[i].now point into this */
	struct search *index;           /* name, district, old province */
	struct catalog_old_province *provs;
	size_t nprovs;
	struct search *prov_index;
	char **strings;                 /* everything above points into these */
	size_t nstrings, cap;
	char **problems;
	size_t nproblems;
};

/* A copy of s owned by u. */
static const char *own(struct oldunits *u, const char *s)
{
	if (u->nstrings == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 1024;
		u->strings = xrealloc(u->strings, u->cap * sizeof *u->strings);
	}
	return u->strings[u->nstrings++] = xstrdup(s ? s : "");
}

/* Notes a problem found while loading. */
static void note(struct oldunits *u, char *msg)
{
	u->problems = xrealloc(u->problems, (u->nproblems + 1) * sizeof *u->problems);
	u->problems[u->nproblems++] = msg;
}

/* Orders pointers to units by code. */
static int by_code(const void *a, const void *b)
{
	return strcmp((*(const struct catalog_unit *const *)a)->code,
		      (*(const struct catalog_unit *const *)b)->code);
}

/* The commune with this code among n sorted by code, or NULL. */
static const struct catalog_unit *commune_by_code(const struct catalog_unit **sorted, size_t n,
						  const char *code)
{
	struct catalog_unit key = { .code = code };
	const struct catalog_unit *k = &key, **hit;

	hit = bsearch(&k, sorted, n, sizeof *sorted, by_code);
	return hit ? *hit : NULL;
}

/* The number of rows a count query gives (0 on error). */
static size_t count_rows(sqlite3 *sql, const char *query)
{
	sqlite3_stmt *st;
	size_t n = 0;

	if (sqlite3_prepare_v2(sql, query, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Resolves the space-separated 2025 codes of old commune o (of 2025
 * province prov) into the targets array from *next on. */
static void resolve(struct oldunits *u, struct catalog_old *o, const struct catalog_unit *prov,
		    const char *codes, const struct catalog_unit **sorted, size_t nc, size_t *next)
{
	char *list = xstrdup(codes ? codes : ""), *save = NULL, *code;

	o->now = &u->targets[*next];
	for (code = strtok_r(list, " ", &save); code; code = strtok_r(NULL, " ", &save)) {
		const struct catalog_unit *c = commune_by_code(sorted, nc, code);

		if (c == NULL || c->province != prov) {
			note(u, xprintf("old commune %s, %s, %s: 2025 commune %s %s", o->name,
					o->district, o->province, code,
					c ? "is in another province" : "does not exist"));
			continue;
		}
		u->targets[(*next)++] = c;
		o->nnow++;
	}
	free(list);
}

/* The index of the province with this code, or -1. */
static long province_index(const struct catalog_unit *provinces, size_t np, const char *code)
{
	size_t i;

	for (i = 0; i < np; i++)
		if (strcmp(provinces[i].code, code) == 0)
			return (long)i;
	return -1;
}

/* Adds old province name (part of 2025 province prov) once. */
static void add_province(struct oldunits *u, const char *name, const struct catalog_unit *prov)
{
	size_t i;

	for (i = 0; i < u->nprovs; i++)
		if (u->provs[i].now == prov && strcmp(u->provs[i].name, name) == 0)
			return;
	u->provs = xrealloc(u->provs, (u->nprovs + 1) * sizeof *u->provs);
	u->provs[u->nprovs].name = name;
	u->provs[u->nprovs++].now = prov;
}

/* Reads the rows (sorted by key) into u. Returns 0 or -1. */
static int read_rows(struct oldunits *u, sqlite3 *sql, const struct catalog_unit *provinces,
		     size_t np, const struct catalog_unit **sorted, size_t nc)
{
	sqlite3_stmt *st;
	size_t cap = u->nolds, next = 0;

	u->nolds = 0;
	if (sqlite3_prepare_v2(sql, "SELECT o.province, o.name, o.district, o.old_province, o.fold,"
			       " o.district_fold, o.key, (SELECT group_concat(t.commune, ' ') FROM"
			       " old_targets t WHERE t.old_id = o.id) FROM old_communes o"
			       " ORDER BY o.key, o.id", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (u->nolds < cap && sqlite3_step(st) == SQLITE_ROW) {
		struct catalog_old *o = &u->olds[u->nolds];
		long p = province_index(provinces, np, (const char *)sqlite3_column_text(st, 0));
		char *pf;

		if (p < 0) {
			note(u, xprintf("old commune %s: no 2025 province %s",
					(const char *)sqlite3_column_text(st, 1),
					(const char *)sqlite3_column_text(st, 0)));
			continue;
		}
		o->name = own(u, (const char *)sqlite3_column_text(st, 1));
		o->district = own(u, (const char *)sqlite3_column_text(st, 2));
		o->province = own(u, (const char *)sqlite3_column_text(st, 3));
		u->keys[u->nolds] = own(u, (const char *)sqlite3_column_text(st, 6));
		resolve(u, o, &provinces[p], (const char *)sqlite3_column_text(st, 7), sorted, nc, &next);
		search_add(u->index, (unsigned)u->nolds, SEARCH_NAME, (const char *)sqlite3_column_text(st, 4));
		search_add(u->index, (unsigned)u->nolds, SEARCH_FIELD, (const char *)sqlite3_column_text(st, 5));
		pf = text_fold(o->province);
		search_add(u->index, (unsigned)u->nolds, SEARCH_BODY, pf ? pf : "");
		free(pf);
		search_set_group(u->index, (unsigned)u->nolds, (unsigned)p + 1);
		add_province(u, o->province, &provinces[p]);
		u->nolds++;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Indexes the old provinces' names. */
static void index_provinces(struct oldunits *u)
{
	size_t i;

	u->prov_index = search_new((unsigned)u->nprovs);
	for (i = 0; i < u->nprovs; i++) {
		char *f = text_fold(u->provs[i].name);

		search_add(u->prov_index, (unsigned)i, SEARCH_NAME, f ? f : "");
		free(f);
	}
	search_finish(u->prov_index);
}

struct oldunits *oldunits_load(sqlite3 *sql, const struct catalog_unit *provinces, size_t np,
			       const struct catalog_unit *communes, size_t nc)
{
	struct oldunits *u = xcalloc(1, sizeof *u);
	const struct catalog_unit **sorted = xmalloc((nc ? nc : 1) * sizeof *sorted);
	size_t i, nt;
	int rc = 0;

	for (i = 0; i < nc; i++)
		sorted[i] = &communes[i];
	qsort(sorted, nc, sizeof *sorted, by_code);
	/* A content.db from before the mapping has no such table: no mapping. */
	if (count_rows(sql, "SELECT count(*) FROM sqlite_master WHERE name = 'old_communes'") == 1) {
		u->nolds = count_rows(sql, "SELECT count(*) FROM old_communes");
		nt = count_rows(sql, "SELECT count(*) FROM old_targets");
		u->olds = xcalloc(u->nolds ? u->nolds : 1, sizeof *u->olds);
		u->keys = xcalloc(u->nolds ? u->nolds : 1, sizeof *u->keys);
		u->targets = xcalloc(nt ? nt : 1, sizeof *u->targets);
		u->index = search_new((unsigned)u->nolds);
		rc = read_rows(u, sql, provinces, np, sorted, nc);
	} else {
		u->index = search_new(0);
	}
	free(sorted);
	search_finish(u->index);
	index_provinces(u);
	if (rc != 0) {
		oldunits_free(u);
		return NULL;
	}
	return u;
}

void oldunits_free(struct oldunits *u)
{
	size_t i;

	if (u == NULL)
		return;
	for (i = 0; i < u->nstrings; i++)
		free(u->strings[i]);
	for (i = 0; i < u->nproblems; i++)
		free(u->problems[i]);
	free(u->strings);
	free(u->problems);
	free(u->olds);
	free(u->keys);
	free(u->targets);
	free(u->provs);
	search_free(u->index);
	search_free(u->prov_index);
	free(u);
}

const struct catalog_old *oldunits_all(const struct oldunits *u, size_t *n)
{
	*n = u->nolds;
	return u->olds;
}

size_t oldunits_find(const struct oldunits *u, const char *key, const struct catalog_old **out,
		     size_t max)
{
	size_t lo = 0, hi = u->nolds, n = 0;

	while (lo < hi) { /* the first key not below key */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(u->keys[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < u->nolds && strcmp(u->keys[lo], key) == 0; lo++, n++)
		if (n < max)
			out[n] = &u->olds[lo];
	return n;
}

size_t oldunits_search(struct oldunits *u, const char *query, unsigned group,
		       struct search_hit *hits, size_t max, size_t *total)
{
	return search_run(u->index, query, group, hits, max, total);
}

size_t oldunits_search_provinces(struct oldunits *u, const char *query, struct search_hit *hits,
				 size_t max, size_t *total)
{
	return search_run(u->prov_index, query, 0, hits, max, total);
}

const struct catalog_old_province *oldunits_provinces(const struct oldunits *u, size_t *n)
{
	*n = u->nprovs;
	return u->provs;
}

const char *const *oldunits_problems(const struct oldunits *u, size_t *n)
{
	*n = u->nproblems;
	return (const char *const *)u->problems;
}
