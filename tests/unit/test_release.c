/* Tests for release.c: the version store's folders, the atomic switch of
 * `current`, listing, rollback order, pruning, the lock, leftovers, and
 * content_changed() as the kiosk will call it between villagers. */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "release.h"
#include "util.h"

struct fixture {
	char dir[64];
	struct config cfg;
	struct release_store s;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	strcpy(f->dir, "/tmp/kiosk-release-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	config_defaults(&f->cfg);
	snprintf(f->cfg.content_dir, sizeof f->cfg.content_dir, "%s/content/current", f->dir);
	assert_int_equal(release_store_open(&f->s, f->cfg.content_dir, &cause), 0);
	assert_int_equal(release_lock(&f->s, &cause), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	release_store_close(&f->s);
	remove_tree(f->dir);
	free(f);
	return 0;
}

/* Stages and commits a version packed at created, holding one marker file. */
static void add_version(struct fixture *f, const char *version, long long created)
{
	char *cause = NULL, *staged = release_stage(&f->s, &cause), *path, *text;

	assert_non_null(staged);
	text = xprintf("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"%s\",\"created\":%lld,"
		       "\"files\":[]}", version, created);
	path = xprintf("%s/manifest.json", staged);
	assert_int_equal(file_write(path, text, strlen(text)), 0);
	free(path);
	path = xprintf("%s/marker", staged);
	assert_int_equal(file_write(path, version, strlen(version)), 0);
	free(path);
	free(text);
	assert_int_equal(release_commit(&f->s, staged, version, &cause), 0);
	free(staged);
}

/* The marker seen through content_dir (what the kiosk would read). */
static char *marker(struct fixture *f)
{
	char *path = xprintf("%s/marker", f->cfg.content_dir), *text = file_read(path, NULL);

	free(path);
	return text;
}

/* The current version, "" when none. */
static const char *current(struct fixture *f)
{
	static char version[BUNDLE_VERSION_MAX + 1];
	char target[CONFIG_STR];

	release_current(&f->s, version, sizeof version, target, sizeof target);
	return version;
}

static void test_store_needs_current(void **state)
{
	struct release_store s;
	char *cause = NULL;

	(void)state;
	assert_int_equal(release_store_open(&s, "build/content", &cause), -1);
	assert_non_null(strstr(cause, "FOLDER/current"));
	free(cause);
	assert_int_equal(release_store_open(&s, "current", &cause), -1);
	free(cause);
}

static void test_switch_and_changed(void **state)
{
	struct fixture *f = *state;
	struct content_stamp stamp = { 0 };
	char *cause = NULL, *text;

	add_version(f, "1.0", 100);
	assert_string_equal(current(f), "");
	assert_int_equal(release_switch(&f->s, "1.0", &cause), 0);
	assert_string_equal(current(f), "1.0");
	assert_int_equal(content_changed(&f->cfg, &stamp), 0); /* first look */
	assert_int_equal(content_changed(&f->cfg, &stamp), 0);
	add_version(f, "2.0", 200);
	assert_int_equal(content_changed(&f->cfg, &stamp), 0); /* installed, not switched */
	assert_int_equal(release_switch(&f->s, "2.0", &cause), 0);
	assert_int_equal(content_changed(&f->cfg, &stamp), 1);
	assert_int_equal(content_changed(&f->cfg, &stamp), 0);
	text = marker(f);
	assert_string_equal(text, "2.0");
	free(text);
	assert_int_equal(release_switch(&f->s, "9.9", &cause), -1);
	assert_non_null(strstr(cause, "not installed"));
	free(cause);
	assert_string_equal(current(f), "2.0");
}

static void test_force_replaces_in_place(void **state)
{
	struct fixture *f = *state;
	struct content_stamp stamp = { 0 };
	struct release *list;
	char *cause = NULL;
	size_t n;

	add_version(f, "1.0", 100);
	assert_int_equal(release_switch(&f->s, "1.0", &cause), 0);
	content_changed(&f->cfg, &stamp);
	/* Installed again (--force): the same name, another folder swapped in
	 * at once, which the kiosk sees as new content. */
	add_version(f, "1.0", 100);
	assert_string_equal(current(f), "1.0");
	assert_int_equal(content_changed(&f->cfg, &stamp), 1);
	assert_int_equal(release_list(&f->s, &list, &n, &cause), 0);
	assert_int_equal(n, 1); /* the swapped-out folder is gone */
	free(list);
}

static void test_list_previous_prune(void **state)
{
	struct fixture *f = *state;
	struct release *list;
	char prev[BUNDLE_VERSION_MAX + 1], *cause = NULL;
	size_t n;
	int removed;

	/* Installed out of order: listed by packing time. */
	add_version(f, "b", 200);
	add_version(f, "a", 100);
	add_version(f, "d", 400);
	add_version(f, "c", 300);
	assert_int_equal(release_switch(&f->s, "b", &cause), 0);
	assert_int_equal(release_list(&f->s, &list, &n, &cause), 0);
	assert_int_equal(n, 4);
	assert_string_equal(list[0].version, "a");
	assert_string_equal(list[3].version, "d");
	assert_true(list[1].current);
	free(list);
	assert_int_equal(release_previous(&f->s, prev, sizeof prev, &cause), 1);
	assert_string_equal(prev, "a");
	/* Three kept: the oldest goes, b stays because it is in use. */
	assert_int_equal(release_prune(&f->s, 3, &removed, &cause), 0);
	assert_int_equal(removed, 1);
	assert_false(release_exists(&f->s, "a"));
	assert_true(release_exists(&f->s, "b"));
	assert_int_equal(release_previous(&f->s, prev, sizeof prev, &cause), 0);
	/* With only two kept, b (current) still stays: c goes. */
	assert_int_equal(release_prune(&f->s, 2, &removed, &cause), 0);
	assert_int_equal(removed, 1);
	assert_true(release_exists(&f->s, "b"));
	assert_false(release_exists(&f->s, "c"));
	assert_true(release_exists(&f->s, "d"));
}

static void test_lock_and_leftovers(void **state)
{
	struct fixture *f = *state;
	struct release_store other;
	char *cause = NULL, *staged, *old;
	struct stat st;

	assert_int_equal(release_store_open(&other, f->cfg.content_dir, &cause), 0);
	assert_int_equal(release_lock(&other, &cause), -1);
	assert_non_null(strstr(cause, "another content install"));
	free(cause);
	cause = NULL;
	/* What a killed install leaves is removed by the next lock holder. */
	staged = release_stage(&f->s, &cause);
	assert_non_null(staged);
	old = xprintf("%s/content/.old-1.0", f->dir);
	assert_int_equal(mkdir(old, 0755), 0);
	release_store_close(&f->s);
	assert_int_equal(release_lock(&other, &cause), 0);
	assert_int_equal(stat(staged, &st), -1);
	assert_int_equal(stat(old, &st), -1);
	release_store_close(&other);
	free(staged);
	free(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store_needs_current),
		cmocka_unit_test_setup_teardown(test_switch_and_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_force_replaces_in_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_previous_prune, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_and_leftovers, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
