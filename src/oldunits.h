/* The mapping of pre-2025 communes to the 2025 ones, read from content.db
 * into memory by catalog.c: old communes sorted by their matching key
 * (oldaddr_key) for a card's address, and search indexes of their names
 * and of the old provinces' names for typing. The catalog's public
 * functions (catalog.h, "Communes before the 2025 reform") are the way in;
 * this is their store. */
#ifndef KIOSK_OLDUNITS_H
#define KIOSK_OLDUNITS_H

#include <sqlite3.h>
#include <stddef.h>

#include "catalog.h"
#include "search.h"

struct oldunits;

/* Loads the mapping of the open content.db, its targets resolved among the
 * catalog's provinces and communes (communes grouped by province as
 * catalog.c keeps them). A content.db built before the mapping existed has
 * none: an empty mapping. A target that is missing or in another province
 * is left out and noted (oldunits_problems). NULL on a read error. */
struct oldunits *oldunits_load(sqlite3 *sql, const struct catalog_unit *provinces, size_t np,
			       const struct catalog_unit *communes, size_t nc);

/* Frees it; NULL is ignored. */
void oldunits_free(struct oldunits *u);

/* All old communes (in content.db's order: search documents); *n gets
 * their number. */
const struct catalog_old *oldunits_all(const struct oldunits *u, size_t *n);

/* The old communes whose key is key: writes up to max, returns how many
 * there are. */
size_t oldunits_find(const struct oldunits *u, const char *key, const struct catalog_old **out,
		     size_t max);

/* Runs a typed query over the old communes' names (then districts, then
 * old provinces), limited to one 2025 province's when group (its index +
 * 1 among the provinces) is not 0. Hits' docs are indexes into
 * oldunits_all. */
size_t oldunits_search(struct oldunits *u, const char *query, unsigned group,
		       struct search_hit *hits, size_t max, size_t *total);

/* Runs a typed query over the old provinces' names; hits' docs are indexes
 * into oldunits_provinces. */
size_t oldunits_search_provinces(struct oldunits *u, const char *query, struct search_hit *hits,
				 size_t max, size_t *total);

/* The old provinces, each with the 2025 province it is part of. */
const struct catalog_old_province *oldunits_provinces(const struct oldunits *u, size_t *n);

/* What was left out while loading, one message each; *n their number. */
const char *const *oldunits_problems(const struct oldunits *u, size_t *n);

#endif
