/* Tests for search.c: matching (folding, prefixes, word order), ranking
 * (name before field before body) and groups, over a small set of real
 * procedure names. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"

enum {
	KHAI_SINH, KHAI_SINH_LUU_DONG, KET_HON, XAC_NHAN_HON_NHAN, THUONG_TRU, TAM_VANG,
	CHUNG_THUC, DAT_DAI, TRICH_LUC, NDOCS
};

/* name, field, body, group */
static const char *const docs[NDOCS][3] = {
	{ "Thủ tục đăng ký khai sinh", "Hộ tịch", "Giấy chứng sinh; Tờ khai đăng ký khai sinh" },
	{ "Thủ tục đăng ký khai sinh lưu động", "Hộ tịch", "Giấy chứng sinh" },
	{ "Thủ tục đăng ký kết hôn", "Hộ tịch", "Giấy xác nhận tình trạng hôn nhân" },
	{ "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "Tờ khai" },
	{ "Đăng ký thường trú", "Đăng ký, quản lý cư trú", "Tờ khai thay đổi thông tin cư trú" },
	{ "Khai báo tạm vắng", "Đăng ký, quản lý cư trú", "Đề nghị khai báo tạm vắng" },
	{ "Chứng thực bản sao từ bản chính", "Chứng thực", "Bản chính giấy khai sinh" },
	{ "Đăng ký đất đai lần đầu", "Đất đai", "Đơn đăng ký" },
	{ "Cấp bản sao Trích lục hộ tịch", "Hộ tịch", "Tờ khai" },
};

/* Group per document: 1 civil status, 2 residence, 3 other. */
static const unsigned groups[NDOCS] = { 1, 1, 1, 1, 2, 2, 3, 3, 1 };

/* Adds a text, folded, at a tier. */
static void add(struct search *s, unsigned doc, enum search_tier tier, const char *text)
{
	char *f = text_fold(text);

	assert_non_null(f);
	search_add(s, doc, tier, f);
	free(f);
}

/* Builds the index of docs[]. */
static int setup(void **state)
{
	struct search *s = search_new(NDOCS);
	unsigned i;

	for (i = 0; i < NDOCS; i++) {
		add(s, i, SEARCH_NAME, docs[i][0]);
		add(s, i, SEARCH_FIELD, docs[i][1]);
		add(s, i, SEARCH_BODY, docs[i][2]);
		search_set_group(s, i, groups[i]);
	}
	search_finish(s);
	*state = s;
	return 0;
}

/* Frees the index. */
static int teardown(void **state)
{
	search_free(*state);
	return 0;
}

/* Runs a query; returns the number of hits and fills hits (up to 16). */
static size_t run(void **state, const char *query, unsigned group, struct search_hit *hits)
{
	size_t total = 12345, n = search_run(*state, query, group, hits, 16, &total);

	assert_int_equal(n, total);
	return n;
}

/* True when doc is among the n hits. */
static int has(const struct search_hit *hits, size_t n, unsigned doc)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hits[i].doc == doc)
			return 1;
	return 0;
}

/* Position of doc among the hits, or -1. */
static int rank_of(const struct search_hit *hits, size_t n, unsigned doc)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hits[i].doc == doc)
			return (int)i;
	return -1;
}

static void test_prefix_finds_as_you_type(void **state)
{
	struct search_hit hits[16];
	size_t n;

	n = run(state, "khai si", 0, hits);
	assert_true(n >= 2);
	assert_int_equal(hits[0].doc, KHAI_SINH);
	assert_int_equal(hits[1].doc, KHAI_SINH_LUU_DONG);
	/* Every prefix of the typing finds it too. */
	assert_int_equal(run(state, "k", 0, hits) > 0, 1);
	assert_true(has(hits, run(state, "kh", 0, hits), KHAI_SINH));
	assert_true(has(hits, run(state, "khai", 0, hits), KHAI_SINH));
	assert_true(has(hits, run(state, "khai s", 0, hits), KHAI_SINH));
	/* A word must start the match: "inh" is not a prefix of "sinh". */
	assert_int_equal(run(state, "inh", 0, hits), 0);
}

static void test_case_and_marks_do_not_matter(void **state)
{
	const char *const same[] = { "khai sinh", "KHAI SINH", "Khai Sinh", "khải sính", "KHÁI SỊNH" };
	struct search_hit want[16], hits[16];
	size_t n = run(state, "khai sinh", 0, want), i, j;

	assert_true(n > 0);
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		assert_int_equal(run(state, same[i], 0, hits), n);
		for (j = 0; j < n; j++)
			assert_int_equal(hits[j].doc, want[j].doc);
	}
}

static void test_d_with_stroke_is_d(void **state)
{
	struct search_hit a[16], b[16];
	size_t n = run(state, "dang ky", 0, a), i;

	assert_true(n >= 4);
	assert_int_equal(run(state, "Đăng ký", 0, b), n);
	for (i = 0; i < n; i++)
		assert_int_equal(a[i].doc, b[i].doc);
	assert_int_equal(run(state, "dat", 0, a) >= 1, 1);
	assert_int_equal(a[0].doc, DAT_DAI);
	assert_int_equal(run(state, "đất", 0, b), run(state, "dat", 0, a));
}

static void test_words_in_any_order(void **state)
{
	struct search_hit hits[16];

	assert_true(run(state, "sinh khai", 0, hits) >= 1);
	assert_int_equal(hits[0].doc, KHAI_SINH);
	assert_true(run(state, "tru thuong dang", 0, hits) >= 1);
	assert_int_equal(hits[0].doc, THUONG_TRU);
	/* Every word must match: "khai hon" is no procedure here. */
	assert_int_equal(run(state, "khai sinh hon", 0, hits), 0);
}

static void test_name_before_field_before_body(void **state)
{
	struct search_hit hits[16];
	size_t n;

	/* "hộ tịch" is the name of one and the field of four. */
	n = run(state, "ho tich", 0, hits);
	assert_int_equal(hits[0].doc, TRICH_LUC);
	assert_true(has(hits, n, KET_HON));
	/* In the name of one, in the papers of another. */
	n = run(state, "giay xac nhan", 0, hits);
	assert_true(rank_of(hits, n, XAC_NHAN_HON_NHAN) >= 0);
	assert_true(rank_of(hits, n, KET_HON) > rank_of(hits, n, XAC_NHAN_HON_NHAN));
	/* Only the papers of the copy certification mention a birth. */
	n = run(state, "khai sinh", 0, hits);
	assert_int_equal(rank_of(hits, n, CHUNG_THUC), (int)n - 1);
	/* One word in the name, one in the field. */
	assert_int_equal(run(state, "ho tich ket hon", 0, hits), 1);
	assert_int_equal(hits[0].doc, KET_HON);
}

static void test_closer_and_shorter_names_first(void **state)
{
	struct search_hit hits[16];

	/* The typed phrase, and the shorter name, win. */
	run(state, "dang ky", 0, hits);
	assert_int_equal(hits[0].doc, THUONG_TRU);
	run(state, "ket hon", 0, hits);
	assert_int_equal(hits[0].doc, KET_HON);
	run(state, "xac nhan tinh trang hon nhan", 0, hits);
	assert_int_equal(hits[0].doc, XAC_NHAN_HON_NHAN);
}

static void test_no_result_and_empty(void **state)
{
	struct search_hit hits[16];
	size_t total = 99;

	assert_int_equal(run(state, "xyz", 0, hits), 0);
	assert_int_equal(search_run(*state, "", 0, hits, 16, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(search_run(*state, "  !?  ", 0, hits, 16, &total), 0);
	assert_int_equal(search_run(*state, NULL, 0, hits, 16, &total), 0);
	assert_int_equal(search_run(*state, "\xff", 0, hits, 16, &total), 0);
}

static void test_groups_and_limits(void **state)
{
	struct search_hit hits[16];
	size_t total, i, n;

	/* Residence: one by its name, one by its field. */
	n = run(state, "dang ky", 2, hits);
	assert_int_equal(n, 2);
	assert_int_equal(hits[0].doc, THUONG_TRU);
	assert_int_equal(hits[1].doc, TAM_VANG);
	n = run(state, "dang ky", 1, hits);
	for (i = 0; i < n; i++)
		assert_int_equal(groups[hits[i].doc], 1);
	/* max cuts the list but the total counts all. */
	n = search_run(*state, "tu", 0, hits, 2, &total);
	assert_int_equal(n, 2);
	assert_true(total > 2);
	assert_int_equal(search_run(*state, "tu", 0, NULL, 0, &total), 0);
	assert_true(total > 2);
}

static void test_documents_added_in_any_order(void **state)
{
	struct search *rev = search_new(NDOCS);
	struct search_hit a[16], b[16];
	const char *const queries[] = { "khai si", "dang ky", "ho tich", "giay", "t" };
	size_t i, j, n;
	unsigned d;

	/* The same documents, added last first and one tier at a time. */
	for (i = 0; i < 3; i++)
		for (d = NDOCS; d-- > 0;)
			add(rev, d, (enum search_tier)i, docs[d][i]);
	search_finish(rev);
	for (i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		n = run(state, queries[i], 0, a);
		assert_int_equal(search_run(rev, queries[i], 0, b, 16, NULL), n);
		for (j = 0; j < n; j++)
			assert_int_equal(a[j].doc, b[j].doc);
	}
	search_free(rev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefix_finds_as_you_type),
		cmocka_unit_test(test_case_and_marks_do_not_matter),
		cmocka_unit_test(test_d_with_stroke_is_d),
		cmocka_unit_test(test_words_in_any_order),
		cmocka_unit_test(test_name_before_field_before_body),
		cmocka_unit_test(test_closer_and_shorter_names_first),
		cmocka_unit_test(test_no_result_and_empty),
		cmocka_unit_test(test_groups_and_limits),
		cmocka_unit_test(test_documents_added_in_any_order),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
