/* Where the booth's programs write what happened. Under systemd (stderr
 * is a journal stream: $JOURNAL_STREAM) lines go to stderr and journald
 * keeps them with their time; otherwise (a checkout, a forced SSH command)
 * they are appended, with the local time, to STATE_DIR/logs/NAME.log,
 * which is moved to NAME.log.1 when it passes LOG_ROTATE_BYTES.
 * `kioskctl logs` reads both places. Nothing personal is ever logged. */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

#include "config.h"

#define LOG_ROTATE_BYTES (1L << 20)

/* Chooses where name's lines go. Returns 0, or -1 when the log folder
 * cannot be written (lines then go to stderr). */
int log_open(const struct config *cfg, const char *name);

/* Writes one line ("TIME NAME: message" in a file, "message" to the
 * journal). */
void log_write(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when lines go to a file (not to stderr or the journal). */
int log_is_file(void);

/* Points stderr at the log file (when lines go to one), so what anything
 * else writes there lands in the log too. Returns 0, or -1 when there is
 * no log file or it could not be done. */
int log_take_stderr(void);

/* Closes the log file, if any. */
void log_close(void);

/* True when stderr is a journald stream. */
int log_to_journal(void);

#endif
