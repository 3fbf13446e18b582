/* Screen definition files: one screen per file, one directive per line.
 *
 *   # comment
 *   title    TRẠM DỊCH VỤ CÔNG · {commune}
 *   clock    yes
 *   columns  2
 *   text     A paragraph shown above the choices.
 *   choice   1 procedures  Tìm thủ tục, giấy tờ cần mang
 *   hint     Bấm số hoặc chạm vào ô để chọn
 *
 * docs/screens.md is the operators' reference for this format. */
#include "screendef.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "directive.h"
#include "problems.h"
#include "util.h"

static const struct {
	const char *name;
	enum builtin what;
} builtins[] = {
	{ "back", BUILTIN_BACK },
	{ "home", BUILTIN_HOME },
	{ "language", BUILTIN_LANGUAGE },
	{ "status", BUILTIN_STATUS },
	{ "quit", BUILTIN_QUIT },
	{ "procedures", BUILTIN_PROCEDURES },
	{ "news", BUILTIN_NEWS },
	{ "submit", BUILTIN_SUBMIT },
	{ "dossier", BUILTIN_DOSSIER },
	{ "feedback", BUILTIN_FEEDBACK },
	{ "queue", BUILTIN_QUEUE },
	{ "pay", BUILTIN_PAY },
	{ "call", BUILTIN_CALL },
};

enum builtin screendef_builtin(const char *target)
{
	size_t i;

	for (i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (strcmp(builtins[i].name, target) == 0)
			return builtins[i].what;
	return BUILTIN_NONE;
}

/* Sets a once-only text field, reporting a repeat. */
static void set_once(char **field, const char *v, const char *what, const char *file, int line,
		     struct problems *p)
{
	if (*field != NULL) {
		problems_add(p, file, line, "%s given twice", what);
		return;
	}
	if (directive_text_ok(v, file, line, p))
		*field = xstrdup(v);
}

/* Parses "choice KEY TARGET LABEL" into the screen. */
static void parse_choice(struct screen *s, char *rest, const char *file, int line,
			 struct problems *p)
{
	char *key = directive_word(&rest), *target = directive_word(&rest);
	struct choice *c;
	int i;

	if (strlen(key) != 1 || key[0] < '1' || key[0] > '9') {
		problems_add(p, file, line, "choice key must be one digit 1-9 (0 is always \"back\"), not \"%s\"", key);
		return;
	}
	for (i = 0; i < s->nchoices; i++)
		if (s->choices[i].key == key[0]) {
			problems_add(p, file, line, "choice %c is already used on line %d", key[0],
				     s->choices[i].line);
			return;
		}
	if (s->nchoices == SCREEN_MAX_CHOICES) {
		problems_add(p, file, line, "at most %d choices on a screen", SCREEN_MAX_CHOICES);
		return;
	}
	if (!directive_name_ok(target)) {
		problems_add(p, file, line, "choice %c needs a target (a screen name or built-in) before its label", key[0]);
		return;
	}
	if (!directive_text_ok(rest, file, line, p))
		return;
	c = &s->choices[s->nchoices++];
	c->key = key[0];
	c->target = xstrdup(target);
	c->label = xstrdup(rest);
	c->line = line;
}

/* Parses "yes" or "no" into *out. */
static void parse_bool(int *out, const char *v, const char *what, const char *file, int line,
		       struct problems *p)
{
	if (strcmp(v, "yes") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0)
		*out = 0;
	else
		problems_add(p, file, line, "%s must be yes or no, not \"%s\"", what, v);
}

/* Handles one directive of a screen (arg). */
static void parse_line(void *arg, char *kw, char *rest, const char *file, int n,
		       struct problems *p)
{
	struct screen *s = arg;

	if (strcmp(kw, "title") == 0) {
		set_once(&s->title, rest, "title", file, n, p);
		s->title_line = n;
	} else if (strcmp(kw, "hint") == 0) {
		set_once(&s->hint, rest, "hint", file, n, p);
	} else if (strcmp(kw, "clock") == 0) {
		parse_bool(&s->clock, rest, "clock", file, n, p);
	} else if (strcmp(kw, "columns") == 0) {
		if (strcmp(rest, "1") == 0 || strcmp(rest, "2") == 0)
			s->columns = rest[0] - '0';
		else
			problems_add(p, file, n, "columns must be 1 or 2, not \"%s\"", rest);
	} else if (strcmp(kw, "text") == 0) {
		if (s->ntexts == SCREEN_MAX_TEXTS)
			problems_add(p, file, n, "at most %d text lines on a screen", SCREEN_MAX_TEXTS);
		else if (directive_text_ok(rest, file, n, p))
			s->texts[s->ntexts++] = xstrdup(rest);
	} else if (strcmp(kw, "choice") == 0) {
		parse_choice(s, rest, file, n, p);
	} else {
		problems_add(p, file, n, "unknown directive \"%s\" (title, clock, columns, text, choice, hint)", kw);
	}
}

/* Frees one screen's fields (also those of a broken one). */
void screendef_free_one(struct screen *s)
{
	int i;

	free(s->id);
	free(s->file);
	free(s->title);
	free(s->hint);
	for (i = 0; i < s->ntexts; i++)
		free(s->texts[i]);
	for (i = 0; i < s->nchoices; i++) {
		free(s->choices[i].target);
		free(s->choices[i].label);
	}
	memset(s, 0, sizeof *s);
}

int screendef_parse(struct screen *out, const char *file, const char *id, const char *text,
		    struct problems *p)
{
	int before = p->n;

	memset(out, 0, sizeof *out);
	out->id = xstrdup(id);
	out->file = xstrdup(file);
	out->columns = 1;
	if (directive_read(file, text, parse_line, out, p) == 0 && out->title == NULL &&
	    p->n == before)
		problems_add(p, file, 0, "the screen has no title");
	return p->n == before ? 0 : -1;
}

/* Orders screens by id. */
static int screen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct screen *)a)->id, ((const struct screen *)b)->id);
}

/* Checks that every choice leads somewhere a villager may go. */
static void check_targets(struct screens *s, struct problems *p)
{
	int i, k;

	for (i = 0; i < s->n; i++) {
		const struct screen *sc = &s->v[i];

		for (k = 0; k < sc->nchoices; k++) {
			const struct choice *c = &sc->choices[k];
			enum builtin b = screendef_builtin(c->target);

			if (b == BUILTIN_NONE && screendef_find(s, c->target) == NULL)
				problems_add(p, sc->file, c->line,
					     "choice %c leads to \"%s\": no such screen or built-in",
					     c->key, c->target);
			if ((b == BUILTIN_QUIT || b == BUILTIN_STATUS) && strcmp(sc->id, "helper") != 0)
				problems_add(p, sc->file, c->line,
					     "\"%s\" is only allowed in the helper menu (helper.screen)",
					     c->target);
		}
	}
}

/* Removes the screens that had problems (already reported). */
static void drop_broken(struct screens *s)
{
	int i, k = 0;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].broken)
			screendef_free_one(&s->v[i]);
		else
			s->v[k++] = s->v[i];
	}
	s->n = k;
}

void screendef_load(struct screens *s, const char *dir, struct problems *p)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	memset(s, 0, sizeof *s);
	if (d == NULL) {
		problems_add(p, dir, 0, "cannot open the screens folder");
		return;
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char *path, *text, *id;
		struct screen sc;

		if (n <= 7 || strcmp(de->d_name + n - 7, ".screen") != 0)
			continue;
		path = xprintf("%s/%s", dir, de->d_name);
		id = xstrndup(de->d_name, n - 7);
		text = file_read(path, NULL);
		if (text == NULL)
			problems_add(p, path, 0, "cannot read");
		else if (!directive_name_ok(id))
			problems_add(p, path, 0, "a screen file name uses only a-z, 0-9, - and _");
		else {
			/* Kept even when broken, so its targets are checked too. */
			sc.broken = screendef_parse(&sc, path, id, text, p) != 0;
			s->v = xrealloc(s->v, sizeof *s->v * (size_t)(s->n + 1));
			s->v[s->n++] = sc;
		}
		free(text);
		free(id);
		free(path);
	}
	closedir(d);
	qsort(s->v, (size_t)s->n, sizeof *s->v, screen_cmp);
	check_targets(s, p);
	if (screendef_find(s, "home") == NULL)
		problems_add(p, dir, 0, "there is no home.screen (the first screen villagers see)");
	if (screendef_find(s, "helper") == NULL)
		problems_add(p, dir, 0, "there is no helper.screen (the helper menu)");
	drop_broken(s);
}

const struct screen *screendef_find(const struct screens *s, const char *id)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

void screendef_free(struct screens *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		screendef_free_one(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}
