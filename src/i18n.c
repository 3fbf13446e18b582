/* Translations from gettext .po files, parsed here (see i18n.h). The
 * parser reads the subset of the PO format that catalogs use: comments,
 * msgctxt, msgid, msgstr, continued "strings" and C escapes. Plural forms
 * and fuzzy entries are skipped as gettext itself would. */
#include "i18n.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problems.h"
#include "text.h"
#include "util.h"

struct entry {
	char *id;
	char *str;
};

struct catalog {
	char code[16];
	char *name;
	struct entry *e;
	int n;
};

struct i18n {
	struct catalog *c;
	int n;
};

/* Parser state for one file. */
struct po {
	const char *file;
	int line;
	struct problems *p;
	struct catalog *cat;
	/* the entry being read */
	char *ctxt, *id, *str;
	char **target;    /* the string continuation lines append to */
	int fuzzy, plural, entry_line, str_line;
	int header_line;  /* where the header was read, 0 before it */
};

/* Decodes one "quoted string" with C escapes; NULL on a syntax error. */
static char *unquote(const char *s, const char **why)
{
	size_t n = strlen(s), i, o = 0;
	char *out;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n < 2 || s[0] != '"' || s[n - 1] != '"') {
		*why = "expected a \"quoted string\"";
		return NULL;
	}
	out = xmalloc(n);
	for (i = 1; i < n - 1; i++) {
		char c = s[i];

		if (c == '"') {
			*why = "unescaped \" inside a string";
			free(out);
			return NULL;
		}
		if (c != '\\') {
			out[o++] = c;
			continue;
		}
		if (++i >= n - 1) {
			*why = "a string ends with a lone backslash";
			free(out);
			return NULL;
		}
		switch (s[i]) {
		case 'n': out[o++] = '\n'; break;
		case 't': out[o++] = '\t'; break;
		case '"': out[o++] = '"'; break;
		case '\\': out[o++] = '\\'; break;
		default:
			*why = "unknown escape (only \\n \\t \\\" \\\\)";
			free(out);
			return NULL;
		}
	}
	out[o] = '\0';
	return out;
}

/* Appends b to the string *a (allocated). */
static void append(char **a, const char *b)
{
	size_t n = *a ? strlen(*a) : 0, m = strlen(b);

	*a = xrealloc(*a, n + m + 1);
	memcpy(*a + n, b, m + 1);
}

/* Reads "Key: value" from the PO header into out, "" when absent. */
static void header_field(const char *header, const char *key, char *out, size_t size)
{
	size_t klen = strlen(key);
	const char *line = header;

	out[0] = '\0';
	while (line && *line) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			const char *v = line + klen + 1;
			size_t len;

			v += strspn(v, " ");
			len = strcspn(v, "\n");
			snprintf(out, size, "%.*s", (int)len, v);
			return;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
}

/* True when every {placeholder} of a also appears in b. */
static int same_placeholders(const char *a, const char *b)
{
	const char *p;

	for (p = strchr(a, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		char name[64];

		if (!end || end - p >= (long)sizeof name)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(end - p + 1), p);
		if (!strstr(b, name))
			return 0;
	}
	return 1;
}

/* Ends the entry being read: checks it and stores it in the catalog. */
static void finish_entry(struct po *po)
{
	struct catalog *cat = po->cat;

	if (po->id == NULL) {
		if (po->str != NULL)
			problems_add(po->p, po->file, po->str_line, "msgstr without msgid");
		goto out;
	}
	if (po->str == NULL) {
		problems_add(po->p, po->file, po->entry_line, "msgid without msgstr");
		goto out;
	}
	if (po->id[0] == '\0' && po->ctxt == NULL) { /* the header */
		char name[128];

		if (po->header_line != 0) {
			problems_add(po->p, po->file, po->entry_line,
				     "a second header (msgid \"\"); the first is on line %d",
				     po->header_line);
			goto out;
		}
		po->header_line = po->entry_line;
		header_field(po->str, "Language", cat->code, sizeof cat->code);
		header_field(po->str, "X-Native-Name", name, sizeof name);
		if (name[0])
			cat->name = xstrdup(name);
		goto out;
	}
	if (po->fuzzy || po->plural || po->str[0] == '\0')
		goto out;
	if (!text_is_nfc(po->str)) {
		problems_add(po->p, po->file, po->entry_line,
			     "msgstr is not valid UTF-8 in NFC (composed) form");
		goto out;
	}
	/* A spoken form (msgctxt "voice") may say a placeholder in words
	 * ("{language}": "tiếng Anh"), never add one. */
	if ((po->ctxt == NULL || strcmp(po->ctxt, "voice") != 0 || !same_placeholders(po->str, po->id)) &&
	    (!same_placeholders(po->id, po->str) || !same_placeholders(po->str, po->id))) {
		problems_add(po->p, po->file, po->entry_line,
			     "msgstr must keep the same {placeholders} as msgid");
		goto out;
	}
	cat->e = xrealloc(cat->e, sizeof *cat->e * (size_t)(cat->n + 1));
	cat->e[cat->n].id = po->ctxt ? xprintf("%s\004%s", po->ctxt, po->id) : po->id;
	cat->e[cat->n].str = po->str;
	cat->n++;
	if (po->ctxt)
		free(po->id);
	po->id = po->str = NULL;
out:
	free(po->ctxt);
	free(po->id);
	free(po->str);
	po->ctxt = po->id = po->str = NULL;
	po->target = NULL;
	po->fuzzy = po->plural = 0;
}

/* Handles one line of a .po file. */
static void po_line(struct po *po, char *s)
{
	const char *why = NULL;
	char *value;
	static const struct {
		const char *kw;
		size_t off;
	} kws[] = {
		{ "msgctxt ", offsetof(struct po, ctxt) },
		{ "msgid ", offsetof(struct po, id) },
		{ "msgstr ", offsetof(struct po, str) },
	};
	size_t i;

	s += strspn(s, " \t");
	if (*s == '\0' || *s == '\r') {
		finish_entry(po);
		return;
	}
	if (s[0] == '#') {
		if (s[1] == ',' && strstr(s, "fuzzy"))
			po->fuzzy = 1;
		return;
	}
	if (s[0] == '"') {
		if (po->target == NULL) {
			problems_add(po->p, po->file, po->line, "a string with no msgid or msgstr before it");
			return;
		}
		value = unquote(s, &why);
		if (value == NULL) {
			problems_add(po->p, po->file, po->line, "%s", why);
			return;
		}
		append(po->target, value);
		free(value);
		return;
	}
	if (strncmp(s, "msgid_plural ", 13) == 0 || strncmp(s, "msgstr[", 7) == 0) {
		po->plural = 1;
		po->target = NULL;
		if (po->str == NULL)
			po->str = xstrdup("");
		return;
	}
	for (i = 0; i < sizeof kws / sizeof kws[0]; i++) {
		char **field = (char **)(void *)((char *)po + kws[i].off);

		if (strncmp(s, kws[i].kw, strlen(kws[i].kw)) != 0)
			continue;
		/* A new msgctxt or msgid after a complete entry starts the next one. */
		if (i < 2 && po->str != NULL)
			finish_entry(po);
		if (*field != NULL) {
			problems_add(po->p, po->file, po->line, "%.*s given twice in one entry",
				     (int)strlen(kws[i].kw) - 1, kws[i].kw);
			return;
		}
		value = unquote(s + strlen(kws[i].kw), &why);
		if (value == NULL) {
			problems_add(po->p, po->file, po->line, "%s", why);
			return;
		}
		if (i == 1)
			po->entry_line = po->line;
		if (i == 2)
			po->str_line = po->line;
		*field = value;
		po->target = field;
		return;
	}
	problems_add(po->p, po->file, po->line, "not a PO line (msgid, msgstr, \"string\" or #comment)");
}

/* Orders entries by msgid for bsearch. */
static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id, ((const struct entry *)b)->id);
}

/* Parses one catalog file into cat. */
static void load_file(const char *path, struct catalog *cat, struct problems *p)
{
	struct po po = { 0 };
	size_t len;
	char *buf = file_read(path, &len), *s, *nl;
	int i;

	if (buf == NULL) {
		problems_add(p, path, 0, "cannot read");
		return;
	}
	if (!text_valid(buf, len)) {
		problems_add(p, path, 0, "not valid UTF-8");
		free(buf);
		return;
	}
	po.file = path;
	po.p = p;
	po.cat = cat;
	for (s = buf; s; s = nl) {
		nl = strchr(s, '\n');
		if (nl)
			*nl++ = '\0';
		po.line++;
		po_line(&po, s);
	}
	finish_entry(&po);
	free(buf);
	if (cat->n > 1) /* qsort's pointer must not be NULL, even for 0 */
		qsort(cat->e, (size_t)cat->n, sizeof *cat->e, entry_cmp);
	for (i = 1; i < cat->n; i++)
		if (strcmp(cat->e[i - 1].id, cat->e[i].id) == 0)
			problems_add(p, path, 0, "msgid \"%s\" appears twice", cat->e[i].id);
}

/* Orders catalog file names so the result does not depend on readdir. */
static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct i18n *i18n_load(const char *dir, struct problems *p)
{
	struct i18n *t = xcalloc(1, sizeof *t);
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	int nnames = 0, i;

	t->c = xcalloc(1, sizeof *t->c);
	t->n = 1;
	snprintf(t->c[0].code, sizeof t->c[0].code, "vi");
	if (d == NULL) {
		problems_add(p, dir, 0, "cannot open the catalogs folder");
		t->c[0].name = xstrdup("Tiếng Việt");
		return t;
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);

		if (n > 3 && strcmp(de->d_name + n - 3, ".po") == 0) {
			names = xrealloc(names, sizeof *names * (size_t)(nnames + 1));
			names[nnames++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	if (nnames > 1)
		qsort(names, (size_t)nnames, sizeof *names, name_cmp);
	for (i = 0; i < nnames; i++) {
		char *path = xprintf("%s/%s", dir, names[i]);
		struct catalog cat = { 0 };
		struct catalog *slot;

		load_file(path, &cat, p);
		if (cat.code[0] == '\0') {
			problems_add(p, path, 0, "the header has no \"Language:\" field");
		} else if (strcmp(cat.code, "vi") == 0) {
			slot = &t->c[0];
			free(slot->e);
			*slot = cat;
			cat.e = NULL;
			cat.name = NULL;
		} else {
			t->c = xrealloc(t->c, sizeof *t->c * (size_t)(t->n + 1));
			t->c[t->n++] = cat;
			cat.e = NULL;
			cat.name = NULL;
		}
		if (cat.e != NULL) { /* not kept */
			int k;

			for (k = 0; k < cat.n; k++) {
				free(cat.e[k].id);
				free(cat.e[k].str);
			}
			free(cat.e);
		}
		free(cat.name);
		free(path);
		free(names[i]);
	}
	free(names);
	for (i = 0; i < t->n; i++)
		if (t->c[i].name == NULL)
			t->c[i].name = xstrdup(i == 0 ? "Tiếng Việt" : t->c[i].code);
	return t;
}

void i18n_free(struct i18n *t)
{
	int i, k;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		for (k = 0; k < t->c[i].n; k++) {
			free(t->c[i].e[k].id);
			free(t->c[i].e[k].str);
		}
		free(t->c[i].e);
		free(t->c[i].name);
	}
	free(t->c);
	free(t);
}

int i18n_count(const struct i18n *t)
{
	return t->n;
}

int i18n_find(const struct i18n *t, const char *code)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->c[i].code, code) == 0)
			return i;
	return -1;
}

const char *i18n_code(const struct i18n *t, int i)
{
	return t->c[i].code;
}

const char *i18n_name(const struct i18n *t, int i)
{
	return t->c[i].name;
}

/* Finds msgid in catalog i, or NULL. */
static const char *lookup(const struct i18n *t, int i, const char *msgid)
{
	struct entry key = { (char *)(uintptr_t)msgid, NULL };
	const struct entry *e;

	if (i < 0 || i >= t->n || t->c[i].n == 0)
		return NULL;
	e = bsearch(&key, t->c[i].e, (size_t)t->c[i].n, sizeof *e, entry_cmp);
	return e ? e->str : NULL;
}

int i18n_has(const struct i18n *t, int i, const char *msgid)
{
	return lookup(t, i, msgid) != NULL;
}

const char *i18n_get(const struct i18n *t, int i, const char *msgid)
{
	const char *s = lookup(t, i, msgid);

	if (s == NULL)
		s = lookup(t, 0, msgid);
	return s ? s : msgid;
}

/* Appends s to out (size bytes, used *o), cutting when full. */
static void put_str(char *out, size_t size, size_t *o, const char *s)
{
	size_t n = strlen(s);

	if (*o + n >= size)
		n = size - 1 - *o;
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
}

void i18n_fill(char *out, size_t size, const char *s, const struct i18n_vars *v)
{
	static const char *const names[] = { "{commune}", "{language}", "{n}", "{ok}", "{del}" };
	size_t o = 0, i;
	char num[32];

	out[0] = '\0';
	snprintf(num, sizeof num, "%ld", v->n);
	while (*s && o + 1 < size) {
		const char *vals[] = { v->commune, v->language, num, v->ok, v->del };

		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (vals[i] && strncmp(s, names[i], strlen(names[i])) == 0)
				break;
		if (i < sizeof names / sizeof names[0]) {
			put_str(out, size, &o, vals[i]);
			s += strlen(names[i]);
		} else {
			out[o++] = *s++;
			out[o] = '\0';
		}
	}
}
