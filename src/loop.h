/* The event loop's waiting: ppoll on the terminal, the background job and
 * the scanner, with signals blocked everywhere else so their handlers (which only set flags)
 * run inside ppoll and nothing races (as in vis and tmux). */
#ifndef KIOSK_LOOP_H
#define KIOSK_LOOP_H

enum {
	LOOP_INPUT = 1,      /* the terminal has input */
	LOOP_HANGUP = 2,     /* the terminal is gone */
	LOOP_SCANNER = 4     /* the serial scanner has data */
};

enum {
	LOOP_SIG_STOP = 1,   /* SIGTERM or SIGHUP: leave cleanly */
	LOOP_SIG_RESIZE = 2  /* SIGWINCH */
};

/* Blocks and installs the signal handlers; ignores SIGINT, SIGQUIT,
 * SIGTSTP, SIGTTIN, SIGTTOU and SIGPIPE. Returns 0 or -1. */
int loop_init(void);

/* Waits up to timeout_ms for input on fd, on the serial scanner's
 * scanner_fd or from a background job on job_fd (-1 for none); signals
 * interrupt the wait. Returns a mask of LOOP_INPUT and LOOP_SCANNER (0 on
 * timeout, on a signal or when only the job was ready: the app polls its
 * job on its next tick), with LOOP_HANGUP when fd was hung up or failed. */
int loop_wait(int fd, int job_fd, int scanner_fd, int timeout_ms);

/* Returns and clears the signals seen (LOOP_SIG_*). */
int loop_signals(void);

#endif
