/* The pre-2025 communes in memory (see oldunits.h): one array in the
 * order of content.db (a search document each) with a permutation sorted
 * by matching key, the 2025 communes of each in one shared array of
 * pointers, two search indexes. Read in two sequential scans (communes,
 * then their targets): no lookup per row. */
#include "oldunits.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

struct oldunits {
	struct catalog_old *olds;       /* in content.db's order */
	const char **keys;              /* olds[i]'s key */
	size_t *by_key;                 /* indexes of olds, sorted by key */
	size_t nolds;
	unsigned *province;             /* olds[i]'s 2025 province index */
	const struct catalog_unit **targets; /* olds[i].now point into this */
	struct search *index;           /* name, district, old province */
	struct catalog_old_province *provs;
	size_t nprovs;
	struct search *prov_index;
	char **blocks;                  /* everything above points into these */
	size_t nblocks, used;           /* bytes used of the last block */
	char **problems;
	size_t nproblems;
};

#define BLOCK 65536

/* A copy of s owned by u, in blocks of strings side by side (ten thousand
 * communes' names would cost a malloc header each). */
static const char *own(struct oldunits *u, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *at;

	if (n > BLOCK)
		n = BLOCK;
	if (u->nblocks == 0 || u->used + n > BLOCK) {
		u->blocks = xrealloc(u->blocks, (u->nblocks + 1) * sizeof *u->blocks);
		u->blocks[u->nblocks++] = xmalloc(BLOCK);
		u->used = 0;
	}
	at = u->blocks[u->nblocks - 1] + u->used;
	memcpy(at, s ? s : "", n - 1);
	at[n - 1] = '\0';
	u->used += n;
	return at;
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

/* The index of the province with this code, or -1. */
static long province_index(const struct catalog_unit *provinces, size_t np, const char *code)
{
	size_t i;

	for (i = 0; i < np; i++)
		if (strcmp(provinces[i].code, code) == 0)
			return (long)i;
	return -1;
}

/* The keys being sorted (qsort has no context). */
static const char **sorting_keys;

/* Orders indexes by their keys. */
static int by_key(const void *a, const void *b)
{
	return strcmp(sorting_keys[*(const size_t *)a], sorting_keys[*(const size_t *)b]);
}

/* Reads the old communes in content.db's order into u, indexed for search
 * and sorted by key; ids[i] gets row i's id. Returns 0 or -1. */
static int read_communes(struct oldunits *u, sqlite3 *sql, const struct catalog_unit *provinces,
			 size_t np, sqlite3_int64 *ids)
{
	sqlite3_stmt *st;
	size_t cap = u->nolds, i;

	u->nolds = 0;
	if (sqlite3_prepare_v2(sql, "SELECT id, province, name, district, old_province, fold,"
			       " district_fold, key FROM old_communes ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (u->nolds < cap && sqlite3_step(st) == SQLITE_ROW) {
		struct catalog_old *o = &u->olds[u->nolds];
		long p = province_index(provinces, np, (const char *)sqlite3_column_text(st, 1));

		o->name = own(u, (const char *)sqlite3_column_text(st, 2));
		if (p < 0) {
			note(u, xprintf("old commune %s: no 2025 province %s", o->name,
					(const char *)sqlite3_column_text(st, 1)));
			continue;
		}
		ids[u->nolds] = sqlite3_column_int64(st, 0);
		o->district = own(u, (const char *)sqlite3_column_text(st, 3));
		o->province = own(u, (const char *)sqlite3_column_text(st, 4));
		u->keys[u->nolds] = own(u, (const char *)sqlite3_column_text(st, 7));
		u->province[u->nolds] = (unsigned)p;
		search_add(u->index, (unsigned)u->nolds, SEARCH_NAME, (const char *)sqlite3_column_text(st, 5));
		search_add(u->index, (unsigned)u->nolds, SEARCH_FIELD, (const char *)sqlite3_column_text(st, 6));
		search_set_group(u->index, (unsigned)u->nolds, (unsigned)p + 1);
		u->nolds++;
	}
	sqlite3_finalize(st);
	for (i = 0; i < u->nolds; i++)
		u->by_key[i] = i;
	sorting_keys = u->keys;
	qsort(u->by_key, u->nolds, sizeof *u->by_key, by_key);
	sorting_keys = NULL;
	return 0;
}

/* The index of the old commune with this id among the n read (ids
 * ascending), or -1. */
static long old_at(const sqlite3_int64 *ids, size_t n, sqlite3_int64 id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ids[mid] == id)
			return (long)mid;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Reads the 2025 communes of every old commune, in order, into the shared
 * targets array; one missing or in another province is noted and left
 * out. Returns 0 or -1. */
static int read_targets(struct oldunits *u, sqlite3 *sql, const struct catalog_unit *provinces,
			const sqlite3_int64 *ids, const struct catalog_unit **sorted, size_t nc,
			size_t cap)
{
	sqlite3_stmt *st;
	size_t next = 0;

	if (sqlite3_prepare_v2(sql, "SELECT old_id, commune FROM old_targets ORDER BY old_id, seq",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (next < cap && sqlite3_step(st) == SQLITE_ROW) {
		long i = old_at(ids, u->nolds, sqlite3_column_int64(st, 0));
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const struct catalog_unit *c = commune_by_code(sorted, nc, code);
		struct catalog_old *o;

		if (i < 0)
			continue;
		o = &u->olds[i];
		if (c == NULL || c->province != &provinces[u->province[i]]) {
			note(u, xprintf("old commune %s, %s, %s: 2025 commune %s %s", o->name,
					o->district, o->province, code,
					c ? "is in another province" : "does not exist"));
			continue;
		}
		if (o->nnow == 0)
			o->now = &u->targets[next];
		u->targets[next++] = c;
		o->nnow++;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Reads the old provinces, each with the 2025 province it is part of. */
static int read_provinces(struct oldunits *u, sqlite3 *sql, const struct catalog_unit *provinces,
			  size_t np)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(sql, "SELECT DISTINCT old_province, province FROM old_communes"
			       " ORDER BY old_province, province", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long p = province_index(provinces, np, (const char *)sqlite3_column_text(st, 1));

		if (p < 0)
			continue;
		u->provs = xrealloc(u->provs, (u->nprovs + 1) * sizeof *u->provs);
		u->provs[u->nprovs].name = own(u, (const char *)sqlite3_column_text(st, 0));
		u->provs[u->nprovs++].now = &provinces[p];
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

/* Reads the mapping of content.db into u (its tables exist). */
static int read_all(struct oldunits *u, sqlite3 *sql, const struct catalog_unit *provinces,
		    size_t np, const struct catalog_unit **sorted, size_t nc)
{
	size_t nt = count_rows(sql, "SELECT count(*) FROM old_targets");
	sqlite3_int64 *ids;
	int rc;

	u->nolds = count_rows(sql, "SELECT count(*) FROM old_communes");
	u->olds = xcalloc(u->nolds ? u->nolds : 1, sizeof *u->olds);
	u->keys = xcalloc(u->nolds ? u->nolds : 1, sizeof *u->keys);
	u->by_key = xcalloc(u->nolds ? u->nolds : 1, sizeof *u->by_key);
	u->province = xcalloc(u->nolds ? u->nolds : 1, sizeof *u->province);
	u->targets = xcalloc(nt ? nt : 1, sizeof *u->targets);
	ids = xcalloc(u->nolds ? u->nolds : 1, sizeof *ids);
	u->index = search_new((unsigned)u->nolds);
	rc = read_communes(u, sql, provinces, np, ids);
	if (rc == 0)
		rc = read_targets(u, sql, provinces, ids, sorted, nc, nt);
	if (rc == 0)
		rc = read_provinces(u, sql, provinces, np);
	free(ids);
	return rc;
}

struct oldunits *oldunits_load(sqlite3 *sql, const struct catalog_unit *provinces, size_t np,
			       const struct catalog_unit *communes, size_t nc)
{
	struct oldunits *u = xcalloc(1, sizeof *u);
	const struct catalog_unit **sorted = xmalloc((nc ? nc : 1) * sizeof *sorted);
	size_t i;
	int rc = 0;

	for (i = 0; i < nc; i++)
		sorted[i] = &communes[i];
	qsort(sorted, nc, sizeof *sorted, by_code);
	/* A content.db from before the mapping has no such table: no mapping. */
	if (count_rows(sql, "SELECT count(*) FROM sqlite_master WHERE name = 'old_communes'") == 1)
		rc = read_all(u, sql, provinces, np, sorted, nc);
	else
		u->index = search_new(0);
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
	for (i = 0; i < u->nblocks; i++)
		free(u->blocks[i]);
	for (i = 0; i < u->nproblems; i++)
		free(u->problems[i]);
	free(u->blocks);
	free(u->problems);
	free(u->olds);
	free(u->keys);
	free(u->by_key);
	free(u->province);
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

		if (strcmp(u->keys[u->by_key[mid]], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < u->nolds && strcmp(u->keys[u->by_key[lo]], key) == 0; lo++, n++)
		if (n < max)
			out[n] = &u->olds[u->by_key[lo]];
	return n;
}

size_t oldunits_search(struct oldunits *u, const char *query, unsigned group,
		       struct search_hit *hits, size_t max, size_t *total)
{
	return search_run(u->index, query, group, 0, hits, max, total);
}

size_t oldunits_search_provinces(struct oldunits *u, const char *query, struct search_hit *hits,
				 size_t max, size_t *total)
{
	return search_run(u->prov_index, query, 0, 0, hits, max, total);
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
