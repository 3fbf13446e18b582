/* Signatures made and checked by OpenSSH's `ssh-keygen -Y`, so that the
 * province signs content with the same keys it logs in with, and a booth
 * trusts exactly the keys listed in its allowed_signers file (the format
 * of ssh-keygen(1) "ALLOWED SIGNERS"). ssh-keygen is run directly (no
 * shell), found on PATH. */
#ifndef KIOSK_SSHSIG_H
#define KIOSK_SSHSIG_H

#include <stddef.h>

/* The namespace every content signature is made under: a signature made
 * for anything else (git commits, files, e-mail) is never accepted. */
#define SSHSIG_NAMESPACE "kiosk-content@booth"

/* Signs the file at path with the private key file key, under
 * SSHSIG_NAMESPACE, and writes the armoured signature to sig_path.
 * Returns 0 or -1 with *cause (ssh-keygen's own words included). */
int sshsig_sign(const char *key, const char *path, const char *sig_path, char **cause);

/* Verifies that sig_path is a signature of the file at path under
 * SSHSIG_NAMESPACE by a key listed in allowed (an allowed_signers file).
 * On success returns 0 and writes the signer's principal into signer;
 * otherwise returns -1 with *cause saying why (no such signer, wrong
 * namespace, the data does not match). */
int sshsig_verify(const char *allowed, const char *path, const char *sig_path, char *signer,
		  size_t size, char **cause);

#endif
