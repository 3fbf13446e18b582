/* The reader of directive files (see directive.h), shared by screendef.c,
 * formdef.c and counters.c. */
#include "directive.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "problems.h"
#include "text.h"
#include "util.h"

/* Hands line n (NUL-terminated, writable) to fn unless it is blank or a
 * comment. */
static void one_line(char *line, int n, const char *file, directive_fn *fn, void *arg,
		     struct problems *p)
{
	char *rest = line, *kw;
	size_t len = strlen(rest);

	while (len > 0 && (rest[len - 1] == ' ' || rest[len - 1] == '\t' || rest[len - 1] == '\r'))
		rest[--len] = '\0';
	rest += strspn(rest, " \t");
	if (*rest == '\0' || *rest == '#')
		return;
	kw = directive_word(&rest);
	fn(arg, kw, rest, file, n, p);
}

int directive_read(const char *file, const char *text, directive_fn *fn, void *arg,
		   struct problems *p)
{
	char *buf, *line, *nl;
	int n = 0;

	if (!text_valid(text, strlen(text))) {
		problems_add(p, file, 0, "not valid UTF-8");
		return -1;
	}
	buf = xstrdup(text);
	for (line = buf; line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		one_line(line, ++n, file, fn, arg, p);
	}
	free(buf);
	return 0;
}

int directive_file(const char *path, char **text, struct problems *p)
{
	*text = file_read(path, NULL);
	if (*text != NULL)
		return 1;
	if (errno == ENOENT)
		return 0;
	problems_add(p, path, 0, "cannot read");
	return -1;
}

char *directive_word(char **rest)
{
	char *s = *rest + strspn(*rest, " \t"), *w = s;

	s += strcspn(s, " \t");
	if (*s != '\0')
		*s++ = '\0';
	*rest = s + strspn(s, " \t");
	return w;
}

int directive_name_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

int directive_text_ok(const char *v, const char *file, int line, struct problems *p)
{
	const unsigned char *u;

	if (*v == '\0') {
		problems_add(p, file, line, "the text is missing");
		return 0;
	}
	if (!text_valid(v, strlen(v)) || !text_is_nfc(v)) {
		problems_add(p, file, line, "text must be UTF-8 in NFC (composed) form");
		return 0;
	}
	for (u = (const unsigned char *)v; *u; u++)
		if (*u < 0x20 || *u == 0x7f) {
			problems_add(p, file, line, "control characters are not allowed");
			return 0;
		}
	return 1;
}
