/* UTF-8 text: validation, NFC, columns, search folding, sanitising. */
#ifndef KIOSK_TEXT_H
#define KIOSK_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most n bytes). Returns the number of
 * bytes used, or 0 when the bytes are not valid UTF-8 (overlongs,
 * surrogates and values above U+10FFFF are invalid). */
size_t text_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out (4 bytes room). Returns the byte count. */
size_t text_encode(uint32_t cp, char *out);

/* True when the whole string is valid UTF-8. */
int text_valid(const char *s, size_t n);

/* True for a code point that is NFC whatever surrounds it: no combining
 * mark, no singleton decomposition (the quick check of text_is_nfc). */
int text_nfc_stable(uint32_t cp);

/* True when s is valid UTF-8 already in NFC. */
int text_is_nfc(const char *s);

/* A new NUL-terminated NFC copy of s, or NULL when s is not valid UTF-8
 * (or memory ran out). The caller frees it. */
char *text_nfc(const char *s, size_t n);

/* Columns a code point takes on a terminal: 0, 1 or 2 (-1 for controls). */
int text_cp_width(uint32_t cp);

/* Columns a string takes (invalid bytes and controls count as 1). */
int text_width(const char *s);

/* Bytes of s that fit in cols columns, cut at a code point boundary. */
size_t text_fit(const char *s, int cols);

/* A new string for searching: lower case, diacritics removed, đ -> d,
 * runs of non-alphanumerics collapsed to one space, trimmed. "Đăng Ký  Khai
 * sinh!" becomes "dang ky khai sinh". NULL on invalid UTF-8. */
char *text_fold(const char *s);

/* Like text_fold, but the words keep their marks (NFC): "Đăng Ký  Khai
 * sinh!" becomes "đăng ký khai sinh". text_fold of the result is text_fold
 * of s, word for word. NULL on invalid UTF-8. */
char *text_words(const char *s);

/* A new copy of s safe to draw or print: invalid bytes become U+FFFD,
 * C0/C1 controls (ESC, CSI, BEL ...) and DEL are dropped, tabs become a
 * space. Newlines are kept only when keep_newlines is set. */
char *text_sanitize(const char *s, int keep_newlines);

/* Copies the n bytes at s to out (room for n bytes), leaving out whatever
 * could steer a terminal: C0 controls except newline and tab, DEL, C1
 * controls (U+0080-U+009F, e.g. CSI as U+009B) and the bidirectional
 * embeddings, overrides and isolates; a byte that is not UTF-8 becomes '?'.
 * A UTF-8 sequence cut short at the end is not copied: *rest gets its
 * length (at most 3) for the caller to pass again with what follows.
 * Returns the number of bytes written. */
size_t text_terminal_safe(const char *s, size_t n, char *out, size_t *rest);

/* A new NFC copy of s in upper case, Vietnamese rules ("Xã Nghĩa Hành"
 * becomes "XÃ HÀNH ĐỨC"). NULL on invalid UTF-8. */
char *text_upper(const char *s);

/* A new NFC copy of s with the marks taken off the letters and đ, Đ made
 * d, D, case kept ("Đăng ký" becomes "Dang ky"); other characters stay. For
 * printers that cannot draw Vietnamese. NULL on invalid UTF-8. */
char *text_unmark(const char *s);

/* True for a combining mark (drawn over the character before it). */
int text_is_mark(uint32_t cp);

/* The canonical decomposition of cp into out (room for 4): base first, then
 * its marks ("ế" gives e, U+0302, U+0301). Returns the count, 0 when cp
 * does not decompose. */
int text_decompose(uint32_t cp, uint32_t out[4]);

#endif
