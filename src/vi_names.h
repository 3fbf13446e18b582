/* Common Vietnamese name syllables, most common first: surnames, then
 * middle names, then given names. The on-screen keyboard offers them as
 * one-touch suggestions; the keypad lists them first among its choices. */
#ifndef KIOSK_VI_NAMES_H
#define KIOSK_VI_NAMES_H

#include <stddef.h>

extern const char *const vi_names[];
extern const size_t vi_names_count;

/* Position of word (any case, NFC) in vi_names, or -1. */
int vi_names_rank(const char *word);

#endif
