/* Text drawn into printer bitmaps from GNU Unifont glyphs (the .hex
 * format: "XXXX:" then 32 hex digits for an 8x16 glyph or 64 for 16x16).
 * The booth ships the glyphs it needs in assets/unifont-kiosk.hex, made by
 * deploy/tools/unifont-subset.py; the full unifont.hex loads the same way.
 *
 * Text is drawn in NFC. A precomposed letter the font lacks is drawn as
 * its base with its marks over it; combining marks in the text are drawn
 * over the character before them; anything else missing is drawn as U+FFFD
 * (or an empty box). Every dot of a glyph becomes scale x scale dots. */
#ifndef KIOSK_FONT_H
#define KIOSK_FONT_H

#include <stdint.h>

#define FONT_HEIGHT 16

struct bitmap;
struct font;

/* Loads a .hex font file (blank lines and # comments allowed). Returns
 * NULL with *cause naming the file and line. */
struct font *font_load(const char *path, char **cause);

/* Frees the font; NULL is ignored. */
void font_free(struct font *f);

/* Width in dots (8 or 16) of cp's own glyph, 0 when the font lacks it. */
int font_glyph_width(const struct font *f, uint32_t cp);

/* Width in dots of text drawn at scale 1 (marks take no room). */
int font_width(const struct font *f, const char *text);

/* Draws text (UTF-8) with its top-left corner at (x, y) at the given
 * scale (1 to 8), clipped to the bitmap. Returns the width in dots. */
int font_draw(const struct font *f, struct bitmap *b, int x, int y, const char *text, int scale);

#endif
