/* kioskctl: the helpers' and admins' command line, run on the booth or
 * over SSH. Global option: --config FILE (anywhere on the line). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctl.h"
#include "db.h"
#include "util.h"

struct command {
	const char *name;
	ctl_fn *fn;
	const char *summary;
};

static const struct command commands[] = {
	{ "check", ctl_check, "validate the config, screens and catalogs" },
	{ "content", ctl_content, "build the catalog (content.db) from its sources" },
	{ "search", ctl_search, "search procedures (or communes) as the booth does" },
	{ "set-pin", ctl_set_pin, "set the helper menu's PIN" },
	{ "compose", ctl_compose, "compose Vietnamese typed in Telex, VNI or VIQR" },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Prints the list of commands. */
static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: kioskctl [--config FILE] COMMAND [ARGS...]\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'kioskctl COMMAND --help' tells more about each.\n");
}

int ctl_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("kioskctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int ctl_wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

struct db *ctl_db(struct ctl *ctl)
{
	char path[CONFIG_STR + 16];
	char *cause = NULL;

	if (ctl->db != NULL)
		return ctl->db;
	if (mkdir_p(ctl->cfg.state_dir, 0700) != 0) {
		ctl_fail("cannot create the state folder %s", ctl->cfg.state_dir);
		return NULL;
	}
	if (config_join(path, sizeof path, ctl->cfg.state_dir, "state.db") != 0) {
		ctl_fail("state folder path too long");
		return NULL;
	}
	ctl->db = db_open(path, &cause);
	if (ctl->db == NULL) {
		ctl_fail("%s", cause);
		free(cause);
	}
	return ctl->db;
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

int main(int argc, char **argv)
{
	struct ctl ctl = { 0 };
	size_t i;
	int rc;

	umask(077);
	if (load_config(&ctl, &argc, argv) != 0)
		return 1;
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
		rc = commands[i].fn(&ctl, argc - 1, argv + 1);
		db_close(ctl.db);
		return rc;
	}
	ctl_fail("unknown command '%s' (try kioskctl --help)", argv[1]);
	return 2;
}
