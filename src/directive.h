/* Directive files: the booth's screens (*.screen), request forms (*.form)
 * and queue counters (queue.counters) are UTF-8 text with one directive
 * per line, a keyword and then its words and text:
 *
 *   # a comment
 *   choice   1 procedures  Tìm thủ tục, giấy tờ cần mang
 *
 * Blank lines and lines starting with # are skipped; spaces and tabs
 * around a line (and a CR before its end) are not part of it. */
#ifndef KIOSK_DIRECTIVE_H
#define KIOSK_DIRECTIVE_H

struct problems;

/* One directive: its keyword, the rest of its line after the keyword's
 * spaces (writable, e.g. by directive_word), and where it is. */
typedef void directive_fn(void *arg, char *keyword, char *rest, const char *file, int line,
			  struct problems *p);

/* Calls fn for each directive of text, in order, with file and its line
 * number (from 1). Returns 0, or -1 without calling fn when text is not
 * valid UTF-8 (a problem at line 0 then says so). */
int directive_read(const char *file, const char *text, directive_fn *fn, void *arg,
		   struct problems *p);

/* Reads the directive file at path into *text (to free): returns 1, or 0
 * with *text NULL when there is no such file (an optional file), or -1
 * after adding a problem when it cannot be read. */
int directive_file(const char *path, char **text, struct problems *p);

/* Splits the first word off *rest; returns it (NUL-terminated in place). */
char *directive_word(char **rest);

/* True for a name made of a-z, 0-9, '-' and '_' (ids, targets). */
int directive_name_ok(const char *s);

/* Checks a text value: non-empty, valid NFC UTF-8, no control characters;
 * adds a problem at file:line otherwise. */
int directive_text_ok(const char *v, const char *file, int line, struct problems *p);

#endif
