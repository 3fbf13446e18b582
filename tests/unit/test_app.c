/* Tests for the state machine and the views, without a terminal: the real
 * screens and catalogs of the checkout, drawn into a canvas. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "calls.h"
#include "canvas.h"
#include "config.h"
#include "db.h"
#include "pin.h"
#include "problems.h"
#include "uidata.h"
#include "util.h"

struct fixture {
	struct config cfg;
	struct uidata ui;
	struct db *db;
	struct app *app;
	struct canvas c;
	char dir[64];
	time_t now;
};

/* Loads the checkout's content and a fresh state.db in a temp folder. */
static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct problems p = { 0 };
	char *cause = NULL, *path;

	config_defaults(&f->cfg);
	snprintf(f->cfg.content_dir, sizeof f->cfg.content_dir, "%s", SRCDIR);
	f->cfg.idle_timeout = 60;
	f->cfg.idle_countdown = 10;
	if (uidata_load(&f->ui, &f->cfg, &p) != 0) {
		problems_print(&p, stderr, "");
		return -1;
	}
	snprintf(f->dir, sizeof f->dir, "/tmp/kiosk-test-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	path = xprintf("%s/state.db", f->dir);
	f->db = db_open(path, &cause);
	free(path);
	if (f->db == NULL)
		return -1;
	f->now = 1795748400; /* Friday 27/11/2026, 10:00 in Vietnam */
	f->app = app_new(&(struct app_env){ .cfg = &f->cfg, .screens = &f->ui.screens,
					    .forms = &f->ui.forms, .i18n = f->ui.i18n, .db = f->db },
			 f->now);
	canvas_resize(&f->c, 24, 80);
	*state = f;
	return 0;
}

/* Frees everything setup made. */
static int teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xprintf("rm -rf %s", f->dir);

	app_free(f->app);
	db_close(f->db);
	uidata_free(&f->ui);
	canvas_free(&f->c);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(cmd);
	free(f);
	return 0;
}

/* Draws and returns the whole screen as text, rows joined by newlines. */
static const char *screen(struct fixture *f)
{
	static char buf[24 * 80 * 4 + 64];
	int y;

	app_draw(f->app, &f->c, f->now);
	buf[0] = '\0';
	for (y = 0; y < f->c.rows; y++) {
		char *row = canvas_row(&f->c, y);

		strncat(buf, row, sizeof buf - strlen(buf) - 2);
		strcat(buf, "\n");
		free(row);
	}
	return buf;
}

/* Fails unless the screen shows text. */
static void expect_on_screen(struct fixture *f, const char *text)
{
	const char *s = screen(f);

	if (strstr(s, text) == NULL)
		fail_msg("\"%s\" not on screen:\n%s", text, s);
}

/* Fails if the screen shows text. */
static void expect_not_on_screen(struct fixture *f, const char *text)
{
	const char *s = screen(f);

	if (strstr(s, text) != NULL)
		fail_msg("\"%s\" is on screen:\n%s", text, s);
}

/* Sends one key. */
static void key(struct fixture *f, uint32_t k)
{
	app_event(f->app, &(struct event){ .type = EV_KEY, .key = k }, f->now);
}

/* Sends the keys of an ASCII string. */
static void keys(struct fixture *f, const char *s)
{
	for (; *s; s++)
		key(f, *s == '\n' ? AK_ENTER : (uint32_t)(unsigned char)*s);
}

/* Finds the first cell of text on screen: row and column. */
static void find(struct fixture *f, const char *text, int *y, int *x)
{
	int r;

	screen(f);
	for (r = 0; r < f->c.rows; r++) {
		char *row = canvas_row(&f->c, r), *at = strstr(row, text);

		if (at != NULL) {
			*y = r;
			*x = (int)(at - row); /* ASCII prefix in the tests that use this */
			free(row);
			return;
		}
		free(row);
	}
	fail_msg("\"%s\" not on screen", text);
}

/* A finger down at (y, x) and up at (y2, x2). */
static void touch(struct fixture *f, int y, int x, int y2, int x2)
{
	app_event(f->app, &(struct event){ .type = EV_PRESS, .y = y, .x = x }, f->now);
	app_event(f->app, &(struct event){ .type = EV_RELEASE, .y = y2, .x = x2 }, f->now);
}

static void test_home_screen(void **state)
{
	struct fixture *f = *state;

	expect_on_screen(f, "TRẠM DỊCH VỤ CÔNG · Xã Nghĩa Hành");
	expect_on_screen(f, "1  Tìm thủ tục, giấy tờ cần mang");
	expect_on_screen(f, "8  English");
	expect_on_screen(f, "● Chưa có mạng");
	expect_not_on_screen(f, "0  Quay lại"); /* nowhere to go back to */
	assert_true(app_idle(f->app));
}

/* calls_list() callback: counts the calls. */
static void count_call(const struct call_row *c, void *ctx)
{
	(void)c;
	++*(int *)ctx;
}

static void test_digits_and_back(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;
	int n = 0;

	keys(f, "6"); /* paying a fee: no bank settings here */
	expect_on_screen(f, "Nộp phí bằng mã QR");
	expect_on_screen(f, "Trạm này chưa nhận nộp phí bằng mã QR.");
	expect_on_screen(f, "0  Quay lại");
	assert_false(app_idle(f->app));
	keys(f, "0");
	expect_on_screen(f, "1  Tìm thủ tục");
	keys(f, "0"); /* at home, back does nothing */
	expect_on_screen(f, "1  Tìm thủ tục");
	assert_true(app_idle(f->app));
	keys(f, "9"); /* a helper is called, once while the call is open */
	expect_on_screen(f, "Đã gọi cán bộ, xin chờ trong giây lát.");
	keys(f, "0");
	expect_on_screen(f, "9  Gọi cán bộ hỗ trợ");
	assert_true(app_idle(f->app));
	keys(f, "9");
	expect_on_screen(f, "Đã gọi cán bộ, xin chờ trong giây lát.");
	assert_int_equal(calls_list(f->db, 1, count_call, &n, &cause), 1);
	assert_int_equal(n, 1);
}

static void test_arrows_move_in_the_grid(void **state)
{
	struct fixture *f = *state;

	key(f, AK_DOWN);            /* first arrow: choice 1 */
	key(f, AK_RIGHT);           /* 2 */
	key(f, AK_DOWN);            /* 4 */
	key(f, AK_DOWN);            /* 6 */
	key(f, AK_LEFT);            /* 5 */
	key(f, AK_LEFT);            /* stays on 5 */
	key(f, AK_ENTER);
	expect_on_screen(f, "Lấy số thứ tự                     ");
	key(f, AK_ENTER);           /* no counters here, only back: Enter goes back */
	expect_on_screen(f, "1  Tìm thủ tục");
}

static void test_touch_acts_on_press_and_release(void **state)
{
	struct fixture *f = *state;
	int y, x, y2, x2;

	find(f, "7  ", &y, &x);
	find(f, "8  ", &y2, &x2);
	touch(f, y, x + 3, y2, x2 + 3);  /* dragged from 7 to 8: nothing */
	expect_on_screen(f, "8  English");
	find(f, "6  ", &y, &x);
	touch(f, y + 1, x + 10, y, x + 2); /* within box 6 */
	expect_on_screen(f, "Nộp phí bằng mã QR");
	expect_on_screen(f, "Trạm này chưa nhận nộp phí bằng mã QR.");
	find(f, "0  Quay lại", &y, &x);
	touch(f, y, 50, y, 50);
	expect_on_screen(f, "1  Tìm thủ tục");
	/* A release alone (press and release read together) is a tap. */
	find(f, "8  ", &y, &x);
	app_event(f->app, &(struct event){ .type = EV_RELEASE, .y = y, .x = x }, f->now);
	expect_on_screen(f, "PUBLIC SERVICE BOOTH");
}

static void test_language_switch(void **state)
{
	struct fixture *f = *state;

	keys(f, "8");
	expect_on_screen(f, "PUBLIC SERVICE BOOTH · Xã Nghĩa Hành");
	expect_on_screen(f, "8  Tiếng Việt");
	expect_on_screen(f, "● Offline");
	expect_on_screen(f, "Fri ");
	assert_false(app_idle(f->app));
	keys(f, "8");
	expect_on_screen(f, "TRẠM DỊCH VỤ CÔNG");
	expect_on_screen(f, "Thứ Sáu ");
}

static void test_control_keys_do_nothing(void **state)
{
	struct fixture *f = *state;

	key(f, AK_IGNORED);
	key(f, 3);   /* Ctrl-C as a character, should one get through */
	key(f, 26);  /* Ctrl-Z */
	key(f, 28);  /* Ctrl-\ */
	assert_false(app_quit(f->app));
	expect_on_screen(f, "1  Tìm thủ tục");
}

static void test_idle_countdown_and_reset(void **state)
{
	struct fixture *f = *state;

	keys(f, "8");
	keys(f, "*/*/");
	keys(f, "12");
	expect_on_screen(f, "● ●");
	f->now += 59;
	app_tick(f->app, f->now);
	expect_not_on_screen(f, "Are you still there?");
	f->now += 1;
	app_tick(f->app, f->now);
	expect_on_screen(f, "Are you still there?");
	expect_on_screen(f, "Back to the start in 10 seconds.");
	/* A key keeps the session; the typed digits stay. */
	key(f, AK_IGNORED);
	expect_not_on_screen(f, "Are you still there?");
	expect_on_screen(f, "● ●");
	f->now += 60;
	app_tick(f->app, f->now);
	f->now += 9;
	app_tick(f->app, f->now);
	expect_on_screen(f, "Back to the start in 1 seconds.");
	f->now += 1;
	app_tick(f->app, f->now);
	expect_on_screen(f, "TRẠM DỊCH VỤ CÔNG");
	assert_true(app_idle(f->app));
	keys(f, "*/*/");
	expect_on_screen(f, "Mở menu cán bộ");
	expect_not_on_screen(f, "● ●");
}

/* Lets the idle countdown run out. */
static void idle_out(struct fixture *f)
{
	f->now += f->cfg.idle_timeout;
	app_tick(f->app, f->now);
	f->now += f->cfg.idle_countdown;
	app_tick(f->app, f->now);
	expect_on_screen(f, "TRẠM DỊCH VỤ CÔNG");
}

/* After the reset the next villager finds the same form empty: nothing
 * typed by the last one comes back (tests/screen/idle_wipe.sh does the
 * search and the lookup, which need content). */
static void test_idle_reset_forgets_the_villager(void **state)
{
	struct fixture *f = *state;

	keys(f, "31");
	expect_on_screen(f, "Đăng ký khai sinh");
	keys(f, "Nguyeenx Thij Hoa\n051185000123");
	expect_on_screen(f, "Nguyễn Thị Hoa");
	expect_on_screen(f, "051185000123");
	idle_out(f);
	keys(f, "31");
	expect_on_screen(f, "Đăng ký khai sinh");
	expect_not_on_screen(f, "Nguyễn");
	expect_not_on_screen(f, "051185000123");
}

static void test_home_does_not_count_down(void **state)
{
	struct fixture *f = *state;

	f->now += 1000;
	app_tick(f->app, f->now);
	expect_not_on_screen(f, "Bạn còn ở đây không?");
}

static void test_helper_pin(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;

	keys(f, "*/*/");
	keys(f, "1234\n");
	expect_on_screen(f, "Trạm chưa có mã PIN");
	assert_int_equal(pin_set(f->db, "2468", &cause), 0);
	keys(f, "1111\n");
	expect_on_screen(f, "Sai mã PIN. Còn 4 lần thử.");
	keys(f, "2468\n");
	expect_on_screen(f, "MENU CÁN BỘ HỖ TRỢ · Xã Nghĩa Hành");
	keys(f, "1");
	expect_on_screen(f, "Phiên bản phần mềm");
	keys(f, "0");
	keys(f, "2");
	assert_true(app_quit(f->app));
}

static void test_helper_sequence_must_be_exact(void **state)
{
	struct fixture *f = *state;

	keys(f, "*/*");
	keys(f, "1");          /* broken by another key */
	keys(f, "0/");
	expect_not_on_screen(f, "Mở menu cán bộ");
	keys(f, "*/");
	f->now += 10;          /* too slow */
	keys(f, "*/");
	expect_not_on_screen(f, "Mở menu cán bộ");
	keys(f, "*/");
	expect_on_screen(f, "Mở menu cán bộ");
	/* Backspace on the empty field leaves. */
	key(f, AK_BACKSPACE);
	expect_on_screen(f, "1  Tìm thủ tục");
}

static void test_pin_lock_after_five(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;
	int i;

	assert_int_equal(pin_set(f->db, "2468", &cause), 0);
	keys(f, "*/*/");
	for (i = 0; i < 5; i++)
		keys(f, "0000\n");
	expect_on_screen(f, "Nhập sai nhiều lần nên đã khoá.");
	keys(f, "2468\n");
	expect_on_screen(f, "khoá");
	expect_not_on_screen(f, "MENU CÁN BỘ");
	f->now += PIN_LOCK_SECONDS;
	keys(f, "2468\n");
	expect_on_screen(f, "MENU CÁN BỘ");
}

static void test_any_size_draws(void **state)
{
	struct fixture *f = *state;
	static const int sizes[][2] = { { 0, 0 }, { 1, 1 }, { 3, 10 }, { 23, 80 }, { 24, 79 },
					{ 24, 80 }, { 60, 200 }, { 2, 300 } };
	size_t i;

	keys(f, "*/*/");
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		canvas_resize(&f->c, sizes[i][0], sizes[i][1]);
		app_draw(f->app, &f->c, f->now);
	}
	canvas_resize(&f->c, 23, 80);
	expect_on_screen(f, "Màn hình quá nhỏ");
	canvas_resize(&f->c, 24, 80);
	expect_on_screen(f, "Mở menu cán bộ");
}

/* A booth whose clock is before the build day shows no day or time. */
static void test_clock_not_set(void **state)
{
	struct fixture *f = *state;

	app_free(f->app);
	f->app = app_new(&(struct app_env){ .cfg = &f->cfg, .screens = &f->ui.screens,
					    .forms = &f->ui.forms, .i18n = f->ui.i18n, .db = f->db,
					    .clock_min = f->now + 1 },
			 f->now);
	expect_on_screen(f, "chưa rõ giờ");
	expect_not_on_screen(f, "Thứ Sáu");
	expect_not_on_screen(f, "10:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_home_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clock_not_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_digits_and_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_arrows_move_in_the_grid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_touch_acts_on_press_and_release, setup, teardown),
		cmocka_unit_test_setup_teardown(test_language_switch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_control_keys_do_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_countdown_and_reset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_reset_forgets_the_villager, setup, teardown),
		cmocka_unit_test_setup_teardown(test_home_does_not_count_down, setup, teardown),
		cmocka_unit_test_setup_teardown(test_helper_pin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_helper_sequence_must_be_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pin_lock_after_five, setup, teardown),
		cmocka_unit_test_setup_teardown(test_any_size_draws, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
