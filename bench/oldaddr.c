/* Benchmark: a scanned card's pre-2025 address turned into the 2025
 * commune(s) (oldaddr_resolve over the catalog's mapping in memory), for
 * every old commune of the catalog, as a card prints it in full and
 * without its kind words; against a peer run on the same rows in the same
 * run: the same key looked up with SQLite in content.db (an index on the
 * key, the targets joined). Then the address picker's search by old names
 * as typed, keystroke by keystroke.
 *
 *   build/bench/oldaddr CONTENT.DB          the timings, and the resident
 *                                           set after opening the catalog
 *   build/bench/oldaddr --open CONTENT.DB   only that resident set (kB) and
 *                                           the time to open it (ms)
 *
 * Every figure is the median of ROUNDS runs of each lookup. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "catalog.h"
#include "oldaddr.h"
#include "util.h"

#define ROUNDS 5

/* What villagers type in the picker for an old commune or district. */
static const char *const typed[] = {
	"hanh duc", "nghia hanh", "kim ma", "phu thanh", "yen vien", "hoa an", "tan thanh",
	"phuong 1", "an khanh", "ninh kieu",
};

/* Prints p50, p99 and max of n medians (sorted here), in ms. */
static void print(const char *what, double *t, size_t n)
{
	qsort(t, n, sizeof *t, by_value);
	printf("oldaddr: %-34s p50 %7.4f ms  p99 %7.4f ms  max %7.4f ms  (%zu lookups)\n", what,
	       t[n / 2] * 1e3, t[(n * 99) / 100] * 1e3, t[n - 1] * 1e3, n);
}

/* The median of ROUNDS timings of fn(arg, i). */
static double median(void (*fn)(void *, size_t), void *arg, size_t i)
{
	double r[ROUNDS], t;
	int k;

	for (k = 0; k < ROUNDS; k++) {
		t = now();
		fn(arg, i);
		r[k] = now() - t;
	}
	qsort(r, ROUNDS, sizeof *r, by_value);
	return r[ROUNDS / 2];
}

struct run {
	struct catalog *cat;
	const struct catalog_old *olds;
	char **addr;            /* 2 per old commune: in full, and as "C, D, P" without kinds */
	sqlite3_stmt *peer;
	char **keys;
	size_t found;
};

/* Ours: one card address resolved. */
static void ours(void *arg, size_t i)
{
	struct run *r = arg;
	struct oldaddr m;

	r->found += oldaddr_resolve(r->cat, r->addr[i], &m) > 0;
	oldaddr_free(&m);
}

/* The peer: the same key looked up in content.db, with the targets. */
static void peer(void *arg, size_t i)
{
	struct run *r = arg;

	sqlite3_reset(r->peer);
	sqlite3_bind_text(r->peer, 1, r->keys[i / 2], -1, SQLITE_STATIC);
	while (sqlite3_step(r->peer) == SQLITE_ROW)
		r->found++;
}

/* Every keystroke of the typed old names, searched as the picker does. */
static void picker(struct catalog *cat)
{
	double t[256];
	size_t n = 0, i, j;
	struct catalog_place out[6];

	for (i = 0; i < sizeof typed / sizeof typed[0]; i++)
		for (j = 1; j <= strlen(typed[i]) && n < 256; j++) {
			char *q = xstrndup(typed[i], j);
			double r[ROUNDS];
			int k;

			for (k = 0; k < ROUNDS; k++) {
				double s = now();

				catalog_search_places(cat, NULL, q, out, 6, NULL);
				r[k] = now() - s;
			}
			qsort(r, ROUNDS, sizeof *r, by_value);
			t[n++] = r[ROUNDS / 2];
			free(q);
		}
	print("picker search by old names, all", t, n);
}

/* A name without its kind word, as many cards print it. */
static const char *bare(const char *name)
{
	static const char *const kinds[] = { "Thành phố ", "Thị trấn ", "Thị xã ", "Phường ",
					     "Huyện ", "Quận ", "Tỉnh ", "Xã " };
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(name, kinds[i], strlen(kinds[i])) == 0)
			return name + strlen(kinds[i]);
	return name;
}

/* Builds the card addresses of every old commune. */
static void addresses(struct run *r, size_t n)
{
	size_t i;

	r->addr = xmalloc(2 * n * sizeof *r->addr);
	r->keys = xmalloc(n * sizeof *r->keys);
	for (i = 0; i < n; i++) {
		const struct catalog_old *o = &r->olds[i];

		r->addr[2 * i] = xprintf("Thôn 1, %s, %s, %s", o->name, o->district, o->province);
		r->addr[2 * i + 1] = xprintf("%s, %s, %s", bare(o->name), bare(o->district),
					     bare(o->province));
		r->keys[i] = oldaddr_key(o->name, o->district, o->province);
	}
}

int main(int argc, char **argv)
{
	struct run r = { 0 };
	char *cause = NULL;
	double *t, t0;
	size_t n, i;
	sqlite3 *db;
	long before = rss_kb();

	if (argc == 3 && strcmp(argv[1], "--open") == 0) {
		t0 = now();
		r.cat = catalog_open(argv[2], &cause);
		printf("%ld %.0f\n", r.cat ? rss_kb() - before : -1, (now() - t0) * 1e3);
		return r.cat ? 0 : 1;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: oldaddr [--open] CONTENT.DB\n");
		return 2;
	}
	t0 = now();
	if ((r.cat = catalog_open(argv[1], &cause)) == NULL) {
		fprintf(stderr, "oldaddr: %s\n", cause);
		return 1;
	}
	printf("oldaddr: catalog opened in %.1f ms, resident %ld kB more\n", (now() - t0) * 1e3,
	       rss_kb() - before);
	r.olds = catalog_olds(r.cat, &n);
	addresses(&r, n);
	t = xmalloc(2 * n * sizeof *t);
	for (i = 0; i < 2 * n; i++)
		t[i] = median(ours, &r, i);
	print("card address -> 2025 commune, ours", t, 2 * n);
	if (r.found != 2 * n * ROUNDS)
		printf("oldaddr: %zu of %zu addresses not found\n", 2 * n - r.found / ROUNDS, 2 * n);
	sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL);
	sqlite3_prepare_v2(db, "SELECT t.commune, c.name FROM old_communes o JOIN old_targets t ON"
			   " t.old_id = o.id JOIN communes c ON c.code = t.commune WHERE o.key = ?",
			   -1, &r.peer, NULL);
	for (i = 0; i < 2 * n; i++)
		t[i] = median(peer, &r, i);
	print("same key in SQLite (peer)", t, 2 * n);
	picker(r.cat);
	sqlite3_finalize(r.peer);
	sqlite3_close(db);
	catalog_close(r.cat);
	return 0;
}
