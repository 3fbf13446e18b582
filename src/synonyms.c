/* Parsing the villagers' words (synonyms.h): line by line, every problem
 * reported with its file and line. */
#include "synonyms.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"
#include "util.h"

/* One line being read. */
struct line {
	struct syn_rules *out;
	const char *file;
	int line;
	syn_report_fn *report;
	void *arg;
	int problems;
};

/* Reports a problem of the line. */
static void problem(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct line *l, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	l->report(l->arg, l->file, l->line, msg);
	l->problems++;
}

/* A copy of s (n bytes) without the spaces around it. */
static char *trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

/* The number of words of text (folded), 0 when it has none; -1 when it
 * is not valid UTF-8. */
static int count_words(const char *text)
{
	char *f = text_fold(text), *p;
	int n = 0;

	if (f == NULL)
		return -1;
	for (p = f; *p != '\0'; n++) {
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	free(f);
	return n;
}

/* Checks one side of a rule (what: which side): text, NFC, words.
 * Returns 0 when fine. */
static int check_words(struct line *l, const char *what, const char *text)
{
	int n = count_words(text);

	if (n < 0) {
		problem(l, "%s are not valid UTF-8", what);
		return -1;
	}
	if (!text_is_nfc(text)) {
		problem(l, "\"%s\" is not in Unicode NFC (precomposed) form; save the file as NFC", text);
		return -1;
	}
	if (n == 0) {
		problem(l, "no word in \"%s\" (%s)", text, what);
		return -1;
	}
	if (n > SEARCH_MAX_WORDS) {
		problem(l, "too many words in \"%s\" (%s): at most %d", text, what, SEARCH_MAX_WORDS);
		return -1;
	}
	return 0;
}

/* True when a and b fold to the same words. */
static int same_words(const char *a, const char *b)
{
	char *x = text_fold(a), *y = text_fold(b);
	int same = x && y && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

/* Reports a phrase already given a rule earlier; returns 1 then. */
static int duplicate(struct line *l, const char *phrase)
{
	size_t i;

	for (i = 0; i < l->out->n; i++) {
		const struct syn_rule *r = &l->out->v[i];

		if (!same_words(r->phrase, phrase))
			continue;
		if (strcmp(r->file, l->file) == 0)
			problem(l, "\"%s\" is already on line %d: give all its words on one line, "
				"separated by |", phrase, r->line);
		else
			problem(l, "\"%s\" is already in %s:%d", phrase, r->file, r->line);
		return 1;
	}
	return 0;
}

/* Adds a rule. */
static void add_rule(struct line *l, const char *phrase, const char *target)
{
	struct syn_rule *r;

	if (l->out->n == l->out->cap) {
		l->out->cap = l->out->cap ? l->out->cap * 2 : 64;
		l->out->v = xrealloc(l->out->v, l->out->cap * sizeof *l->out->v);
	}
	r = &l->out->v[l->out->n++];
	r->file = xstrdup(l->file);
	r->line = l->line;
	r->phrase = xstrdup(phrase);
	r->target = xstrdup(target);
}

/* Splits the targets (after "=") at |, checks them and adds the rules.
 * The rules of a line go in only when the whole line is right. */
static void read_targets(struct line *l, const char *phrase, const char *rest)
{
	char *targets[SEARCH_MAX_WORDS * 4];
	size_t n = 0, i, j;
	int before = l->problems;

	for (;;) {
		size_t len = strcspn(rest, "|");

		if (n == sizeof targets / sizeof targets[0]) {
			problem(l, "too many choices after =");
			break;
		}
		targets[n++] = trimmed(rest, len);
		if (rest[len] == '\0')
			break;
		rest += len + 1;
	}
	for (i = 0; i < n; i++) {
		if (targets[i][0] == '\0')
			problem(l, n > 1 ? "an empty choice between |" :
				"nothing after =: write the catalog's words, or - for words that say nothing");
		else if (strcmp(targets[i], "-") == 0 && n > 1)
			problem(l, "- (words that say nothing) cannot go with other choices");
		else if (strcmp(targets[i], "-") != 0 && check_words(l, "the catalog's words", targets[i]) == 0) {
			if (same_words(targets[i], phrase))
				problem(l, "\"%s\" is given as its own synonym (the words as typed always count)",
					targets[i]);
			for (j = 0; j < i; j++)
				if (same_words(targets[i], targets[j]))
					problem(l, "\"%s\" is given twice", targets[i]);
		}
	}
	for (i = 0; i < n; i++) {
		if (l->problems == before)
			add_rule(l, phrase, strcmp(targets[i], "-") == 0 ? "" : targets[i]);
		free(targets[i]);
	}
}

/* Reads one line (n bytes, without its newline). */
static void read_line(struct line *l, const char *s, size_t n)
{
	char *text = trimmed(s, n), *phrase;
	const char *eq = strchr(text, '=');
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			break;
	if (text[0] == '\0' || text[0] == '#') {
		free(text);
		return;
	}
	if (*p != '\0') {
		problem(l, "a control character in the line");
	} else if (eq == NULL || strchr(eq + 1, '=') != NULL) {
		problem(l, "write one rule a line: what villagers say = what the catalog says");
	} else {
		phrase = trimmed(text, (size_t)(eq - text));
		if (phrase[0] == '\0')
			problem(l, "nothing before =: write what villagers say");
		else if (check_words(l, "the villagers' words", phrase) == 0 && !duplicate(l, phrase))
			read_targets(l, phrase, eq + 1);
		free(phrase);
	}
	free(text);
}

int synonyms_parse(struct syn_rules *out, const char *file, const char *text,
		   syn_report_fn *report, void *arg)
{
	struct line l = { out, file, 0, report, arg, 0 };
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		l.line++;
		read_line(&l, p, n);
		p += n;
		if (*p == '\n')
			p++;
	}
	return l.problems;
}

/* Orders file names. */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.txt files of a folder, sorted; *n gets their number. NULL with
 * *n = 0 when the folder cannot be read (errno tells why). */
static char **txt_files(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 4 || strcmp(e->d_name + len - 4, ".txt") != 0 || e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, by_name);
	errno = 0;
	return names;
}

int synonyms_load(struct syn_rules *out, const char *dir, const char *label,
		  syn_report_fn *report, void *arg)
{
	size_t n, i;
	char **names = txt_files(dir, &n);
	int problems = 0;

	if (names == NULL && errno != 0 && errno != ENOENT) {
		char *msg = xprintf("cannot read the folder: %s", strerror(errno));

		report(arg, label, 0, msg);
		free(msg);
		return 1;
	}
	for (i = 0; i < n; i++) {
		char *path = xprintf("%s/%s", dir, names[i]), *file = xprintf("%s/%s", label, names[i]);
		char *text = file_read(path, NULL);

		if (text == NULL) {
			char *msg = xprintf("cannot read it: %s", strerror(errno));

			report(arg, file, 0, msg);
			free(msg);
			problems++;
		} else {
			problems += synonyms_parse(out, file, text, report, arg);
		}
		free(text);
		free(file);
		free(path);
		free(names[i]);
	}
	free(names);
	return problems;
}

void synonyms_free(struct syn_rules *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].file);
		free(r->v[i].phrase);
		free(r->v[i].target);
	}
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}
