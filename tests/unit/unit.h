/* Common includes for the cmocka unit tests. */
#ifndef KIOSK_UNIT_H
#define KIOSK_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Folder of the checkout, for tests that read screens/ or locale/. The
 * runner starts every test from the top of the checkout. */
#define SRCDIR "."

#endif
