/* The catalog: content.db opened read-only, for the lookup screens and
 * kioskctl. Procedure search, browsing by field, a procedure's page,
 * announcements and administrative units (the address picker).
 *
 * Lists of procedures and units stay in memory with their search indexes
 * (catalog_open builds them); a procedure's page and announcements are read
 * from the file when asked for. Strings returned inside the catalog's own
 * structs (hits, fields, units) live until catalog_close; pages and lists
 * returned by *_get functions belong to the caller (free them with the
 * matching *_free). Text is UTF-8 NFC as the sources were; it is drawn as
 * is, so a drawing layer should still pass it through text_sanitize. No
 * function draws anything. One thread at a time. */
#ifndef KIOSK_CATALOG_H
#define KIOSK_CATALOG_H

#include <stddef.h>

#include "ptime.h"

struct catalog;
struct forms;
struct problems;

/* Opens content.db read-only and loads the lists and indexes. Returns NULL
 * with *cause set (the caller frees it) when the file is missing, not a
 * content.db or of a format this program does not know. */
struct catalog *catalog_open(const char *path, char **cause);

/* Closes the catalog; NULL is ignored. */
void catalog_close(struct catalog *cat);

/* --- Procedures ------------------------------------------------------ */

/* One procedure in a list: search results or a field's procedures. */
struct catalog_entry {
	const char *code;       /* official code, "1.001193" */
	const char *name;       /* "Thủ tục đăng ký khai sinh" */
	unsigned field;         /* the field's number (catalog_fields) */
	const char *field_name; /* "Hộ tịch" */
};

/* Number of procedures in the catalog. */
size_t catalog_count(const struct catalog *cat);

/* Searches the procedures as the villager types: case and marks folded
 * (đ = d), words in any order, each a prefix ("khai si"), also read as
 * Telex or VNI keys compose, with the villagers' words of the catalog's
 * synonyms, and with typos put right when nothing matches; best first by
 * the rules of search_rank() (search.h): words side by side, with the
 * villager's marks, in the name, then the field, then papers and results;
 * then procedures the booth has a form for (catalog_mark_forms) and those
 * handled at a commune. With field not 0, only that field's procedures.
 * Writes up to max entries to out and the number of all matches to *total
 * (may be NULL). Returns the number written; 0 for an empty query. */
size_t catalog_search(struct catalog *cat, const char *query, unsigned field,
		      const struct catalog_entry **out, size_t max, size_t *total);

/* Tells the search which procedures the booth has a request form for
 * (forms of a procedure code); they rank first among equal matches. The
 * forms are not kept. NULL forgets them. */
void catalog_mark_forms(struct catalog *cat, const struct forms *forms);

/* Number of synonym rules (phrase and target) the catalog searches with. */
size_t catalog_synonyms(const struct catalog *cat);

/* Checks the synonyms' targets, at each one's file and line: a word that
 * is neither Vietnamese (is_word(arg, word), lower case NFC) nor a word of
 * the catalog is a problem (a typo); a target that finds no procedure of
 * this catalog (searched as typed) is a note: the rule does nothing here,
 * as when a province's words speak of procedures this booth does not
 * have. Returns the number of problems, or -1 when the catalog cannot be
 * read. With is_word NULL (no list of syllables) words are not checked. */
int catalog_check_synonyms(struct catalog *cat, int (*is_word)(void *, const char *), void *arg,
			   struct problems *p, struct problems *notes);

/* A field (lĩnh vực) of procedures. */
struct catalog_field {
	unsigned id;            /* 1 .. catalog_nfields() */
	const char *name;
	size_t count;           /* procedures in it */
};

/* The fields, by name; *n gets their number. */
const struct catalog_field *catalog_fields(const struct catalog *cat, size_t *n);

/* The i-th procedure in the order of their codes (0 .. catalog_count()
 * - 1), or NULL past the end. */
const struct catalog_entry *catalog_entry_at(const struct catalog *cat, size_t i);

/* The entry of a procedure by code, or NULL. */
const struct catalog_entry *catalog_entry(const struct catalog *cat, const char *code);

/* --- A procedure's page ---------------------------------------------- */

/* How a dossier is handed in. A channel whose published text could not be
 * split has only text (and maybe way). Missing values are NULL. */
struct procedure_channel {
	const char *way;        /* "direct" (at the office), "online", "post", or NULL */
	const char *time;       /* processing time as published: "5 Ngày làm việc", "1" */
	const char *fee;        /* as published: "Miễn phí", "10,000 Việt Nam Đồng" */
	long long fee_vnd;      /* the fee in dong when it is a plain amount, else -1 */
	const char *fee_note;   /* who pays what, exemptions */
	const char *description;/* where and how to submit */
	const char *text;       /* the whole published row, when not split */
	int days;               /* the time in days (ptime.h), -1 when unknown */
	int calendar;           /* days are calendar days, not working days */
};

/* A paper to bring. Notes from the published table come as papers with
 * no count. */
struct procedure_paper {
	const char *group;      /* "Giấy tờ phải nộp", "Lưu ý" ... or NULL */
	const char *name;       /* NULL when only text is known */
	const char *form;       /* the template: "Mẫu CT01", or NULL */
	int original;           /* originals (bản chính), -1 when not given */
	int copy;               /* copies (bản sao), -1 when not given */
	const char *count;      /* the count as published when not split, or NULL */
	const char *text;       /* the whole published text, when not split */
};

/* A document of the legal basis. */
struct procedure_legal {
	const char *name;       /* title, or NULL */
	const char *code;       /* "123/2015/NĐ-CP", or NULL */
	const char *text;       /* whole published text, when not split */
};

/* Everything a procedure's page shows. The code is also the key of the
 * request form, when one exists (screens/forms/). */
struct procedure {
	const char *code, *name, *field, *level;
	const char *applicants; /* who may ask, or NULL */
	const char *decision;   /* the decision that published it, or NULL */
	const char *conditions; /* or NULL */
	const char *where;      /* where to submit at this commune (set by the operator), or NULL */
	const char *source;     /* the portal page, or NULL */
	struct procedure_channel *channels;
	size_t nchannels;
	struct procedure_paper *papers;
	size_t npapers;
	const char **paper_names; /* short names of the papers (papers.h) */
	size_t npaper_names;
	int papers_complete;    /* the names stand for the whole list */
	const char **steps;
	size_t nsteps;
	const char **results;
	size_t nresults;
	struct procedure_legal *legal;
	size_t nlegal;
};

/* Reads a procedure's page by code. Returns NULL with *cause set when there
 * is no such procedure or the file cannot be read. */
struct procedure *catalog_procedure_get(struct catalog *cat, const char *code, char **cause);

/* The procedure's processing time: its first channel's, or the first
 * channel's that gives one (days -1 when none does). */
struct ptime procedure_time(const struct procedure *p);

/* Frees a page; NULL is ignored. */
void procedure_free(struct procedure *p);

/* --- Announcements --------------------------------------------------- */

struct announcement {
	const char *id, *title, *body;
	const char *from, *to;  /* shown from/to, inclusive, YYYY-MM-DD */
};

/* A list of announcements. */
struct announcement_list {
	struct announcement *items;
	size_t n;
};

/* The announcements shown on date (YYYY-MM-DD), newest first. Returns NULL
 * with *cause set on a bad date or a read error. */
struct announcement_list *catalog_announcements_get(struct catalog *cat, const char *date,
						    char **cause);

/* Frees a list; NULL is ignored. */
void announcement_list_free(struct announcement_list *l);

/* --- Administrative units (address picker) --------------------------- */

struct catalog_unit {
	const char *code;       /* official code: 2 digits (province), 5 (commune) */
	const char *name;       /* "Tỉnh Lào Cai", "Xã Bắc Sơn" */
	const char *kind;       /* "Tỉnh", "Thành phố", "Xã", "Phường", "Đặc khu" */
	const struct catalog_unit *province; /* a commune's province; NULL for a province */
};

/* The provinces and cities, by code; *n gets their number. */
const struct catalog_unit *catalog_provinces(const struct catalog *cat, size_t *n);

/* A province's communes, by code, or NULL (*n = 0) for an unknown code. */
const struct catalog_unit *catalog_communes(const struct catalog *cat, const char *province,
					    size_t *n);

/* A province or commune by its code, or NULL. */
const struct catalog_unit *catalog_unit(const struct catalog *cat, const char *code);


/* Searches the communes of one province (or of all, when province is
 * NULL) by their own names only (catalog_search_places: old names too). */
size_t catalog_search_communes(struct catalog *cat, const char *province, const char *query,
			       const struct catalog_unit **out, size_t max, size_t *total);

/* --- Communes before the 2025 reform --------------------------------- */

/* A commune, ward or township from before 1 July 2025 (names written the
 * modern way, oldaddr.h) and the 2025 communes it went into: one, or two
 * or three when it was split. */
struct catalog_old {
	const char *name;       /* "Xã Hành Đức" */
	const char *district;   /* "Huyện Nghĩa Hành" */
	const char *province;   /* "Tỉnh Quảng Ngãi": the province before 2025 */
	const struct catalog_unit *const *now; /* 2025 communes, by code */
	size_t nnow;
};

/* A province from before 2025 and the 2025 province it is part of. */
struct catalog_old_province {
	const char *name;       /* "Tỉnh Bình Dương" */
	const struct catalog_unit *now; /* "Thành phố Hồ Chí Minh" */
};

/* Every old commune of the mapping; *n gets their number (0 when the
 * content has no mapping). */
const struct catalog_old *catalog_olds(const struct catalog *cat, size_t *n);

/* The old communes whose matching key (oldaddr_key) is key: up to max
 * written, the number of all returned. */
size_t catalog_old_find(const struct catalog *cat, const char *key,
			const struct catalog_old **out, size_t max);

/* Problems of the mapping in content.db (a 2025 commune it names that is
 * missing, or in another province), as messages; *n their number. */
const char *const *catalog_old_problems(const struct catalog *cat, size_t *n);

/* One result of the address picker's search: a 2025 unit, found by its
 * own name (was and was_province NULL) or by what it was called before
 * 2025: an old commune (was) or an old province (was_province). */
struct catalog_place {
	const struct catalog_unit *unit;
	const struct catalog_old *was;
	const char *was_province;
};

/* Searches the communes of one province (or of all, when province is
 * NULL) by their names and by the names of the old communes and districts
 * they were made from: "hanh duc" finds Xã Đình Cương (was Xã Hành Đức),
 * every commune a split one went into; with province NULL, of every
 * province (a person may know the commune, not the new province). Results
 * of both kinds are ranked together the same way as procedures; an old
 * name that is the same as the 2025 commune it became is not repeated. */
size_t catalog_search_places(struct catalog *cat, const char *province, const char *query,
			     struct catalog_place *out, size_t max, size_t *total);

/* Searches the provinces the same way, by their names and the old provinces' names
 * ("binh duong" finds Thành phố Hồ Chí Minh, was Tỉnh Bình Dương). */
size_t catalog_search_province_places(struct catalog *cat, const char *query,
				      struct catalog_place *out, size_t max, size_t *total);

#endif
