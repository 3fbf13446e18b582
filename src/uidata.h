/* What the kiosk shows, loaded from the content folder: the catalogs of
 * locale/, the screens of screens/ and the request forms of
 * screens/forms/ and the queue's counters. The kiosk and `kioskctl check`
 * use the same loader, so they agree on every file that does not parse;
 * whether every text fits 80x24 in every language is checked by
 * `kioskctl check` alone (uidata_check), which every content update runs
 * before the switch: the kiosk does not spend its start on it. */
#ifndef KIOSK_UIDATA_H
#define KIOSK_UIDATA_H

#include "counters.h"
#include "formdef.h"
#include "hours.h"
#include "screendef.h"

struct config;
struct i18n;
struct problems;

struct uidata {
	struct screens screens;
	struct forms forms;        /* screens/forms/ */
	struct counters counters;  /* screens/queue.counters */
	struct hours hours;        /* screens/queue.hours */
	struct i18n *i18n;
};

/* Loads everything under cfg->content_dir. Returns 0 when every file
 * parsed, -1 otherwise (problems added to p). */
int uidata_load(struct uidata *u, const struct config *cfg, struct problems *p);

/* Checks that what u holds fits 80x24 in every language: screens, forms,
 * counters (view_check, counters_check). Returns 0, or -1 with problems
 * added to p. */
int uidata_check(const struct uidata *u, const struct config *cfg, struct problems *p);

/* Frees what uidata_load made. */
void uidata_free(struct uidata *u);

#endif
