/* Tests for oldaddr.c, oldunits.c and the mapping of pre-2025 communes in
 * the repository's own content sources (assets/catalog/old-units): every
 * old commune of the sources, read here independently with jansson, is
 * found from a card's address and gives exactly the 2025 communes of its
 * province the sources list (all of them for a split); names as cards
 * write them (no kind words, old tone placement) still find them; the
 * address picker's search finds 2025 communes by old names; a broken
 * mapping is refused with its problems named. */
#include "unit.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "content.h"
#include "oldaddr.h"
#include "text.h"
#include "util.h"

#define SOURCES SRCDIR "/assets/catalog"

static char tmpdir[64], dbpath[96];
static struct catalog *cat;
static char reported[65536];

/* Collects a reported problem. */
static void collect(void *arg, const char *problem)
{
	(void)arg;
	snprintf(reported + strlen(reported), sizeof reported - strlen(reported), "%s\n", problem);
}

/* Builds the repository's catalog into a temporary folder and opens it. */
static int setup(void **state)
{
	char *cause = NULL;

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/kiosk-oldaddr-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/content.db", tmpdir);
	if (content_build(SOURCES, dbpath, collect, NULL, &cause) != 0) {
		fprintf(stderr, "%s\n%s", cause, reported);
		return -1;
	}
	cat = catalog_open(dbpath, &cause);
	return cat ? 0 : -1;
}

/* Closes the catalog and removes the folder. */
static int teardown(void **state)
{
	(void)state;
	catalog_close(cat);
	unlink(dbpath);
	rmdir(tmpdir);
	return 0;
}

/* Checks fn(in) is want. */
static void expect(char *(*fn)(const char *), const char *in, const char *want)
{
	char *got = fn(in);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

#define expect_modern(in, want) expect(oldaddr_modern, in, want)
#define expect_fold(in, want) expect(oldaddr_fold, in, want)

static void test_modern_names(void **state)
{
	char *why;

	(void)state;
	expect_modern("Xã Hòa An", "Xã Hoà An");
	expect_modern("Tỉnh Thanh Hóa", "Tỉnh Thanh Hoá");
	expect_modern("Xã Thủy An", "Xã Thuỷ An");
	expect_modern("Phường Khỏe", "Phường Khoẻ");
	expect_modern("HÒA", "HOÀ");
	/* A closed syllable, qu, three vowels and other marks stay. */
	expect_modern("Xã Hoàng Quý", "Xã Hoàng Quý");
	expect_modern("Xã Ngoài", "Xã Ngoài");
	expect_modern("Xã Hoà", "Xã Hoà");
	expect_modern("Phường Văn Miếu-Quốc Tử Giám", "Phường Văn Miếu - Quốc Tử Giám");
	expect_modern("Xã  Ea   H'Leo ", "Xã Ea H'Leo");
	assert_null(oldaddr_name_problem("Xã Hoà An"));
	why = oldaddr_name_problem("Xã Hòa An");
	assert_non_null(why);
	assert_non_null(strstr(why, "\"Xã Hoà An\""));
	free(why);
	why = oldaddr_name_problem("Phường Văn Miếu-Quốc Tử Giám");
	assert_non_null(strstr(why, "hyphen"));
	free(why);
}

static void test_fold_keys(void **state)
{
	(void)state;
	expect_fold("Xã Hành Đức", "hanh duc");
	expect_fold("Hành Đức", "hanh duc");
	expect_fold("Thị trấn Yên Viên", "yen vien");
	expect_fold("TT. Yên Viên", "yen vien");
	expect_fold("Phường 01", "1");
	expect_fold("P.1", "1");
	expect_fold("Quận 10", "10");
	expect_fold("TP. Hồ Chí Minh", "ho chi minh");
	expect_fold("Thành phố Hồ Chí Minh", "ho chi minh");
	/* A single letter is a kind word only with its dot. */
	expect_fold("H'Bông", "h bong");
	expect_fold("Xã H'Bông", "h bong");
}

/* The codes of a source entry's "now" list, space-separated, sorted. */
static void codes_of(json_t *now, char *out, size_t size)
{
	size_t i;
	json_t *t;

	out[0] = '\0';
	json_array_foreach(now, i, t)
		snprintf(out + strlen(out), size - strlen(out), "%s ",
			 json_string_value(json_object_get(t, "code")));
}

/* The 2025 codes m offers, space-separated, sorted by code. */
static void codes_offered(const struct oldaddr *m, char *out, size_t size)
{
	const char *c[OLDADDR_MAX];
	size_t i, j;

	for (i = 0; i < m->nnow; i++) {
		c[i] = m->now[i]->code;
		for (j = i; j > 0 && strcmp(c[j - 1], c[j]) > 0; j--) {
			const char *t = c[j];

			c[j] = c[j - 1];
			c[j - 1] = t;
		}
	}
	out[0] = '\0';
	for (i = 0; i < m->nnow; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s ", c[i]);
}

/* A name as a card may print it: without its kind word, old tone style. */
static char *as_on_card(const char *name)
{
	static const char *const kinds[] = { "Thành phố ", "Thị trấn ", "Thị xã ", "Phường ",
					     "Huyện ", "Quận ", "Tỉnh ", "Xã " };
	size_t i;
	char *s;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(name, kinds[i], strlen(kinds[i])) == 0 && strspn(name + strlen(kinds[i]),
									"0123456789") == 0) {
			name += strlen(kinds[i]);
			break;
		}
	s = xstrdup(name);
	/* Back to the old style where the modern one differs: "Hoà" -> "Hòa". */
	for (char *p = s; (p = strstr(p, "oà")) != NULL; p += 3)
		memcpy(p, "òa", 3);
	return s;
}

/* Checks one source entry of 2025 province prov: its full address gives
 * exactly its communes, and as a card prints it, at least those. */
static void check_entry(json_t *e, const char *prov, size_t *splits)
{
	const char *c = json_string_value(json_object_get(e, "commune"));
	const char *d = json_string_value(json_object_get(e, "district"));
	const char *p = json_string_value(json_object_get(e, "province"));
	char want[128], got[128], *addr, *cc, *cd, *cp, *v;
	struct oldaddr m;
	size_t i, n;

	codes_of(json_object_get(e, "now"), want, sizeof want);
	addr = xprintf("Thôn 3, %s, %s, %s", c, d, p);
	n = oldaddr_resolve(cat, addr, &m);
	codes_offered(&m, got, sizeof got);
	if (strcmp(want, got) != 0)
		fail_msg("%s: want %s, got %s", addr, want, got);
	assert_int_equal(n, json_array_size(json_object_get(e, "now")));
	*splits += n > 1;
	assert_string_equal(m.kept, "Thôn 3");
	for (i = 0; i < n; i++) {
		assert_string_equal(m.now[i]->province->code, prov);
		v = oldaddr_value(&m, i);
		assert_int_equal(strncmp(v, "Thôn 3, ", 8), 0);
		free(v);
	}
	oldaddr_free(&m);
	free(addr);
	cc = as_on_card(c), cd = as_on_card(d), cp = as_on_card(p);
	addr = xprintf("%s, %s, %s", cc, cd, cp);
	oldaddr_resolve(cat, addr, &m);
	codes_offered(&m, got, sizeof got);
	for (i = 0; i < json_array_size(json_object_get(e, "now")); i++) {
		const char *code = json_string_value(json_object_get(
			json_array_get(json_object_get(e, "now"), i), "code"));

		if (strstr(got, code) == NULL)
			fail_msg("%s: %s not offered (got %s)", addr, code, got);
	}
	assert_string_equal(m.kept, "");
	oldaddr_free(&m);
	free(addr);
	free(cc);
	free(cd);
	free(cp);
}

static void test_whole_mapping(void **state)
{
	DIR *dir = opendir(SOURCES "/old-units");
	struct dirent *de;
	size_t entries = 0, splits = 0, n, nproblems;

	(void)state;
	assert_non_null(dir);
	while ((de = readdir(dir)) != NULL) {
		char *path;
		json_t *root, *e;
		size_t i;

		if (strstr(de->d_name, ".json") == NULL)
			continue;
		path = xprintf("%s/old-units/%s", SOURCES, de->d_name);
		root = json_load_file(path, 0, NULL);
		assert_non_null(root);
		json_array_foreach(json_object_get(root, "communes"), i, e) {
			check_entry(e, json_string_value(json_object_get(root, "code")), &splits);
			entries++;
		}
		json_decref(root);
		free(path);
	}
	closedir(dir);
	catalog_olds(cat, &n);
	assert_int_equal(n, entries);
	assert_true(entries > 10000);
	assert_true(splits > 0);
	catalog_old_problems(cat, &nproblems);
	assert_int_equal(nproblems, 0);
}

static void test_card_addresses(void **state)
{
	struct oldaddr m;
	char *v;

	(void)state;
	assert_int_equal(oldaddr_resolve(cat, "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, "
				     "Tỉnh Quảng Ngãi", &m), 1);
	assert_string_equal(m.now[0]->name, "Xã Đình Cương");
	assert_string_equal(m.was[0]->name, "Xã Hành Đức");
	v = oldaddr_value(&m, 0);
	assert_string_equal(v, "Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi");
	free(v);
	oldaddr_free(&m);
	/* Without kind words, in capitals. */
	assert_int_equal(oldaddr_resolve(cat, "THÔN ĐÔNG, HÀNH ĐỨC, NGHĨA HÀNH, QUẢNG NGÃI", &m), 1);
	assert_string_equal(m.now[0]->name, "Xã Đình Cương");
	oldaddr_free(&m);
	/* Two communes of one district fold alike: the marks choose. */
	assert_int_equal(oldaddr_resolve(cat, "Xã Phú Thạnh, Huyện Phú Tân, Tỉnh An Giang", &m), 1);
	assert_string_equal(m.was[0]->name, "Xã Phú Thạnh");
	oldaddr_free(&m);
	assert_int_equal(oldaddr_resolve(cat, "Phú Thành, Phú Tân, An Giang", &m), 1);
	assert_string_equal(m.was[0]->name, "Xã Phú Thành");
	oldaddr_free(&m);
	/* A commune and a township of one name: the kind word chooses ... */
	assert_true(oldaddr_resolve(cat, "TT. Yên Viên, Gia Lâm, Hà Nội", &m) >= 1);
	assert_string_equal(m.was[0]->name, "Thị trấn Yên Viên");
	assert_int_equal(m.nold, 1);
	oldaddr_free(&m);
	/* ... and without it both are offered, never one picked. */
	oldaddr_resolve(cat, "Yên Viên, Gia Lâm, Hà Nội", &m);
	assert_int_equal(m.nold, 2);
	oldaddr_free(&m);
	/* A 2025 address (two levels) or a short one names no old commune. */
	assert_int_equal(oldaddr_resolve(cat, "Thôn Đông, Xã Đình Cương, Tỉnh Quảng Ngãi", &m), 0);
	assert_null(m.kept);
	assert_int_equal(oldaddr_resolve(cat, "Quảng Ngãi", &m), 0);
	assert_int_equal(oldaddr_resolve(NULL, "Hành Đức, Nghĩa Hành, Quảng Ngãi", &m), 0);
}

/* Found by fuzzing: a byte that is not UTF-8 in an address (a damaged
 * scan) was kept in the village part and written into the field. */
static void test_invalid_address_found_by_fuzzing(void **state)
{
	struct oldaddr m;

	(void)state;
	assert_int_equal(oldaddr_resolve(cat, "T\xe1\xbb\x95\x98 5, P.01, Q.10, TP H\xe1\xbb\x93 Ch\xc3\xad Minh",
					 &m), 0);
	assert_null(m.kept);
	/* The same address, valid, is a ward of Quận 10. */
	assert_true(oldaddr_resolve(cat, "Tổ 5, P.01, Q.10, TP Hồ Chí Minh", &m) >= 1);
	assert_string_equal(m.kept, "Tổ 5");
	assert_string_equal(m.was[0]->name, "Phường 1");
	assert_string_equal(m.was[0]->district, "Quận 10");
	oldaddr_free(&m);
}

static void test_picker_finds_old_names(void **state)
{
	struct catalog_place p[8];
	size_t n, i, total;
	int seen = 0;

	(void)state;
	n = catalog_search_places(cat, "51", "hanh duc", p, 8, &total);
	assert_true(n >= 1);
	for (i = 0; i < n; i++)
		if (p[i].was && strcmp(p[i].was->name, "Xã Hành Đức") == 0) {
			assert_string_equal(p[i].unit->name, "Xã Đình Cương");
			assert_string_equal(p[i].was->district, "Huyện Nghĩa Hành");
			seen = 1;
		}
	assert_true(seen);
	/* A 2025 name is found by itself, first. */
	n = catalog_search_places(cat, "51", "dinh cuong", p, 8, &total);
	assert_true(n >= 1);
	assert_string_equal(p[0].unit->name, "Xã Đình Cương");
	assert_null(p[0].was);
	/* Only the chosen province's. */
	n = catalog_search_places(cat, "01", "hanh duc", p, 8, &total);
	for (i = 0; i < n; i++)
		assert_string_equal(p[i].unit->province->code, "01");
	/* An old province names the 2025 one it is part of. */
	n = catalog_search_province_places(cat, "binh duong", p, 8, &total);
	assert_true(n >= 1);
	assert_string_equal(p[0].unit->name, "Thành phố Hồ Chí Minh");
	assert_string_equal(p[0].was_province, "Tỉnh Bình Dương");
	/* A province that kept its name is not listed twice. */
	n = catalog_search_province_places(cat, "quang ngai", p, 8, &total);
	assert_int_equal(n, 1);
	assert_null(p[0].was_province);
}

/* Writes text to dir/name. */
static void put(const char *dir, const char *name, const char *text)
{
	char *path = xprintf("%s/%s", dir, name);

	assert_int_equal(file_write(path, text, strlen(text)), 0);
	free(path);
}

static void test_broken_mapping_is_refused(void **state)
{
	char dir[] = "/tmp/kiosk-oldaddr-bad-XXXXXX", *cause = NULL, *sub;

	(void)state;
	assert_non_null(mkdtemp(dir));
	sub = xprintf("%s/procedures", dir);
	mkdir_p(sub, 0700);
	free(sub);
	sub = xprintf("%s/units", dir);
	mkdir_p(sub, 0700);
	put(sub, "51.json", "{\"code\": \"51\", \"name\": \"Tỉnh Quảng Ngãi\", \"kind\": \"Tỉnh\", "
	    "\"communes\": [{\"code\": \"21385\", \"name\": \"Xã Đình Cương\", \"kind\": \"Xã\"}]}");
	put(sub, "52.json", "{\"code\": \"52\", \"name\": \"Tỉnh Gia Lai\", \"kind\": \"Tỉnh\", "
	    "\"communes\": [{\"code\": \"21550\", \"name\": \"Phường Quy Nhơn\", \"kind\": \"Phường\"}]}");
	free(sub);
	sub = xprintf("%s/old-units", dir);
	mkdir_p(sub, 0700);
	put(sub, "51.json", "{\"code\": \"51\", \"name\": \"Tỉnh Quảng Ngãi\", \"communes\": [\n"
	    "{\"commune\": \"Xã Hòa An\", \"district\": \"Huyện A\", \"province\": \"Tỉnh Quảng Ngãi\","
	    " \"now\": [{\"code\": \"21385\", \"name\": \"Xã Đình Cương\"}]},\n"
	    "{\"commune\": \"Xã B\", \"district\": \"Huyện A-B\", \"province\": \"Tỉnh Quảng Ngãi\","
	    " \"now\": [{\"code\": \"21385\", \"name\": \"Xã Đình Cương\"}]},\n"
	    "{\"commune\": \"Xã C\", \"district\": \"Huyện A\", \"province\": \"Tỉnh Quảng Ngãi\","
	    " \"now\": [{\"code\": \"99999\", \"name\": \"Xã X\"}, {\"code\": \"21550\", \"name\": \"Phường Quy Nhơn\"},"
	    " {\"code\": \"21385\", \"name\": \"Xã Đình Cương Mới\"}]},\n"
	    "{\"commune\": \"Xã C\", \"district\": \"Huyện A\", \"province\": \"Tỉnh Quảng Ngãi\","
	    " \"now\": []}]}");
	free(sub);
	reported[0] = '\0';
	assert_int_equal(content_build(dir, NULL, collect, NULL, &cause), -1);
	free(cause);
	assert_non_null(strstr(reported, "old-units/51.json: communes[0]: \"commune\": write it with "
				"the modern tone placement and single spaces: \"Xã Hoà An\""));
	assert_non_null(strstr(reported, "communes[1]: \"district\": write a hyphen with a space on "
				"each side: \"Huyện A - B\""));
	assert_non_null(strstr(reported, "communes[2]: now[0]: no 2025 commune 99999 in units/"));
	assert_non_null(strstr(reported, "communes[2]: now[1]: commune 21550 is in province 52, not 51"));
	assert_non_null(strstr(reported, "communes[2]: now[2]: commune 21385 is \"Xã Đình Cương\" in "
				"units/, not \"Xã Đình Cương Mới\""));
	assert_non_null(strstr(reported, "communes[3]: old commune code Xã C, Huyện A, Tỉnh Quảng Ngãi "
				"is already used in old-units/51.json"));
	assert_non_null(strstr(reported, "communes[3]: \"now\" must name the 2025 commune"));
	remove_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modern_names),
		cmocka_unit_test(test_fold_keys),
		cmocka_unit_test(test_whole_mapping),
		cmocka_unit_test(test_card_addresses),
		cmocka_unit_test(test_invalid_address_found_by_fuzzing),
		cmocka_unit_test(test_picker_finds_old_names),
		cmocka_unit_test(test_broken_mapping_is_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
