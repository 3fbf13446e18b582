/* The queue's counters (see counters.h), one directive per line:
 *
 *   counter  tu-phap   1001 1999  Tư pháp - Hộ tịch
 *   counter  dat-dai   2001 2999  Đất đai - Xây dựng
 */
#include "counters.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "directive.h"
#include "i18n.h"
#include "problems.h"
#include "text.h"
#include "util.h"

/* Reads a number of the band: 1 to COUNTER_NUMBER_MAX, digits only. */
static int band_number(const char *s, int *out)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > COUNTER_NUMBER_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

/* Parses "counter ID FIRST LAST LABEL" into the next free slot. */
static void parse_counter(struct counters *cs, char *rest, int n, struct problems *p)
{
	char *id = directive_word(&rest), *first = directive_word(&rest), *last = directive_word(&rest);
	struct counter c = { .line = n };
	int i;

	if (cs->n == COUNTER_MAX) {
		problems_add(p, cs->file, n, "at most %d counters", COUNTER_MAX);
		return;
	}
	if (!directive_name_ok(id) || strlen(id) > COUNTER_ID_MAX) {
		problems_add(p, cs->file, n, "a counter's id is 1 to %d of a-z 0-9 - _, not \"%s\"",
			     COUNTER_ID_MAX, id);
		return;
	}
	if (band_number(first, &c.first) != 0 || band_number(last, &c.last) != 0 ||
	    c.first > c.last) {
		problems_add(p, cs->file, n, "the band is two numbers FIRST LAST, 1 to %d, FIRST <= LAST",
			     COUNTER_NUMBER_MAX);
		return;
	}
	if (!directive_text_ok(rest, cs->file, n, p))
		return;
	for (i = 0; i < cs->n; i++) {
		if (strcmp(cs->v[i].id, id) == 0) {
			problems_add(p, cs->file, n, "counter \"%s\" is already on line %d", id,
				     cs->v[i].line);
			return;
		}
		if (c.first <= cs->v[i].last && cs->v[i].first <= c.last) {
			problems_add(p, cs->file, n, "the band %d-%d overlaps counter \"%s\" (%d-%d)",
				     c.first, c.last, cs->v[i].id, cs->v[i].first, cs->v[i].last);
			return;
		}
	}
	snprintf(c.id, sizeof c.id, "%s", id);
	c.label = xstrdup(rest);
	cs->v[cs->n++] = c;
}

/* Handles one directive of the counters file (arg). */
static void parse_line(void *arg, char *kw, char *rest, const char *file, int n,
		       struct problems *p)
{
	if (strcmp(kw, "counter") == 0)
		parse_counter(arg, rest, n, p);
	else
		problems_add(p, file, n, "unknown directive \"%s\"", kw);
}

int counters_parse(struct counters *out, const char *file, const char *text, struct problems *p)
{
	int before = p->n;

	memset(out, 0, sizeof *out);
	out->file = xstrdup(file);
	directive_read(file, text, parse_line, out, p);
	return p->n == before ? 0 : -1;
}

int counters_load(struct counters *out, const char *path, struct problems *p)
{
	char *text;
	int rc;

	memset(out, 0, sizeof *out);
	rc = directive_file(path, &text, p);
	if (rc <= 0)
		return rc;
	rc = counters_parse(out, path, text, p);
	free(text);
	return rc;
}

void counters_check(const struct counters *cs, const struct i18n *t, struct problems *p)
{
	int lang, i;

	for (lang = 0; lang < i18n_count(t); lang++)
		for (i = 0; i < cs->n; i++) {
			const char *label = i18n_get(t, lang, cs->v[i].label);

			if (text_width(label) > COUNTER_LABEL_COLS)
				problems_add(p, cs->file, cs->v[i].line,
					     "the label is %d columns in \"%s\": room for %d at 80x24",
					     text_width(label), i18n_code(t, lang), COUNTER_LABEL_COLS);
		}
}

const struct counter *counters_find(const struct counters *cs, const char *id)
{
	int i;

	for (i = 0; i < cs->n; i++)
		if (strcmp(cs->v[i].id, id) == 0)
			return &cs->v[i];
	return NULL;
}

void counters_free(struct counters *cs)
{
	int i;

	for (i = 0; i < cs->n; i++)
		free(cs->v[i].label);
	free(cs->file);
	memset(cs, 0, sizeof *cs);
}
