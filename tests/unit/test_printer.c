/* Tests for printer.c with real files, FIFOs, /dev/full, a pseudo-terminal
 * playing a two-way printer, and shell commands: every fault is -1 with a
 * reason, nothing crashes, the file printer's files appear whole. */
#include "unit.h"

#include <dirent.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bitmap.h"
#include "config.h"
#include "escpos.h"
#include "printer.h"
#include "receipt.h"
#include "slip.h"
#include "util.h"

struct fixture {
	char dir[64];
	struct config cfg;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);

	strcpy(fx->dir, "/tmp/kiosk-printer-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	config_defaults(&fx->cfg);
	strcpy(fx->cfg.content_dir, SRCDIR);
	fx->cfg.printer_timeout = 1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char *cmd = xprintf("rm -rf %s", fx->dir);
	int rc = system(cmd);

	free(cmd);
	free(fx);
	return rc == 0 ? 0 : -1;
}

/* A receipt laid out for p. */
static void receipt(const struct printer *p, struct slip *s)
{
	static const char *const papers[] = { "Tờ khai đăng ký khai sinh" };
	struct receipt r = { .commune = "Xã Nghĩa Hành", .booth = "demo-01", .procedure = "Đăng ký khai sinh",
			     .code = "HD7-K4Q2-9", .submitted = 1795742460, .due = { 2026, 12, 2 },
			     .fee = "Miễn phí", .papers = papers, .npapers = 1, .papers_complete = 1,
			     .qr = "HD7-K4Q2-9" };

	slip_init(s, printer_cols(p));
	receipt_layout(&r, s);
}

/* Opens the fixture's printer and prints a receipt: the rc, *cause set. */
static int print(struct fixture *fx, char **cause)
{
	struct printer *p = printer_open(&fx->cfg, cause);
	struct slip s;
	int rc;

	assert_non_null(p);
	receipt(p, &s);
	rc = printer_print(p, &s, "receipt", cause);
	slip_free(&s);
	printer_close(p);
	return rc;
}

/* The bytes and PBM a receipt renders to with the fixture's settings. */
static void expected(struct fixture *fx, struct bytes *out, uint8_t **pbm, size_t *plen)
{
	char *cause = NULL;
	struct printer *p = printer_open(&fx->cfg, &cause);
	struct bitmap bm;
	struct slip s;

	if (p == NULL)
		fail_msg("%s", cause);
	receipt(p, &s);
	assert_int_equal(printer_render(p, &s, out, &bm, &cause), 0);
	*pbm = bitmap_pbm(&bm, plen);
	bitmap_free(&bm);
	slip_free(&s);
	printer_close(p);
}

/* Expects a print to fail with a reason containing what. */
static void fails(struct fixture *fx, const char *what)
{
	char *cause = NULL;

	assert_int_equal(print(fx, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, what) == NULL)
		fail_msg("reason \"%s\" does not say \"%s\"", cause, what);
	free(cause);
}

/* Names in a folder, sorted, joined by spaces. */
static char *listing(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), i;
	char *all = xstrdup("");

	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' || strlen(names[i]->d_name) > 2) {
			char *next = xprintf("%s%s%s", all, *all ? " " : "", names[i]->d_name);

			free(all);
			all = next;
		}
		free(names[i]);
	}
	free(names);
	return all;
}

/* True when file path holds exactly the n bytes. */
static int file_is(const char *path, const void *data, size_t n)
{
	size_t len;
	char *got = file_read(path, &len);
	int same = got != NULL && len == n && memcmp(got, data, n) == 0;

	free(got);
	return same;
}

static void test_file_printer(void **state)
{
	struct fixture *fx = *state;
	struct bytes job = { 0 };
	uint8_t *pbm;
	size_t plen;
	char *cause = NULL, *names, *path, *taken;
	int w;

	for (w = 0; w < 2; w++) {
		fx->cfg.printer_width = w ? 80 : 58;
		snprintf(fx->cfg.printer_path, sizeof fx->cfg.printer_path, "%s/%d/out", fx->dir, w);
		assert_int_equal(print(fx, &cause), 0);
		assert_int_equal(print(fx, &cause), 0);
		names = listing(fx->cfg.printer_path);
		/* Two jobs, numbered; no temporary file left behind. */
		assert_string_equal(names, "000001-receipt.escpos 000001-receipt.pbm "
					   "000002-receipt.escpos 000002-receipt.pbm");
		free(names);
		job.len = 0;
		expected(fx, &job, &pbm, &plen);
		assert_memory_equal(pbm, w ? "P4\n576 " : "P4\n384 ", 7);
		path = xprintf("%s/000002-receipt.escpos", fx->cfg.printer_path);
		assert_true(file_is(path, job.data, job.len));
		free(path);
		path = xprintf("%s/000002-receipt.pbm", fx->cfg.printer_path);
		assert_true(file_is(path, pbm, plen));
		free(path);
		free(pbm);
	}
	/* Another process took number 3: this job is 4, nothing is replaced. */
	taken = xprintf("%s/000003-ticket.pbm", fx->cfg.printer_path);
	close(open(taken, O_CREAT | O_WRONLY, 0600));
	assert_int_equal(print(fx, &cause), 0);
	free(taken);
	names = listing(fx->cfg.printer_path);
	assert_non_null(strstr(names, "000003-ticket.pbm 000004-receipt.escpos 000004-receipt.pbm"));
	free(names);
	bytes_free(&job);
	/* A folder that cannot be made: a file is in the way. */
	snprintf(fx->cfg.printer_path, sizeof fx->cfg.printer_path, "%s/0/out/000001-receipt.pbm/x", fx->dir);
	fails(fx, "cannot create it");
}

static void test_device_faults(void **state)
{
	struct fixture *fx = *state;
	char *fifo = xprintf("%s/fifo", fx->dir), *cause = NULL;
	int reader, rc = 0, i;

	fx->cfg.printer_type = PRINTER_DEVICE;
	snprintf(fx->cfg.printer_path, sizeof fx->cfg.printer_path, "%s/lp0", fx->dir);
	fails(fx, "not found (unplugged or switched off?)");
	/* Nothing may be created at the device path. */
	assert_int_equal(access(fx->cfg.printer_path, F_OK), -1);
	strcpy(fx->cfg.printer_path, "/dev/full");
	fails(fx, "write error");
	/* A FIFO nobody reads: nothing connected. */
	assert_int_equal(mkfifo(fifo, 0600), 0);
	snprintf(fx->cfg.printer_path, sizeof fx->cfg.printer_path, "%s", fifo);
	fails(fx, "nothing is connected");
	/* A reader that never reads: the pipe fills (64 KiB, a few receipts),
	 * then the timeout. */
	reader = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(reader >= 0);
	for (i = 0; i < 10 && (rc = print(fx, &cause)) == 0; i++)
		;
	assert_int_equal(rc, -1);
	assert_non_null(strstr(cause, "took no data for 1 s"));
	free(cause);
	close(reader);
	free(fifo);
}

/* Plays a two-way printer on the pty master: answers the paper query with
 * reply, then copies what it receives to the file out until the slave
 * side is closed everywhere. */
static pid_t printer_on_pty(int master, int slave, uint8_t reply, const char *out)
{
	pid_t pid = fork();
	uint8_t buf[4096];
	FILE *f;
	ssize_t n;
	int answered = 0;

	if (pid != 0)
		return pid;
	close(slave);
	f = fopen(out, "wb");
	while ((n = read(master, buf, sizeof buf)) > 0) {
		fwrite(buf, 1, (size_t)n, f);
		if (!answered && n >= 3 && memcmp(buf, ESCPOS_PAPER_QUERY, 3) == 0) {
			answered = write(master, &reply, 1) == 1;
		}
	}
	fclose(f);
	_exit(0);
}

static void test_two_way_device(void **state)
{
	struct fixture *fx = *state;
	struct bytes job = { 0 };
	char *out = xprintf("%s/received", fx->dir), *got, *cause = NULL, name[256];
	uint8_t *pbm;
	size_t plen, len;
	int master, slave, status;
	pid_t pid;

	fx->cfg.printer_type = PRINTER_DEVICE;
	fx->cfg.printer_baud = 115200;
	expected(fx, &job, &pbm, &plen);
	free(pbm);
	/* Paper: the job arrives whole, after the query, untranslated. */
	assert_int_equal(openpty(&master, &slave, name, NULL, NULL), 0);
	snprintf(fx->cfg.printer_path, sizeof fx->cfg.printer_path, "%s", name);
	pid = printer_on_pty(master, slave, 0x12, out);
	if (print(fx, &cause) != 0)
		fail_msg("%s", cause);
	close(slave);
	waitpid(pid, &status, 0);
	close(master);
	got = file_read(out, &len);
	assert_non_null(got);
	assert_int_equal(len, 3 + job.len);
	assert_memory_equal(got, ESCPOS_PAPER_QUERY, 3);
	assert_memory_equal(got + 3, job.data, job.len);
	free(got);
	/* Out of paper: the printer says so and nothing is sent. */
	assert_int_equal(openpty(&master, &slave, name, NULL, NULL), 0);
	snprintf(fx->cfg.printer_path, sizeof fx->cfg.printer_path, "%s", name);
	pid = printer_on_pty(master, slave, 0x12 | 0x60, out);
	fails(fx, "out of paper");
	close(slave);
	waitpid(pid, &status, 0);
	close(master);
	got = file_read(out, &len);
	assert_int_equal(len, 3);
	free(got);
	free(out);
	bytes_free(&job);
}

static void test_command_printer(void **state)
{
	struct fixture *fx = *state;
	struct bytes job = { 0 };
	char *out = xprintf("%s/lp.out", fx->dir), *cause = NULL;
	uint8_t *pbm;
	size_t plen;

	fx->cfg.printer_type = PRINTER_COMMAND;
	snprintf(fx->cfg.printer_command, sizeof fx->cfg.printer_command, "cat > %s", out);
	expected(fx, &job, &pbm, &plen);
	free(pbm);
	assert_int_equal(print(fx, &cause), 0);
	assert_true(file_is(out, job.data, job.len));
	strcpy(fx->cfg.printer_command, "cat >/dev/null; echo 'lp: The printer or class does not exist.' >&2; exit 3");
	fails(fx, "exited with status 3: lp: The printer or class does not exist.");
	/* A command that exits without reading: no SIGPIPE, a reason. */
	strcpy(fx->cfg.printer_command, "exit 0");
	fails(fx, "exited without reading");
	strcpy(fx->cfg.printer_command, "/nonexistent/lp -o raw");
	fails(fx, "exited with status 127");
	/* One that hangs is stopped after the timeout. */
	strcpy(fx->cfg.printer_command, "cat >/dev/null; exec sleep 30");
	fails(fx, "1 s");
	free(out);
	bytes_free(&job);
}

static void test_settings(void **state)
{
	struct fixture *fx = *state;
	char *cause = NULL;
	struct printer *p;

	fx->cfg.printer_type = PRINTER_NONE;
	fails(fx, "no printer");
	fx->cfg.printer_width = 70;
	assert_null(printer_open(&fx->cfg, &cause));
	assert_non_null(strstr(cause, "58 or 80"));
	free(cause);
	fx->cfg.printer_width = 80;
	fx->cfg.printer_type = PRINTER_DEVICE;
	fx->cfg.printer_path[0] = '\0';
	assert_null(printer_open(&fx->cfg, &cause));
	assert_non_null(strstr(cause, "[printer] path is empty"));
	free(cause);
	strcpy(fx->cfg.content_dir, "/nonexistent");
	strcpy(fx->cfg.printer_path, "/dev/usb/lp0");
	assert_null(printer_open(&fx->cfg, &cause));
	assert_non_null(strstr(cause, "unifont-kiosk.hex"));
	free(cause);
	strcpy(fx->cfg.content_dir, SRCDIR);
	p = printer_open(&fx->cfg, &cause);
	assert_int_equal(printer_cols(p), 70);
	printer_close(p);
	fx->cfg.printer_codepage = CODEPAGE_TEXT;
	p = printer_open(&fx->cfg, &cause);
	assert_int_equal(printer_cols(p), 48);
	printer_close(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_printer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_device_faults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_way_device, setup, teardown),
		cmocka_unit_test_setup_teardown(test_command_printer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
	};

	/* SIGPIPE stays deadly here, as it would be for a careless printer. */
	signal(SIGPIPE, SIG_DFL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
