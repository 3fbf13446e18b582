/* A slip: what a receipt, a queue ticket or a payment slip prints, laid
 * out as lines for one paper width, then drawn into a bitmap. Pure: the
 * printer module turns it into ESC/POS bytes.
 *
 * Widths are counted in cells: a cell is one column of a scale-1 line (an
 * 8-dot Unifont glyph when drawn, a character of the printer's own font in
 * code page mode); Vietnamese letters take one, wide characters two. A line
 * drawn at scale k holds cols / k cells. */
#ifndef KIOSK_SLIP_H
#define KIOSK_SLIP_H

struct bitmap;
struct font;

enum slip_kind { SLIP_TEXT, SLIP_QR, SLIP_RULE, SLIP_GAP };
enum slip_align { SLIP_LEFT, SLIP_CENTER };

/* How a slip is drawn: every line as dots from the Unifont glyphs, or (for
 * slow printers) text in the printer's own font, marks taken off, with
 * QR codes as dots; the bitmap of the latter is a preview on a grid of
 * 12 x 24-dot cells, like the printer's font A. */
enum slip_mode { SLIP_RASTER, SLIP_CODEPAGE };

struct slip_line {
	enum slip_kind kind;
	enum slip_align align;
	int scale;       /* SLIP_TEXT: 1 to 4 */
	int boxed;       /* SLIP_TEXT: drawn in a frame (a queue number) */
	int dots;        /* SLIP_GAP: height in dots */
	char *text;      /* SLIP_TEXT: one laid-out line; SLIP_QR: the payload */
	int plain;       /* SLIP_QR: ASCII without ECI header (qr_encode_ascii) */
};

struct slip {
	int cols;        /* cells of a scale-1 line */
	int n, cap;
	struct slip_line *lines;
};

/* Starts an empty slip for lines of cols cells. */
void slip_init(struct slip *s, int cols);

/* Frees the lines. */
void slip_free(struct slip *s);

/* Adds text word-wrapped to the width at this scale (1 to 4); lines after
 * the first of a paragraph start with indent cells of space. A newline in
 * text starts a new paragraph. Controls are dropped, text is made NFC.
 * NULL adds nothing. */
void slip_text(struct slip *s, enum slip_align a, int scale, int indent, const char *text);

/* Adds one centred line in a frame, cut to fit (the queue number). */
void slip_box(struct slip *s, int scale, const char *text);

/* Adds a QR code of payload, centred (nothing for NULL or ""). */
void slip_qr(struct slip *s, const char *payload);

/* Adds a payment code (printable ASCII for banking apps, a VietQR code),
 * centred: like slip_qr without the ECI header, in the compact modes. */
void slip_qr_plain(struct slip *s, const char *payload);

/* Adds a thin line across the paper. */
void slip_rule(struct slip *s);

/* Adds blank paper, dots high. */
void slip_gap(struct slip *s, int dots);

/* Dot size of one QR module for a code of size modules (quiet zone
 * included) on paper width dots wide; 0 when it cannot fit. */
int slip_qr_module(int size, int width);

/* Draws line l of a slip of cols cells at the bottom of b (whose width is
 * the paper's), growing it. Returns 0, or -1 with *cause (a QR payload
 * too long, or a code wider than the paper). */
int slip_draw_line(const struct slip_line *l, int cols, const struct font *f,
		   enum slip_mode mode, struct bitmap *b, char **cause);

/* Draws the whole slip into out, a new bitmap width dots wide. Returns 0,
 * or -1 with *cause; out is left empty on failure. */
int slip_render(const struct slip *s, const struct font *f, int width,
		enum slip_mode mode, struct bitmap *out, char **cause);

#endif
