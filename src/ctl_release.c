/* kioskctl content pack | install | rollback | list | verify: signed
 * content bundles and the booth's version store (bundle.h, release.h). */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "ctl.h"
#include "db.h"
#include "problems.h"
#include "release.h"
#include "sshsig.h"
#include "uidata.h"
#include "util.h"

/* Records what changed (and frees it) in the audit log of state.db; best
 * effort: the content change itself already happened. */
static void audit(struct ctl *ctl, char *what)
{
	struct db *db = ctl_db(ctl);

	if (db != NULL)
		db_audit(db, ctl_who(), what);
	free(what);
}

/* Opens the store of the configured content_dir and takes its lock. */
static int store_lock(struct ctl *ctl, struct release_store *s)
{
	char *cause = NULL;

	if (release_store_open(s, ctl->cfg.content_dir, &cause) != 0 ||
	    release_lock(s, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		release_store_close(s);
		return -1;
	}
	return 0;
}

/* The default version: the packing time, UTC. */
static void default_version(char *out, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, size, "%Y.%m.%d-%H%M%S", &tm);
}

/* content pack SRC KEY [--version V] [--output FILE] */
static int pack(struct ctl *ctl, int argc, char **argv)
{
	char version[BUNDLE_VERSION_MAX + 1], tmpdir[] = "/tmp/kioskctl-pack-XXXXXX";
	const char *src = NULL, *key = NULL, *output = NULL;
	char *out_path, *tmp_path, *cause = NULL;
	struct manifest m;
	int i, fd, rc;

	(void)ctl;
	default_version(version, sizeof version);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--version") == 0 && i + 1 < argc)
			snprintf(version, sizeof version, "%s", argv[++i]);
		else if (strcmp(argv[i], "--output") == 0 && i + 1 < argc)
			output = argv[++i];
		else if (argv[i][0] == '-')
			return ctl_fail("content pack: unknown option %s", argv[i]);
		else if (src == NULL)
			src = argv[i];
		else if (key == NULL)
			key = argv[i];
		else
			return ctl_fail("usage: kioskctl content pack SRC KEY [--version V] [--output FILE]");
	}
	if (key == NULL)
		return ctl_fail("usage: kioskctl content pack SRC KEY [--version V] [--output FILE]");
	out_path = output ? xstrdup(output) : xprintf("kiosk-content-%s.bundle", version);
	tmp_path = xprintf("%s.tmp-XXXXXX", out_path);
	if (mkdtemp(tmpdir) == NULL || (fd = mkstemp(tmp_path)) < 0) {
		ctl_fail("cannot create %s: %s", tmp_path, strerror(errno));
		rmdir(tmpdir);
		free(out_path);
		free(tmp_path);
		return 1;
	}
	rc = bundle_pack(src, version, key, tmpdir, fd, &m, &cause);
	if (rc == 0 && (fchmod(fd, 0644) != 0 || fsync(fd) != 0)) {
		cause = xprintf("%s: %s", tmp_path, strerror(errno));
		rc = -1;
	}
	close(fd);
	rmdir(tmpdir);
	if (rc == 0 && rename(tmp_path, out_path) != 0) {
		cause = xprintf("%s: %s", out_path, strerror(errno));
		rc = -1;
	}
	if (rc == 0) {
		printf("%s: version %s, %zu files, signed under %s\n", out_path, m.version, m.n,
		       SSHSIG_NAMESPACE);
		manifest_free(&m);
	} else {
		unlink(tmp_path);
		ctl_fail("%s; no bundle written", cause);
		free(cause);
	}
	free(out_path);
	free(tmp_path);
	return rc == 0 ? 0 : 1;
}

/* Runs the checks of `kioskctl check` on the folder dir, printing every
 * problem. Returns 0 when there is none. */
static int check_folder(struct ctl *ctl, const char *dir)
{
	struct config cfg = ctl->cfg;
	struct problems p = { 0 };
	struct uidata u = { 0 };
	int rc;

	snprintf(cfg.content_dir, sizeof cfg.content_dir, "%s", dir);
	rc = ctl_check_content(&cfg, &u, &p);
	if (rc != 0) {
		fprintf(stderr, "kioskctl: the content fails the checks (%d problem%s):\n", p.n,
			p.n == 1 ? "" : "s");
		problems_print(&p, stderr, "  ");
	}
	problems_clear(&p);
	uidata_free(&u);
	return rc;
}

/* Unpacks, checks and switches to the bundle read from fd. Returns the
 * exit status; the store is locked by the caller. */
static int install_from(struct ctl *ctl, struct release_store *s, int fd, int force)
{
	char was[BUNDLE_VERSION_MAX + 1], target[CONFIG_STR], *staged, *cause = NULL;
	struct bundle b;
	int removed = 0, rc = 1;

	staged = release_stage(s, &cause);
	if (staged == NULL)
		goto fail;
	if (bundle_open(&b, fd, ctl->cfg.allowed_signers, staged, &cause) != 0)
		goto fail;
	if (release_exists(s, b.m.version) && !force) {
		release_current(s, was, sizeof was, target, sizeof target);
		cause = strcmp(was, b.m.version) == 0
				? xprintf("version %s is already installed and in use "
					  "(--force installs it again)", b.m.version)
				: xprintf("version %s is already installed (kept, not in use): "
					  "'kioskctl content rollback %s' switches to it, --force "
					  "installs it again", b.m.version, b.m.version);
		goto fail;
	}
	if (bundle_extract(&b, staged, &cause) != 0)
		goto fail;
	if (check_folder(ctl, staged) != 0) {
		cause = xprintf("version %s refused; the booth keeps its content", b.m.version);
		goto fail;
	}
	release_current(s, was, sizeof was, target, sizeof target);
	if (release_commit(s, staged, b.m.version, &cause) != 0 ||
	    release_switch(s, b.m.version, &cause) != 0)
		goto fail;
	if (release_prune(s, RELEASE_KEEP, &removed, &cause) != 0) {
		ctl_fail("warning: %s", cause);
		free(cause);
	}
	printf("installed %s (%zu files, signed by %s); was %s", b.m.version, b.m.n, b.signer,
	       was[0] ? was : target[0] ? target : "none");
	if (removed > 0)
		printf("; removed %d old version%s", removed, removed == 1 ? "" : "s");
	printf("\n");
	audit(ctl, xprintf("content %s installed, signed by %s", b.m.version, b.signer));
	rc = 0;
	cause = NULL;
fail:
	if (rc != 0) {
		ctl_fail("%s", cause ? cause : "install failed");
		free(cause);
	}
	if (staged != NULL) {
		remove_tree(staged); /* gone already when it was committed */
		free(staged);
		bundle_close(&b);
	}
	return rc;
}

/* content install BUNDLE|- [--force] */
static int install(struct ctl *ctl, int argc, char **argv)
{
	struct release_store s;
	const char *path = NULL;
	int i, fd, force = 0, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (path == NULL && (strcmp(argv[i], "-") == 0 || argv[i][0] != '-'))
			path = argv[i];
		else
			return ctl_fail("usage: kioskctl content install BUNDLE|- [--force]");
	}
	if (path == NULL)
		return ctl_fail("usage: kioskctl content install BUNDLE|- [--force]");
	if (ctl->cfg.allowed_signers[0] == '\0')
		return ctl_fail("no [content] allowed_signers in the config: this booth trusts no "
				"signer, so it accepts no bundle");
	fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ctl_fail("%s: %s", path, strerror(errno));
	if (store_lock(ctl, &s) != 0) {
		if (fd != STDIN_FILENO)
			close(fd);
		return 1;
	}
	rc = install_from(ctl, &s, fd, force);
	if (fd != STDIN_FILENO)
		close(fd);
	release_store_close(&s);
	return rc;
}

/* content rollback [VERSION]: back to the previous version (or VERSION),
 * after checking it is still whole and passes the checks. */
static int rollback(struct ctl *ctl, int argc, char **argv)
{
	char was[BUNDLE_VERSION_MAX + 1], to[BUNDLE_VERSION_MAX + 1], target[CONFIG_STR];
	struct release_store s;
	struct manifest m;
	char *cause = NULL, *dir = NULL;
	int rc = 1, found;

	if (argc > 2)
		return ctl_fail("usage: kioskctl content rollback [VERSION]");
	if (store_lock(ctl, &s) != 0)
		return 1;
	release_current(&s, was, sizeof was, target, sizeof target);
	if (argc == 2) {
		snprintf(to, sizeof to, "%s", argv[1]);
		found = bundle_version_ok(argv[1]) && release_exists(&s, argv[1]);
		if (!found)
			cause = xprintf("version %s is not installed (see kioskctl content list)", argv[1]);
	} else {
		found = release_previous(&s, to, sizeof to, &cause);
		if (found == 0)
			cause = xprintf("no version older than %s is kept", was[0] ? was : target);
	}
	if (found != 1)
		goto out;
	dir = xprintf("%s/releases/%s", s.root, to);
	if (bundle_verify_dir(dir, &m, &cause) != 0)
		goto out;
	manifest_free(&m);
	if (check_folder(ctl, dir) != 0) {
		cause = xprintf("version %s no longer passes the checks; nothing changed", to);
		goto out;
	}
	if (release_switch(&s, to, &cause) != 0)
		goto out;
	printf("rolled back to %s (was %s)\n", to, was[0] ? was : target);
	audit(ctl, xprintf("content rolled back to %s from %s", to, was[0] ? was : target));
	rc = 0;
out:
	if (rc != 0) {
		ctl_fail("%s", cause);
		free(cause);
	}
	free(dir);
	release_store_close(&s);
	return rc;
}

/* content list [--json] */
static int list(struct ctl *ctl, int argc, char **argv)
{
	char was[BUNDLE_VERSION_MAX + 1], target[CONFIG_STR], when[32], *cause = NULL;
	struct release_store s;
	struct release *l;
	size_t n, i;
	int json = argc == 2 && strcmp(argv[1], "--json") == 0;

	if (argc > 2 || (argc == 2 && !json))
		return ctl_fail("usage: kioskctl content list [--json]");
	if (release_store_open(&s, ctl->cfg.content_dir, &cause) != 0 ||
	    release_list(&s, &l, &n, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	target[0] = '\0';
	release_current(&s, was, sizeof was, target, sizeof target);
	if (json) {
		json_t *doc = json_object(), *arr = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:b}", "version",
							     l[i].version, "created",
							     (json_int_t)l[i].created, "files",
							     (json_int_t)l[i].files, "current",
							     l[i].current));
		json_object_set_new(doc, "store", json_string(s.root));
		json_object_set_new(doc, "current", was[0] ? json_string(was) : json_null());
		json_object_set_new(doc, "target", target[0] ? json_string(target) : json_null());
		json_object_set_new(doc, "releases", arr);
		ctl_json(doc);
	} else {
		for (i = 0; i < n; i++)
			printf("%s %-24s packed %s, %zu files\n", l[i].current ? "*" : " ",
			       l[i].version, ctl_time(l[i].created, when, sizeof when), l[i].files);
		if (was[0] == '\0')
			printf("current: %s\n", target[0] ? target : "none (no content installed)");
	}
	free(l);
	return 0;
}

/* content verify [VERSION]: the files on disk against their manifest. */
static int verify(struct ctl *ctl, int argc, char **argv)
{
	char was[BUNDLE_VERSION_MAX + 1], target[CONFIG_STR], *dir, *cause = NULL;
	struct release_store s;
	struct manifest m;
	int rc;

	if (argc > 2)
		return ctl_fail("usage: kioskctl content verify [VERSION]");
	if (release_store_open(&s, ctl->cfg.content_dir, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (argc < 2 && release_current(&s, was, sizeof was, target, sizeof target) != 1)
		return ctl_fail("no content installed");
	if (argc == 2 && !bundle_version_ok(argv[1]))
		return ctl_fail("%s is not a version", argv[1]);
	dir = argc == 2 ? xprintf("%s/releases/%s", s.root, argv[1]) : xstrdup(ctl->cfg.content_dir);
	rc = bundle_verify_dir(dir, &m, &cause);
	if (rc == 0) {
		printf("%s: version %s, %zu files as signed\n", dir, m.version, m.n);
		manifest_free(&m);
	} else {
		ctl_fail("%s", cause);
		free(cause);
	}
	free(dir);
	return rc == 0 ? 0 : 1;
}

static const struct {
	const char *name;
	int (*fn)(struct ctl *ctl, int argc, char **argv);
	const char *usage, *help;
} subs[] = {
	{ "install", install, "install BUNDLE|- [--force]",
	  "Installs a signed content bundle (a file, or '-' for stdin: over SSH,\n"
	  "'ssh booth kioskctl content install - < FILE'). It is accepted only when\n"
	  "its manifest is signed (ssh-keygen -Y, namespace " SSHSIG_NAMESPACE ")\n"
	  "by a key in the [content] allowed_signers file, every file matches the\n"
	  "manifest's SHA-256, it holds only plain files and folders under\n"
	  "content.db, screens/, locale/ and assets/, and the unpacked content\n"
	  "passes the checks of 'kioskctl check'. It is unpacked into its own\n"
	  "folder, then 'current' is switched in one atomic rename: on any failure\n"
	  "(or a kill) the booth keeps the content it had. The kiosk picks up the\n"
	  "new version between villagers. The three newest versions are kept.\n"
	  "A version already installed is refused unless --force is given.\n" },
	{ "rollback", rollback, "rollback [VERSION]",
	  "Switches back to the version packed before the current one (or to\n"
	  "VERSION, any kept version), after checking its files against its\n"
	  "manifest and running the checks of 'kioskctl check' on it.\n" },
	{ "list", list, "list [--json]",
	  "Lists the kept versions, oldest first; '*' marks the one in use.\n" },
	{ "verify", verify, "verify [VERSION]",
	  "Checks the files of the version in use (or VERSION) against the\n"
	  "SHA-256 sums of its signed manifest: a damaged SD card shows here.\n" },
	{ "pack", pack, "pack SRC KEY [--version V] [--output FILE]",
	  "Makes a bundle of the content folder SRC (content.db, screens/, locale/,\n"
	  "assets/; links are followed) signed with the private key file KEY\n"
	  "(ssh-keygen -Y sign; it asks for the key's passphrase if it has one).\n"
	  "The version defaults to the UTC time, e.g. 2025.06.30-081500; the file\n"
	  "to kiosk-content-VERSION.bundle in the current folder.\n" },
};

int ctl_content_release(struct ctl *ctl, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[0], subs[i].name) != 0)
			continue;
		if (ctl_wants_help(argc, argv)) {
			printf("usage: kioskctl content %s\n\n%s", subs[i].usage, subs[i].help);
			return 0;
		}
		return subs[i].fn(ctl, argc, argv);
	}
	return -1;
}

void ctl_content_release_usage(FILE *out)
{
	size_t i;

	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		fprintf(out, "       kioskctl content %s\n", subs[i].usage);
}
