/* Packing, verifying and unpacking content bundles (see bundle.h). */
#define _GNU_SOURCE /* syncfs */
#include "bundle.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sshsig.h"
#include "util.h"

#define MANIFEST_MAX (16L << 20)   /* bytes of manifest.json */
#define SIG_MAX (64L << 10)        /* bytes of manifest.sig */
#define FILES_MAX 100000
#define DEPTH_MAX 16

/* What may stand at the top of a bundle, besides the manifest. */
static const char *const tops[] = { "content.db", "screens", "locale", "assets" };

int bundle_version_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > BUNDLE_VERSION_MAX || strspn(v, "abcdefghijklmnopqrstuvwxyz"
					"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != n)
		return 0;
	return v[0] != '.' && v[0] != '_' && v[0] != '-';
}

const char *bundle_path_problem(const char *path)
{
	const char *p = path, *slash;
	size_t i, n;
	int top = 1;

	if (path[0] == '\0')
		return "an empty path";
	if (path[0] == '/')
		return "an absolute path";
	if (strlen(path) >= TAR_NAME_MAX)
		return "a path too long";
	for (;;) {
		slash = strchr(p, '/');
		n = slash ? (size_t)(slash - p) : strlen(p);
		if ((n == 2 && p[0] == '.' && p[1] == '.'))
			return "a path that climbs out of its folder (..)";
		if (n == 0 || p[0] == '.')
			return "a path with an empty, '.' or hidden part";
		if (strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") < n)
			return "a name with characters other than letters, digits, '.', '_', '-'";
		if (top) {
			for (i = 0; i < sizeof tops / sizeof tops[0]; i++)
				if (strlen(tops[i]) == n && strncmp(p, tops[i], n) == 0)
					break;
			if (i == sizeof tops / sizeof tops[0])
				return "a path outside content.db, screens/, locale/ and assets/";
			if (i == 0 && slash != NULL)
				return "a path under content.db";
			top = 0;
		}
		if (slash == NULL)
			return NULL;
		p = slash + 1;
	}
}

/* Orders manifest entries by path. */
static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct bundle_file *)a)->path, ((const struct bundle_file *)b)->path);
}

/* Fills m->files from the manifest's "files" array. Returns 0 or -1. */
static int parse_files(json_t *files, struct manifest *m, char **cause)
{
	size_t i;
	json_t *f;

	if (!json_is_array(files) || json_array_size(files) > FILES_MAX) {
		*cause = xprintf("manifest: \"files\" must be an array of at most %d", FILES_MAX);
		return -1;
	}
	m->files = xcalloc(json_array_size(files), sizeof *m->files);
	json_array_foreach(files, i, f) {
		struct bundle_file *bf = &m->files[m->n];
		const char *path = json_string_value(json_object_get(f, "path"));
		const char *hash = json_string_value(json_object_get(f, "sha256"));
		json_t *size = json_object_get(f, "size");
		const char *why;

		if (path == NULL || hash == NULL || !json_is_integer(size) ||
		    json_integer_value(size) < 0) {
			*cause = xprintf("manifest: file %zu needs a path, a size and a sha256", i + 1);
			return -1;
		}
		if ((why = bundle_path_problem(path)) != NULL) {
			*cause = xprintf("manifest: %s: %s", path, why);
			return -1;
		}
		if (strlen(hash) != 64 || strspn(hash, "0123456789abcdef") != 64) {
			*cause = xprintf("manifest: %s: sha256 must be 64 lower-case hex digits", path);
			return -1;
		}
		bf->path = xstrdup(path);
		bf->size = json_integer_value(size);
		memcpy(bf->sha256, hash, 65);
		m->n++;
	}
	qsort(m->files, m->n, sizeof *m->files, by_path);
	for (i = 1; i < m->n; i++)
		if (strcmp(m->files[i - 1].path, m->files[i].path) == 0) {
			*cause = xprintf("manifest: %s is listed twice", m->files[i].path);
			return -1;
		}
	return 0;
}

int manifest_parse(const char *text, size_t len, struct manifest *m, char **cause)
{
	json_error_t err;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err), *created;
	const char *kind, *version;
	int rc = -1;

	memset(m, 0, sizeof *m);
	if (doc == NULL) {
		*cause = xprintf("manifest: line %d: %s", err.line, err.text);
		return -1;
	}
	kind = json_string_value(json_object_get(doc, "kind"));
	version = json_string_value(json_object_get(doc, "version"));
	created = json_object_get(doc, "created");
	if (kind == NULL || strcmp(kind, "kiosk-content") != 0 ||
	    json_integer_value(json_object_get(doc, "format")) != BUNDLE_FORMAT) {
		*cause = xprintf("manifest: not a kiosk-content manifest of format %d", BUNDLE_FORMAT);
	} else if (version == NULL || !bundle_version_ok(version)) {
		*cause = xprintf("manifest: the version must be 1 to %d letters, digits, '.', '_', '-'",
				 BUNDLE_VERSION_MAX);
	} else if (!json_is_integer(created)) {
		*cause = xprintf("manifest: \"created\" must be unix seconds");
	} else {
		snprintf(m->version, sizeof m->version, "%s", version);
		m->created = json_integer_value(created);
		rc = parse_files(json_object_get(doc, "files"), m, cause);
	}
	json_decref(doc);
	if (rc != 0)
		manifest_free(m);
	return rc;
}

void manifest_free(struct manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->files[i].path);
	free(m->files);
	memset(m, 0, sizeof *m);
}

/* The manifest as the JSON text that gets signed. */
static char *manifest_format(const struct manifest *m)
{
	json_t *doc = json_object(), *files = json_array();
	char *text;
	size_t i;

	json_object_set_new(doc, "format", json_integer(BUNDLE_FORMAT));
	json_object_set_new(doc, "kind", json_string("kiosk-content"));
	json_object_set_new(doc, "version", json_string(m->version));
	json_object_set_new(doc, "created", json_integer(m->created));
	for (i = 0; i < m->n; i++)
		json_array_append_new(files, json_pack("{s:s, s:I, s:s}", "path", m->files[i].path,
						       "size", (json_int_t)m->files[i].size,
						       "sha256", m->files[i].sha256));
	json_object_set_new(doc, "files", files);
	text = json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	return text;
}

/* Writes the hex form of a finished SHA-256. */
static void sha256_hex(struct sha256_ctx *ctx, char hex[65])
{
	uint8_t d[SHA256_DIGEST_SIZE];
	int i;

	sha256_digest(ctx, sizeof d, d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* Hashes the file at path, optionally copying it into the archive out
 * (out < 0: hash only). Returns 0 or -1 with *cause. */
static int hash_file(const char *path, int out, char hex[65], long long *size, char **cause)
{
	struct sha256_ctx ctx;
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	sha256_init(&ctx);
	*size = 0;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		sha256_update(&ctx, (size_t)n, (uint8_t *)buf);
		*size += n;
		if (out >= 0 && tar_write_data(out, buf, (size_t)n, cause) != 0) {
			close(fd);
			return -1;
		}
	}
	if (n < 0) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	sha256_hex(&ctx, hex);
	return 0;
}

/* Adds every file under src/rel to m (links followed). Returns 0 or -1. */
static int collect(const char *src, const char *rel, int depth, struct manifest *m, char **cause)
{
	char *full = xprintf("%s/%s", src, rel);
	const char *why = bundle_path_problem(rel);
	struct stat st;
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (why != NULL)
		*cause = xprintf("%s: cannot go in a bundle: %s", full, why);
	else if (stat(full, &st) != 0)
		*cause = xprintf("%s: %s", full, strerror(errno));
	else if (depth > DEPTH_MAX)
		*cause = xprintf("%s: folders nested too deep (a link loop?)", full);
	else if (S_ISREG(st.st_mode) && m->n >= FILES_MAX)
		*cause = xprintf("%s: more than %d files", src, FILES_MAX);
	else if (S_ISREG(st.st_mode)) {
		m->files = xrealloc(m->files, (m->n + 1) * sizeof *m->files);
		m->files[m->n].path = xstrdup(rel);
		rc = hash_file(full, -1, m->files[m->n].sha256, &m->files[m->n].size, cause);
		m->n++;
		free(full);
		return rc;
	} else if (!S_ISDIR(st.st_mode))
		*cause = xprintf("%s: neither a file nor a folder", full);
	else if ((d = opendir(full)) == NULL)
		*cause = xprintf("%s: %s", full, strerror(errno));
	else {
		while (rc == 0 && (de = readdir(d)) != NULL) {
			char *sub;

			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			sub = xprintf("%s/%s", rel, de->d_name);
			rc = collect(src, sub, depth + 1, m, cause);
			free(sub);
		}
		closedir(d);
		free(full);
		return rc;
	}
	free(full);
	return -1;
}

/* Writes one small in-memory member. Returns 0 or -1 with *cause. */
static int put_member(int out, const char *name, const char *data, size_t len, long long mtime,
		      char **cause)
{
	if (tar_write_header(out, name, '0', 0644, (long long)len, mtime, cause) != 0 ||
	    tar_write_data(out, data, len, cause) != 0 || tar_write_pad(out, (long long)len, cause) != 0)
		return -1;
	return 0;
}

/* Hashes what src holds into m, refusing a folder without screens. */
static int pack_collect(const char *src, struct manifest *m, char **cause)
{
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof tops / sizeof tops[0]; i++) {
		char *full = xprintf("%s/%s", src, tops[i]);
		int present = stat(full, &st) == 0;
		int needed = strcmp(tops[i], "screens") == 0 || strcmp(tops[i], "locale") == 0;

		free(full);
		if (!present && needed) {
			*cause = xprintf("%s has no %s/ folder: is it a content folder?", src, tops[i]);
			return -1;
		}
		if (present && collect(src, tops[i], 0, m, cause) != 0)
			return -1;
	}
	qsort(m->files, m->n, sizeof *m->files, by_path);
	return 0;
}

int bundle_pack(const char *src, const char *version, const char *key, const char *tmpdir,
		int out, struct manifest *m, char **cause)
{
	char *text = NULL, *mpath = xprintf("%s/" BUNDLE_MANIFEST, tmpdir);
	char *spath = xprintf("%s/" BUNDLE_SIGNATURE, tmpdir), *sig = NULL;
	size_t i, sig_len = 0;
	int rc = -1;

	memset(m, 0, sizeof *m);
	if (!bundle_version_ok(version)) {
		*cause = xprintf("bad version \"%s\": use 1 to %d letters, digits, '.', '_', '-'",
				 version, BUNDLE_VERSION_MAX);
		goto out;
	}
	snprintf(m->version, sizeof m->version, "%s", version);
	m->created = (long long)time(NULL);
	if (pack_collect(src, m, cause) != 0)
		goto out;
	text = manifest_format(m);
	if (file_write(mpath, text, strlen(text)) != 0) {
		*cause = xprintf("%s: %s", mpath, strerror(errno));
		goto out;
	}
	if (sshsig_sign(key, mpath, spath, cause) != 0)
		goto out;
	if ((sig = file_read(spath, &sig_len)) == NULL) {
		*cause = xprintf("%s: %s", spath, strerror(errno));
		goto out;
	}
	if (put_member(out, BUNDLE_MANIFEST, text, strlen(text), m->created, cause) != 0 ||
	    put_member(out, BUNDLE_SIGNATURE, sig, sig_len, m->created, cause) != 0)
		goto out;
	for (i = 0; i < m->n; i++) {
		struct bundle_file *f = &m->files[i];
		char *full = xprintf("%s/%s", src, f->path), hex[65];
		long long size;
		int bad;

		bad = tar_write_header(out, f->path, '0', 0644, f->size, m->created, cause) != 0 ||
		      hash_file(full, out, hex, &size, cause) != 0;
		if (!bad && (size != f->size || strcmp(hex, f->sha256) != 0)) {
			*cause = xprintf("%s changed while it was being packed", full);
			bad = 1;
		}
		free(full);
		if (bad || tar_write_pad(out, size, cause) != 0)
			goto out;
	}
	rc = tar_write_end(out, cause);
out:
	unlink(mpath);
	unlink(spath);
	free(mpath);
	free(spath);
	free(text);
	free(sig);
	if (rc != 0)
		manifest_free(m);
	return rc;
}

/* Reads the next member, which must be the regular file name of at most
 * max bytes, into a new buffer. Returns 0 or -1 with *cause. */
static int read_member(struct tar_reader *r, const char *name, long max, char **data, size_t *len,
		       char **cause)
{
	struct tar_entry e;
	int rc = tar_next(r, &e, cause);

	if (rc < 0)
		return -1;
	if (rc == 0 || e.type != '0' || strcmp(e.name, name) != 0) {
		*cause = xprintf("not a signed content bundle: %s must come %s in the archive",
				 name, strcmp(name, BUNDLE_MANIFEST) == 0 ? "first" : "second");
		return -1;
	}
	if (e.size > max) {
		*cause = xprintf("%s is larger than %ld bytes", name, max);
		return -1;
	}
	*data = xmalloc((size_t)e.size + 1);
	*len = (size_t)e.size;
	if (tar_read(r, *data, *len, cause) != (ssize_t)*len)
		return -1;
	(*data)[*len] = '\0';
	return 0;
}

int bundle_open(struct bundle *b, int fd, const char *allowed, const char *tmpdir, char **cause)
{
	char *mpath = xprintf("%s/" BUNDLE_MANIFEST, tmpdir);
	char *spath = xprintf("%s/" BUNDLE_SIGNATURE, tmpdir);
	int rc = -1;

	memset(b, 0, sizeof *b);
	tar_reader_init(&b->tar, fd);
	if (read_member(&b->tar, BUNDLE_MANIFEST, MANIFEST_MAX, &b->manifest_text,
			&b->manifest_len, cause) != 0 ||
	    read_member(&b->tar, BUNDLE_SIGNATURE, SIG_MAX, &b->sig, &b->sig_len, cause) != 0)
		goto out;
	if (file_write(mpath, b->manifest_text, b->manifest_len) != 0 ||
	    file_write(spath, b->sig, b->sig_len) != 0) {
		*cause = xprintf("%s: %s", tmpdir, strerror(errno));
		goto out;
	}
	if (sshsig_verify(allowed, mpath, spath, b->signer, sizeof b->signer, cause) != 0)
		goto out;
	rc = manifest_parse(b->manifest_text, b->manifest_len, &b->m, cause);
out:
	unlink(mpath);
	unlink(spath);
	free(mpath);
	free(spath);
	return rc;
}

/* Finds a path in the manifest's sorted list. */
static struct bundle_file *manifest_find(struct manifest *m, char *path)
{
	struct bundle_file key = { path, 0, "" };

	return bsearch(&key, m->files, m->n, sizeof *m->files, by_path);
}

/* Creates the folders leading to path (and path itself when whole) under
 * dirfd, never following a link. Returns 0 or -1 with errno. */
static int make_parents(int dirfd, const char *path, int whole)
{
	char buf[TAR_NAME_MAX];
	char *p = buf;

	snprintf(buf, sizeof buf, "%s", path);
	while ((p = strchr(p, '/')) != NULL || whole) {
		struct stat st;

		if (p != NULL)
			*p = '\0';
		if (mkdirat(dirfd, buf, 0755) != 0 && errno != EEXIST)
			return -1;
		if (fstatat(dirfd, buf, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return -1;
		}
		if (p == NULL)
			break;
		*p++ = '/';
	}
	return 0;
}

/* Writes the current member into dirfd/f->path, checking its hash.
 * Returns 0 or -1 with *cause. */
static int extract_file(struct bundle *b, int dirfd, struct bundle_file *f, char **cause)
{
	struct sha256_ctx ctx;
	char buf[65536], hex[65];
	ssize_t n;
	int fd, rc = 0;

	if (make_parents(dirfd, f->path, 0) != 0 ||
	    (fd = openat(dirfd, f->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			 0644)) < 0) {
		*cause = xprintf("%s: %s", f->path, errno == EEXIST ? "appears twice" : strerror(errno));
		return -1;
	}
	sha256_init(&ctx);
	while (rc == 0 && (n = tar_read(&b->tar, buf, sizeof buf, cause)) != 0) {
		if (n < 0)
			rc = -1;
		else if (write_all(fd, buf, (size_t)n) != 0) {
			*cause = xprintf("%s: %s", f->path, strerror(errno));
			rc = -1;
		}
		else
			sha256_update(&ctx, (size_t)n, (uint8_t *)buf);
	}
	if (rc == 0 && fchmod(fd, 0644) != 0) {
		*cause = xprintf("%s: %s", f->path, strerror(errno));
		rc = -1;
	}
	close(fd);
	if (rc != 0)
		return -1;
	sha256_hex(&ctx, hex);
	if (strcmp(hex, f->sha256) != 0) {
		*cause = xprintf("%s: its bytes do not match the signed manifest (tampered or damaged)",
				 f->path);
		return -1;
	}
	return 0;
}

/* Says why a tar entry that is not a plain file or folder is refused. */
static char *refuse_type(const struct tar_entry *e)
{
	int outside = e->link[0] == '/' || strstr(e->link, "..") != NULL;

	switch (e->type) {
	case '1':
	case '2':
		return xprintf("%s: a %s link to %s%s: a bundle holds only files and folders", e->name,
			       e->type == '1' ? "hard" : "symbolic", e->link,
			       outside ? ", pointing out of its folder" : "");
	case '3':
	case '4':
		return xprintf("%s: a device file: a bundle holds only files and folders", e->name);
	case '6':
		return xprintf("%s: a fifo: a bundle holds only files and folders", e->name);
	default:
		return xprintf("%s: an archive entry of type '%c' that bundles never hold", e->name,
			       e->type);
	}
}

/* Checks one entry's name and kind and writes it under dirfd. */
static int extract_entry(struct bundle *b, int dirfd, struct tar_entry *e, char *seen,
			 char **cause)
{
	const char *why;
	struct bundle_file *f;
	size_t len = strlen(e->name);

	if (e->type == '5' && len > 1 && e->name[len - 1] == '/')
		e->name[len - 1] = '\0';
	if ((why = bundle_path_problem(e->name)) != NULL) {
		*cause = xprintf("%s: %s", e->name, why);
		return -1;
	}
	if (e->type == '5') {
		if (make_parents(dirfd, e->name, 1) != 0) {
			*cause = xprintf("%s: %s", e->name, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (e->type != '0') {
		*cause = refuse_type(e);
		return -1;
	}
	f = manifest_find(&b->m, e->name);
	if (f == NULL) {
		*cause = xprintf("%s: not in the signed manifest", e->name);
		return -1;
	}
	if (seen[f - b->m.files]) {
		*cause = xprintf("%s: appears twice", e->name);
		return -1;
	}
	seen[f - b->m.files] = 1;
	if (e->size != f->size) {
		*cause = xprintf("%s: %lld bytes where the signed manifest says %lld (tampered?)",
				 e->name, e->size, f->size);
		return -1;
	}
	return extract_file(b, dirfd, f, cause);
}

/* Writes an in-memory file under dirfd. Returns 0 or -1 with *cause. */
static int put_file(int dirfd, const char *name, const char *data, size_t len, char **cause)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);

	if (fd < 0 || write_all(fd, data, len) != 0 || fchmod(fd, 0644) != 0) {
		*cause = xprintf("%s: %s", name, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return close(fd);
}

int bundle_extract(struct bundle *b, const char *dir, char **cause)
{
	char *seen = xcalloc(b->m.n, 1);
	struct tar_entry e;
	int dirfd, rc;
	size_t i;

	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dirfd < 0) {
		*cause = xprintf("%s: %s", dir, strerror(errno));
		free(seen);
		return -1;
	}
	while ((rc = tar_next(&b->tar, &e, cause)) == 1)
		if (extract_entry(b, dirfd, &e, seen, cause) != 0) {
			rc = -1;
			break;
		}
	for (i = 0; rc == 0 && i < b->m.n; i++)
		if (!seen[i]) {
			*cause = xprintf("%s: listed in the signed manifest but missing from the bundle",
					 b->m.files[i].path);
			rc = -1;
		}
	if (rc == 0 &&
	    (put_file(dirfd, BUNDLE_MANIFEST, b->manifest_text, b->manifest_len, cause) != 0 ||
	     put_file(dirfd, BUNDLE_SIGNATURE, b->sig, b->sig_len, cause) != 0))
		rc = -1;
	/* One sync for every file written, before the folder is renamed in. */
	if (rc == 0 && syncfs(dirfd) != 0) {
		*cause = xprintf("%s: %s", dir, strerror(errno));
		rc = -1;
	}
	close(dirfd);
	free(seen);
	return rc;
}

void bundle_close(struct bundle *b)
{
	manifest_free(&b->m);
	free(b->manifest_text);
	free(b->sig);
	b->manifest_text = b->sig = NULL;
}

int bundle_verify_dir(const char *dir, struct manifest *m, char **cause)
{
	char *path = xprintf("%s/" BUNDLE_MANIFEST, dir), *text, hex[65];
	size_t len, i;
	long long size;
	int rc = 0;

	text = file_read(path, &len);
	free(path);
	if (text == NULL) {
		*cause = xprintf("%s: no readable %s: %s", dir, BUNDLE_MANIFEST, strerror(errno));
		return -1;
	}
	rc = manifest_parse(text, len, m, cause);
	free(text);
	for (i = 0; rc == 0 && i < m->n; i++) {
		path = xprintf("%s/%s", dir, m->files[i].path);
		rc = hash_file(path, -1, hex, &size, cause);
		if (rc == 0 && (size != m->files[i].size || strcmp(hex, m->files[i].sha256) != 0)) {
			*cause = xprintf("%s: differs from the manifest (damaged or edited)", path);
			rc = -1;
		}
		free(path);
	}
	if (rc != 0)
		manifest_free(m);
	return rc;
}
