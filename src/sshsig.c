/* ssh-keygen -Y sign / find-principals / verify (see sshsig.h). */
#define _GNU_SOURCE /* pipe2 */
#include "sshsig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define OUTPUT_MAX 4096

/* Runs argv (argv[0] on PATH) with stdin from in_path (or /dev/null),
 * collecting up to OUTPUT_MAX bytes of its stdout and stderr together in
 * out. Returns its exit status, or -1 with *cause when it could not run. */
static int run(const char *const argv[], const char *in_path, char out[OUTPUT_MAX], char **cause)
{
	int pipefd[2], in, status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	in = open(in_path ? in_path : "/dev/null", O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		*cause = xprintf("%s: %s", in_path, strerror(errno));
		return -1;
	}
	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		close(in);
		*cause = xprintf("pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		*cause = xprintf("fork: %s", strerror(errno));
		close(in);
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		char *args[16];
		int i;

		for (i = 0; i < 15 && argv[i] != NULL; i++)
			args[i] = xstrdup(argv[i]);
		args[i] = NULL;
		dup2(in, STDIN_FILENO);
		dup2(pipefd[1], STDOUT_FILENO);
		dup2(pipefd[1], STDERR_FILENO);
		execvp(args[0], args);
		dprintf(STDERR_FILENO, "cannot run %s: %s", argv[0], strerror(errno));
		_exit(127);
	}
	close(in);
	close(pipefd[1]);
	while ((n = read(pipefd[0], out + len, OUTPUT_MAX - 1 - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		len += (size_t)n;
		if (len == OUTPUT_MAX - 1) {
			char sink[512];

			while (read(pipefd[0], sink, sizeof sink) > 0)
				;
			break;
		}
	}
	out[len] = '\0';
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			*cause = xprintf("waitpid: %s", strerror(errno));
			return -1;
		}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The last non-empty line of text, trimmed (what ssh-keygen concluded). */
static const char *last_line(char *text)
{
	char *end = text + strlen(text), *start;

	while (end > text && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		*--end = '\0';
	start = strrchr(text, '\n');
	return start ? start + 1 : text;
}

int sshsig_sign(const char *key, const char *path, const char *sig_path, char **cause)
{
	char out[OUTPUT_MAX], *made;
	const char *argv[] = { "ssh-keygen", "-q", "-Y", "sign", "-f", key,
			 "-n", SSHSIG_NAMESPACE, path, NULL };
	int rc;

	made = xprintf("%s.sig", path);
	unlink(made);
	rc = run(argv, NULL, out, cause);
	if (rc > 0)
		*cause = xprintf("ssh-keygen could not sign with %s: %s", key, last_line(out));
	if (rc == 0 && strcmp(made, sig_path) != 0 && rename(made, sig_path) != 0) {
		*cause = xprintf("%s: %s", sig_path, strerror(errno));
		rc = -1;
	}
	free(made);
	return rc == 0 ? 0 : -1;
}

int sshsig_verify(const char *allowed, const char *path, const char *sig_path, char *signer,
		  size_t size, char **cause)
{
	char out[OUTPUT_MAX], principal[OUTPUT_MAX];
	const char *find[] = { "ssh-keygen", "-Y", "find-principals", "-s", sig_path,
			 "-f", allowed, NULL };
	const char *verify[] = { "ssh-keygen", "-Y", "verify", "-f", allowed, "-I", principal,
			   "-n", SSHSIG_NAMESPACE, "-s", sig_path, NULL };
	int rc;

	if (access(allowed, R_OK) != 0) {
		*cause = xprintf("allowed signers file %s: %s", allowed, strerror(errno));
		return -1;
	}
	rc = run(find, NULL, out, cause);
	if (rc < 0)
		return -1;
	if (rc != 0 || out[0] == '\0' || out[0] == '\n') {
		*cause = xprintf("the signature is not by a key in %s (%s)", allowed, last_line(out));
		return -1;
	}
	/* Several principals may share the key: the first is enough. */
	out[strcspn(out, "\n")] = '\0';
	snprintf(principal, sizeof principal, "%s", out);
	rc = run(verify, path, out, cause);
	if (rc < 0)
		return -1;
	if (rc != 0) {
		*cause = xprintf("bad signature by %s: %s", principal, last_line(out));
		return -1;
	}
	snprintf(signer, size, "%s", principal);
	return 0;
}
