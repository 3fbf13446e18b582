/* Short paper names (see papers.h). Tests read the text folded (lower
 * case, no marks) and cut it where Vietnamese legal text qualifies a
 * paper's name. */
#include "papers.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "text.h"
#include "util.h"

/* The name an ID card paper is written as. */
#define ID_CARD "CCCD hoặc giấy tờ tùy thân"

enum rank { RANK_FORM, RANK_ID, RANK_OTHER, RANK_IF };

struct made {
	char *name;
	enum rank rank;
	int seq;           /* published order */
};

/* True when folded text starts with one of the NULL-terminated words. */
static int starts(const char *folded, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strncmp(folded, *words, strlen(*words)) == 0)
			return 1;
	return 0;
}

/* True when the folded text holds s. */
static int holds(const char *folded, const char *s)
{
	return strstr(folded, s) != NULL;
}

/* A new copy of text up to its first qualifier, trimmed. */
static char *cut_name(const char *text)
{
	static const char *const marks[] = { ";", ". ", ":", "(", " theo mẫu", " theo quy định",
					     " do ", " trong trường hợp", " đối với", " kể từ",
					     " được ", " nếu ", " ban hành", NULL };
	size_t end = strlen(text), i;
	char *name;

	for (i = 0; marks[i] != NULL; i++) {
		const char *at = strstr(text, marks[i]);

		if (at != NULL && (size_t)(at - text) < end)
			end = (size_t)(at - text);
	}
	while (end > 0 && strchr(" ,.-", text[end - 1]) != NULL)
		end--;
	if (end > 0 && text[end - 1] == '.')
		end--;
	name = xstrndup(text, end);
	return name;
}

/* True when a cut name ends in a word that needs what was cut ("Giao
 * dịch đã", "Danh sách người"): the cut broke the name. Compared with
 * the marks: "từ" is dangling, "khai tử" is not. */
static int dangling(const char *name)
{
	static const char *const words[] = { "đã", "chưa", "người", "việc", "của", "và", "các",
					     "có", "không", "sẽ", "được", "bị", "là", "mà", "những",
					     "hoặc", "cho", "với", "tại", "từ", "về", "ở", "tiếp tục",
					     "sau", "một", NULL };
	size_t n = strlen(name), i, w;

	for (i = 0; words[i] != NULL; i++) {
		w = strlen(words[i]);
		if (n > w && strcmp(name + n - w, words[i]) == 0 && name[n - w - 1] == ' ')
			return 1;
	}
	return 0;
}

/* True when the first sentence of a paper makes it needed only in some
 * case ("Văn bản ủy quyền ... trong trường hợp ủy quyền ..."). */
static int conditional(const char *text)
{
	char *first = xstrndup(text, strcspn(text, ";")), *dot = strstr(first, ". "), *f;
	int r;

	if (dot != NULL)
		*dot = '\0';
	f = text_fold(first);
	r = f != NULL && holds(f, "truong hop");
	free(f);
	free(first);
	return r;
}

/* The group a paper is listed under, when it is one case among several
 * (not the generic "Giấy tờ phải nộp", "... xuất trình", "Lưu ý"). */
static int is_case(const char *group)
{
	char *f = group ? text_fold(group) : NULL;
	int r = f != NULL && !holds(f, "giay to phai") && !holds(f, "thanh phan ho so") &&
		!holds(f, "luu y");

	free(f);
	return r;
}

/* The short name of one paper with its rank, or NULL when it is none to
 * bring (a note, a special case); sets *lost when it is one that could not
 * be shortened. */
static char *name_of(const struct procedure_paper *p, enum rank *rank, int *lost)
{
	static const char *const skip[] = { "truong hop", "doi voi", "vi du", "luu y", "thong tin",
					    "nguoi ", "neu ", "khi ", "trong ", "cac giay to",
					    "mot trong", NULL };
	static const char *const counted[] = { "ban chinh", "ban sao", "ban goc", "ban dich",
					       "ban chup", NULL };
	static const char *const id[] = { "ho chieu", "the can cuoc", "can cuoc",
					  "giay to tuy than", "chung minh nhan dan", NULL };
	static const char *const form[] = { "to khai", "don ", NULL };
	const char *text = p->name, *suffix = "";
	char *f, *name, *out;

	if (text == NULL) {
		*lost = 1; /* a list published as one text */
		return NULL;
	}
	text += strspn(text, "-+*• ");
	if (*text == '\0')
		return NULL;
	f = text_fold(text);
	if (f == NULL || (p->original == 0 && p->copy <= 0) || starts(f, skip) ||
	    text[strlen(text) - 1] == ':' || (holds(f, "truc tuyen") && !holds(f, "truc tiep")) ||
	    holds(f, "dien tu tuong tac")) {
		free(f);
		return NULL;
	}
	*rank = starts(f, id) ? RANK_ID : p->form != NULL || starts(f, form) ? RANK_FORM : RANK_OTHER;
	if (*rank == RANK_ID) {
		free(f);
		return xstrdup(ID_CARD);
	}
	name = cut_name(text);
	/* The form itself is always handed in; a copy says so in its name. */
	if (!starts(f, form) && conditional(text)) {
		suffix = " (nếu có)";
		*rank = RANK_IF;
	}
	else if (*rank == RANK_OTHER && !starts(f, counted) && p->original > 0)
		suffix = " (bản chính)";
	else if (*rank == RANK_OTHER && !starts(f, counted) && p->copy > 0)
		suffix = " (bản sao)";
	free(f);
	if (dangling(name)) {
		free(name);
		*lost = 1;
		return NULL;
	}
	out = xprintf("%s%s", name, suffix);
	if (text_width(out) > PAPERS_NAME_MAX && strcmp(suffix, " (nếu có)") != 0 &&
	    text_width(name) <= PAPERS_NAME_MAX) {
		free(out);
		out = xstrdup(name);
	}
	free(name);
	if (text_width(out) > PAPERS_NAME_MAX || text_width(out) < 4) {
		free(out);
		*lost = 1;
		return NULL;
	}
	return out;
}

/* True when a name (folded) is among the n made. */
static int made_already(const struct made *m, int n, const char *name)
{
	char *f = text_fold(name);
	int i, found = 0;

	for (i = 0; i < n && !found && f != NULL; i++) {
		char *g = text_fold(m[i].name);

		found = g != NULL && strcmp(f, g) == 0;
		free(g);
	}
	free(f);
	return found;
}

/* Orders made names by rank, keeping the published order within one. */
static int by_rank(const void *a, const void *b)
{
	const struct made *x = a, *y = b;

	if (x->rank != y->rank)
		return (int)x->rank - (int)y->rank;
	return x->seq - y->seq;
}

int papers_names(const struct procedure_paper *in, size_t n, char **out, int *complete)
{
	struct made *m = xcalloc(n + 1, sizeof *m);
	const char *first_case = NULL;
	int count = 0, lost = 0, i;
	size_t k;

	for (k = 0; k < n; k++) {
		enum rank rank = RANK_OTHER;
		char *name;

		if (is_case(in[k].group)) {
			if (first_case == NULL)
				first_case = in[k].group;
			if (strcmp(first_case, in[k].group) != 0) {
				lost = 1; /* another case: the full list tells it */
				continue;
			}
		}
		if ((name = name_of(&in[k], &rank, &lost)) == NULL)
			continue;
		if (made_already(m, count, name)) {
			free(name);
			continue;
		}
		m[count] = (struct made){ name, rank, count };
		count++;
	}
	/* qsort is not stable: equal ranks compare by published order. */
	qsort(m, (size_t)count, sizeof *m, by_rank);
	for (i = 0; i < count; i++) {
		if (i < PAPERS_MAX)
			out[i] = m[i].name;
		else
			free(m[i].name);
	}
	*complete = !lost && count > 0 && count <= PAPERS_MAX;
	free(m);
	return count < PAPERS_MAX ? count : PAPERS_MAX;
}
