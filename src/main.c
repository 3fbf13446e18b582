/* kiosk: the booth's full-screen UI. Start-up order: arguments, a UTF-8
 * locale, the config, the screens and catalogs (refusing to start on any
 * problem), state.db, then the terminal and the event loop. Every failure
 * before the terminal is taken is a clear message and a non-zero exit,
 * except state.db: a booth whose disk is read-only or broken still serves
 * lookups, and saving a request opens state.db again (submit.c). */
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "burst.h"
#include "canvas.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "glyphs.h"
#include "job.h"
#include "keymap.h"
#include "log.h"
#include "loop.h"
#include "problems.h"
#include "release.h"
#include "scanner.h"
#include "spool.h"
#include "submit.h"
#include "term.h"
#include "uidata.h"
#include "util.h"

#define STATE_POLL_SECONDS 2

/* Prints the usage to out. */
static void usage(FILE *out)
{
	fprintf(out, "usage: kiosk [--config FILE] [--console-font]\n\n"
		     "The booth's full-screen interface. Without --config it runs the demo\n"
		     "booth: state in ./var, content in ./build/content, a file printer,\n"
		     "no network. The helper menu (key sequence * / * / then the PIN set\n"
		     "with 'kioskctl set-pin') is the only way to quit.\n\n"
		     "--console-font prints the console font to load ([console] font) when\n"
		     "the booth draws on the Linux console ([ui] display), nothing otherwise,\n"
		     "and exits (kiosk.service gives it to setfont).\n");
}

/* Makes sure text comes and goes as UTF-8 even when the system has only
 * the C.UTF-8 locale (no vi_VN). Returns 0 or -1. */
static int utf8_locale(void)
{
	if (setlocale(LC_ALL, "") != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_ALL, "C.UTF-8") != NULL && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	return -1;
}

/* What the footer shows: waiting requests, network, last upload, and for
 * helpers a pause of sending and the requests quarantined (as the upload
 * worker last recorded them in the spool); kept as they were when the
 * database cannot be read this time. */
static void read_state(struct db *db, const struct config *cfg, struct booth_state *st)
{
	struct spool_footer f;
	char *cause = NULL;

	if (db == NULL || spool_footer(db, &f, &cause) != 0) {
		free(cause);
		return;
	}
	st->waiting = f.waiting;
	st->quarantined = f.quarantined;
	st->online = cfg->upload_url[0] != '\0' && f.link == SPOOL_LINK_ONLINE;
	snprintf(st->paused, sizeof st->paused, "%s", cfg->upload_url[0] ? f.paused : "");
	st->last_upload = (time_t)f.last_upload;
}

/* Records this start in state.db, best effort: its time and the number
 * of starts so far (KIOSK_STARTED_AT, KIOSK_STARTS), for `kioskctl
 * metrics` to tell uptime and restarts. */
static void record_start(struct db *db)
{
	char buf[24], *cause = NULL;

	if (db == NULL)
		return;
	/* One transaction: one wait for the disk before the first screen. */
	snprintf(buf, sizeof buf, "%lld", (long long)time(NULL));
	if (db_begin(db, "cannot note the start", &cause) != 0 || db_setting_add(db, KIOSK_STARTS, 1) < 0 ||
	    db_setting_set(db, KIOSK_STARTED_AT, buf) != 0 || db_commit(db, "cannot note the start", &cause) != 0)
		db_rollback(db);
	free(cause);
}

/* kioskctl beside this program (they are installed together). */
static char *kioskctl_path(void)
{
	char *dir = program_dir(), *path = dir ? xprintf("%s/kioskctl", dir) : xstrdup("kioskctl");

	free(dir);
	return path;
}

/* Once curses has the terminal, nothing else may write to it: with a log
 * file, stderr goes there (what libraries print, the out-of-memory
 * message); with neither a file nor the journal, lines are dropped rather
 * than drawn over the villager's screen. Returns a copy of the terminal's
 * stderr when it went to the log file (for give_back_stderr), else -1. */
static int quiet_stderr(void)
{
	int fd;

	if (log_to_journal())
		return -1;
	if (log_is_file()) {
		fd = dup(STDERR_FILENO);
		if (fd >= 0 && log_take_stderr() != 0) {
			close(fd);
			fd = -1;
		}
		return fd;
	}
	if ((fd = open("/dev/null", O_WRONLY)) < 0)
		return -1;
	dup2(fd, STDERR_FILENO);
	close(fd);
	return -1;
}

/* Points stderr back at the terminal once curses has let it go (saved by
 * quiet_stderr; -1: nothing to do). */
static void give_back_stderr(int saved)
{
	if (saved < 0)
		return;
	dup2(saved, STDERR_FILENO);
	close(saved);
}

/* Where the terminal's input goes: the app, keys as the keymap says. */
struct input {
	struct app *app;
	const struct keymap *keys;
	struct canvas *canvas;     /* the picture each key acts on */
	int drawn;                 /* drawn there, not yet on the terminal */
	unsigned long changes;     /* the app's screen changes when last drawn */
	struct burst burst;        /* keys held to tell a scanner from typing */
	long long read_us;         /* when the loop last read the terminal */
};

/* Hands one event the burst let through to the app, after drawing a
 * screen the one before opened: keys held together act each on the
 * screen the last one made, as if read one at a time (a long paste into a
 * field is not drawn key by key). */
static void deliver(void *ctx, const struct event *ev)
{
	struct input *in = ctx;
	struct event e = *ev;

	if (app_screen_changes(in->app) != in->changes) {
		app_draw(in->app, in->canvas, time(NULL));
		in->changes = app_screen_changes(in->app);
		in->drawn = 1;
	}
	if (e.type == EV_KEY)
		e.key = keymap_key(in->keys, e.key);
	app_event(in->app, &e, time(NULL));
	wipe(&e, sizeof e);
}

/* Hands what the terminal has to the app through the burst (burst.h): a
 * keyboard-wedge scanner's fast burst ending in Enter as one EV_SCAN,
 * typing key by key. waited_us is when the loop started to wait for it:
 * input there already (the loop was busy) may have come at any time since
 * the last read. */
static void read_input(struct input *in, long long waited_us)
{
	long long now = clock_steady_us();
	long long since = now - waited_us > 1000 ? now : in->read_us;
	struct event ev;

	while (term_read(&ev)) {
		burst_feed(&in->burst, &ev, now, since, deliver, in);
		wipe(&ev, sizeof ev);
	}
	in->read_us = clock_steady_us();
}

/* How long the loop may wait: the app's wait, or less while keys are held
 * (they go on as typed once a scanner would have sent more). */
static int wait_ms(const struct input *in)
{
	long long held = burst_wait_us(&in->burst, clock_steady_us());
	int ms = app_wait_ms(in->app);

	return held >= 0 && held / 1000 + 1 < ms ? (int)(held / 1000 + 1) : ms;
}

/* Opens the serial/USB-CDC scanner of the config, if there is one. A
 * missing scanner is logged and the booth goes on without it. */
static struct scanner *open_scanner(const struct config *cfg)
{
	struct scanner *s;
	char *cause = NULL;

	if (cfg->scanner_device[0] == '\0')
		return NULL;
	s = scanner_open(cfg->scanner_device, cfg->scanner_baud, &cause);
	if (s == NULL) {
		log_write("scanner %s: %s", cfg->scanner_device, cause);
		free(cause);
	}
	return s;
}

/* Hands each whole line from the scanner to the app as a scan. A scanner
 * that fails (unplugged) is closed; it is opened again on the next start. */
static void read_scanner(struct app *app, struct scanner **s, const struct config *cfg, time_t now)
{
	char *line = NULL, *cause = NULL;
	int rc;

	while ((rc = scanner_read(*s, &line, &cause)) == 1) {
		app_event(app, &(struct event){ .type = EV_SCAN, .text = line }, now);
		wipe(line, strlen(line));
		free(line);
		line = NULL;
	}
	if (rc < 0) {
		log_write("scanner %s: %s", cfg->scanner_device, cause ? cause : "failed");
		free(cause);
		scanner_close(*s);
		*s = NULL;
	}
}

/* The event loop: until SIGTERM/SIGHUP, a hung-up terminal, the helper
 * menu's quit, or (returning 1) a new content version or program to start
 * between villagers. */
static int run(struct app *app, const struct config *cfg, const struct keymap *keys,
	       const struct glyphs *glyphs)
{
	struct content_stamp stamp = { 0 };
	int restart = 0, pending = 0;
	struct scanner *scanner = open_scanner(cfg);
	struct canvas canvas = { .glyphs = glyphs };
	struct booth_state st = { .waiting = -1, .quarantined = 0, .online = 0, .last_upload = 0 };
	struct input in = { .app = app, .keys = keys, .canvas = &canvas };
	time_t polled = 0;
	long long waited;
	int rows, cols, ready;

	term_size(&rows, &cols);
	canvas_resize(&canvas, rows, cols);
	for (;;) {
		int sig = loop_signals();
		time_t now = time(NULL);

		if (sig & LOOP_SIG_STOP)
			break;
		if (sig & LOOP_SIG_RESIZE) {
			term_resize();
			term_size(&rows, &cols);
			canvas_resize(&canvas, rows, cols);
		}
		if (now - polled >= STATE_POLL_SECONDS || now < polled) {
			read_state(app_db(app), cfg, &st);
			app_set_state(app, &st);
			polled = now;
			/* A new content version or program: only between villagers. */
			pending |= content_changed(cfg, &stamp) || program_replaced();
			if (pending && app_idle(app)) {
				restart = 1;
				break;
			}
		}
		app_tick(app, now);
		app_clock_ms(app, clock_steady_ms());
		job_reap();
		if (app_quit(app))
			break;
		if (app_dirty(app) || (sig & LOOP_SIG_RESIZE) || in.drawn) {
			app_draw(app, &canvas, now);
			term_draw(&canvas);
			in.drawn = 0;
			in.changes = app_screen_changes(app);
		}
		waited = clock_steady_us();
		ready = loop_wait(STDIN_FILENO, app_job_fd(app), scanner ? scanner_fd(scanner) : -1,
				  wait_ms(&in));
		if (ready & LOOP_SCANNER)
			read_scanner(app, &scanner, cfg, time(NULL));
		if (ready & LOOP_HANGUP)
			break; /* nobody can see or touch this terminal any more */
		app_clock_ms(app, clock_steady_ms());
		if (ready & LOOP_INPUT)
			read_input(&in, waited);
		burst_expire(&in.burst, clock_steady_us(), deliver, &in);
	}
	canvas_free(&canvas);
	scanner_close(scanner);
	return restart;
}

/* A booth that speaks synthesises its content's prompts ahead, once per
 * content version (`kioskctl voice build` in the background, left to
 * finish on its own), so that a slow board does not synthesise on every
 * screen. */
static void prepare_voice(const struct config *cfg, char *kioskctl)
{
	char *argv[] = { kioskctl, "--config", (char *)(uintptr_t)cfg->path, "voice", "build", NULL };
	struct job j;

	if (!cfg->voice_enabled)
		return;
	if (cfg->path[0] == '\0')
		memmove(argv + 1, argv + 3, 3 * sizeof argv[0]); /* the embedded default */
	if (job_start(&j, argv) == 0)
		job_detach(&j);
}

/* The console font's characters when the booth draws on the Linux
 * console, else NULL. A font that cannot be read is logged and the kiosk
 * draws as it is: a booth without its font still serves. */
static struct glyphs *console_glyphs(const struct config *cfg)
{
	struct glyphs *g;
	char *cause = NULL, *font;

	if (!glyphs_console(cfg->display, getenv("TERM")))
		return NULL;
	font = glyphs_font_path(cfg->console_font, cfg->console_size);
	g = glyphs_load(font, &cause);
	if (g == NULL) {
		log_write("console font: %s (text is drawn without falling back)", cause);
		free(cause);
	}
	free(font);
	return g;
}

int main(int argc, char **argv)
{
	struct config cfg;
	struct keymap keys;
	struct problems p = { 0 };
	struct uidata ui = { 0 };
	struct app *app;
	struct db *db;
	char *cause = NULL, *kioskctl;
	int restart, saved_stderr;
	const char *config_path = NULL;
	struct glyphs *glyphs;
	int i, font_only = 0;

	umask(077);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			config_path = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--console-font") == 0) {
			font_only = 1;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("kiosk %s\n", KIOSK_VERSION);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (utf8_locale() != 0) {
		fprintf(stderr, "kiosk: no UTF-8 locale (not even C.UTF-8) on this system\n");
		return 1;
	}
	config_defaults(&cfg);
	if ((config_path != NULL && config_load(&cfg, config_path, &cause) != 0) ||
	    keymap_init(&keys, &cfg, &cause) != 0) {
		fprintf(stderr, "kiosk: %s\n", cause);
		free(cause);
		return 1;
	}
	if (font_only) {
		char *font = glyphs_font_path(cfg.console_font, cfg.console_size);

		if (glyphs_console(cfg.display, getenv("TERM")))
			printf("%s\n", font);
		free(font);
		return 0;
	}
	if (uidata_load(&ui, &cfg, &p) != 0) {
		fprintf(stderr, "kiosk: cannot start, the content has problems:\n");
		problems_print(&p, stderr, "");
		problems_clear(&p);
		uidata_free(&ui);
		return 1;
	}
	db = submit_open_state(&cfg, &cause);
	log_open(&cfg, "kiosk");
	if (db == NULL) {
		log_write("state.db: %s (lookups only until it opens)", cause);
		free(cause);
	}
	record_start(db);
	if (loop_init() != 0) {
		uidata_free(&ui);
		db_close(db);
		return 1;
	}
	if (term_start(&cause) != 0) {
		fprintf(stderr, "kiosk: %s\n", cause);
		free(cause);
		uidata_free(&ui);
		db_close(db);
		return 1;
	}
	saved_stderr = quiet_stderr();
	kioskctl = kioskctl_path();
	app = app_new(&(struct app_env){ .kioskctl = kioskctl, .cfg = &cfg, .screens = &ui.screens,
					 .forms = &ui.forms, .counters = &ui.counters,
					 .i18n = ui.i18n, .db = db, .clock_min = clock_build_time() },
		      time(NULL));
	prepare_voice(&cfg, kioskctl);
	glyphs = console_glyphs(&cfg);
	restart = run(app, &cfg, &keys, glyphs);
	glyphs_free(glyphs);
	db = app_db(app); /* opened later when it could not be at the start */
	term_end();
	give_back_stderr(saved_stderr);
	log_write(restart ? "restarting for a new version" : "stopped");
	log_close();
	app_free(app);
	free(kioskctl);
	uidata_free(&ui);
	db_close(db);
	if (restart) {
		/* The program at the same path (a new version after an upgrade)
		 * starts afresh on the same terminal, reading the new content. */
		char *dir = program_dir(), *path = dir ? xprintf("%s/kiosk", dir) : NULL;

		if (path)
			execv(path, argv);
		return 1;
	}
	return 0;
}
