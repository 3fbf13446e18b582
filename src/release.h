/* The content store of a booth: whole content versions side by side, and
 * one symbolic link saying which the kiosk reads.
 *
 *   ROOT/releases/VERSION/          a complete, checked version (its files,
 *                                   manifest.json, manifest.sig)
 *   ROOT/current -> releases/VERSION   the config's [paths] content_dir
 *   ROOT/.lock                      held by the one install running
 *   ROOT/.incoming-XXXXXX/          a version being unpacked
 *   ROOT/.old-XXXXXX/               a version being removed
 *
 * ROOT is the folder of content_dir, whose last part must be "current".
 * A new version is unpacked and checked in its own folder, renamed into
 * releases/, and only then does `current` change, by rename(2) of a new
 * link over the old one: whatever kills the process, `current` names the
 * old version or the new one, each complete. Leftover .incoming and .old
 * folders are removed by the next install. The RELEASE_KEEP newest
 * versions (by the time they were packed) are kept, the current one
 * always. */
#ifndef KIOSK_RELEASE_H
#define KIOSK_RELEASE_H

#include <stddef.h>
#include <sys/types.h>

#include "bundle.h"
#include "config.h"

#define RELEASE_KEEP 3

struct release_store {
	char root[CONFIG_STR];
	int lock_fd;
};

/* One installed version, as listed. */
struct release {
	char version[BUNDLE_VERSION_MAX + 1];
	long long created;         /* when it was packed */
	size_t files;
	int current;
};

/* Finds the store of content_dir, creating ROOT and ROOT/releases when
 * missing. Returns 0 or -1 with *cause (content_dir not ".../current"). */
int release_store_open(struct release_store *s, const char *content_dir, char **cause);

/* Takes the store's lock (one install, switch or removal at a time) and
 * removes what an interrupted one left behind. Returns 0, or -1 with
 * *cause when another is running. */
int release_lock(struct release_store *s, char **cause);

/* Releases the lock, if held. */
void release_store_close(struct release_store *s);

/* What `current` points to: *version gets the release's version ("" when
 * it is not one of releases/, e.g. the packaged content), target the
 * link's text. Returns 1, 0 when there is no `current`, -1 on error. */
int release_current(struct release_store *s, char *version, size_t vsize, char *target,
		    size_t tsize);

/* The installed versions, oldest first. Returns 0 or -1 with *cause;
 * *list is freed by the caller. */
int release_list(struct release_store *s, struct release **list, size_t *n, char **cause);

/* True when releases/version exists. */
int release_exists(struct release_store *s, const char *version);

/* Makes a new empty folder to unpack a version into; returns its path
 * (freed by the caller) or NULL with *cause. */
char *release_stage(struct release_store *s, char **cause);

/* Moves the unpacked folder staged into releases/version, replacing one
 * already there in one atomic exchange. Returns 0 or -1 with *cause. */
int release_commit(struct release_store *s, const char *staged, const char *version,
		   char **cause);

/* Points `current` at releases/version atomically and syncs the change.
 * Returns 0 or -1 with *cause. */
int release_switch(struct release_store *s, const char *version, char **cause);

/* The version packed just before the current one, into out. Returns 1,
 * 0 when there is none, -1 with *cause. */
int release_previous(struct release_store *s, char *out, size_t size, char **cause);

/* Removes the oldest versions beyond keep, never the current one. *removed
 * gets how many went. Returns 0 or -1 with *cause. */
int release_prune(struct release_store *s, size_t keep, int *removed, char **cause);

/* What the kiosk checks between villagers (call it only when no villager
 * is in the middle of something, app_idle()): */
struct content_stamp {
	dev_t dev;
	ino_t ino;
	int known;
};

/* True when content_dir now names another folder than at the previous
 * call (a new version was installed, or one rolled back): the kiosk then
 * reloads its screens, catalogs and content.db. The first call only
 * records and returns 0. */
int content_changed(const struct config *cfg, struct content_stamp *stamp);

/* True when the running program's file was replaced (a package upgrade):
 * the kiosk then exits between villagers and systemd starts the new one. */
int program_replaced(void);

#endif
