/* The event loop's waiting (see loop.h). */
#define _GNU_SOURCE 1 /* ppoll */
#include "loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t got_stop, got_resize;
static sigset_t waitmask;   /* the mask ppoll waits with: our signals open */

/* Signal handler: only records what arrived. */
static void on_signal(int sig)
{
	if (sig == SIGWINCH)
		got_resize = 1;
	else
		got_stop = 1;
}

int loop_init(void)
{
	static const int caught[] = { SIGTERM, SIGHUP, SIGWINCH };
	static const int ignored[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE };
	struct sigaction sa;
	sigset_t block;
	size_t i;

	sigemptyset(&block);
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaddset(&block, caught[i]);
	if (sigprocmask(SIG_BLOCK, &block, &waitmask) != 0)
		return -1;
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigdelset(&waitmask, caught[i]);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		if (sigaction(caught[i], &sa, NULL) != 0)
			return -1;
	sa.sa_handler = SIG_IGN;
	for (i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		if (sigaction(ignored[i], &sa, NULL) != 0)
			return -1;
	return 0;
}

int loop_wait(int fd, int job_fd, int scanner_fd, int timeout_ms)
{
	struct pollfd p[3] = { { fd, POLLIN, 0 }, { job_fd, POLLIN, 0 }, { scanner_fd, POLLIN, 0 } };
	struct timespec ts = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };
	int mask = 0;

	/* poll skips entries with a negative fd. */
	if (ppoll(p, 3, &ts, &waitmask) <= 0)
		return 0; /* timeout, or EINTR from a signal: flags tell */
	if (p[0].revents & POLLIN)
		mask |= LOOP_INPUT;
	if (p[0].revents & (POLLHUP | POLLERR | POLLNVAL))
		mask |= LOOP_HANGUP;
	if (scanner_fd >= 0 && (p[2].revents & (POLLIN | POLLHUP | POLLERR)))
		mask |= LOOP_SCANNER;
	return mask;
}

int loop_signals(void)
{
	int s = (got_stop ? LOOP_SIG_STOP : 0) | (got_resize ? LOOP_SIG_RESIZE : 0);

	got_stop = got_resize = 0;
	return s;
}
