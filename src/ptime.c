/* Reading published processing times (see ptime.h). The text is folded
 * (lower case, no marks, punctuation as spaces) and read word by word. */
#include "ptime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

#define MAX_WORDS 64

/* The words of folded text, split in place; returns how many. */
static int split(char *folded, char **w)
{
	int n = 0;
	char *save = NULL, *t;

	for (t = strtok_r(folded, " ", &save); t != NULL && n < MAX_WORDS; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	return n;
}

/* True when word i of n is s. */
static int is(char **w, int n, int i, const char *s)
{
	return i < n && strcmp(w[i], s) == 0;
}

/* The number a word of digits writes (leading zeros allowed), or -1. */
static long number(const char *s)
{
	size_t len = strlen(s);

	if (len == 0 || len > 6 || strspn(s, "0123456789") != len)
		return -1;
	return strtol(s, NULL, 10);
}

/* True when what follows the time (from word i) says nothing more: no
 * words, or "kể từ ..." (from the day the dossier is complete). */
static int nothing_after(char **w, int n, int i)
{
	return i >= n || (is(w, n, i, "ke") && is(w, n, i + 1, "tu"));
}

/* Sets *out for n units of a time from the unit's words at i: returns the
 * index after them, or -1 when the unit is not one the booth counts. */
static int unit(char **w, int nw, int i, long n, struct ptime *out)
{
	int working = 0, hours = 0, weeks = 0;

	if (is(w, nw, i, "ngay"))
		i++;
	else if (is(w, nw, i, "gio"))
		hours = 1, i++;
	else if (is(w, nw, i, "tuan"))
		weeks = 1, i++;
	else
		return -1;
	if (is(w, nw, i, "lam") && is(w, nw, i + 1, "viec"))
		working = 1, i += 2;
	if (hours)
		n = n <= 8 ? 0 : working ? (n + 7) / 8 : (n + 23) / 24;
	if (weeks)
		n *= working ? 5 : 7;
	out->days = (int)n;
	out->calendar = n > 0 && !working;
	return i;
}

/* Reads the words of a time; lead: it opens a longer text (no bare
 * number). Returns 0 or -1. */
static int read_words(char **w, int n, int lead, struct ptime *out)
{
	static const char *const skip[] = { "khong", "qua", "toi", "da", "trong", "vong",
					    "thoi", "han", "giai", "quyet", NULL };
	long days, upto;
	int i = 0, k;

	if (is(w, n, 0, "ngay") && is(w, n, 1, "trong") && is(w, n, 2, "ngay"))
		i = 1;
	if (is(w, n, i, "trong") && is(w, n, i + 1, "ngay") && !(i + 2 < n && number(w[i + 2]) >= 0)) {
		i += 2;
		if (is(w, n, i, "lam") && is(w, n, i + 1, "viec"))
			i += 2;
		*out = (struct ptime){ 0, 0 };
		return nothing_after(w, n, i) ? 0 : -1;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; skip[k] != NULL && strcmp(w[i], skip[k]) != 0; k++)
			;
		if (skip[k] == NULL)
			break;
	}
	if (i >= n || (days = number(w[i])) < 0)
		return -1;
	i++;
	if (i < n && (upto = number(w[i])) >= days)
		days = upto, i++;
	else if (is(w, n, i, "den") && i + 1 < n && (upto = number(w[i + 1])) >= days)
		days = upto, i += 2;
	if (i >= n && !lead && n == 1) {
		*out = (struct ptime){ (int)days, 0 };
		return days <= PTIME_MAX_DAYS ? 0 : -1;
	}
	if ((i = unit(w, n, i, days, out)) < 0 || !nothing_after(w, n, i) || out->days > PTIME_MAX_DAYS)
		return -1;
	return 0;
}

/* Folds text and reads it as a time. */
static int read_text(const char *text, int lead, struct ptime *out)
{
	char *folded, *w[MAX_WORDS];
	int rc = -1;

	out->days = -1;
	out->calendar = 0;
	if (text == NULL || (folded = text_fold(text)) == NULL)
		return -1;
	if (read_words(w, split(folded, w), lead, out) == 0)
		rc = 0;
	else
		*out = (struct ptime){ -1, 0 };
	free(folded);
	return rc;
}

int ptime_parse(const char *text, struct ptime *out)
{
	return read_text(text, 0, out);
}

int ptime_parse_lead(const char *text, struct ptime *out)
{
	size_t cut;
	char *first;
	int rc;

	out->days = -1;
	out->calendar = 0;
	if (text == NULL)
		return -1;
	/* The first sentence; one cut by a bracket is qualified by it ("28
	 * ngày (đối với trường hợp cấp mới)"): not the time of every case. */
	cut = strcspn(text, ".;(\n");
	if (text[cut] == '(')
		return -1;
	first = xstrndup(text, cut);
	rc = read_text(first, 1, out);
	free(first);
	return rc;
}

void ptime_text(const struct i18n *t, int lang, struct ptime time, char *out, size_t size)
{
	char n[16], *text;

	if (time.days < 0) {
		snprintf(out, size, "%s", "");
		return;
	}
	snprintf(n, sizeof n, "%d", time.days);
	text = i18n_fill_text(t, lang, time.days == 0 ? N_("trong ngày")
				  : time.days == 1 ? time.calendar ? N_("1 ngày") : N_("1 ngày làm việc")
				  : time.calendar ? N_("{n} ngày") : N_("{n} ngày làm việc"), n);
	snprintf(out, size, "%s", text);
	free(text);
}

struct date ptime_due(const struct calendar *c, struct date received, struct ptime t)
{
	struct date d;

	if (!t.calendar)
		return calendar_due(c, received, t.days);
	d = date_add(received, t.days);
	while (calendar_day_off(c, d) != NULL)
		d = date_add(d, 1);
	return d;
}
