/* Tests for sshcmd.c: how a helper's SSH command line is split into words
 * without a shell, and which commands the forced command lets through. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "sshcmd.h"

/* Splits line, expecting n words (or -1) and, when n > 0, the given ones. */
static void split(const char *line, int n, const char *const *expect)
{
	char **w = NULL, *cause = NULL;
	int got = sshcmd_split(line, &w, &cause), i;

	assert_int_equal(got, n);
	if (n < 0) {
		assert_non_null(cause);
		assert_null(w);
		free(cause);
		return;
	}
	for (i = 0; i < n; i++)
		assert_string_equal(w[i], expect[i]);
	assert_null(w[n]);
	sshcmd_free(w);
}

static void test_split_words_and_quotes(void **state)
{
	(void)state;
	split("kioskctl status --json", 3, (const char *const[]){ "kioskctl", "status", "--json" });
	split("  status\t--json  ", 2, (const char *const[]){ "status", "--json" });
	split("search 'khai sinh'", 2, (const char *const[]){ "search", "khai sinh" });
	split("search \"đăng ký\"", 2, (const char *const[]){ "search", "đăng ký" });
	split("search a'b c'd", 2, (const char *const[]){ "search", "ab cd" });
	split("search ''", 2, (const char *const[]){ "search", "" });
	split("search 'a;b|c'", 2, (const char *const[]){ "search", "a;b|c" });
	split("", 0, NULL);
}

static void test_split_refuses_shell_syntax(void **state)
{
	static const char *const bad[] = {
		"kioskctl ; rm -rf /", "status && id", "status | tee x", "status > /etc/x",
		"status < /etc/shadow", "status $(id)", "status `id`", "status \"$(id)\"",
		"status \"`id`\"", "status \\; id", "status\nid", "status\rid", "status \x1b[2J",
		"status 'unclosed", "status \"unclosed", "ls *", "cd ~", "(id)", "status # x",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		split(bad[i], -1, NULL);
}

/* Runs sshcmd_allowed on line; returns the index or -1 (cause checked). */
static int allowed(const char *line, const char *why)
{
	char **w = NULL, *cause = NULL;
	int n = sshcmd_split(line, &w, &cause), rc;

	assert_true(n >= 0);
	rc = sshcmd_allowed(w, n, &cause);
	if (rc < 0) {
		assert_non_null(cause);
		if (why != NULL && strstr(cause, why) == NULL)
			fail_msg("'%s': '%s' does not say '%s'", line, cause, why);
		free(cause);
	}
	sshcmd_free(w);
	return rc;
}

static void test_allowed_commands(void **state)
{
	(void)state;
	assert_int_equal(allowed("kioskctl status --json", NULL), 1);
	assert_int_equal(allowed("status", NULL), 0);
	assert_int_equal(allowed("kioskctl --help", NULL), 1);
	assert_int_equal(allowed("--version", NULL), 0);
	assert_int_equal(allowed("kioskctl queue list", NULL), 1);
	assert_int_equal(allowed("kioskctl content list --json", NULL), 1);
	assert_int_equal(allowed("kioskctl content install -", NULL), 1);
	assert_int_equal(allowed("kioskctl content install - --force", NULL), 1);
	assert_int_equal(allowed("kioskctl content rollback 2025.06.01", NULL), 1);
	assert_int_equal(allowed("kioskctl content --help", NULL), 1);
	assert_int_equal(allowed("kioskctl export --from 2025-06-01 --to 2025-06-30", NULL), 1);
	assert_int_equal(allowed("kioskctl central publish --url https://c.example --project 3", NULL),
			 1);
}

static void test_refused_commands(void **state)
{
	(void)state;
	assert_int_equal(allowed("bash", "'bash' is refused"), -1);
	assert_int_equal(allowed("kioskctl bash", "'bash' is refused"), -1);
	assert_int_equal(allowed("/bin/sh -c id", "is refused"), -1);
	assert_int_equal(allowed("scp -t /tmp", "is refused"), -1);
	assert_int_equal(allowed("internal-sftp", "is refused"), -1);
	assert_int_equal(allowed("kioskctl", "no command given"), -1);
	assert_int_equal(allowed("kioskctl --config /tmp/x.ini status", "--config is not allowed"), -1);
	assert_int_equal(allowed("kioskctl status --config=/tmp/x.ini", "--config is not allowed"), -1);
	assert_int_equal(allowed("kioskctl sync --daemon", "--daemon is not allowed"), -1);
	assert_int_equal(allowed("kioskctl export --output /etc/x", "--output is not allowed"), -1);
	assert_int_equal(allowed("kioskctl --ssh", "--ssh is not allowed"), -1);
	assert_int_equal(allowed("kioskctl content build a b", "'content build' is not allowed"), -1);
	assert_int_equal(allowed("kioskctl content pack a k", "'content pack' is not allowed"), -1);
	assert_int_equal(allowed("kioskctl content", "needs one of: install"), -1);
	assert_int_equal(allowed("kioskctl content install /etc/shadow", "comes on stdin"), -1);
	assert_int_equal(allowed("kioskctl content install - /etc/shadow", "comes on stdin"), -1);
}

/* Expects the log summary of line to be want. */
static void summary(const char *line, const char *want)
{
	char **w = NULL, *cause = NULL, *got;
	int n = sshcmd_split(line, &w, &cause);

	assert_true(n >= 0);
	got = sshcmd_summary(w, n);
	assert_string_equal(got, want);
	free(got);
	sshcmd_free(w);
}

/* A logged command line keeps commands and options, never what was typed
 * after them (it may be a villager's name or ID number). */
static void test_summary_hides_arguments(void **state)
{
	(void)state;
	summary("kioskctl status --json", "kioskctl status --json");
	summary("compose 'Nguyeenx Thij Hoa' --json", "compose --json (1 more word)");
	summary("kioskctl search nguyen van a", "kioskctl search (3 more words)");
	summary("dossier 079123456789", "dossier (1 more word)");
	summary("content install --yes", "content install --yes");
	summary("bash -c 'cat state.db'", "bash (2 more words)");
	summary("kioskctl export --from=2025-01-01", "kioskctl export (1 more word)");
	summary("'Trần Thị B'", "(1 more word)");
	summary("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_words_and_quotes),
		cmocka_unit_test(test_split_refuses_shell_syntax),
		cmocka_unit_test(test_allowed_commands),
		cmocka_unit_test(test_refused_commands),
		cmocka_unit_test(test_summary_hides_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
