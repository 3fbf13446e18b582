/* ESC/POS bytes for thermal receipt printers: initialise, raster images
 * (GS v 0) sent in bands, text in the printer's own font, feed and cut,
 * and the paper status reply. Pure: bytes go into a growing buffer. */
#ifndef KIOSK_ESCPOS_H
#define KIOSK_ESCPOS_H

#include <stddef.h>
#include <stdint.h>

struct bitmap;

struct bytes {
	uint8_t *data;
	size_t len, cap;
};

/* Frees the buffer; it is empty again. */
void bytes_free(struct bytes *b);

/* ESC @: resets the printer to its power-on settings. */
void escpos_init(struct bytes *b);

/* The image as small a job as prints the same: runs of blank rows as
 * paper feeds (ESC J), the other rows as GS v 0 commands of at most band
 * rows (1 to 2047: printers with little memory take a large image in
 * pieces), each only as wide as its rightmost black dot needs (a narrower
 * image prints from the left margin, like the whole one). */
void escpos_raster(struct bytes *b, const struct bitmap *bm, int band);

/* Text mode set-up: code page 0 (PC437, ASCII is all we send) and a line
 * spacing of 30 dots. */
void escpos_text_mode(struct bytes *b);

/* One line of ASCII text in the printer's font: centred or not, at scale
 * 1 to 8 (GS ! character size), then a line feed. */
void escpos_text(struct bytes *b, const char *ascii, int center, int scale);

/* ESC J: feeds dots of paper (any number, sent in steps of 255). */
void escpos_feed_dots(struct bytes *b, int dots);

/* Feeds past the tear bar, then GS V 66: feed to the cutter and cut
 * (printers without a cutter ignore it). */
void escpos_cut(struct bytes *b);

/* A new copy of UTF-8 text for the printer's code page: marks taken off
 * the letters (case kept, đ as d), dashes, quotes and box lines made
 * ASCII, anything else "?". */
char *escpos_fold(const char *s);

/* DLE EOT 4: asks a two-way printer for its paper sensors. */
#define ESCPOS_PAPER_QUERY "\x10\x04\x04"

/* Reads the reply byte to ESCPOS_PAPER_QUERY: 1 when the paper is out,
 * 0 when there is paper, -1 when the byte is not such a reply. */
int escpos_paper_out(uint8_t reply);

#endif
