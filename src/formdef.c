/* Request forms (see formdef.h), one directive per line:
 *
 *   title      Đăng ký khai sinh
 *   procedure  1.001193            (or: kind feedback, anonymous yes)
 *   step       Người đi khai
 *   field      requester_name  name   required  Họ và tên
 *   field      child_sex       choice required  Giới tính
 *   option     Nam
 *   option     Nữ
 *   scan       requester_id requester_name requester_dob - requester_address
 *
 * docs/screens.md is the operators' reference. */
#include "formdef.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "directive.h"
#include "i18n.h"
#include "problems.h"
#include "util.h"
#include "vi_input.h"

static const char *const type_names[] = {
	[FT_TEXT] = "text", [FT_NAME] = "name", [FT_NUMBER] = "number", [FT_PHONE] = "phone",
	[FT_CCCD] = "cccd", [FT_DATE] = "date", [FT_CHOICE] = "choice", [FT_YESNO] = "yesno",
	[FT_ADDRESS] = "address", [FT_NOTE] = "note",
};

#define NTYPES ((int)(sizeof type_names / sizeof type_names[0]))

/* Index of a field by id, or -1. */
static int field_index(const struct form *f, const char *id)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].id, id) == 0)
			return i;
	return -1;
}

/* Splits "date:future" into "date" (in place) and its dates; a type
 * without ":" takes past dates. Returns -1 on an unknown suffix. */
static int parse_when(char *type, enum date_when *when)
{
	static const char *const names[] = { "past", "future", "any" };
	char *colon = strchr(type, ':');
	int i;

	*when = DATE_PAST;
	if (colon == NULL)
		return 0;
	*colon = '\0';
	for (i = 0; i < 3 && strcmp(type, "date") == 0; i++)
		if (strcmp(colon + 1, names[i]) == 0) {
			*when = (enum date_when)i;
			return 0;
		}
	*colon = ':'; /* kept whole for the message */
	return -1;
}

/* Parses "field ID TYPE required|optional LABEL". */
static void parse_field(struct form *f, char *rest, const char *file, int n, struct problems *p)
{
	char *id = directive_word(&rest), *type = directive_word(&rest), *req = directive_word(&rest);
	struct form_field *fd;
	enum date_when when;
	int t;

	if (f->nsteps == 0) {
		problems_add(p, file, n, "a field needs a \"step\" line before it");
		return;
	}
	if (!directive_name_ok(id) || field_index(f, id) >= 0) {
		problems_add(p, file, n, "field id \"%s\" must be new and use a-z, 0-9, - and _", id);
		return;
	}
	if (parse_when(type, &when) != 0) {
		problems_add(p, file, n, "a date is \"date\", \"date:past\", \"date:future\" or \"date:any\", not \"%s\"", type);
		return;
	}
	for (t = 0; t < NTYPES && strcmp(type_names[t], type) != 0; t++)
		;
	if (t == NTYPES) {
		problems_add(p, file, n, "unknown field type \"%s\" (text, name, number, phone, cccd, date, choice, yesno, address, note)", type);
		return;
	}
	if (strcmp(req, "required") != 0 && strcmp(req, "optional") != 0) {
		problems_add(p, file, n, "say \"required\" or \"optional\" after the type, not \"%s\"", req);
		return;
	}
	if (!directive_text_ok(rest, file, n, p))
		return;
	if (f->nfields == FORM_MAX_FIELDS) {
		problems_add(p, file, n, "at most %d fields in a form", FORM_MAX_FIELDS);
		return;
	}
	fd = &f->fields[f->nfields++];
	fd->id = xstrdup(id);
	fd->type = (enum field_type)t;
	fd->when = when;
	fd->required = req[0] == 'r';
	fd->label = xstrdup(rest);
	fd->step = f->nsteps - 1;
	fd->line = n;
}

/* Parses "scan ID NAME DOB SEX ADDRESS" (- for none). */
static void parse_scan(struct form *f, char *rest, const char *file, int n, struct problems *p)
{
	int i;

	for (i = 0; i < 5; i++) {
		char *w = directive_word(&rest);

		f->scan[i] = -1;
		if (strcmp(w, "-") == 0)
			continue;
		f->scan[i] = field_index(f, w);
		if (f->scan[i] < 0)
			problems_add(p, file, n, "scan names \"%s\", which is not a field above", w);
	}
}

/* Handles one directive of a form (arg). */
static void parse_line(void *arg, char *kw, char *rest, const char *file, int n,
		       struct problems *p)
{
	struct form *f = arg;

	if (strcmp(kw, "title") == 0 && f->title == NULL && directive_text_ok(rest, file, n, p)) {
		f->title = xstrdup(rest);
	} else if (strcmp(kw, "procedure") == 0 && f->procedure == NULL) {
		f->procedure = xstrdup(rest);
	} else if (strcmp(kw, "kind") == 0) {
		if (strcmp(rest, "procedure") != 0 && strcmp(rest, "feedback") != 0)
			problems_add(p, file, n, "kind is procedure or feedback, not \"%s\"", rest);
		free(f->kind);
		f->kind = xstrdup(rest);
	} else if (strcmp(kw, "anonymous") == 0) {
		f->anonymous = strcmp(rest, "yes") == 0;
	} else if (strcmp(kw, "step") == 0) {
		if (f->nsteps == FORM_MAX_STEPS)
			problems_add(p, file, n, "at most %d steps in a form", FORM_MAX_STEPS);
		else if (directive_text_ok(rest, file, n, p))
			f->steps[f->nsteps++] = xstrdup(rest);
	} else if (strcmp(kw, "field") == 0) {
		parse_field(f, rest, file, n, p);
	} else if (strcmp(kw, "option") == 0) {
		struct form_field *fd = f->nfields ? &f->fields[f->nfields - 1] : NULL;

		if (fd == NULL || fd->type != FT_CHOICE)
			problems_add(p, file, n, "an option belongs right after a choice field");
		else if (fd->noptions == FORM_MAX_OPTIONS)
			problems_add(p, file, n, "at most %d options", FORM_MAX_OPTIONS);
		else if (directive_text_ok(rest, file, n, p))
			fd->options[fd->noptions++] = xstrdup(rest);
	} else if (strcmp(kw, "scan") == 0) {
		parse_scan(f, rest, file, n, p);
	} else {
		problems_add(p, file, n, "unknown or repeated directive \"%s\" (title, procedure, kind, anonymous, step, field, option, scan)", kw);
	}
}

int formdef_parse(struct form *out, const char *file, const char *id, const char *text,
		  struct problems *p)
{
	int before = p->n, i;

	memset(out, 0, sizeof *out);
	out->id = xstrdup(id);
	out->file = xstrdup(file);
	for (i = 0; i < 5; i++)
		out->scan[i] = -1;
	directive_read(file, text, parse_line, out, p);
	if (out->kind == NULL)
		out->kind = xstrdup(out->procedure ? "procedure" : "feedback");
	if (p->n == before && out->title == NULL)
		problems_add(p, file, 0, "the form has no title");
	if (p->n == before && out->nfields == 0)
		problems_add(p, file, 0, "the form has no fields");
	if (p->n == before && strcmp(out->kind, "procedure") == 0 && out->procedure == NULL)
		problems_add(p, file, 0, "a procedure form names its procedure's code");
	for (i = 0; i < out->nfields; i++)
		if (out->fields[i].type == FT_CHOICE && out->fields[i].noptions < 2)
			problems_add(p, file, out->fields[i].line, "a choice needs at least two options");
	return p->n == before ? 0 : -1;
}

/* Orders forms by file name, so an operator decides their order. */
static int form_cmp(const void *a, const void *b)
{
	return strcmp(((const struct form *)a)->id, ((const struct form *)b)->id);
}

void formdef_load(struct forms *fs, const char *dir, struct problems *p)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	memset(fs, 0, sizeof *fs);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char *path, *text, *id;
		struct form f;

		if (n <= 5 || strcmp(de->d_name + n - 5, ".form") != 0)
			continue;
		path = xprintf("%s/%s", dir, de->d_name);
		id = xstrndup(de->d_name, n - 5);
		text = file_read(path, NULL);
		if (text == NULL) {
			problems_add(p, path, 0, "cannot read");
		} else if (formdef_parse(&f, path, id, text, p) == 0) {
			fs->v = xrealloc(fs->v, sizeof *fs->v * (size_t)(fs->n + 1));
			fs->v[fs->n++] = f;
		} else {
			formdef_free_one(&f);
		}
		free(text);
		free(id);
		free(path);
	}
	closedir(d);
	qsort(fs->v, (size_t)fs->n, sizeof *fs->v, form_cmp);
}

const struct form *formdef_find(const struct forms *fs, const char *code_or_id)
{
	int i;

	for (i = 0; i < fs->n; i++)
		if ((fs->v[i].procedure && strcmp(fs->v[i].procedure, code_or_id) == 0) ||
		    strcmp(fs->v[i].id, code_or_id) == 0)
			return &fs->v[i];
	return NULL;
}

/* True when s is exactly n ASCII digits. */
static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return i == n;
}

const char *formdef_check(const struct form_field *f, const char *value, const char *today)
{
	int i;

	if (*value == '\0' && !f->required)
		return NULL;
	if (*value == '\0')
		return f->type == FT_CHOICE || f->type == FT_YESNO ? N_("Xin chọn một trong các ô.")
								   : N_("Xin điền mục này.");
	switch (f->type) {
	case FT_NAME:
		if (!vi_only_letters(value, "-'"))
			return N_("Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch ngang (-) và dấu nháy (').");
		break;
	case FT_PHONE:
		if (!digits(value, 10) || value[0] != '0')
			return N_("Số điện thoại cần đủ 10 chữ số, bắt đầu bằng 0.");
		break;
	case FT_CCCD:
		if (!digits(value, 12))
			return N_("Số CCCD gồm đúng 12 chữ số.");
		break;
	case FT_NUMBER:
		if (!digits(value, strlen(value)))
			return N_("Chỉ gõ chữ số.");
		break;
	case FT_DATE: {
		int d, m, y;
		char iso[16];

		if (strlen(value) != 10 || sscanf(value, "%2d/%2d/%4d", &d, &m, &y) != 3 ||
		    value[2] != '/' || value[5] != '/')
			return N_("Ngày viết theo kiểu ngày/tháng/năm, ví dụ 02/07/1985.");
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
		if (!date_valid(iso) || y < 1900)
			return N_("Ngày này không có thật. Xin xem lại.");
		if (today && f->when == DATE_PAST && strcmp(iso, today) > 0)
			return N_("Ngày này chưa tới. Xin xem lại.");
		if (today && f->when == DATE_FUTURE && strcmp(iso, today) < 0)
			return N_("Ngày này đã qua. Xin chọn một ngày từ hôm nay trở đi.");
		break;
	}
	case FT_CHOICE:
		for (i = 0; i < f->noptions; i++)
			if (strcmp(f->options[i], value) == 0)
				return NULL;
		return N_("Xin chọn một trong các ô.");
	case FT_YESNO:
		if (strcmp(value, "Có") != 0 && strcmp(value, "Không") != 0)
			return N_("Xin chọn Có hoặc Không.");
		break;
	default:
		break;
	}
	return NULL;
}

void formdef_free_one(struct form *f)
{
	int i, k;

	free(f->id);
	free(f->file);
	free(f->title);
	free(f->procedure);
	free(f->kind);
	for (i = 0; i < f->nsteps; i++)
		free(f->steps[i]);
	for (i = 0; i < f->nfields; i++) {
		free(f->fields[i].id);
		free(f->fields[i].label);
		for (k = 0; k < f->fields[i].noptions; k++)
			free(f->fields[i].options[k]);
	}
	memset(f, 0, sizeof *f);
}

void formdef_free(struct forms *fs)
{
	int i;

	for (i = 0; i < fs->n; i++)
		formdef_free_one(&fs->v[i]);
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}
