/* The terminal: the only file that calls curses. Starts and restores the
 * terminal, turns keys and touches into events, copies a canvas out. */
#ifndef KIOSK_TERM_H
#define KIOSK_TERM_H

struct canvas;
struct event;

/* Takes over the terminal: no echo, no signals from keys (Ctrl-C, Ctrl-Z
 * and Ctrl-\ become plain keys), mouse press and release reports. Returns
 * 0, or -1 with *cause set. term_end is registered with atexit. */
int term_start(char **cause);

/* Gives the terminal back as it was; safe to call more than once. */
void term_end(void);

/* Current size in rows and columns. */
void term_size(int *rows, int *cols);

/* Re-reads the size after SIGWINCH. */
void term_resize(void);

/* Reads one pending event without waiting. Returns 1 with *ev filled, or
 * 0 when there is no more input. Keys come as keymap_key() takes them:
 * characters, AK_* and the keypad's KM_* (see keymap.h). */
int term_read(struct event *ev);

/* Shows the canvas. */
void term_draw(const struct canvas *c);

#endif
