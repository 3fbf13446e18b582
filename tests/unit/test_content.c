/* Tests for content.c and catalog.c: building content.db from the fixture
 * sources under tests/fixtures/, what the catalog gives the screens, the
 * problems reported for broken sources and the atomic replacement. */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "content.h"
#include "util.h"

#define GOOD SRCDIR "/tests/fixtures/catalog"
#define BAD SRCDIR "/tests/fixtures/catalog-bad"

/* A temporary folder and the content.db built in it. */
struct fixture {
	char dir[64];
	char db[96];
	struct catalog *cat;
};

/* Problems reported by a build, one a line. */
static char reported[8192];

/* Collects a reported problem. */
static void collect(void *arg, const char *problem)
{
	(void)arg;
	snprintf(reported + strlen(reported), sizeof reported - strlen(reported), "%s\n", problem);
}

/* Builds the good fixtures into a new temporary folder and opens them. */
static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/kiosk-content-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->db, sizeof f->db, "%s/content.db", f->dir);
	reported[0] = '\0';
	if (content_build(GOOD, f->db, collect, NULL, &cause) != 0) {
		fprintf(stderr, "%s\n%s", cause, reported);
		return -1;
	}
	f->cat = catalog_open(f->db, &cause);
	if (f->cat == NULL) {
		fprintf(stderr, "%s\n", cause);
		return -1;
	}
	*state = f;
	return 0;
}

/* Number of entries in a folder, "." and ".." aside. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* Closes the catalog and removes the folder. */
static int teardown(void **state)
{
	struct fixture *f = *state;

	catalog_close(f->cat);
	unlink(f->db);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void test_builds_procedures_and_fields(void **state)
{
	struct fixture *f = *state;
	const struct catalog_field *fields;
	size_t n;

	assert_int_equal(catalog_count(f->cat), 7);
	fields = catalog_fields(f->cat, &n);
	/* By name as read, marks aside: Chứng thực, Chuyển đổi số, Đăng ký ..., Hộ tịch. */
	assert_int_equal(n, 4);
	assert_string_equal(fields[0].name, "Chứng thực");
	assert_string_equal(fields[1].name, "Chuyển đổi số");
	assert_string_equal(fields[2].name, "Đăng ký, quản lý cư trú");
	assert_string_equal(fields[3].name, "Hộ tịch");
	assert_int_equal(fields[3].count, 3);
	assert_string_equal(catalog_entry(f->cat, "1.001193")->name, "Thủ tục đăng ký khai sinh");
	assert_null(catalog_entry(f->cat, "9.999999"));
}

static void test_procedure_page(void **state)
{
	struct fixture *f = *state;
	struct procedure *p;
	char *cause = NULL;
	size_t i;

	p = catalog_procedure_get(f->cat, "1.004222", &cause);
	assert_non_null(p);
	assert_string_equal(p->name, "Đăng ký thường trú");
	assert_string_equal(p->field, "Đăng ký, quản lý cư trú");
	assert_int_equal(p->nchannels, 2);
	assert_string_equal(p->channels[1].way, "direct");
	assert_string_equal(p->channels[1].time, "7 Ngày làm việc");
	assert_string_equal(p->channels[1].fee, "20,000 Việt Nam Đồng");
	assert_int_equal(p->channels[1].fee_vnd, 20000);
	assert_non_null(p->channels[1].fee_note);
	assert_null(p->channels[1].text);
	assert_true(p->npapers >= 1);
	assert_string_equal(p->papers[0].form, "Mẫu số 01");
	assert_int_equal(p->papers[0].original, 1);
	assert_int_equal(p->papers[0].copy, -1);
	assert_true(p->nsteps >= 1);
	assert_int_equal(strncmp(p->steps[0], "Bước 1", strlen("Bước 1")), 0);
	assert_true(p->nresults >= 1);
	assert_non_null(p->conditions);
	for (i = 0; i < p->nlegal; i++)
		assert_true(p->legal[i].name != NULL || p->legal[i].text != NULL);
	procedure_free(p);

	/* A procedure an operator added: a channel kept whole, no legal basis. */
	p = catalog_procedure_get(f->cat, "XA.0001", &cause);
	assert_non_null(p);
	assert_int_equal(p->nchannels, 1);
	assert_null(p->channels[0].fee);
	assert_int_equal(p->channels[0].fee_vnd, -1);
	assert_non_null(p->channels[0].text);
	assert_string_equal(p->where, "Nhà văn hóa xã, sáng thứ Bảy");
	assert_int_equal(p->nlegal, 0);
	procedure_free(p);

	assert_null(catalog_procedure_get(f->cat, "1.000000", &cause));
	assert_non_null(strstr(cause, "1.000000"));
	free(cause);
}

static void test_free_procedure_is_free(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;
	struct procedure *p = catalog_procedure_get(f->cat, "1.001193", &cause);
	size_t i;

	assert_non_null(p);
	assert_true(p->nchannels > 0);
	for (i = 0; i < p->nchannels; i++) {
		assert_string_equal(p->channels[i].fee, "Miễn phí");
		assert_int_equal(p->channels[i].fee_vnd, 0);
	}
	procedure_free(p);
}

static void test_search_through_catalog(void **state)
{
	struct fixture *f = *state;
	const struct catalog_entry *hits[8];
	size_t total;

	assert_true(catalog_search(f->cat, "khai si", 0, hits, 8, &total) >= 1);
	assert_string_equal(hits[0]->code, "1.001193");
	assert_true(catalog_search(f->cat, "Đăng ký kết hôn", 0, hits, 8, &total) >= 1);
	assert_string_equal(hits[0]->code, "1.000894");
	assert_true(catalog_search(f->cat, "xac nhan tinh trang hon nhan", 0, hits, 8, &total) >= 1);
	assert_string_equal(hits[0]->code, "1.004873");
	/* A paper's name finds the procedure that asks for it. */
	assert_true(catalog_search(f->cat, "giay chung sinh", 0, hits, 8, &total) >= 1);
	assert_string_equal(hits[0]->code, "1.001193");
	/* The official code too. */
	assert_int_equal(catalog_search(f->cat, "1.004222", 0, hits, 8, &total), 1);
	assert_string_equal(hits[0]->code, "1.004222");
	assert_int_equal(catalog_search(f->cat, "xe tang", 0, hits, 8, &total), 0);
	assert_int_equal(total, 0);
}

static void test_announcements_by_date(void **state)
{
	struct fixture *f = *state;
	struct announcement_list *l;
	char *cause = NULL;

	l = catalog_announcements_get(f->cat, "2026-03-01", &cause);
	assert_non_null(l);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->items[0].id, "now");     /* newest first */
	assert_string_equal(l->items[1].id, "older");
	assert_string_equal(l->items[0].from, "2026-01-01");
	assert_string_equal(l->items[0].body, "Nội dung thông báo thử.");
	announcement_list_free(l);
	/* The last day counts; the day after does not. */
	l = catalog_announcements_get(f->cat, "2025-01-31", &cause);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->items[0].title, "Thông báo đã hết hạn");
	announcement_list_free(l);
	l = catalog_announcements_get(f->cat, "2025-02-01", &cause);
	assert_int_equal(l->n, 0);
	announcement_list_free(l);
	assert_null(catalog_announcements_get(f->cat, "1/3/2026", &cause));
	free(cause);
}

static void test_units_and_address_search(void **state)
{
	struct fixture *f = *state;
	const struct catalog_unit *units, *u;
	struct catalog_place hits[8];
	size_t n, total;

	units = catalog_provinces(f->cat, &n);
	assert_int_equal(n, 2);
	assert_string_equal(units[0].code, "01");
	assert_string_equal(units[0].kind, "Thành phố");
	units = catalog_communes(f->cat, "01", &n);
	assert_int_equal(n, 3);
	assert_string_equal(units[0].name, "Phường Ba Đình");
	assert_string_equal(units[2].code, "00376");
	assert_ptr_equal(units[0].province, catalog_unit(f->cat, "01"));
	assert_null(catalog_communes(f->cat, "99", &n));
	assert_int_equal(n, 0);
	u = catalog_unit(f->cat, "06325");
	assert_non_null(u);
	assert_string_equal(u->name, "Xã Bắc Sơn");
	assert_string_equal(u->province->name, "Tỉnh Lạng Sơn");

	/* These sources have no old communes: units by their own names only. */
	assert_int_equal(catalog_search_province_places(f->cat, "lang son", hits, 8, &total), 1);
	assert_string_equal(hits[0].unit->code, "20");
	assert_null(hits[0].was_province);
	assert_int_equal(catalog_search_places(f->cat, NULL, "ba dinh", hits, 8, &total), 1);
	assert_string_equal(hits[0].unit->code, "00004");
	assert_null(hits[0].was);
	assert_int_equal(catalog_search_places(f->cat, "20", "ba dinh", hits, 8, &total), 0);
	assert_int_equal(catalog_search_places(f->cat, "20", "bac", hits, 8, &total), 1);
	assert_int_equal(catalog_search_places(f->cat, "01", "phuong", hits, 8, &total), 2);
	assert_int_equal(catalog_search_places(f->cat, "77", "phuong", hits, 8, &total), 0);
}

/* True when every line of want appears among the reported problems. */
static void expect_reported(const char *want)
{
	if (strstr(reported, want) == NULL)
		fail_msg("not reported: %s\nreported:\n%s", want, reported);
}

static void test_bad_sources_are_named(void **state)
{
	struct fixture *f = *state;
	char out[128], *cause = NULL;

	snprintf(out, sizeof out, "%s/bad.db", f->dir);
	reported[0] = '\0';
	assert_int_equal(content_build(BAD, out, collect, NULL, &cause), -1);
	assert_non_null(strstr(cause, "17 problems"));
	free(cause);
	expect_reported("procedures/1.000001.json: \"name\" is missing");
	expect_reported("procedures/1.000001.json: \"field\" is not in Unicode NFC");
	expect_reported("procedures/1.000001.json: channels[0]: unknown key \"feee\"");
	expect_reported("procedures/1.000001.json: channels[0]: \"way\" must be direct, online or post, not \"walk\"");
	expect_reported("procedures/1.000001.json: papers[0]: \"original\" must be a whole number");
	expect_reported("procedures/1.000002.json: the file must be named after its code: 1.000009.json");
	expect_reported("procedures/1.000003.json: \"name\" holds a control character");
	expect_reported("procedures/1.000003.json: \"papers\" is missing");
	expect_reported("procedures/1.000003.json: channels[0]: \"fee_vnd\" needs the published \"fee\"");
	expect_reported("procedures/1.000004.json:4: ");
	expect_reported("units/01.json: communes[1]: \"code\" must be 5 digits");
	expect_reported("units/01.json: communes[2]: \"kind\" must be one of \"Xã\", \"Phường\", \"Đặc khu\", not \"Huyện\"");
	expect_reported("units/02.json: communes[0]: commune code 00004 is already used in units/01.json");
	expect_reported("announcements/bad-date.json: \"from\" must be a date written YYYY-MM-DD");
	expect_reported("announcements/escape.json: \"title\" holds a control character");
	expect_reported("announcements/escape.json: \"body\" is missing");
	expect_reported("announcements/reversed.json: \"from\" (2026-05-01) is after \"to\" (2026-04-01)");
	/* Nothing written, no temporary file left behind. */
	assert_int_equal(access(out, F_OK), -1);
	assert_int_equal(entries(f->dir), 1);
}

static void test_missing_folder_and_check_only(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;

	(void)f;
	reported[0] = '\0';
	assert_int_equal(content_build(GOOD, NULL, collect, NULL, &cause), 0);
	assert_string_equal(reported, "");
	assert_int_equal(content_build("/nonexistent/catalog", NULL, collect, NULL, &cause), -1);
	free(cause);
	expect_reported("procedures/: cannot read the folder");
	expect_reported("units/: cannot read the folder");
}

/* Found by fuzzing (tests/fuzz/fuzz_content.c): a folder with no source
 * sorted a NULL list of names. Empty folders build an empty catalog. */
static void test_empty_folders(void **state)
{
	struct fixture *f = *state;
	char *src = xprintf("%s/empty", f->dir), *sub;
	const char *const subs[] = { "procedures", "units", "announcements" };
	char *cause = NULL;
	size_t i;

	for (i = 0; i < 3; i++) {
		sub = xprintf("%s/%s", src, subs[i]);
		assert_int_equal(mkdir_p(sub, 0700), 0);
		free(sub);
	}
	reported[0] = '\0';
	assert_int_equal(content_build(src, NULL, collect, NULL, &cause), 0);
	assert_string_equal(reported, "");
	assert_int_equal(remove_tree(src), 0);
	free(src);
}

static void test_replacement_is_atomic(void **state)
{
	struct fixture *f = *state;
	const struct catalog_entry *hits[4];
	struct stat before, after;
	char *cause = NULL;
	size_t total;

	/* A failed build leaves the file as it was. */
	assert_int_equal(stat(f->db, &before), 0);
	reported[0] = '\0';
	assert_int_equal(content_build(BAD, f->db, collect, NULL, &cause), -1);
	free(cause);
	assert_int_equal(stat(f->db, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	assert_int_equal(before.st_size, after.st_size);
	assert_int_equal(entries(f->dir), 1);

	/* A good one puts a new file in its place (a rename): the catalog
	 * still open on the old one keeps working, a new open sees the new. */
	assert_int_equal(content_build(GOOD, f->db, collect, NULL, &cause), 0);
	assert_int_equal(stat(f->db, &after), 0);
	assert_true(before.st_ino != after.st_ino);
	assert_int_equal(after.st_mode & 0777, 0644);
	assert_int_equal(entries(f->dir), 1);
	assert_int_equal(catalog_search(f->cat, "khai sinh", 0, hits, 4, &total), 1);
	catalog_close(f->cat);
	f->cat = catalog_open(f->db, &cause);
	assert_non_null(f->cat);
	assert_int_equal(catalog_count(f->cat), 7);
}

static void test_open_refuses_other_files(void **state)
{
	struct fixture *f = *state;
	char path[128], *cause = NULL;
	FILE *fp;

	assert_null(catalog_open("/nonexistent/content.db", &cause));
	free(cause);
	snprintf(path, sizeof path, "%s/empty.db", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_null(catalog_open(path, &cause));
	assert_non_null(strstr(cause, "content build"));
	free(cause);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builds_procedures_and_fields),
		cmocka_unit_test(test_procedure_page),
		cmocka_unit_test(test_free_procedure_is_free),
		cmocka_unit_test(test_search_through_catalog),
		cmocka_unit_test(test_announcements_by_date),
		cmocka_unit_test(test_empty_folders),
		cmocka_unit_test(test_units_and_address_search),
		cmocka_unit_test(test_bad_sources_are_named),
		cmocka_unit_test(test_missing_folder_and_check_only),
		cmocka_unit_test(test_replacement_is_atomic),
		cmocka_unit_test(test_open_refuses_other_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
