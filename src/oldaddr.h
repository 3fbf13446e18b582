/* Addresses from before the 2025 reform (xã, huyện, tỉnh): how their names
 * are written in the content (modern tone placement, " - "), the keys a
 * card's address is matched by, and a card's address turned into the 2025
 * commune or communes it became (docs/content.md, "Communes before the
 * 2025 reform"). Pure: the mapping itself is read by catalog.c.
 *
 * Names on ID cards come in many spellings: with or without the kind word
 * ("Xã Hành Đức", "Hành Đức"), abbreviated ("TT.", "P.1", "TP"), in old or
 * modern tone placement ("Hòa", "Hoà"), any case. A card's address is
 * matched on its last three parts (commune, district, province), folded
 * (marks, case, kind words and leading zeros of numbers ignored); when
 * that finds several old communes (Xã Phú Thạnh and Xã Phú Thành of one
 * district), the marks, then the commune's kind, choose among them, and
 * what is still alike is offered side by side: nothing is guessed. */
#ifndef KIOSK_OLDADDR_H
#define KIOSK_OLDADDR_H

#include <stddef.h>

struct catalog;
struct catalog_old;
struct catalog_unit;

/* Most old communes one address can name, and most 2025 communes offered. */
#define OLDADDR_MAX 8

/* A unit's name folded for matching: text_fold, without the kind word in
 * front ("thi tran", "huyen", "tp", "p" ...), numbers without leading
 * zeros ("Phường 01" and "P.1" give "1"). A new string; NULL on invalid
 * UTF-8. */
char *oldaddr_fold(const char *name);

/* The matching key of an old commune: its three names folded with
 * oldaddr_fold, joined by '|'. NULL on invalid UTF-8. */
char *oldaddr_key(const char *commune, const char *district, const char *province);

/* A copy of name written the modern way: single spaces, " - " between
 * hyphenated parts, an open oa, oe or uy with its tone on the second vowel
 * ("Hòa" -> "Hoà", "Thủy" -> "Thuỷ"). NULL on invalid UTF-8. */
char *oldaddr_modern(const char *name);

/* Why name is not written the modern way, as a message naming the fix
 * (the caller frees it), or NULL when it is. */
char *oldaddr_name_problem(const char *name);

/* What a card's address names, and what it is now. */
struct oldaddr {
	char *kept;            /* the village or street part, "" when none */
	const struct catalog_old *old[OLDADDR_MAX]; /* the old communes it names */
	size_t nold;
	const struct catalog_unit *now[OLDADDR_MAX]; /* the 2025 communes, no repeats */
	const struct catalog_old *was[OLDADDR_MAX];  /* ... each from this old one */
	size_t nnow;
};

/* Reads a card's address: when its last three parts name an old commune of
 * the catalog's mapping, fills m and returns the number of 2025 communes it
 * became (1, or 2-3 for a split); otherwise (invalid UTF-8 too) returns 0
 * with m empty. Free m
 * with oldaddr_free either way. */
size_t oldaddr_resolve(struct catalog *cat, const char *address, struct oldaddr *m);

/* The field's new value for 2025 commune i of m: the kept part, the
 * commune and its province ("Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi"),
 * the way the address picker writes it. The caller frees it. */
char *oldaddr_value(const struct oldaddr *m, size_t i);

/* "Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi": an old commune's
 * whole name. The caller frees it. */
char *oldaddr_old_name(const struct catalog_old *o);

/* Frees what m holds (not m) and empties it. */
void oldaddr_free(struct oldaddr *m);

#endif
