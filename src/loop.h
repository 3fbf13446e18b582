/* The event loop's waiting: ppoll on the terminal and a wake pipe, with
 * signals blocked everywhere else so their handlers (which only set flags)
 * run inside ppoll and nothing races (as in vis and tmux). */
#ifndef KIOSK_LOOP_H
#define KIOSK_LOOP_H

enum {
	LOOP_INPUT = 1,      /* the terminal has input */
	LOOP_WAKE = 2,       /* someone wrote to the wake pipe */
	LOOP_HANGUP = 4,     /* the terminal is gone */
	LOOP_JOB = 8,        /* the background job has output or ended */
	LOOP_SCANNER = 16    /* the serial scanner has data */
};

enum {
	LOOP_SIG_STOP = 1,   /* SIGTERM or SIGHUP: leave cleanly */
	LOOP_SIG_RESIZE = 2  /* SIGWINCH */
};

/* Blocks and installs the signal handlers; ignores SIGINT, SIGQUIT,
 * SIGTSTP, SIGTTIN, SIGTTOU and SIGPIPE. Returns 0 or -1. */
int loop_init(void);

/* Waits up to timeout_ms for input on fd, output from a background job on
 * job_fd (-1 for none) or a wake-up; signals interrupt the wait. Returns a
 * mask of LOOP_INPUT, LOOP_JOB, LOOP_SCANNER (scanner_fd, -1 for none)
 * and LOOP_WAKE (0 on timeout or signal),
 * with LOOP_HANGUP when fd was hung up or failed. */
int loop_wait(int fd, int job_fd, int scanner_fd, int timeout_ms);

/* Returns and clears the signals seen (LOOP_SIG_*). */
int loop_signals(void);

/* The write end of the wake pipe, for workers that report back. */
int loop_wake_fd(void);

#endif
