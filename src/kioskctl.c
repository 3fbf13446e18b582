/* kioskctl: the helpers' and admins' command line, run on the booth or
 * over SSH. Global option: --config FILE (anywhere on the line); --ssh
 * runs the command of SSH_ORIGINAL_COMMAND instead (a forced command). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctl.h"
#include "db.h"
#include "log.h"
#include "sshcmd.h"
#include "util.h"

struct command {
	const char *name;
	ctl_fn *fn;
	const char *summary;
};

static const struct command commands[] = {
	{ "status", ctl_status, "versions, requests waiting, last upload, printer, disk, uptime" },
	{ "metrics", ctl_metrics, "the booth's state for Prometheus (node_exporter's textfile)" },
	{ "check", ctl_check, "validate the config, screens and catalogs" },
	{ "content", ctl_content, "build, pack, install, roll back and list content versions" },
	{ "search", ctl_search, "search procedures (or communes) as the booth does" },
	{ "set-pin", ctl_set_pin, "set the helper menu's PIN" },
	{ "sync", ctl_sync, "send waiting requests to the provincial server" },
	{ "queue", ctl_queue, "list, show and retry the requests in the spool" },
	{ "dossier", ctl_dossier, "look up a dossier's status by receipt code" },
	{ "export", ctl_export, "write the requests of a date range as JSON lines or CSV" },
	{ "logs", ctl_logs, "show the last lines of the kiosk's and worker's logs" },
	{ "compose", ctl_compose, "compose Vietnamese typed in Telex, VNI or VIQR" },
	{ "checklist", ctl_checklist, "print a procedure's papers to bring" },
	{ "papers", ctl_papers, "review the short paper names and times receipts print" },
	{ "reprint", ctl_reprint, "print a saved request's receipt again" },
	{ "ticket", ctl_ticket, "queue numbers: print a ticket, list today's, call the next" },
	{ "printer", ctl_printer, "print the test page on the configured printer" },
	{ "payslip", ctl_payslip, "print a saved request's fee payment slip (VietQR)" },
	{ "vietqr", ctl_vietqr, "show the VietQR payment code for an amount and a receipt" },
	{ "due", ctl_due, "the expected result date for a number of working days" },
	{ "voice", ctl_voice, "say, synthesise ahead and list the booth's spoken prompts" },
	{ "calls", ctl_calls, "villagers' calls for a helper: list them, mark one answered" },
	{ "erase-due", ctl_erase_due, "erase villagers' details some days after the server got them" },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Prints the list of commands. */
static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: kioskctl [--config FILE] COMMAND [ARGS...]\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'kioskctl COMMAND --help' tells more about each.\n"
		     "'kioskctl --ssh' is the forced command of helpers' SSH keys: it runs\n"
		     "the kioskctl command in $SSH_ORIGINAL_COMMAND, no other (docs/operations.md).\n");
}

/* Takes --config FILE out of argv (wherever it is) and loads it. */
static int load_config(struct ctl *ctl, int *argc, char **argv)
{
	int i, j = 1;
	const char *path = NULL;
	char *cause = NULL;

	for (i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < *argc)
			path = argv[++i];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			path = argv[i] + 9;
		else
			argv[j++] = argv[i];
	}
	*argc = j;
	argv[j] = NULL;
	config_defaults(&ctl->cfg);
	if (path != NULL && config_load(&ctl->cfg, path, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The forced command of a helper's SSH key (kioskctl --ssh, see
 * sshcmd.h): replaces argv with the vetted words of SSH_ORIGINAL_COMMAND
 * (freed with sshcmd_free). Returns 0, or -1 after saying why. */
static int ssh_command(const struct config *cfg, int *argc, char ***argv)
{
	const char *line = getenv("SSH_ORIGINAL_COMMAND");
	char **words, *cause = NULL, *summary;
	int n, first;

	log_open(cfg, "kioskctl");
	if (line == NULL || line[0] == '\0') {
		log_write("%s: refused a login without a command", ctl_who());
		ctl_fail("this SSH key runs kioskctl commands only, e.g.: ssh BOOTH kioskctl status");
		return -1;
	}
	n = sshcmd_split(line, &words, &cause);
	first = n < 0 ? -1 : sshcmd_allowed(words, n, &cause);
	/* The words only, never the line: it may hold a villager's name. */
	summary = n < 0 ? xstrdup("(a line that is not a command)") : sshcmd_summary(words, n);
	log_write("%s: %s: %s", ctl_who(), first < 0 ? "refused" : "runs", summary);
	free(summary);
	if (first < 0) {
		ctl_fail("%s", cause);
		free(cause);
		sshcmd_free(words);
		return -1;
	}
	/* words[first - 1] is "kioskctl" or, with none typed, the slot before
	 * the array: shift the command down one to make room for argv[0]. */
	if (first == 0) {
		words = xrealloc(words, sizeof *words * (size_t)(n + 2));
		memmove(words + 1, words, sizeof *words * (size_t)(n + 1));
		words[0] = xstrdup("kioskctl");
		n++;
	}
	*argc = n;
	*argv = words;
	return 0;
}

/* Run as root on a booth, becomes the owner of the state folder (the
 * kiosk's user) so that state.db, its journal and new content stay
 * readable and writable by the kiosk. Returns 0 or -1 after saying why. */
static int become_owner(const struct config *cfg)
{
	struct passwd *pw;
	struct stat st;

	if (geteuid() != 0 || stat(cfg->state_dir, &st) != 0 || st.st_uid == 0)
		return 0;
	pw = getpwuid(st.st_uid);
	if (pw == NULL || initgroups(pw->pw_name, st.st_gid) != 0 || setgid(st.st_gid) != 0 ||
	    setuid(st.st_uid) != 0) {
		ctl_fail("cannot become %s, the owner of %s", pw ? pw->pw_name : "its user",
			 cfg->state_dir);
		return -1;
	}
	return 0;
}

/* Runs the command that argv names; returns the exit status. */
static int run(struct ctl *ctl, int argc, char **argv)
{
	size_t i;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("kioskctl %s\n", KIOSK_VERSION);
		return 0;
	}
	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		rc = commands[i].fn(ctl, argc - 1, argv + 1);
		db_close(ctl->db);
		return rc;
	}
	ctl_fail("unknown command '%s' (try kioskctl --help)", argv[1]);
	return 2;
}

int main(int argc, char **argv)
{
	struct ctl ctl = { 0 };
	char **words = NULL;
	int rc;

	umask(077);
	ctl_tty_guard();
	if (load_config(&ctl, &argc, argv) != 0 || become_owner(&ctl.cfg) != 0)
		return 1;
	if (argc == 2 && strcmp(argv[1], "--ssh") == 0) {
		if (ssh_command(&ctl.cfg, &argc, &words) != 0)
			return 2;
		argv = words;
	}
	rc = run(&ctl, argc, argv);
	sshcmd_free(words);
	return rc;
}
