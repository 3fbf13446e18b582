/* The receipt printer, as [printer] in the config says:
 *   file     each job's exact ESC/POS bytes and a PBM (P4) picture of what
 *            prints, into the folder `path`, as NNNNNN-JOB.pbm then
 *            NNNNNN-JOB.escpos (sequence numbers, each file written whole
 *            under a temporary name, then linked into place);
 *   device   a device path (/dev/usb/lp0, a serial port); opened
 *            non-blocking, never creating it; `timeout` seconds without
 *            progress is a failure; a two-way printer is asked for its paper
 *            (DLE EOT 4) first, best effort;
 *   command  a shell command (e.g. lp -d receipt -o raw) fed the bytes on
 *            its standard input, whose exit status must be 0;
 *   none     no printer: printing fails with a reason.
 * Paper: `width` 58 (384 dots) or 80 mm (576 dots). `codepage` raster draws
 * everything as dots from Unifont glyphs (GS v 0, `band` rows a command);
 * text sends lines in the printer's own font with the marks taken off, for
 * very slow printers, QR codes and framed numbers still as dots.
 *
 * Every failure returns -1 with a reason for the helper; nothing here
 * blocks longer than `timeout` seconds without progress. The caller keeps
 * the request and offers a reprint. */
#ifndef KIOSK_PRINTER_H
#define KIOSK_PRINTER_H

struct bitmap;
struct bytes;
struct config;
struct slip;

struct printer;

/* How the last print went, for `kioskctl status` and `metrics`: paper and
 * presence are only known when a job is sent (device printers also ask a
 * two-way printer for its paper first). */
enum printer_state {
	PRINTER_UNKNOWN,   /* nothing printed yet */
	PRINTER_OK,
	PRINTER_NO_PAPER,  /* the printer said so, or the driver's ENOSPC */
	PRINTER_OFFLINE,   /* unplugged, switched off, or taking no data */
	PRINTER_FAULT      /* anything else (a command failed, a bad setting) */
};

/* Checks the [printer] settings and loads the glyphs (assets/
 * unifont-kiosk.hex of the content folder). Touches no device: a printer
 * plugged in later works. Returns NULL with *cause. */
struct printer *printer_open(const struct config *cfg, char **cause);

/* Frees the printer; NULL is ignored. */
void printer_close(struct printer *p);

/* True unless [printer] type is none. */
int printer_present(const struct printer *p);

/* Cells of a scale-1 line, for slip_init(): 46 or 70 in raster mode
 * (8-dot glyphs, a cell of margin each side), 32 or 48 in text mode. */
int printer_cols(const struct printer *p);

/* Makes the job's bytes (into out, appended) and the picture of what
 * prints (preview, a new bitmap), sending nothing. Returns 0 or -1. */
int printer_render(const struct printer *p, const struct slip *s, struct bytes *out,
		   struct bitmap *preview, char **cause);

/* Renders and prints a slip. job is a short name for the file printer's
 * files ("receipt", "ticket"; letters, digits and - only). Returns 0, or
 * -1 with *cause. */
int printer_print(struct printer *p, const struct slip *s, const char *job, char **cause);

/* How the last printer_print() went; PRINTER_UNKNOWN before any. */
enum printer_state printer_state(const struct printer *p);

/* "unknown", "ok", "no_paper", "offline" or "fault". */
const char *printer_state_name(enum printer_state st);

#endif
