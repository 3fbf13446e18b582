/* Splitting and vetting a helper's SSH command line (see sshcmd.h). */
#include "sshcmd.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LINE_MAX_BYTES 4096
#define WORDS_MAX 64

/* Characters a shell would give a meaning to, refused outside quotes. */
static const char shell_syntax[] = ";&|`$<>(){}[]*?~!#\\";

/* What helpers may run over SSH. A NULL sub allows any arguments; else
 * the next word must be one of the space-separated subs (or --help). */
static const struct {
	const char *command;
	const char *subs;
} allowed[] = {
	{ "status", NULL },
	{ "metrics", NULL },
	{ "queue", NULL },
	{ "dossier", NULL },
	{ "sync", NULL },
	{ "export", NULL },
	{ "logs", NULL },
	{ "reprint", NULL },
	{ "payslip", NULL },
	{ "ticket", "issue list call" },
	{ "calls", NULL },
	{ "erase-due", NULL },
	{ "check", NULL },
	{ "set-pin", NULL },
	{ "search", NULL },
	{ "papers", NULL },
	{ "compose", NULL },
	{ "content", "install list rollback verify" },
	{ "--help", NULL },
	{ "--version", NULL },
};

/* Options that would let the caller choose the config, write a file of
 * their choosing or start a process that never ends. */
static const char *const refused_options[] = { "--config", "--output", "--daemon", "--ssh" };

/* Appends the word buf[0..len) to *words. */
static void add_word(char ***words, int *n, const char *buf, size_t len)
{
	*words = xrealloc(*words, sizeof **words * (size_t)(*n + 2));
	(*words)[(*n)++] = xstrndup(buf, len);
	(*words)[*n] = NULL;
}

int sshcmd_split(const char *line, char ***words, char **cause)
{
	char *buf = xmalloc(strlen(line) + 1);
	size_t len = 0;
	int n = 0, in_word = 0;
	char quote = 0;
	const char *p;

	*words = xcalloc(1, sizeof **words);
	if (strlen(line) > LINE_MAX_BYTES) {
		*cause = xprintf("the command is longer than %d bytes", LINE_MAX_BYTES);
		goto fail;
	}
	for (p = line; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20 && c != '\t') {
			*cause = xprintf("a control character (0x%02x) in the command", c);
			goto fail;
		}
		if (c == 0x7f) {
			*cause = xprintf("a control character (0x7f) in the command");
			goto fail;
		}
		if (quote == '\'' && c != '\'') {
			buf[len++] = (char)c;
		} else if (quote == '"' && c != '"') {
			if (c == '$' || c == '`' || c == '\\') {
				*cause = xprintf("shell syntax '%c' is not allowed", c);
				goto fail;
			}
			buf[len++] = (char)c;
		} else if (quote != 0) {
			quote = 0;
		} else if (c == '\'' || c == '"') {
			quote = (char)c;
			in_word = 1;
		} else if (c == ' ' || c == '\t') {
			if (in_word)
				add_word(words, &n, buf, len);
			in_word = 0;
			len = 0;
		} else if (strchr(shell_syntax, c) != NULL) {
			*cause = xprintf("shell syntax '%c' is not allowed: only kioskctl commands run "
					 "here, with no shell", c);
			goto fail;
		} else {
			buf[len++] = (char)c;
			in_word = 1;
		}
		if (n >= WORDS_MAX) {
			*cause = xprintf("more than %d words", WORDS_MAX);
			goto fail;
		}
	}
	if (quote != 0) {
		*cause = xprintf("a %c quote is not closed", quote);
		goto fail;
	}
	if (in_word)
		add_word(words, &n, buf, len);
	free(buf);
	return n;
fail:
	free(buf);
	sshcmd_free(*words);
	*words = NULL;
	return -1;
}

/* True when a word names an allowed command or subcommand, or an option
 * ("--json", not "--from=..."). */
static int word_known(const char *w)
{
	size_t k;

	if (strcmp(w, "kioskctl") == 0 ||
	    (strncmp(w, "--", 2) == 0 && w[2] != '\0' &&
	     strspn(w + 2, "abcdefghijklmnopqrstuvwxyz-") == strlen(w + 2)))
		return 1;
	for (k = 0; k < sizeof allowed / sizeof allowed[0]; k++)
		if (strcmp(w, allowed[k].command) == 0 ||
		    (allowed[k].subs != NULL && word_in_list(w, allowed[k].subs)))
			return 1;
	return 0;
}

char *sshcmd_summary(char **words, int n)
{
	char *s = xstrdup(""), *t;
	int i, hidden = 0;

	for (i = 0; i < n; i++) {
		/* The program asked for is shown when it looks like one ("bash"). */
		int program = i == (n > 0 && strcmp(words[0], "kioskctl") == 0) && strlen(words[i]) <= 32 &&
			      strspn(words[i], "abcdefghijklmnopqrstuvwxyz0123456789._/-") == strlen(words[i]);

		if (!program && !word_known(words[i])) {
			hidden++;
			continue;
		}
		t = xprintf("%s%s%s", s, s[0] ? " " : "", words[i]);
		free(s);
		s = t;
	}
	if (hidden > 0) {
		t = xprintf("%s%s(%d more word%s)", s, s[0] ? " " : "", hidden, hidden == 1 ? "" : "s");
		free(s);
		s = t;
	}
	return s;
}

/* The list of allowed commands, for messages. */
static char *allowed_list(void)
{
	char *s = xstrdup(""), *t;
	size_t i;

	for (i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		t = allowed[i].subs
			    ? xprintf("%s%s%s (%s)", s, i ? ", " : "", allowed[i].command, allowed[i].subs)
			    : xprintf("%s%s%s", s, i ? ", " : "", allowed[i].command);
		free(s);
		s = t;
	}
	return s;
}

int sshcmd_allowed(char **words, int n, char **cause)
{
	int first = 0, i;
	size_t k, j;
	char *list;

	if (n > 0 && strcmp(words[0], "kioskctl") == 0)
		first = 1;
	for (i = first; i < n; i++)
		for (j = 0; j < sizeof refused_options / sizeof refused_options[0]; j++) {
			size_t len = strlen(refused_options[j]);

			if (strncmp(words[i], refused_options[j], len) == 0 &&
			    (words[i][len] == '\0' || words[i][len] == '=')) {
				*cause = xprintf("%s is not allowed over SSH", refused_options[j]);
				return -1;
			}
		}
	for (k = 0; first < n && k < sizeof allowed / sizeof allowed[0]; k++) {
		const char *sub = first + 1 < n ? words[first + 1] : "";

		if (strcmp(words[first], allowed[k].command) != 0)
			continue;
		if (allowed[k].subs == NULL || strcmp(sub, "--help") == 0 ||
		    (sub[0] != '\0' && word_in_list(sub, allowed[k].subs)))
			break;
		*cause = sub[0] == '\0'
				 ? xprintf("'%s' needs one of: %s", words[first], allowed[k].subs)
				 : xprintf("'%s %s' is not allowed over SSH (only %s %s)", words[first],
					   sub, allowed[k].command, allowed[k].subs);
		return -1;
	}
	if (first >= n || k == sizeof allowed / sizeof allowed[0]) {
		list = allowed_list();
		if (first >= n)
			*cause = xprintf("no command given: this key runs only these kioskctl "
					 "commands: %s", list);
		else
			*cause = xprintf("'%s' is refused: this key runs only these kioskctl "
					 "commands: %s", words[first], list);
		free(list);
		return -1;
	}
	/* A bundle comes on stdin: no reading of a file picked by the caller. */
	if (strcmp(words[first], "content") == 0 && first + 2 < n &&
	    strcmp(words[first + 1], "install") == 0) {
		for (i = first + 2; i < n; i++)
			if (words[i][0] != '-' || (words[i][1] != '\0' && words[i][1] != '-')) {
				*cause = xprintf("over SSH a bundle comes on stdin: "
						 "ssh BOOTH kioskctl content install - < FILE");
				return -1;
			}
	}
	return first;
}

void sshcmd_free(char **words)
{
	char **w;

	if (words == NULL)
		return;
	for (w = words; *w != NULL; w++)
		free(*w);
	free(words);
}
