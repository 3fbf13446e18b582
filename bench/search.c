/* Benchmark: search as you type over a catalog (content.db), one query per
 * keystroke of typical typed searches, against peers run on the same rows
 * in the same run: SQLite FTS5 (unicode61, remove_diacritics 2, prefix
 * queries, bm25 with the same column weights) and a plain LIKE scan.
 *
 *   build/bench/search CONTENT.DB
 *
 * Prints per-keystroke latency (p50, p99, max, and the first keystroke of a
 * search: the time to the first result), queries per second, the ratios,
 * the time to open the catalog and build its index, and the memory the
 * loaded catalog takes (resident set). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "catalog.h"
#include "text.h"
#include "util.h"

#define ROUNDS 5
#define PAGE 20

/* What villagers and helpers type, without marks as on a keypad or with,
 * in the catalog's words and in their own (read through the synonyms),
 * in Telex and VNI keys on a keyboard, with a typo. */
static const char *const typed[] = {
	"dang ky khai sinh", "khai tu", "ket hon", "xac nhan tinh trang hon nhan",
	"chung thuc ban sao", "dang ky thuong tru", "tam tru", "cap doi the can cuoc",
	"giay phep xay dung", "ho kinh doanh", "thue thu nhap ca nhan", "dat dai",
	"cap giay chung nhan quyen su dung dat", "bao hiem xa hoi mot lan", "ho ngheo",
	"nuoi con nuoi", "hoa giai", "đăng ký xe", "giấy phép lái xe", "hải quan",
	"lam so do", "nhap ho khau", "cap lai cmnd bi mat", "giay xac nhan doc than",
	"ddawng kys khai sinh", "d9a8ng ky1 ke6t ho6n", "khia sinh", "tien mai tang",
};

/* Every keystroke of every typed search: "d", "da", "dan", "dang", ... */
static char **keystrokes(size_t *n)
{
	size_t i, cap = 1024, k = 0;
	char **out = xmalloc(cap * sizeof *out);

	for (i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		const char *s = typed[i];
		size_t len = strlen(s), j;

		for (j = 1; j <= len; j++) {
			/* Whole letters only; a space typed changes nothing. */
			if (j < len && (((unsigned char)s[j] & 0xc0) == 0x80 || s[j - 1] == ' '))
				continue;
			if (k == cap)
				out = xrealloc(out, (cap *= 2) * sizeof *out);
			out[k++] = xstrndup(s, j);
		}
	}
	*n = k;
	return out;
}

struct stats {
	double p50, p99, max, qps, first;
};

/* Statistics of rounds x n timings (t[round * n + key]): each keystroke's
 * median over the rounds (the machine may be busy: a median of a few runs
 * keeps other processes' time out), then the percentiles over keystrokes;
 * queries per second over every run; first, the slowest first keystroke
 * of a search (time to the first result). */
static struct stats summarize(const double *t, size_t n, size_t rounds, char **keys)
{
	double *med = xmalloc(n * sizeof *med), *one = xmalloc(rounds * sizeof *one), sum = 0;
	struct stats s = { 0 };
	size_t i, r;

	for (i = 0; i < n; i++) {
		for (r = 0; r < rounds; r++) {
			one[r] = t[r * n + i];
			sum += one[r];
		}
		qsort(one, rounds, sizeof *one, by_value);
		med[i] = one[rounds / 2];
		if (strlen(keys[i]) == 1 && med[i] > s.first)
			s.first = med[i];
	}
	qsort(med, n, sizeof *med, by_value);
	s.p50 = med[n / 2];
	s.p99 = med[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1];
	s.max = med[n - 1];
	s.qps = sum > 0 ? (double)(n * rounds) / sum : 0;
	free(med);
	free(one);
	return s;
}

/* Prints one line of results. */
static void print(const char *who, struct stats s)
{
	printf("search: %-6s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  first key %7.3f ms  %8.0f queries/s\n",
	       who, s.p50 * 1e3, s.p99 * 1e3, s.max * 1e3, s.first * 1e3, s.qps);
}

/* Copies the folded texts into an in-memory FTS5 table and a plain table.
 * Returns the open database. */
static sqlite3 *peer_open(const char *path)
{
	sqlite3 *db;
	char *sql = xprintf("ATTACH '%s' AS c;"
			    "CREATE VIRTUAL TABLE f USING fts5(name, field, body,"
			    " tokenize = 'unicode61 remove_diacritics 2');"
			    "INSERT INTO f (rowid, name, field, body)"
			    " SELECT procedure_id, name, field, body FROM c.search_text;"
			    "CREATE TABLE plain AS SELECT procedure_id AS id, name, field, body FROM c.search_text;"
			    "DETACH c;", path);

	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "search: peer: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	free(sql);
	return db;
}

/* One FTS5 query for a typed prefix: every word a prefix, best 20 by bm25
 * with the name ahead of the field ahead of the body. Returns the rows. */
static int peer_fts(sqlite3_stmt *st, const char *folded)
{
	char q[512] = "";
	const char *p = folded;
	int rows = 0;

	while (*p) {
		size_t n = strcspn(p, " ");

		snprintf(q + strlen(q), sizeof q - strlen(q), "%s\"%.*s\"*", q[0] ? " " : "", (int)n, p);
		p += n;
		p += strspn(p, " ");
	}
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW)
		rows++;
	return rows;
}

/* One LIKE scan for a typed prefix: every word somewhere in the texts. */
static int peer_like(sqlite3 *db, const char *folded)
{
	char *sql = xstrdup("SELECT id FROM plain WHERE 1"), *old;
	const char *p = folded;
	sqlite3_stmt *st;
	int rows = 0;

	while (*p) {
		size_t n = strcspn(p, " ");

		old = sql;
		sql = xprintf("%s AND (name || ' ' || field || ' ' || body) LIKE '%%%.*s%%'", old, (int)n, p);
		free(old);
		p += n;
		p += strspn(p, " ");
	}
	old = sql;
	sql = xprintf("%s LIMIT %d", old, PAGE);
	free(old);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			rows++;
		sqlite3_finalize(st);
	}
	free(sql);
	return rows;
}

int main(int argc, char **argv)
{
	const struct catalog_entry *hits[PAGE];
	struct catalog *cat;
	struct stats ours, fts, like;
	char **keys, **folded, *cause = NULL;
	double t0, open_s, *t;
	long rss0, rss1, rss_after;
	size_t nkeys, i, r, k, total, empty = 0;
	sqlite3 *peer;
	sqlite3_stmt *st;

	if (argc != 2) {
		fprintf(stderr, "usage: %s CONTENT.DB\n", argv[0]);
		return 2;
	}
	rss0 = rss_kb();
	t0 = now();
	cat = catalog_open(argv[1], &cause);
	open_s = now() - t0;
	rss1 = rss_kb();
	if (cat == NULL) {
		fprintf(stderr, "search: %s\n", cause);
		return 1;
	}
	keys = keystrokes(&nkeys);
	folded = xmalloc(nkeys * sizeof *folded);
	for (i = 0; i < nkeys; i++)
		folded[i] = text_fold(keys[i]);
	t = xmalloc(nkeys * ROUNDS * sizeof *t);
	printf("search: %zu procedures; %zu keystrokes of %zu typed searches, %d rounds\n",
	       catalog_count(cat), nkeys, sizeof typed / sizeof typed[0], ROUNDS);
	printf("search: open and index %.0f ms; resident memory %ld kB, of it the catalog %ld kB\n",
	       open_s * 1e3, rss1, rss1 - rss0);

	for (k = 0, r = 0; r < ROUNDS; r++) {
		for (i = 0; i < nkeys; i++, k++) {
			t0 = now();
			if (catalog_search(cat, keys[i], 0, hits, PAGE, &total) == 0)
				empty += r == 0;
			t[k] = now() - t0;
		}
	}
	ours = summarize(t, nkeys, ROUNDS, keys);
	rss_after = rss_kb();

	peer = peer_open(argv[1]);
	if (sqlite3_prepare_v2(peer, "SELECT rowid FROM f WHERE f MATCH ?"
			       " ORDER BY bm25(f, 100.0, 10.0, 1.0) LIMIT 20", -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "search: fts5: %s\n", sqlite3_errmsg(peer));
		return 1;
	}
	for (k = 0, r = 0; r < ROUNDS; r++) {
		for (i = 0; i < nkeys; i++, k++) {
			t0 = now();
			peer_fts(st, folded[i]);
			t[k] = now() - t0;
		}
	}
	sqlite3_finalize(st);
	fts = summarize(t, nkeys, ROUNDS, keys);
	for (k = 0, r = 0; r < ROUNDS; r++) {
		for (i = 0; i < nkeys; i++, k++) {
			t0 = now();
			peer_like(peer, folded[i]);
			t[k] = now() - t0;
		}
	}
	like = summarize(t, nkeys, ROUNDS, keys);
	sqlite3_close(peer);

	print("ours", ours);
	print("fts5", fts);
	print("like", like);
	printf("search: fts5/ours  p50 x%.1f  p99 x%.1f  first key x%.1f  queries/s x%.1f\n",
	       fts.p50 / ours.p50, fts.p99 / ours.p99, fts.first / ours.first, ours.qps / fts.qps);
	printf("search: like/ours  p50 x%.1f  p99 x%.1f  first key x%.1f  queries/s x%.1f"
	       " (LIKE: substrings, unranked, stops at %d)\n", like.p50 / ours.p50, like.p99 / ours.p99,
	       like.first / ours.first, ours.qps / like.qps, PAGE);
	printf("search: keystrokes with no result: %zu of %zu; one frame is 16 ms\n", empty, nkeys);
	printf("search: resident memory after the searches %ld kB\n", rss_after);

	for (i = 0; i < nkeys; i++) {
		free(keys[i]);
		free(folded[i]);
	}
	free(keys);
	free(folded);
	free(t);
	catalog_close(cat);
	return 0;
}
