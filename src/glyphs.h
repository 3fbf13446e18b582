/* What a Linux console font can draw: the characters of a PSF font's
 * Unicode table. The Linux console draws a character its font lacks as a
 * replacement glyph (a hole in the word), so a console booth checks its
 * texts against the font (kioskctl check, content install) and draws text
 * from outside (the server's notes, scans, typing) in a form the font has:
 * the letter without its mark rather than a hole. */
#ifndef KIOSK_GLYPHS_H
#define KIOSK_GLYPHS_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"

struct problems;

struct glyphs;

/* Reads the Unicode table of a PSF font (version 1 or 2, not compressed).
 * Returns NULL with *cause set (the caller frees it) when the file cannot
 * be read, is not a PSF font or has no Unicode table. */
struct glyphs *glyphs_load(const char *path, char **cause);

/* Frees the set; NULL is ignored. */
void glyphs_free(struct glyphs *g);

/* The number of characters the font can draw. */
size_t glyphs_count(const struct glyphs *g);

/* True when the font draws cp with a glyph of its own. */
int glyphs_has(const struct glyphs *g, uint32_t cp);

/* The character to draw for cp: cp itself when the font has it, else the
 * first character of its decomposition that the font has, step by step
 * (ự, then ư, then u; ﬁ gives f, a full-width Ａ gives A), else '?'. With
 * g NULL (a terminal that draws everything), cp. */
uint32_t glyphs_fallback(const struct glyphs *g, uint32_t cp);

/* The first character of the UTF-8 text s (n bytes) the font cannot draw,
 * or 0 when it draws all of them; controls and combining marks (which the
 * kiosk never draws on their own) are not asked for. */
uint32_t glyphs_missing(const struct glyphs *g, const char *s, size_t n);

/* Adds a problem "shown:LINE: ..." for each line of the text file path
 * holding a character the font cannot draw, naming it; comment lines
 * (first non-blank character '#') are skipped. font names the font in the
 * message. Returns the number of problems added. */
int glyphs_check_file(const struct glyphs *g, const char *font, const char *path,
		      const char *shown, struct problems *p);

/* The same for every text of a content.db a booth shows (procedures and
 * their papers, steps and fees, fields, provinces and communes,
 * announcements): each problem names the table, the procedure or other
 * item and the column. Returns the number of problems added, or -1 with a
 * problem added when the file cannot be read. */
int glyphs_check_content(const struct glyphs *g, const char *font, const char *db_path,
			 struct problems *p);

/* The console font of a booth, a new string: font when it is not empty,
 * else the packaged assets/console/kiosk-SIZE.psf of the running program:
 * under ../share/kiosk/ (installed: /usr/bin and /usr/share/kiosk) or ../
 * (a checkout's build/), the first that exists, else the installed one. */
char *glyphs_font_path(const char *font, const char *size);

/* True when a booth draws on the Linux console: display DISPLAY_CONSOLE,
 * or DISPLAY_AUTO with term (the TERM variable, may be NULL) "linux" or
 * "linux-*". */
int glyphs_console(enum ui_display display, const char *term);

#endif
