/* Tests for util.c's way out when memory runs out: the hook (term.c's
 * term_end, which gives the booth's terminal back) runs before the message
 * and the abort, and only once. */
#include "unit.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* The hook: says so on stderr (which the test reads), as term_end would
 * leave the terminal first. */
static void hook(void)
{
	fputs("hook ran\n", stderr);
	util_out_of_memory(); /* a failure inside the hook: no second hook */
}

/* Drops from out the line qemu-user writes after it when the program it
 * runs dies by a signal (make test-arm64, test-armhf): not the program's. */
static void drop_emulator_line(char *out)
{
	char *q = strstr(out, "qemu: uncaught target signal ");

	if (q != NULL && (q == out || q[-1] == '\n') && strchr(q, '\n') == q + strlen(q) - 1)
		*q = '\0';
}

/* Runs run() in a child whose stderr is a pipe; returns what the child
 * wrote and checks it ended by SIGABRT. */
static void child_output(void (*run)(void), char *out, size_t size)
{
	struct rlimit no_core = { 0, 0 };
	int p[2], status;
	ssize_t n, got = 0;
	pid_t pid;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);
		dup2(p[1], STDERR_FILENO);
		close(p[0]);
		util_on_fatal(hook);
		run();
		_exit(0); /* not reached when the program stops */
	}
	close(p[1]);
	while ((n = read(p[0], out + got, size - 1 - (size_t)got)) > 0)
		got += n;
	out[got] = '\0';
	drop_emulator_line(out);
	close(p[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

/* The way out, called as the allocation helpers call it. */
static void stop(void)
{
	util_out_of_memory();
}

/* An allocation the system refuses. */
static void allocate_too_much(void)
{
	xmalloc((size_t)-1);
}

static void test_hook_runs_once_before_the_message(void **state)
{
	char out[256];

	(void)state;
	child_output(stop, out, sizeof out);
	assert_string_equal(out, "hook ran\ntest_util: out of memory\n");
}

static void test_failed_allocation_takes_the_same_way_out(void **state)
{
	char out[256];

	(void)state;
#ifdef UNDER_ASAN
	skip(); /* AddressSanitizer reports the size itself and stops first */
#endif
	child_output(allocate_too_much, out, sizeof out);
	assert_string_equal(out, "hook ran\ntest_util: out of memory\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hook_runs_once_before_the_message),
		cmocka_unit_test(test_failed_allocation_takes_the_same_way_out),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
