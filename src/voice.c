/* What the booth says aloud (see voice.h). */
#include "voice.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "formdef.h"
#include "i18n.h"
#include "problems.h"
#include "screendef.h"
#include "text.h"
#include "util.h"

/* The digits as words, "0" first. */
static const char *const digit_words[10] = {
	N_("không"), N_("một"), N_("hai"), N_("ba"), N_("bốn"),
	N_("năm"), N_("sáu"), N_("bảy"), N_("tám"), N_("chín"),
};

/* The months as said, January first. */
static const char *const month_words[12] = {
	N_("tháng 1"), N_("tháng 2"), N_("tháng 3"), N_("tháng 4"), N_("tháng 5"), N_("tháng 6"),
	N_("tháng 7"), N_("tháng 8"), N_("tháng 9"), N_("tháng 10"), N_("tháng 11"), N_("tháng 12"),
};

/* How a day and a numbered choice are said. */
#define DATE_SAID N_("ngày {d} {month} năm {y}")
#define CHOICE_SAID N_("Bấm số {key}: {label}")

const char *voice_tr(const struct voice_env *e, const char *msgid)
{
	char *key = xprintf("%s\004%s", VOICE_CTX, msgid);
	const char *s = NULL;

	if (i18n_has(e->i18n, e->lang, key))
		s = i18n_get(e->i18n, e->lang, key);
	free(key);
	return s ? s : i18n_get(e->i18n, e->lang, msgid);
}

/* True for a character read aloud: letters, digits, spaces and the
 * punctuation that makes a pause. */
static int said(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && strchr("\"#$&*<>@[\\]^_`{|}~", (int)cp) == NULL;
	/* Latin letters with marks (Vietnamese, Latin-1, Latin Extended). */
	return (cp >= 0xc0 && cp < 0x250 && cp != 0xd7 && cp != 0xf7) ||
	       (cp >= 0x1e00 && cp < 0x1f00);
}

char *voice_clean(const char *text)
{
	size_t n = strlen(text), i = 0, o = 0;
	char *out = xmalloc(n + 1);

	while (i < n) {
		uint32_t cp;
		size_t len = text_decode(text + i, n - i, &cp);

		if (len == 0) {
			i++;
			continue;
		}
		if (cp == 0xb7) { /* "·" between a title's parts: a pause */
			while (o > 0 && out[o - 1] == ' ')
				o--;
			if (o > 0)
				out[o++] = ',';
			out[o++] = ' ';
		} else if (!said(cp) || cp == ' ') {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
		} else {
			memcpy(out + o, text + i, len);
			o += len;
		}
		i += len;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

void voice_add(struct voice_text *v, const char *text)
{
	char *s = voice_clean(text);
	size_t i;

	for (i = 0; s[i] && strchr(" ,.:;!?-()'/%+=", s[i]); i++)
		;
	if (s[i] == '\0' || v->n == VOICE_SEGS) {
		free(s);
		return;
	}
	v->seg[v->n++] = s;
}

/* Fills {commune} and {language} into msgid said in e's language. */
static void said_msg(const struct voice_env *e, const char *msgid, char *out, size_t size)
{
	struct i18n_vars vars = {
		.commune = e->cfg ? e->cfg->commune : NULL,
		.language = i18n_name(e->i18n, (e->lang + 1) % i18n_count(e->i18n)),
	};

	i18n_fill(out, size, voice_tr(e, msgid), &vars);
}

void voice_add_msg(struct voice_text *v, const struct voice_env *e, const char *msgid)
{
	char text[1024];

	said_msg(e, msgid, text, sizeof text);
	voice_add(v, text);
}

void voice_free(struct voice_text *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		free(v->seg[i]);
	v->n = 0;
}

char *voice_digits(const struct voice_env *e, const char *code)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int said_any = 0, gap = 0;

	if (f == NULL)
		return xstrdup("");
	for (; *code; code++) {
		if (*code < '0' || *code > '9') {
			gap = said_any;
			continue;
		}
		fprintf(f, "%s%s", !said_any ? "" : gap ? ", " : " ", voice_tr(e, digit_words[*code - '0']));
		said_any = 1;
		gap = 0;
	}
	fclose(f);
	return out;
}

/* Replaces each name of names (n of them) in tmpl by its value. New string. */
static char *fill(const char *tmpl, const char *const names[], const char *const vals[], int n)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int i;

	if (f == NULL)
		return xstrdup("");
	while (*tmpl) {
		for (i = 0; i < n && strncmp(tmpl, names[i], strlen(names[i])) != 0; i++)
			;
		if (i < n) {
			fputs(vals[i], f);
			tmpl += strlen(names[i]);
		} else {
			fputc(*tmpl++, f);
		}
	}
	fclose(f);
	return out;
}

char *voice_date(const struct voice_env *e, int year, int month, int day)
{
	static const char *const names[] = { "{d}", "{month}", "{y}" };
	char d[16], y[16];
	const char *vals[3] = { d, "", y };

	snprintf(d, sizeof d, "%d", day);
	snprintf(y, sizeof y, "%d", year);
	if (month >= 1 && month <= 12)
		vals[1] = voice_tr(e, month_words[month - 1]);
	return fill(voice_tr(e, DATE_SAID), names, vals, 3);
}

char *voice_choice(const struct voice_env *e, char key, const char *label)
{
	static const char *const names[] = { "{key}", "{label}" };
	char text[1024];
	const char *vals[2] = { "", text };

	if (key >= '0' && key <= '9')
		vals[0] = voice_tr(e, digit_words[key - '0']);
	said_msg(e, label, text, sizeof text);
	return fill(voice_tr(e, CHOICE_SAID), names, vals, 2);
}

/* Adds a numbered choice as said. */
static void add_choice(struct voice_text *v, const struct voice_env *e, char key, const char *label)
{
	char *s = voice_choice(e, key, label);

	voice_add(v, s);
	free(s);
}

void voice_screen(const struct voice_env *e, const struct screen *s, int choices,
		  struct voice_text *v)
{
	int i;

	voice_add_msg(v, e, s->title);
	for (i = 0; i < s->ntexts; i++)
		voice_add_msg(v, e, s->texts[i]);
	for (i = 0; choices && i < s->nchoices; i++)
		add_choice(v, e, s->choices[i].key, s->choices[i].label);
	if (choices && strcmp(s->id, "home") != 0)
		add_choice(v, e, '0', N_("Quay lại"));
}

const char *voice_name(const struct config *cfg, const char *lang)
{
	if (strcmp(lang, "vi") == 0)
		return cfg->voice_vi;
	if (strcmp(lang, "en") == 0)
		return cfg->voice_en;
	return lang;
}

/* The first 16 hex digits of the SHA-256 of text. */
static void hex16(const char *text, char out[VOICE_KEY])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	int i;

	sha256_init(&ctx);
	sha256_update(&ctx, strlen(text), (const uint8_t *)text);
	sha256_digest(&ctx, sizeof d, d);
	for (i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void voice_key(const char *text, char out[VOICE_KEY])
{
	hex16(text, out);
}

void voice_cache_key(const char *voice, int rate, int volume, const char *text,
		     char out[VOICE_KEY])
{
	char *all = xprintf("%s\n%d\n%d\n%s", voice, rate, volume, text);

	hex16(all, out);
	free(all);
}

/* Adds a problem when msgid says nothing in language e->lang. */
static void check_said(const struct voice_env *e, const char *msgid, const char *file, int line,
		       const char *what, struct problems *p)
{
	struct voice_text v = { { 0 }, 0 };

	voice_add_msg(&v, e, msgid);
	if (v.n == 0)
		problems_add(p, file, line, "%s says nothing aloud in \"%s\"", what,
			     i18n_code(e->i18n, e->lang));
	voice_free(&v);
}

/* Checks the words the voice adds in e's language (not Vietnamese, whose
 * message ids they are): each must be translated. */
static void check_words(const struct voice_env *e, struct problems *p)
{
	const char *const fixed[] = { DATE_SAID, CHOICE_SAID };
	size_t i;

	for (i = 0; e->lang > 0 && i < 10 + 12 + 2; i++) {
		const char *id = i < 10 ? digit_words[i] : i < 22 ? month_words[i - 10] : fixed[i - 22];

		if (!i18n_has(e->i18n, e->lang, id))
			problems_add(p, "locale", 0, "\"%s\" has no %s words for \"%s\" (the voice says it)",
				     i18n_code(e->i18n, e->lang), i18n_code(e->i18n, e->lang), id);
	}
}

void voice_check(const struct screens *s, const struct forms *f, const struct i18n *t,
		 const struct config *cfg, struct problems *p)
{
	struct voice_env e = { t, 0, cfg };
	int i, k;

	for (e.lang = 0; e.lang < i18n_count(t); e.lang++) {
		check_words(&e, p);
		for (i = 0; i < s->n; i++) {
			check_said(&e, s->v[i].title, s->v[i].file, s->v[i].title_line, "the title", p);
			for (k = 0; k < s->v[i].nchoices; k++)
				check_said(&e, s->v[i].choices[k].label, s->v[i].file,
					   s->v[i].choices[k].line, "a choice", p);
		}
		for (i = 0; f && i < f->n; i++) {
			check_said(&e, f->v[i].title, f->v[i].file, 0, "the title", p);
			for (k = 0; k < f->v[i].nsteps; k++)
				check_said(&e, f->v[i].steps[k], f->v[i].file, 0, "a step", p);
		}
	}
}
