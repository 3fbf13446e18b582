/* The content store: versions side by side, an atomic `current` link
 * (see release.h). */
#define _GNU_SOURCE /* renameat2 */
#include "release.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* fsyncs a folder so a rename or a new entry in it survives a power cut. */
static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int release_store_open(struct release_store *s, const char *content_dir, char **cause)
{
	const char *slash = strrchr(content_dir, '/');
	char *releases;
	size_t len;

	memset(s, 0, sizeof *s);
	s->lock_fd = -1;
	if (slash == NULL || strcmp(slash + 1, "current") != 0 || slash == content_dir) {
		*cause = xprintf("content_dir %s is not a version store's link: set [paths] "
				 "content_dir = FOLDER/current (e.g. /var/lib/kiosk/content/current)",
				 content_dir);
		return -1;
	}
	len = (size_t)(slash - content_dir);
	if (len >= sizeof s->root) {
		*cause = xprintf("content_dir is too long");
		return -1;
	}
	memcpy(s->root, content_dir, len);
	s->root[len] = '\0';
	releases = xprintf("%s/releases", s->root);
	if (mkdir_p(releases, 0755) != 0) {
		*cause = xprintf("%s: %s", releases, strerror(errno));
		free(releases);
		return -1;
	}
	free(releases);
	return 0;
}

/* Removes the .incoming and .old folders an interrupted run left. */
static void clean(struct release_store *s)
{
	DIR *d = opendir(s->root);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, ".incoming-", 10) == 0 || strncmp(de->d_name, ".old-", 5) == 0 ||
		    strncmp(de->d_name, ".current-", 9) == 0) {
			char *path = xprintf("%s/%s", s->root, de->d_name);

			remove_tree(path);
			free(path);
		}
	}
	closedir(d);
}

int release_lock(struct release_store *s, char **cause)
{
	char *path = xprintf("%s/.lock", s->root);

	s->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (s->lock_fd < 0) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		*cause = xprintf("another content install or rollback is running on %s", s->root);
		close(s->lock_fd);
		s->lock_fd = -1;
		return -1;
	}
	clean(s);
	return 0;
}

void release_store_close(struct release_store *s)
{
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	s->lock_fd = -1;
}

int release_current(struct release_store *s, char *version, size_t vsize, char *target,
		    size_t tsize)
{
	char *link = xprintf("%s/current", s->root), buf[CONFIG_STR];
	ssize_t n = readlink(link, buf, sizeof buf - 1);

	free(link);
	version[0] = '\0';
	if (n < 0)
		return errno == ENOENT ? 0 : -1;
	buf[n] = '\0';
	snprintf(target, tsize, "%s", buf);
	if (strncmp(buf, "releases/", 9) == 0 && bundle_version_ok(buf + 9))
		snprintf(version, vsize, "%s", buf + 9);
	return 1;
}

int release_exists(struct release_store *s, const char *version)
{
	char *path = xprintf("%s/releases/%s", s->root, version);
	struct stat st;
	int found = lstat(path, &st) == 0;

	free(path);
	return found;
}

/* Orders releases by packing time, then version. */
static int by_created(const void *a, const void *b)
{
	const struct release *x = a, *y = b;

	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return strcmp(x->version, y->version);
}

int release_list(struct release_store *s, struct release **list, size_t *n, char **cause)
{
	char *dir = xprintf("%s/releases", s->root), current[BUNDLE_VERSION_MAX + 1];
	char target[CONFIG_STR];
	struct dirent *de;
	DIR *d = opendir(dir);

	*list = NULL;
	*n = 0;
	if (d == NULL) {
		*cause = xprintf("%s: %s", dir, strerror(errno));
		free(dir);
		return -1;
	}
	release_current(s, current, sizeof current, target, sizeof target);
	while ((de = readdir(d)) != NULL) {
		struct release r = { "", 0, 0, 0 };
		struct manifest m;
		char *path, *text;
		size_t len;

		if (!bundle_version_ok(de->d_name))
			continue;
		path = xprintf("%s/%s/" BUNDLE_MANIFEST, dir, de->d_name);
		text = file_read(path, &len);
		free(path);
		if (text != NULL && manifest_parse(text, len, &m, cause) == 0) {
			r.created = m.created;
			r.files = m.n;
			manifest_free(&m);
		} else if (text != NULL) {
			free(*cause);
			*cause = NULL;
		}
		free(text);
		memcpy(r.version, de->d_name, strlen(de->d_name) + 1); /* checked above */
		r.current = strcmp(current, de->d_name) == 0;
		*list = xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = r;
	}
	closedir(d);
	free(dir);
	if (*n > 0)
		qsort(*list, *n, sizeof **list, by_created);
	return 0;
}

char *release_stage(struct release_store *s, char **cause)
{
	char *path = xprintf("%s/.incoming-XXXXXX", s->root);

	if (mkdtemp(path) == NULL || chmod(path, 0755) != 0) {
		*cause = xprintf("%s: %s", s->root, strerror(errno));
		free(path);
		return NULL;
	}
	return path;
}

int release_commit(struct release_store *s, const char *staged, const char *version,
		   char **cause)
{
	char *dest = xprintf("%s/releases/%s", s->root, version);
	char *releases = xprintf("%s/releases", s->root);
	int rc = 0;

	if (release_exists(s, version)) {
		/* Swap in one step: `current` may point at this very name. */
		if (renameat2(AT_FDCWD, staged, AT_FDCWD, dest, RENAME_EXCHANGE) != 0)
			rc = -1;
		else
			remove_tree(staged);
	} else if (rename(staged, dest) != 0) {
		rc = -1;
	}
	if (rc != 0)
		*cause = xprintf("%s: %s", dest, strerror(errno));
	else
		sync_dir(releases);
	free(dest);
	free(releases);
	return rc;
}

int release_switch(struct release_store *s, const char *version, char **cause)
{
	char *target = xprintf("releases/%s", version);
	char *tmp = xprintf("%s/.current-%ld", s->root, (long)getpid());
	char *link = xprintf("%s/current", s->root);
	int rc = -1;

	unlink(tmp);
	if (!release_exists(s, version))
		*cause = xprintf("version %s is not installed", version);
	else if (symlink(target, tmp) != 0 || rename(tmp, link) != 0)
		*cause = xprintf("%s: %s", link, strerror(errno));
	else if (sync_dir(s->root) != 0)
		*cause = xprintf("%s: %s", s->root, strerror(errno));
	else
		rc = 0;
	unlink(tmp);
	free(target);
	free(tmp);
	free(link);
	return rc;
}

int release_previous(struct release_store *s, char *out, size_t size, char **cause)
{
	struct release *list;
	size_t n, i;
	int found = 0;

	if (release_list(s, &list, &n, cause) != 0)
		return -1;
	for (i = 1; i < n; i++)
		if (list[i].current) {
			snprintf(out, size, "%s", list[i - 1].version);
			found = 1;
		}
	free(list);
	return found;
}

int release_prune(struct release_store *s, size_t keep, int *removed, char **cause)
{
	struct release *list;
	size_t n, i, left;
	int rc = 0;

	*removed = 0;
	if (release_list(s, &list, &n, cause) != 0)
		return -1;
	for (i = 0, left = n; i < n && left > keep; i++) {
		char *path, *old;

		if (list[i].current)
			continue;
		/* Out of releases/ in one rename, then removed at leisure. */
		path = xprintf("%s/releases/%s", s->root, list[i].version);
		old = xprintf("%s/.old-%s", s->root, list[i].version);
		remove_tree(old);
		if (rename(path, old) != 0 || remove_tree(old) != 0) {
			*cause = xprintf("%s: %s", path, strerror(errno));
			rc = -1;
		} else {
			(*removed)++;
			left--;
		}
		free(path);
		free(old);
	}
	free(list);
	return rc;
}

int content_changed(const struct config *cfg, struct content_stamp *stamp)
{
	struct stat st;
	int changed;

	if (stat(cfg->content_dir, &st) != 0)
		return 0; /* a moment between two renames: look again later */
	changed = stamp->known && (st.st_dev != stamp->dev || st.st_ino != stamp->ino);
	stamp->dev = st.st_dev;
	stamp->ino = st.st_ino;
	stamp->known = 1;
	return changed;
}

int program_replaced(void)
{
	char buf[CONFIG_STR];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	static const char tail[] = " (deleted)";

	if (n < (ssize_t)sizeof tail)
		return 0;
	buf[n] = '\0';
	return strcmp(buf + n - (sizeof tail - 1), tail) == 0;
}
