/* Content bundles: how a province ships a whole content version to its
 * booths. A bundle is a tar archive whose first member is manifest.json
 * (format, version, creation time and the size and SHA-256 of every file),
 * whose second is manifest.sig (an `ssh-keygen -Y sign` signature of the
 * manifest under SSHSIG_NAMESPACE), followed by the files themselves:
 * content.db, screens/, locale/ and assets/. It holds nothing else: no
 * links, devices, absolute paths or "..", no file outside the manifest,
 * no file whose bytes differ from their hash. Reading is one pass, so a
 * bundle can come through a pipe (stdin over SSH); the signature is
 * checked before any file is written. */
#ifndef KIOSK_BUNDLE_H
#define KIOSK_BUNDLE_H

#include <stddef.h>

#include "tar.h"

#define BUNDLE_FORMAT 1
#define BUNDLE_VERSION_MAX 64
#define BUNDLE_MANIFEST "manifest.json"
#define BUNDLE_SIGNATURE "manifest.sig"

struct bundle_file {
	char *path;                /* relative, checked by bundle_path_ok() */
	long long size;
	char sha256[65];           /* lower-case hex */
};

struct manifest {
	char version[BUNDLE_VERSION_MAX + 1];
	long long created;         /* unix seconds when it was packed */
	struct bundle_file *files; /* sorted by path */
	size_t n;
};

/* An open bundle whose signature was verified. */
struct bundle {
	struct tar_reader tar;
	struct manifest m;
	char signer[256];          /* the principal from allowed_signers */
	char *manifest_text, *sig;
	size_t manifest_len, sig_len;
};

/* True when v can name a version (and its release folder): 1 to
 * BUNDLE_VERSION_MAX of letters, digits, '.', '_', '-', starting with a
 * letter or digit. */
int bundle_version_ok(const char *v);

/* Checks a path a bundle may hold. Returns NULL when it is fine, else a
 * static phrase saying what is wrong ("an absolute path", ...). */
const char *bundle_path_problem(const char *path);

/* Parses and checks manifest.json. Returns 0, or -1 with *cause. */
int manifest_parse(const char *text, size_t len, struct manifest *m, char **cause);

/* Frees what a manifest holds and clears it. */
void manifest_free(struct manifest *m);

/* Packs the content folder src (content.db, screens/, locale/, assets/;
 * links in it are followed) as version into the archive written to out,
 * signed with the private key file key. tmpdir holds the manifest while
 * ssh-keygen signs it. m gets the manifest written. Returns 0 or -1 with
 * *cause. */
int bundle_pack(const char *src, const char *version, const char *key, const char *tmpdir,
		int out, struct manifest *m, char **cause);

/* Reads the manifest and its signature from the archive on fd, verifies
 * the signature against the allowed_signers file allowed (tmpdir holds
 * copies for ssh-keygen) and parses the manifest. Returns 0 with b ready
 * for bundle_extract(), or -1 with *cause; call bundle_close() either way. */
int bundle_open(struct bundle *b, int fd, const char *allowed, const char *tmpdir, char **cause);

/* Writes the rest of the bundle into the empty folder dir, refusing
 * anything the manifest does not vouch for, then writes manifest.json and
 * manifest.sig beside the files and syncs them to disk. On -1 (with
 * *cause) dir holds a part of the files: the caller removes it. */
int bundle_extract(struct bundle *b, const char *dir, char **cause);

/* Frees what bundle_open() made (not the file descriptor). */
void bundle_close(struct bundle *b);

/* Checks the files of an installed folder against its manifest.json
 * (sizes and hashes; the signature was checked at install). Returns 0, or
 * -1 with *cause naming the first file that differs. */
int bundle_verify_dir(const char *dir, struct manifest *m, char **cause);

#endif
