/* The terminal through ncursesw (see term.h). */
#define _XOPEN_SOURCE_EXTENDED 1
#include "term.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "canvas.h"
#include "event.h"
#include "glyphs.h"
#include "keymap.h"
#include "util.h"

static int started;
static SCREEN *scr;

/* Colour pair and attributes for each look (enum attr). */
static const struct {
	short fg, bg;
	attr_t extra;
} looks[] = {
	[ATTR_NORMAL] = { COLOR_WHITE, COLOR_BLACK, 0 },
	[ATTR_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
	[ATTR_BUTTON] = { COLOR_WHITE, COLOR_BLACK, 0 },
	[ATTR_FOCUS] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
	[ATTR_KEY] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD },
	[ATTR_DIM] = { COLOR_CYAN, COLOR_BLACK, 0 },
	[ATTR_ALERT] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[ATTR_OK] = { COLOR_GREEN, COLOR_BLACK, A_BOLD },
	[ATTR_QR] = { COLOR_BLACK, COLOR_WHITE, 0 },
};

#define NLOOKS ((int)(sizeof looks / sizeof looks[0]))

/* The widest terminal drawn (a 1920-dot screen with a 4-dot font); a
 * wider one shows its first TERM_MAX_COLS columns. */
#define TERM_MAX_COLS 480

/* The colour pair of each look; looks with the same colours share one, so
 * the terminal is sent fewer colour changes. */
static short pair_of[NLOOKS];

/* Gives the terminal back as it was (mouse reports off, the cursor, the
 * normal screen, cooked mode) and frees nothing: all a program stopping
 * for lack of memory may still do. */
static void give_back(void)
{
	if (!started)
		return;
	started = 0;
	util_on_fatal(NULL);
	mousemask(0, NULL);
	curs_set(1);
	endwin();
}

/* The Linux console's own sequences (console_codes(4), what `setterm
 * --blank 0 --powerdown 0` writes): no blanking after a time without a
 * key (the kernel's default is 10 minutes, and a touch does not wake it)
 * and no VESA power-down. */
#define CONSOLE_AWAKE "\033[9;0]\033[14;0]"

/* Keeps the Linux console lit (TERM linux): sent at the start and again
 * after a resize, in case the console was reset in between. */
static void console_awake(void)
{
	if (glyphs_console(DISPLAY_AUTO, getenv("TERM")))
		write_all(STDOUT_FILENO, CONSOLE_AWAKE, strlen(CONSOLE_AWAKE));
}

/* The curses codes of keymap_seqs that are no KEY_* of curses: those the
 * terminfo entry names with an extended capability (ncurses gives them
 * codes above KEY_MAX: xterm's kp5, kpMUL ...), and those bound here. */
static int seq_code[64];

/* Binds the keypad's escape sequences the terminfo entry does not know to
 * codes well above those ncurses gives extended capabilities. */
static void bind_keypad(void)
{
	int i;

	for (i = 0; i < keymap_nseqs && i < (int)(sizeof seq_code / sizeof seq_code[0]); i++) {
		int code = key_defined(keymap_seqs[i].seq);

		if (code == 0) {
			code = KEY_MAX + 0x1000 + i;
			define_key(keymap_seqs[i].seq, code);
		}
		seq_code[i] = code > KEY_MAX ? code : 0;
	}
}

int term_start(char **cause)
{
	int i;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup("the kiosk needs a terminal (stdin and stdout)");
		return -1;
	}
	console_awake();
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		*cause = xprintf("cannot use the terminal type \"%s\"",
				 getenv("TERM") ? getenv("TERM") : "(unset)");
		return -1;
	}
	started = 1;
	atexit(term_end);
	util_on_fatal(give_back); /* abort() runs no atexit handlers */
	raw();          /* no signals, no flow control from keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	bind_keypad();
	nodelay(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	mouseinterval(0); /* separate press and release, no clicks */
	/* Every button is asked for, though only button 1 (a finger) is used:
	 * ncurses drops an event outside the mask by reading on, blocking,
	 * until the next input, so a right click or a wheel turn would hold
	 * the kiosk (its clock, its idle reset, SIGTERM) until the next touch.
	 * term_read ignores the other buttons. (No CLICKED events: ncurses
	 * would join a press and its release into one.) */
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED |
		  BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON4_RELEASED |
		  BUTTON5_PRESSED | BUTTON5_RELEASED, NULL);
	if (has_colors()) {
		short next = 1;

		start_color();
		for (i = 0; i < NLOOKS; i++) {
			int k;

			for (k = 0; k < i; k++)
				if (looks[k].fg == looks[i].fg && looks[k].bg == looks[i].bg)
					break;
			if (k < i) {
				pair_of[i] = pair_of[k];
			} else {
				pair_of[i] = next++;
				init_pair(pair_of[i], looks[i].fg, looks[i].bg);
			}
		}
		bkgd(COLOR_PAIR(pair_of[ATTR_NORMAL]));
	}
	return 0;
}

void term_end(void)
{
	if (!started)
		return;
	give_back();
	delscreen(scr);
	scr = NULL;
}

void term_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

void term_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	console_awake();
}

/* Turns a curses function key into a key for keymap_key(): AK_* or KM_*. */
static uint32_t key_code(wint_t k)
{
	static const struct {
		wint_t curses;
		uint32_t key;
	} known[] = {
		{ KEY_UP, AK_UP }, { KEY_DOWN, AK_DOWN }, { KEY_LEFT, AK_LEFT },
		{ KEY_RIGHT, AK_RIGHT }, { KEY_ENTER, AK_ENTER }, { KEY_BACKSPACE, AK_BACKSPACE },
		{ KEY_DC, KM_DELETE }, { KEY_IC, KM_INSERT }, { KEY_HOME, KM_HOME },
		{ KEY_FIND, KM_HOME }, { KEY_END, KM_END }, { KEY_SELECT, KM_END },
		{ KEY_PPAGE, KM_PGUP }, { KEY_NPAGE, KM_PGDN }, { KEY_A1, KM_KP0 + 7 },
		{ KEY_A3, KM_KP0 + 9 }, { KEY_B2, KM_KP0 + 5 }, { KEY_BEG, KM_BEGIN },
		{ KEY_C1, KM_KP0 + 1 }, { KEY_C3, KM_KP0 + 3 }, { KEY_F(1), AK_VOICE },
	};
	size_t i;

	for (i = 0; k > KEY_MAX && i < sizeof seq_code / sizeof seq_code[0]; i++)
		if (seq_code[i] == (int)k)
			return keymap_seqs[i].key;
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i].curses == k)
			return known[i].key;
	return AK_IGNORED;
}

/* The next character already sent, waiting at most a moment for it (the
 * rest of a sequence comes in the same write); -1 when none comes. */
static int next_char(void)
{
	wint_t wch;
	int rc;

	wtimeout(stdscr, 20);
	rc = wget_wch(stdscr, &wch);
	nodelay(stdscr, TRUE);
	return rc == OK ? (int)wch : rc == KEY_CODE_YES ? 0 : -1;
}

/* Skips a string sequence (OSC, DCS, APC, PM) up to its BEL or ESC \. */
static void skip_string(void)
{
	int c, n;

	for (n = 0; n < 4096 && (c = next_char()) >= 0; n++)
		if (c == 7 || c == 0x9c || (c == 27 && next_char() >= 0))
			return;
}

/* Skips the parameters and final byte of a CSI or SS3 sequence; a byte
 * that cannot be in one (the ESC of the next key, a letter typed after a
 * sequence cut short) is put back to be read next. */
static void skip_params(void)
{
	int c, n;

	for (n = 0; n < 32 && (c = next_char()) >= 0; n++) {
		if (c >= 0x20 && c <= 0x3f && c != '$')
			continue;
		if (c != '$' && (c < 0x40 || c > 0x7e))
			unget_wch((wchar_t)c);
		return; /* the final byte (rxvt ends some with $) */
	}
}

/* Skips the rest of an escape sequence curses did not know (a function or
 * editing key with modifiers, a Linux console F-key, Alt with a key),
 * after its ESC: CSI or SS3 parameters up to the final byte, a string
 * sequence up to its end, or the one character after ESC. So no key a
 * terminal sends ever reaches a field as text. */
static void skip_sequence(void)
{
	int c = next_char();

	if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
		skip_string();
	} else if (c == '[') {
		c = next_char();
		if (c == '[')
			next_char(); /* the Linux console's F1-F5: ESC [ [ A ... E */
		else if (c >= 0x20 && c <= 0x3f)
			skip_params();
		else if (c == 27)
			unget_wch(27);
	} else if (c == 'O') {
		skip_params();
	} else if (c == 27) {
		unget_wch(27); /* Esc pressed twice: the next may be a sequence */
	}
	/* else Alt with a key, or a lone Esc: that key is dropped too. */
}

int term_read(struct event *ev)
{
	wint_t wch;
	MEVENT m;

	for (;;) {
		int rc = wget_wch(stdscr, &wch);

		if (rc == ERR)
			return 0;
		ev->type = EV_KEY;
		if (rc == KEY_CODE_YES && wch == KEY_MOUSE) {
			if (getmouse(&m) != OK)
				continue;
			if (m.bstate & BUTTON1_PRESSED)
				ev->type = EV_PRESS;
			else if (m.bstate & BUTTON1_RELEASED)
				ev->type = EV_RELEASE;
			else
				continue;
			ev->y = m.y;
			ev->x = m.x;
			return 1;
		}
		if (rc == KEY_CODE_YES) {
			if (wch == KEY_RESIZE)
				continue; /* SIGWINCH is handled by the loop */
			ev->key = key_code(wch);
		} else if (wch == '\r' || wch == '\n') {
			ev->key = AK_ENTER;
		} else if (wch == 127 || wch == 8) {
			ev->key = AK_BACKSPACE;
		} else if (wch == 27 || wch == 0x9b || wch == 0x8f) {
			if (wch == 27)
				skip_sequence();
			else
				skip_params(); /* C1 CSI and SS3 */
			ev->key = AK_IGNORED;
		} else if (wch == 0x90 || wch == 0x98 || wch == 0x9d || wch == 0x9e || wch == 0x9f) {
			skip_string(); /* C1 DCS, SOS, OSC, PM, APC */
			ev->key = AK_IGNORED;
		} else if (wch < 0x20 || (wch >= 0x7f && wch < 0xa0)) {
			ev->key = AK_IGNORED; /* Esc, Ctrl-C, Ctrl-Z, Ctrl-\ ... */
		} else {
			ev->key = (uint32_t)wch;
		}
		return 1;
	}
}

void term_draw(const struct canvas *c)
{
	cchar_t line[TERM_MAX_COLS];
	int y, x, n, rows, cols, colors = has_colors();

	getmaxyx(stdscr, rows, cols);
	if (cols > TERM_MAX_COLS)
		cols = TERM_MAX_COLS;
	for (y = 0; y < c->rows && y < rows; y++) {
		/* A row at once: wadd_wchnstr leaves the right half of a wide
		 * character (a 0 cell here) to ncurses. */
		for (x = n = 0; x < c->cols && x < cols; x++) {
			const struct cell *cell = &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
			wchar_t wc[2] = { (wchar_t)cell->ch, 0 };
			int a = cell->attr < NLOOKS ? cell->attr : 0;
			attr_t at = looks[a].extra;

			if (cell->ch == 0)
				continue;
			if (!colors && (a == ATTR_FOCUS || a == ATTR_TITLE || a == ATTR_ALERT))
				at |= A_REVERSE;
			setcchar(&line[n++], wc, at, colors ? pair_of[a] : 0, NULL);
		}
		mvadd_wchnstr(y, 0, line, n);
	}
	wnoutrefresh(stdscr);
	doupdate();
}
