/* Background work for the UI: a child program whose standard output comes
 * back through a pipe, so the UI's thread never waits on the network (the
 * online dossier lookup runs `kioskctl dossier CODE --json`). */
#ifndef KIOSK_JOB_H
#define KIOSK_JOB_H

#include <stddef.h>
#include <sys/types.h>

#define JOB_OUTPUT_MAX 8192

struct job {
	pid_t pid;             /* 0 when no job runs */
	int fd;                /* read end of its stdout, -1 when none */
	char out[JOB_OUTPUT_MAX];
	size_t len;
	int status;            /* exit status once done, -1 killed or failed */
	int done;
};

/* Starts argv (argv[0] a path) with stdin and stderr on /dev/null, in a
 * process group of its own. Returns 0, or -1 when it cannot be started. */
int job_start(struct job *j, char *const argv[]);

/* Reads what the child wrote so far; when its output ends, reaps it and
 * sets done and status. Never blocks. Returns 1 when done. */
int job_poll(struct job *j);

/* Lets a child finish on its own (a receipt still printing when the
 * villager leaves): its output is dropped; job_reap() collects it. */
void job_detach(struct job *j);

/* Collects detached children that have ended. Never blocks. */
void job_reap(void);

/* Stops the child (if any) and every process of its group, and forgets
 * it. */
void job_cancel(struct job *j);

#endif
