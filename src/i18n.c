/* Translations from gettext .po files, parsed here (see i18n.h). The
 * parser reads the subset of the PO format that catalogs use: comments,
 * msgctxt, msgid, msgstr, continued "strings" and C escapes. Plural forms
 * and fuzzy entries are skipped as gettext itself would. */
#include "i18n.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "problems.h"
#include "text.h"
#include "util.h"

/* A translation: both strings point into the catalog's file buffer. */
struct entry {
	const char *id;   /* msgid, or msgctxt "\004" msgid */
	const char *str;
	int line;
};

struct po;

/* One language: its file, decoded in place, its entries, and a hash table
 * of them (open addressing; slot holds an entry's index + 1, 0 is empty).
 * Until the language is first used, only its header is read: rest is the
 * parser, stopped there. */
struct catalog {
	char code[16];
	char *name;
	char *buf;
	struct po *rest;
	struct entry *e;
	int n, cap;
	unsigned *slot, mask;
};

struct i18n {
	struct catalog *c;
	int n;
};

/* A string of an entry being read: decoded in place in the file buffer. */
struct piece {
	char *s;  /* NULL: not given */
	size_t len;
};

/* Parser state for one file. */
struct po {
	char *file;
	char *next, *end; /* the lines not read yet, NULL after the last */
	int line;
	struct problems *p;
	struct catalog *cat;
	/* the entry being read */
	struct piece ctxt, id, str;
	struct piece *target; /* the string continuation lines append to */
	int fuzzy, plural, entry_line, str_line;
	int header_line;  /* where the header was read, 0 before it */
};

/* Decodes the "quoted string" with C escapes at s into s itself (the
 * decoded text is never longer); sets *len and ends it with a NUL. Returns
 * s, or NULL on a syntax error with *why saying what is wrong. */
static char *unquote(char *s, size_t *len, const char **why)
{
	size_t n = strlen(s), i = 1, o = 0, run;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n < 2 || s[0] != '"' || s[n - 1] != '"') {
		*why = "expected a \"quoted string\"";
		return NULL;
	}
	s[n - 1] = '\0'; /* the closing quote: the runs below stop there */
	for (;;) {
		run = strcspn(s + i, "\"\\");
		memmove(s + o, s + i, run);
		o += run;
		i += run;
		if (i >= n - 1)
			break;
		if (s[i] == '"') {
			*why = "unescaped \" inside a string";
			return NULL;
		}
		if (++i >= n - 1) {
			*why = "a string ends with a lone backslash";
			return NULL;
		}
		switch (s[i++]) {
		case 'n': s[o++] = '\n'; break;
		case 't': s[o++] = '\t'; break;
		case '"': s[o++] = '"'; break;
		case '\\': s[o++] = '\\'; break;
		default:
			*why = "unknown escape (only \\n \\t \\\" \\\\)";
			return NULL;
		}
	}
	s[o] = '\0';
	*len = o;
	return s;
}

/* Appends the decoded b (blen bytes) to the piece a. b lies after a in
 * the buffer (it was read later), so a's end can grow over what is
 * already read. */
static void append(struct piece *a, const char *b, size_t blen)
{
	memmove(a->s + a->len, b, blen);
	a->len += blen;
	a->s[a->len] = '\0';
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

/* Checks the complete entry being read; adds a problem and returns 0 when
 * it is not to be kept (the header is read here, and not kept either). */
static int entry_ok(struct po *po)
{
	struct catalog *cat = po->cat;
	const char *id = po->id.s, *str = po->str.s;

	if (id == NULL) {
		if (str != NULL)
			problems_add(po->p, po->file, po->str_line, "msgstr without msgid");
		return 0;
	}
	if (str == NULL) {
		problems_add(po->p, po->file, po->entry_line, "msgid without msgstr");
		return 0;
	}
	if (id[0] == '\0' && po->ctxt.s == NULL) { /* the header */
		char name[128];

		if (po->header_line != 0) {
			problems_add(po->p, po->file, po->entry_line,
				     "a second header (msgid \"\"); the first is on line %d",
				     po->header_line);
			return 0;
		}
		po->header_line = po->entry_line;
		header_field(str, "Language", cat->code, sizeof cat->code);
		header_field(str, "X-Native-Name", name, sizeof name);
		if (!text_is_nfc(name)) {
			problems_add(po->p, po->file, po->entry_line,
				     "X-Native-Name is not valid UTF-8 in NFC (composed) form");
			return 0;
		}
		if (name[0]) {
			free(cat->name);
			cat->name = xstrdup(name);
		}
		return 0;
	}
	if (po->fuzzy || po->plural || str[0] == '\0')
		return 0;
	/* Only what is kept is checked, not the whole file: a comment or a
	 * skipped entry is never shown. */
	if (!text_valid(id, strlen(id))) {
		problems_add(po->p, po->file, po->entry_line, "msgid is not valid UTF-8");
		return 0;
	}
	if (!text_is_nfc(str)) {
		problems_add(po->p, po->file, po->entry_line,
			     "msgstr is not valid UTF-8 in NFC (composed) form");
		return 0;
	}
	/* A spoken form (msgctxt "voice") may say a placeholder in words
	 * ("{language}": "tiếng Anh"), never add one. */
	if ((po->ctxt.s == NULL || strcmp(po->ctxt.s, "voice") != 0 || !same_placeholders(str, id)) &&
	    (!same_placeholders(id, str) || !same_placeholders(str, id))) {
		problems_add(po->p, po->file, po->entry_line,
			     "msgstr must keep the same {placeholders} as msgid");
		return 0;
	}
	return 1;
}

/* Ends the entry being read: checks it and stores it in the catalog. */
static void finish_entry(struct po *po)
{
	struct catalog *cat = po->cat;

	if (entry_ok(po)) {
		const char *id = po->id.s;

		if (po->ctxt.s != NULL) { /* the key is ctxt "\004" id, made over ctxt */
			struct piece key = po->ctxt;

			append(&key, "\004", 1);
			append(&key, po->id.s, po->id.len);
			id = key.s;
		}
		if (cat->n == cat->cap) {
			cat->cap = cat->cap ? cat->cap * 2 : 64;
			cat->e = xrealloc(cat->e, sizeof *cat->e * (size_t)cat->cap);
		}
		cat->e[cat->n++] = (struct entry){ id, po->str.s, po->entry_line };
	}
	po->ctxt.s = po->id.s = po->str.s = NULL;
	po->target = NULL;
	po->fuzzy = po->plural = 0;
}

/* Reads the quoted string of a keyword line into *field. */
static void read_field(struct po *po, struct piece *field, char *s)
{
	const char *why = NULL;

	if (field->s != NULL) {
		problems_add(po->p, po->file, po->line, "%s given twice in one entry",
			     field == &po->ctxt ? "msgctxt" : field == &po->id ? "msgid" : "msgstr");
		return;
	}
	if (field == &po->ctxt && po->id.s != NULL) {
		problems_add(po->p, po->file, po->line, "msgctxt must come before msgid");
		return;
	}
	if (unquote(s, &field->len, &why) == NULL) {
		problems_add(po->p, po->file, po->line, "%s", why);
		return;
	}
	field->s = s;
	if (field == &po->id)
		po->entry_line = po->line;
	if (field == &po->str)
		po->str_line = po->line;
	po->target = field;
}

/* Handles one line of a .po file (NUL-terminated in the buffer). */
static void po_line(struct po *po, char *s)
{
	const char *why = NULL;
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	switch (*s) {
	case '\0':
	case '\r':
		finish_entry(po);
		return;
	case '#':
		if (s[1] == ',' && strstr(s, "fuzzy"))
			po->fuzzy = 1;
		return;
	case '"':
		if (po->target == NULL) {
			problems_add(po->p, po->file, po->line, "a string with no msgid or msgstr before it");
			return;
		}
		if (unquote(s, &len, &why) == NULL) {
			problems_add(po->p, po->file, po->line, "%s", why);
			return;
		}
		append(po->target, s, len);
		return;
	}
	if (strncmp(s, "msgid_plural ", 13) == 0 || strncmp(s, "msgstr[", 7) == 0) {
		po->plural = 1;
		po->target = NULL;
		if (po->str.s == NULL) /* an entry, not kept */
			po->str = (struct piece){ s + strlen(s), 0 };
		return;
	}
	/* A new msgctxt or msgid after a complete entry starts the next one. */
	if (strncmp(s, "msgid ", 6) == 0) {
		if (po->str.s != NULL)
			finish_entry(po);
		read_field(po, &po->id, s + 6);
	} else if (strncmp(s, "msgstr ", 7) == 0) {
		read_field(po, &po->str, s + 7);
	} else if (strncmp(s, "msgctxt ", 8) == 0) {
		if (po->str.s != NULL)
			finish_entry(po);
		read_field(po, &po->ctxt, s + 8);
	} else {
		problems_add(po->p, po->file, po->line,
			     "not a PO line (msgid, msgstr, \"string\" or #comment)");
	}
}

/* FNV-1a hash of a message id. */
static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot of msgid in cat's table: where it is, or the empty slot where
 * it would go. */
static unsigned *find_slot(const struct catalog *cat, const char *msgid)
{
	unsigned i = hash(msgid) & cat->mask;

	while (cat->slot[i] != 0 && strcmp(cat->e[cat->slot[i] - 1].id, msgid) != 0)
		i = (i + 1) & cat->mask;
	return &cat->slot[i];
}

/* Makes cat's hash table; a msgid given twice is a problem (the first
 * one counts). */
static void index_entries(struct catalog *cat, const char *path, struct problems *p)
{
	unsigned size = 16;
	int i;

	while (size < 2u * (unsigned)cat->n)
		size *= 2;
	cat->slot = xcalloc(size, sizeof *cat->slot);
	cat->mask = size - 1;
	for (i = 0; i < cat->n; i++) {
		unsigned *slot = find_slot(cat, cat->e[i].id);

		if (*slot != 0)
			problems_add(p, path, cat->e[i].line, "msgid \"%s\" appears twice; first on line %d",
				     cat->e[i].id, cat->e[*slot - 1].line);
		else
			*slot = (unsigned)i + 1;
	}
}

/* Reads the lines of po's file from where it stopped; with header_only,
 * stops after the line that ends the header. */
static void parse(struct po *po, int header_only)
{
	while (po->next != NULL && !(header_only && po->header_line != 0)) {
		char *s = po->next, *nl = memchr(s, '\n', (size_t)(po->end - s));

		if (nl)
			*nl++ = '\0';
		po->next = nl;
		po->line++;
		po_line(po, s);
	}
}

/* Ends the parse of cat: its last entry, its hash table, problems to p. */
static void finish_catalog(struct catalog *cat, struct po *po, struct problems *p)
{
	po->cat = cat;
	po->p = p;
	parse(po, 0);
	finish_entry(po);
	index_entries(cat, po->file, p);
	free(po->file);
	free(po);
}

/* Reads the catalog file at path into cat: its header only (the rest is
 * left in cat->rest), or all of it. */
static void load_file(const char *path, struct catalog *cat, int header_only, struct problems *p)
{
	struct po *po;
	size_t len;

	cat->buf = file_read(path, &len);
	if (cat->buf == NULL) {
		problems_add(p, path, 0, "cannot read");
		return;
	}
	po = xcalloc(1, sizeof *po);
	po->file = xstrdup(path);
	po->next = cat->buf;
	po->end = cat->buf + len;
	po->cat = cat;
	po->p = p;
	parse(po, header_only);
	if (header_only && po->next != NULL)
		cat->rest = po;
	else
		finish_catalog(cat, po, p);
}

/* Reads the rest of a catalog read up to its header; what is wrong in it
 * goes to p, or to the log when p is NULL (a language first used). */
static void load_rest(struct catalog *cat, struct problems *p)
{
	struct problems late = { 0 };
	struct po *po = cat->rest;
	int i;

	if (po == NULL)
		return;
	cat->rest = NULL;
	finish_catalog(cat, po, p ? p : &late);
	for (i = 0; i < late.n; i++)
		log_write("%s", late.items[i]);
	problems_clear(&late);
}

/* Frees what a catalog holds. */
static void catalog_free(struct catalog *cat)
{
	if (cat->rest != NULL) {
		free(cat->rest->file);
		free(cat->rest);
	}
	free(cat->buf);
	free(cat->e);
	free(cat->slot);
	free(cat->name);
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

		load_file(path, &cat, 1, p);
		if (cat.code[0] == '\0') {
			problems_add(p, path, 0, "the header has no \"Language:\" field");
			catalog_free(&cat);
		} else if (strcmp(cat.code, "vi") == 0) { /* the language of the start */
			load_rest(&cat, p);
			slot = &t->c[0];
			catalog_free(slot);
			*slot = cat;
		} else {
			t->c = xrealloc(t->c, sizeof *t->c * (size_t)(t->n + 1));
			t->c[t->n++] = cat;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	for (i = 0; i < t->n; i++)
		if (t->c[i].name == NULL)
			t->c[i].name = xstrdup(i == 0 ? "Tiếng Việt" : t->c[i].code);
	return t;
}

void i18n_load_all(struct i18n *t, struct problems *p)
{
	int i;

	for (i = 0; i < t->n; i++)
		load_rest(&t->c[i], p);
}

void i18n_free(struct i18n *t)
{
	int i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		catalog_free(&t->c[i]);
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
	const struct catalog *cat;
	unsigned slot;

	if (i < 0 || i >= t->n)
		return NULL;
	/* The set was made writable by i18n_load: reading the rest of a
	 * language on its first use changes what it holds, not what it says. */
	load_rest((struct catalog *)(uintptr_t)&t->c[i], NULL);
	cat = &t->c[i];
	if (cat->n == 0)
		return NULL;
	slot = *find_slot(cat, msgid);
	return slot ? cat->e[slot - 1].str : NULL;
}

int i18n_has(const struct i18n *t, int i, const char *msgid)
{
	return lookup(t, i, msgid) != NULL;
}

const char *i18n_get(const struct i18n *t, int i, const char *msgid)
{
	const char *s = t ? lookup(t, i, msgid) : msgid;

	if (s == NULL)
		s = lookup(t, 0, msgid);
	return s ? s : msgid;
}

char *i18n_fill_text(const struct i18n *t, int i, const char *msgid, const char *value)
{
	const char *s = i18n_get(t, i, msgid), *at = strstr(s, "{n}");

	if (at == NULL) /* a translation keeps {n}: i18n_load refuses one without */
		return xstrdup(s);
	return xprintf("%.*s%s%s", (int)(at - s), s, value, at + 3);
}

/* Appends n bytes of s to out (size bytes, used *o), cut when full before
 * a whole character. Returns 0 when it was cut. */
static int put_str(char *out, size_t size, size_t *o, const char *s, size_t n)
{
	int whole = *o + n < size;

	if (!whole) {
		n = size - 1 - *o;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
	return whole;
}

void i18n_fill(char *out, size_t size, const char *s, const struct i18n_vars *v)
{
	static const char *const names[] = { "{commune}", "{language}", "{n}", "{ok}", "{del}" };
	const char *vals[] = { v->commune, v->language, NULL, v->ok, v->del };
	size_t o = 0, i, run;
	char num[32];

	snprintf(num, sizeof num, "%ld", v->n);
	vals[2] = num;
	out[0] = '\0';
	while (*s && o + 1 < size) {
		run = strcspn(s, "{");
		if (run > 0) { /* the text up to the next placeholder */
			if (!put_str(out, size, &o, s, run))
				return;
			s += run;
			continue;
		}
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (vals[i] && strncmp(s, names[i], strlen(names[i])) == 0)
				break;
		if (i < sizeof names / sizeof names[0]) {
			if (!put_str(out, size, &o, vals[i], strlen(vals[i])))
				return;
			s += strlen(names[i]);
		} else {
			out[o++] = *s++;
			out[o] = '\0';
		}
	}
}
