/* Background work through a child process (see job.h). */
#include "job.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define DETACHED_MAX 16

static pid_t detached[DETACHED_MAX];

int job_start(struct job *j, char *const argv[])
{
	int p[2], null;
	pid_t pid;

	wipe(j, sizeof *j); /* its output may be a villager's dossier */
	j->fd = -1;
	if (pipe(p) != 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		sigset_t none;

		/* The child gets default signals, unblocked, and no terminal;
		 * it leads a process group of its own, so that stopping it
		 * stops what it started (espeak-ng, the sound player). */
		setpgid(0, 0);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		null = open("/dev/null", O_RDWR);
		dup2(null, STDIN_FILENO);
		dup2(p[1], STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		close(p[0]);
		close(p[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	setpgid(pid, pid); /* as the child does: whichever runs first */
	close(p[1]);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	j->pid = pid;
	j->fd = p[0];
	return 0;
}

int job_poll(struct job *j)
{
	int wstatus;

	if (j->done || j->fd < 0)
		return j->done;
	for (;;) {
		char buf[1024];
		ssize_t n = read(j->fd, buf, sizeof buf);

		if (n > 0) {
			size_t room = sizeof j->out - 1 - j->len;

			if ((size_t)n > room)
				n = (ssize_t)room; /* the rest is dropped */
			memcpy(j->out + j->len, buf, (size_t)n);
			wipe(buf, sizeof buf);
			j->len += (size_t)n;
			j->out[j->len] = '\0';
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
		break; /* end of output: the child is finishing */
	}
	close(j->fd);
	j->fd = -1;
	if (waitpid(j->pid, &wstatus, 0) == j->pid && WIFEXITED(wstatus))
		j->status = WEXITSTATUS(wstatus);
	else
		j->status = -1;
	j->pid = 0;
	j->done = 1;
	return 1;
}

void job_cancel(struct job *j)
{
	if (j->pid > 0) {
		kill(-j->pid, SIGKILL); /* its group: the child and its own children */
		kill(j->pid, SIGKILL);
		waitpid(j->pid, NULL, 0);
	}
	if (j->fd >= 0)
		close(j->fd);
	wipe(j, sizeof *j); /* its output may be a villager's dossier */
	j->fd = -1;
}

void job_detach(struct job *j)
{
	int i;

	if (j->fd >= 0)
		close(j->fd);
	for (i = 0; i < DETACHED_MAX && j->pid > 0; i++)
		if (detached[i] == 0) {
			detached[i] = j->pid;
			j->pid = 0;
		}
	if (j->pid > 0) { /* no room: wait for it rather than leave a zombie */
		waitpid(j->pid, NULL, 0);
		j->pid = 0;
	}
	wipe(j, sizeof *j); /* its output may be a villager's dossier */
	j->fd = -1;
}

void job_reap(void)
{
	int i;

	for (i = 0; i < DETACHED_MAX; i++)
		if (detached[i] > 0 && waitpid(detached[i], NULL, WNOHANG) == detached[i])
			detached[i] = 0;
}
