/* Tests for scanner.c: a pseudo-terminal stands in for a USB-CDC QR
 * scanner; the test writes on the master side as the scanner would. */
#include "unit.h"

#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cccd.h"
#include "config.h"
#include "scanner.h"

struct pty {
	int master;
	struct scanner *s;
};

/* Opens a pseudo-terminal and the scanner reader on its slave side. */
static int pty_setup(void **state)
{
	struct pty *p = calloc(1, sizeof *p);
	char name[256];
	char *cause = NULL;
	int slave;

	assert_int_equal(openpty(&p->master, &slave, name, NULL, NULL), 0);
	p->s = scanner_open(name, 9600, &cause);
	if (p->s == NULL)
		fail_msg("%s", cause);
	/* The reader has its own descriptor: this one is not needed. */
	close(slave);
	*state = p;
	return 0;
}

/* Closes both sides. */
static int pty_teardown(void **state)
{
	struct pty *p = *state;

	scanner_close(p->s);
	if (p->master >= 0)
		close(p->master);
	free(p);
	return 0;
}

/* Writes s as the scanner would, all at once. */
static void send_bytes(struct pty *p, const char *s, size_t n)
{
	assert_int_equal(write(p->master, s, n), (ssize_t)n);
	tcdrain(p->master);
}

/* Reads until a line comes (the bytes may take a moment to cross). */
static char *next_line(struct pty *p)
{
	char *line = NULL, *cause = NULL;
	int i, r = 0;

	for (i = 0; i < 2000 && r == 0; i++) {
		r = scanner_read(p->s, &line, &cause);
		if (r == 0)
			usleep(1000);
	}
	if (r != 1)
		fail_msg("no line from the scanner (%s)", cause ? cause : "timeout");
	return line;
}

static void test_reads_raw_utf8_lines(void **state)
{
	struct pty *p = *state;
	static const char scan[] = "093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|"
		"56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ|04102024||||";
	char *line, *cause = NULL;
	struct cccd c;

	/* Raw mode: the CR stays a CR (no translation) and ends the line. */
	send_bytes(p, scan, sizeof scan - 1);
	send_bytes(p, "\r\n", 2);
	line = next_line(p);
	assert_string_equal(line, scan);
	assert_int_equal(cccd_parse(line, strlen(line), &c, &cause), 0);
	assert_string_equal(c.name, "Nguyễn Thị Kim Thư");
	free(line);
	/* Nothing more is waiting. */
	assert_int_equal(scanner_read(p->s, &line, &cause), 0);
}

static void test_split_and_joined_lines(void **state)
{
	struct pty *p = *state;
	char *line, *cause = NULL;

	/* One code in two pieces; then two codes in one write, NUL-ended. */
	send_bytes(p, "Nguy\xe1\xbb", 6);
	usleep(20000);
	assert_int_equal(scanner_read(p->s, &line, &cause), 0);
	send_bytes(p, "\x85n\r", 3);
	line = next_line(p);
	assert_string_equal(line, "Nguyễn");
	free(line);
	send_bytes(p, "first\n\nsecond\r\0", 15);
	line = next_line(p);
	assert_string_equal(line, "first");
	free(line);
	line = next_line(p);
	assert_string_equal(line, "second");
	free(line);
}

static void test_overlong_line_dropped(void **state)
{
	struct pty *p = *state;
	char *big = malloc(SCANNER_LINE_MAX + 100), *line;
	size_t sent = 0;

	memset(big, 'x', SCANNER_LINE_MAX + 100);
	/* The terminal passes at most a few KiB at a time: feed and read. */
	while (sent < SCANNER_LINE_MAX + 100) {
		char *cause = NULL;
		size_t n = SCANNER_LINE_MAX + 100 - sent < 1024 ? SCANNER_LINE_MAX + 100 - sent : 1024;

		send_bytes(p, big + sent, n);
		sent += n;
		usleep(5000);
		assert_int_equal(scanner_read(p->s, &line, &cause), 0);
	}
	send_bytes(p, "\nok\n", 4);
	line = next_line(p);
	assert_string_equal(line, "ok");
	free(line);
	free(big);
}

static void test_unplugged(void **state)
{
	struct pty *p = *state;
	char *line = NULL, *cause = NULL;
	int i, r = 0;

	close(p->master);
	p->master = -1;
	for (i = 0; i < 1000 && r == 0; i++) {
		r = scanner_read(p->s, &line, &cause);
		if (r == 0)
			usleep(1000);
	}
	assert_int_equal(r, -1);
	assert_non_null(cause);
	free(cause);
}

static void test_open_errors(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_null(scanner_open("/nonexistent/ttyACM9", 9600, &cause));
	assert_non_null(strstr(cause, "/nonexistent/ttyACM9"));
	free(cause);
	cause = NULL;
	assert_null(scanner_open("/dev/null", 1234, &cause));
	assert_non_null(cause);
	free(cause);
}

static void test_config_keys(void **state)
{
	char path[] = "/tmp/kiosk-scanner-XXXXXX", *cause = NULL;
	static const char ini[] = "[scanner]\ndevice = /dev/ttyACM0\nbaud = 115200\n"
		"[ui]\ntyping = vni\ntones = old\n";
	struct config cfg;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, ini, sizeof ini - 1), (ssize_t)(sizeof ini - 1));
	close(fd);
	config_defaults(&cfg);
	assert_string_equal(cfg.scanner_device, "");
	assert_int_equal(cfg.typing, VI_TELEX);
	assert_int_equal(cfg.tones, TONES_MODERN);
	if (config_load(&cfg, path, &cause) != 0)
		fail_msg("%s", cause);
	unlink(path);
	assert_string_equal(cfg.scanner_device, "/dev/ttyACM0");
	assert_int_equal(cfg.scanner_baud, 115200);
	assert_int_equal(cfg.typing, VI_VNI);
	assert_int_equal(cfg.tones, TONES_OLD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reads_raw_utf8_lines, pty_setup, pty_teardown),
		cmocka_unit_test_setup_teardown(test_split_and_joined_lines, pty_setup, pty_teardown),
		cmocka_unit_test_setup_teardown(test_overlong_line_dropped, pty_setup, pty_teardown),
		cmocka_unit_test_setup_teardown(test_unplugged, pty_setup, pty_teardown),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_config_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
