/* kioskctl: the helpers' and admins' command line. Each command is a
 * function in a ctl_*.c file, listed in the table in kioskctl.c. */
#ifndef KIOSK_CTL_H
#define KIOSK_CTL_H

#include "config.h"

struct db;

struct ctl {
	struct config cfg;     /* --config FILE, or the embedded default */
	struct db *db;         /* state.db, opened on first ctl_db() */
};

/* A command: argv[0] is the command's name. Returns the exit status. */
typedef int ctl_fn(struct ctl *ctl, int argc, char **argv);

/* Opens state.db (creating the state folder) or prints why not and
 * returns NULL. */
struct db *ctl_db(struct ctl *ctl);

/* Prints "kioskctl: message" to stderr; returns the exit status 1. */
int ctl_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when argv holds --help or -h. */
int ctl_wants_help(int argc, char **argv);

ctl_fn ctl_check;
ctl_fn ctl_compose;
ctl_fn ctl_content;
ctl_fn ctl_search;
ctl_fn ctl_set_pin;

#endif
