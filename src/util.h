/* Small helpers every module uses: allocation that never returns NULL,
 * formatted strings, word lists, files. */
#ifndef KIOSK_UTIL_H
#define KIOSK_UTIL_H

#include <stddef.h>

/* malloc/strdup/printf-to-new-string that stop the program on out of
 * memory (util_out_of_memory): the kiosk cannot serve a villager without
 * memory, and systemd restarts it. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Stops the program for lack of memory: the hook set by util_on_fatal
 * first (term.c gives the terminal back, htop's rule), then "NAME: out of
 * memory" on stderr, then abort() for a core dump. */
void util_out_of_memory(void) __attribute__((noreturn));

/* Sets what util_out_of_memory runs before its message (NULL: nothing);
 * it runs at most once. */
void util_on_fatal(void (*hook)(void));

/* True when word is one of the space-separated words of list. */
int word_in_list(const char *word, const char *list);

/* The folder of the running program (from /proc/self/exe), a new string,
 * or NULL. */
char *program_dir(void);

/* Reads a whole file into a new NUL-terminated buffer; *len gets its size.
 * Returns NULL with errno set on failure. */
char *file_read(const char *path, size_t *len);

/* Writes all n bytes to fd, retrying short writes. Returns 0 or -1. */
int write_all(int fd, const void *buf, size_t n);

/* Creates or replaces the file at path with len bytes of data (mode 0644
 * less the umask). Returns 0 or -1 with errno set. */
int file_write(const char *path, const void *data, size_t len);

/* Removes path and, when it is a folder, everything under it, never
 * following a symbolic link. A missing path is fine. Returns 0 or -1. */
int remove_tree(const char *path);

/* Creates dir and its parents with the given mode (like mkdir -p). */
int mkdir_p(const char *dir, unsigned mode);

/* Takes every group and other permission away from path (a file or folder
 * made earlier, by hand or under another umask), following no symbolic
 * link. A missing path is fine. Returns 0 or -1 with errno set. */
int mode_private(const char *path);

/* mkdir_p() with mode 0700, then mode_private() on dir and everything under
 * it (never following a symbolic link): a folder of the villagers' data
 * only the kiosk's user may enter. Returns 0 or -1 with errno set. */
int mkdir_private(const char *dir);

/* The number written by the n decimal digits at s, or -1 when one of them
 * is not a digit. */
int digits_value(const char *s, int n);

/* True when day/month/year is a day of the (Gregorian) calendar: the
 * month 1 to 12, the day in that month, 29 February in leap years only.
 * The one date check: every date read goes through it. */
int day_exists(int year, int month, int day);

/* True when s is a real calendar date written YYYY-MM-DD. */
int date_valid(const char *s);

/* Overwrites n bytes so secrets or a villager's typing do not linger. */
void wipe(void *p, size_t n);

#endif
