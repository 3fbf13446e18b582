/* Tests for tar.c and the pure parts of bundle.c: archives written and
 * read back (long names, damage, truncation), the paths and versions a
 * bundle may hold, and the manifest's checks. Signing and installing are
 * tested with the real ssh-keygen in tests/cli/fleet_*.sh. */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle.h"
#include "tar.h"

/* A temporary file, unlinked at once: its descriptor is enough. */
static int temp_fd(void)
{
	char path[] = "/tmp/kiosk-tar-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	return fd;
}

/* Adds one file member to the archive on fd. */
static void put(int fd, const char *name, const char *data)
{
	char *cause = NULL;
	long long n = (long long)strlen(data);

	assert_int_equal(tar_write_header(fd, name, '0', 0644, n, 1700000000, &cause), 0);
	assert_int_equal(tar_write_data(fd, data, (size_t)n, &cause), 0);
	assert_int_equal(tar_write_pad(fd, n, &cause), 0);
}

static void test_tar_round_trip(void **state)
{
	char long_name[300], buf[64], *cause = NULL;
	struct tar_reader r;
	struct tar_entry e;
	int fd = temp_fd();
	ssize_t n;

	(void)state;
	/* 230 bytes: only fits with ustar's prefix field. */
	snprintf(long_name, sizeof long_name, "assets/%0120d/%0100d", 1, 2);
	put(fd, "screens/home.screen", "title = Trang chủ\n");
	put(fd, long_name, "x");
	put(fd, "empty", "");
	assert_int_equal(tar_write_header(fd, "assets", '5', 0755, 0, 0, &cause), 0);
	assert_int_equal(tar_write_end(fd, &cause), 0);
	lseek(fd, 0, SEEK_SET);

	tar_reader_init(&r, fd);
	assert_int_equal(tar_next(&r, &e, &cause), 1);
	assert_string_equal(e.name, "screens/home.screen");
	assert_int_equal(e.type, '0');
	assert_int_equal(e.size, (long long)strlen("title = Trang chủ\n"));
	assert_int_equal(e.mtime, 1700000000);
	n = tar_read(&r, buf, sizeof buf, &cause);
	assert_int_equal(n, e.size);
	assert_memory_equal(buf, "title = Trang chủ\n", (size_t)n);
	assert_int_equal(tar_read(&r, buf, sizeof buf, &cause), 0);
	/* The next member is found whether or not the data was read. */
	assert_int_equal(tar_next(&r, &e, &cause), 1);
	assert_string_equal(e.name, long_name);
	assert_int_equal(tar_next(&r, &e, &cause), 1);
	assert_string_equal(e.name, "empty");
	assert_int_equal(e.size, 0);
	assert_int_equal(tar_next(&r, &e, &cause), 1);
	assert_int_equal(e.type, '5');
	assert_int_equal(tar_next(&r, &e, &cause), 0);
	close(fd);
}

static void test_tar_refuses_names_too_long(void **state)
{
	char name[300], *cause = NULL;
	int fd = temp_fd();

	(void)state;
	memset(name, 'a', 200);
	name[200] = '\0'; /* no '/' to split at */
	assert_int_equal(tar_write_header(fd, name, '0', 0644, 0, 0, &cause), -1);
	assert_non_null(strstr(cause, "too long"));
	free(cause);
	close(fd);
}

/* Writes one member and the end, flips byte at, reads: expects an error
 * containing why. */
static void damaged(long at, const char *why)
{
	struct tar_reader r;
	struct tar_entry e;
	char *cause = NULL, c, buf[16];
	int fd = temp_fd(), rc;

	put(fd, "content.db", "0123456789");
	assert_int_equal(tar_write_end(fd, &cause), 0);
	if (at >= 0) {
		assert_int_equal(pread(fd, &c, 1, at), 1);
		c ^= 0x55;
		assert_int_equal(pwrite(fd, &c, 1, at), 1);
	} else {
		assert_int_equal(ftruncate(fd, -at), 0);
	}
	lseek(fd, 0, SEEK_SET);
	tar_reader_init(&r, fd);
	rc = tar_next(&r, &e, &cause);
	if (rc == 1 && tar_read(&r, buf, sizeof buf, &cause) >= 0)
		rc = tar_next(&r, &e, &cause);
	assert_int_equal(rc, -1);
	if (strstr(cause, why) == NULL)
		fail_msg("'%s' does not say '%s'", cause, why);
	free(cause);
	close(fd);
}

static void test_tar_damage_and_truncation(void **state)
{
	(void)state;
	damaged(3, "bad header checksum");     /* in the name */
	damaged(130, "bad header checksum");   /* in the size */
	damaged(-700, "cut short");            /* inside the data block */
	damaged(-1024, "no end marker");       /* after the data, before the end */
	damaged(-100, "cut short");            /* inside the header */
}

static void test_paths(void **state)
{
	static const char *const good[] = {
		"content.db", "screens/home.screen", "locale/vi.po", "assets/a/b/c-d_e.1.txt",
	};
	static const struct {
		const char *path, *why;
	} bad[] = {
		{ "", "empty path" },
		{ "/etc/passwd", "absolute" },
		{ "../x", "climbs out" },
		{ "screens/../../x", "climbs out" },
		{ "screens/..", "climbs out" },
		{ "screens//x", "empty" },
		{ "screens/./x", "'.'" },
		{ "screens/.hidden", "hidden" },
		{ "screens/", "empty" },
		{ "screens/a b", "characters" },
		{ "screens/tên.screen", "characters" },
		{ "bin/sh", "outside content.db" },
		{ "manifest.json", "outside content.db" },
		{ "content.db/x", "under content.db" },
		{ "screensx/a", "outside content.db" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_null(bundle_path_problem(good[i]));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *why = bundle_path_problem(bad[i].path);

		if (why == NULL || strstr(why, bad[i].why) == NULL)
			fail_msg("'%s': got '%s', expected '%s'", bad[i].path, why ? why : "(ok)",
				 bad[i].why);
	}
}

static void test_versions(void **state)
{
	(void)state;
	assert_true(bundle_version_ok("1.0"));
	assert_true(bundle_version_ok("2025.06.30-081500"));
	assert_true(bundle_version_ok("v3_rc1"));
	assert_false(bundle_version_ok(""));
	assert_false(bundle_version_ok("."));
	assert_false(bundle_version_ok(".."));
	assert_false(bundle_version_ok("-rf"));
	assert_false(bundle_version_ok("a/b"));
	assert_false(bundle_version_ok("a b"));
	assert_false(bundle_version_ok("0123456789012345678901234567890123456789012345678901234567890123456789"));
}

/* Parses a manifest; returns 0 or -1 and checks the cause mentions why. */
static int parse(const char *text, const char *why)
{
	struct manifest m;
	char *cause = NULL;
	int rc = manifest_parse(text, strlen(text), &m, &cause);

	if (rc == 0) {
		manifest_free(&m);
		return 0;
	}
	if (why != NULL && strstr(cause, why) == NULL)
		fail_msg("'%s' does not say '%s'", cause, why);
	free(cause);
	return -1;
}

#define HASH "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static void test_manifest(void **state)
{
	struct manifest m;
	char *cause = NULL;
	const char *good = "{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"1.0\","
			   "\"created\":1700000000,\"files\":["
			   "{\"path\":\"screens/b\",\"size\":0,\"sha256\":\"" HASH "\"},"
			   "{\"path\":\"content.db\",\"size\":3,\"sha256\":\"" HASH "\"}]}";

	(void)state;
	assert_int_equal(manifest_parse(good, strlen(good), &m, &cause), 0);
	assert_string_equal(m.version, "1.0");
	assert_int_equal(m.created, 1700000000);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.files[0].path, "content.db"); /* sorted */
	assert_int_equal(m.files[0].size, 3);
	manifest_free(&m);

	assert_int_equal(parse("not json", "manifest: line 1"), -1);
	assert_int_equal(parse("{\"format\":2,\"kind\":\"kiosk-content\"}", "format 1"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"other\"}", "kiosk-content"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"../x\","
			       "\"created\":1,\"files\":[]}", "version"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"1\","
			       "\"created\":\"today\",\"files\":[]}", "created"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"1\","
			       "\"created\":1,\"files\":[{\"path\":\"../x\",\"size\":1,\"sha256\":\""
			       HASH "\"}]}", "climbs out"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"1\","
			       "\"created\":1,\"files\":[{\"path\":\"content.db\",\"size\":1,"
			       "\"sha256\":\"E3B0\"}]}", "64 lower-case hex"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"1\","
			       "\"created\":1,\"files\":[{\"path\":\"content.db\",\"size\":-1,"
			       "\"sha256\":\"" HASH "\"}]}", "needs a path, a size"), -1);
	assert_int_equal(parse("{\"format\":1,\"kind\":\"kiosk-content\",\"version\":\"1\","
			       "\"created\":1,\"files\":[{\"path\":\"content.db\",\"size\":1,"
			       "\"sha256\":\"" HASH "\"},{\"path\":\"content.db\",\"size\":1,"
			       "\"sha256\":\"" HASH "\"}]}", "listed twice"), -1);
	assert_int_equal(parse("{\"format\":1,\"format\":1}", "duplicate"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tar_round_trip),
		cmocka_unit_test(test_tar_refuses_names_too_long),
		cmocka_unit_test(test_tar_damage_and_truncation),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_manifest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
