/* kioskctl: the helpers' and admins' command line. Each command is a
 * function in a ctl_*.c file, listed in the table in kioskctl.c; the
 * helpers they share are in ctl_util.c. */
#ifndef KIOSK_CTL_H
#define KIOSK_CTL_H

#include <stdio.h>

#include "bundle.h"
#include "config.h"
#include "spool.h"

struct db;
struct json_t;
struct printer;
struct problems;
struct slip;
struct uidata;

struct ctl {
	struct config cfg;     /* --config FILE, or the embedded default */
	struct db *db;         /* state.db, opened on first ctl_db() */
};

/* A command: argv[0] is the command's name. Returns the exit status. */
typedef int ctl_fn(struct ctl *ctl, int argc, char **argv);

/* Opens state.db (creating the state folder) or prints why not and
 * returns NULL. */
struct db *ctl_db(struct ctl *ctl);

/* When stdout or stderr is a terminal, puts a filter in front of it that
 * drops what text from content, the server, a scan or a log could steer
 * the terminal with (escape sequences, C0/C1 controls, bidi overrides; see
 * text_terminal_safe). Pipes and files get the bytes as they are. */
void ctl_tty_guard(void);

/* Prints "kioskctl: message" to stderr; returns the exit status 1. */
int ctl_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "kioskctl: CAUSE" to stderr and frees cause; returns 1. */
int ctl_fail_cause(char *cause);

/* True when argv holds --help or -h. */
int ctl_wants_help(int argc, char **argv);

/* Prints a JSON document on one line to stdout and releases it. */
void ctl_json(struct json_t *doc);

/* Ends a listing command: with n < 0 says cause (freed) and returns 1;
 * else prints array (a JSON listing, NULL for text) or, when nothing was
 * listed, the line none, and returns 0. */
int ctl_list_done(struct json_t *array, int n, char *cause, const char *none);

/* Formats unix seconds as local "YYYY-MM-DD HH:MM", "-" for 0. */
const char *ctl_time(long long t, char *buf, unsigned size);

/* The checks of `kioskctl check` on cfg->content_dir: screens, catalogs
 * (loaded into u, freed by the caller) and content.db when there is one.
 * Returns 0 when there was no problem, -1 otherwise (problems in p). */
int ctl_check_content(const struct config *cfg, struct uidata *u, struct problems *p);

/* What `kioskctl status` and `metrics` report about the booth. */
struct ctl_status {
	char content[BUNDLE_VERSION_MAX + 1]; /* "" when not from a bundle */
	long waiting, sent, quarantined;      /* -1 when unknown */
	long long last_upload;                /* 0 when never */
	enum spool_link link;                 /* the server at the last try */
	char printer[CONFIG_STR + 64];        /* its settings, for a person */
	int printer_ok;                       /* the settings could print */
	unsigned long long disk_free, disk_total;
	long long uptime;                     /* seconds since boot, -1 unknown */
	long calls_open;                      /* villagers' calls for a helper not
					       * yet answered (calls.h) */
	long long calls_oldest;               /* when the oldest was made, 0 none */
};

/* The version in the content folder's manifest, "" when it has none (a
 * checkout's demo content). */
void ctl_content_version(const struct config *cfg, char *out, size_t size);

/* Fills st from the config, the content folder and state.db; returns 0,
 * or -1 after saying why when state.db cannot be read. */
int ctl_status_read(struct ctl *ctl, struct ctl_status *st);

/* The settings in state.db where ctl_print() records the printer. */
#define CTL_PRINTER_STATE "printer.state"
#define CTL_PRINTER_AT "printer.checked_at"

/* Prints a slip with printer_print() and records how it went (the printer
 * state and its time, for `status` and `metrics`) in state.db, best
 * effort: a database that cannot be written does not fail the print. */
int ctl_print(struct ctl *ctl, struct printer *p, const struct slip *s, const char *job,
	      char **cause);

/* Lays out what into a slip (a receipt, a checklist, a payment slip). */
typedef void ctl_layout_fn(const void *what, struct slip *s);

/* Opens the booth's printer, lays out what with layout and prints it as a
 * job of that name through ctl_print(); says why on stderr when it
 * cannot. Returns the exit status (0 printed, 1 not). */
int ctl_print_job(struct ctl *ctl, ctl_layout_fn *layout, const void *what, const char *job);

/* Who runs this command, for the audit log: "ssh ADDRESS" or "local". */
const char *ctl_who(void);

/* The content store's subcommands (pack, install, rollback, list, verify)
 * for `kioskctl content`: argv[0] is the subcommand. Returns the exit
 * status, or -1 when argv[0] is none of them. */
int ctl_content_release(struct ctl *ctl, int argc, char **argv);

/* Prints their usage lines to out. */
void ctl_content_release_usage(FILE *out);

/* Erases the personal details due at now ([privacy] erase_after_days, see
 * spool_erase_due) and audits it; *n gets how many requests. For the sync
 * worker. Returns 0 or -1 with *cause. */
int ctl_erase_run(struct ctl *ctl, long long now, long *n, char **cause);

/* Checks the recorded prompts of the content (the files of voice/LANG/ are WAV
 * files). Returns 0, or -1 with problems added to p. */
int ctl_voice_check(const struct config *cfg, struct problems *p);

ctl_fn ctl_check;
ctl_fn ctl_checklist;
ctl_fn ctl_compose;
ctl_fn ctl_content;
ctl_fn ctl_dossier;
ctl_fn ctl_due;
ctl_fn ctl_erase_due;
ctl_fn ctl_export;
ctl_fn ctl_logs;
ctl_fn ctl_metrics;
ctl_fn ctl_papers;
ctl_fn ctl_payslip;
ctl_fn ctl_printer;
ctl_fn ctl_queue;
ctl_fn ctl_reprint;
ctl_fn ctl_search;
ctl_fn ctl_set_pin;
ctl_fn ctl_status;
ctl_fn ctl_ticket;
ctl_fn ctl_sync;
ctl_fn ctl_vietqr;
ctl_fn ctl_voice;
ctl_fn ctl_calls;

#endif
