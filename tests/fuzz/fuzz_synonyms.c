/* libFuzzer target: the villagers' words (the text files of
 * assets/catalog/synonyms/ in a content bundle) and the searches typed at
 * a booth. The input is parsed as a synonyms file; its rules go into an index of a few real
 * procedure names, and each of its lines is then run as a search, as
 * typed and read every way (Telex, VNI, synonyms, typos). Results must be
 * real documents, best first, no more than asked, and the total at least
 * as many. */
#include "fuzz.h"
#include "search.h"
#include "synonyms.h"
#include "text.h"

/* Ignores the parser's problems. */
static void ignore(void *arg, const char *file, int line, const char *message)
{
	(void)arg;
	(void)file;
	(void)line;
	(void)message;
}

/* The procedures searched. */
static const char *const names[][2] = {
	{ "Thủ tục đăng ký khai sinh", "Hộ tịch" },
	{ "Đăng ký thường trú", "Đăng ký, quản lý cư trú" },
	{ "Chứng thực bản sao từ bản chính", "Chứng thực" },
	{ "Giải quyết hưởng chế độ tử tuất", "Bảo hiểm xã hội" },
	{ "Cấp giấy phép xây dựng mới nhà ở riêng lẻ", "Hoạt động xây dựng" },
};
#define NDOCS (sizeof names / sizeof names[0])

/* Runs one search and checks its results. */
static void check(struct search *s, const char *query, unsigned opts)
{
	struct search_hit hits[4];
	size_t total = 0, n = search_run(s, query, 0, opts, hits, 4, &total), i;

	if (n > 4 || total < n)
		abort();
	for (i = 0; i < n; i++)
		if (hits[i].doc >= NDOCS || (i > 0 && hits[i].score > hits[i - 1].score))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *text = xstrndup((const char *)data, n), *line, *save = NULL;
	struct syn_rules rules = { 0 };
	struct search *s = search_new(NDOCS);
	size_t i;

	synonyms_parse(&rules, "fuzz.txt", text, ignore, NULL);
	for (i = 0; i < NDOCS; i++) {
		char *a = text_words(names[i][0]), *b = text_words(names[i][1]);

		search_add(s, (unsigned)i, SEARCH_NAME, a);
		search_add(s, (unsigned)i, SEARCH_FIELD, b);
		search_set_flags(s, (unsigned)i, (unsigned)i & 3);
		free(a);
		free(b);
	}
	for (i = 0; i < rules.n; i++)
		search_synonym(s, rules.v[i].phrase, rules.v[i].target);
	search_finish(s);
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		check(s, line, 0);
		check(s, line, SEARCH_PHRASE);
	}
	search_free(s);
	synonyms_free(&rules);
	free(text);
	return 0;
}
