/* Telling a keyboard-wedge scanner from a person typing, by timing. A
 * wedge scanner "types" what it reads as keys a few milliseconds apart and
 * ends with Enter; a person never keeps that pace for long. So printable
 * keys are held while they keep coming within SCAN_GAP_US of each other:
 * when Enter follows as fast and at least SCAN_MIN_CHARS were held, they
 * are one scan (EV_SCAN, never typed into a field); otherwise they go on as
 * typed keys, in order, once a pause longer than SCAN_GAP_US shows they
 * were typed (so typing is delayed by that much, unnoticed).
 *
 * Keys read together after the loop was busy for longer than the gap
 * may have waited in the terminal since it last read: their pace is not
 * known, and they are a scan only when SCAN_UNSURE_CHARS or more came
 * (nobody types that many keys and Enter during one stall of the loop).
 * Nor is a burst that starts right after another key read with it (an
 * arrow, Esc, a control character): text with controls in it is typed,
 * as it comes.
 * Pure: times are given by the caller (microseconds of a monotonic clock). */
#ifndef KIOSK_BURST_H
#define KIOSK_BURST_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

#define SCAN_MIN_CHARS 6        /* the shortest code the booth reads (a receipt code's shape) */
#define SCAN_GAP_US 30000       /* the longest pause inside a scanner's burst */
#define SCAN_UNSURE_CHARS 12    /* a burst whose pace is not known */
#define BURST_MAX 4096          /* longer: typed keys */

struct burst {
	uint32_t key[BURST_MAX];    /* printable keys held, as read */
	size_t n;
	long long last_us;          /* when the last of them was read */
	int unsure;                 /* some came after a stall: their pace is not known */
	long long other_us;         /* when the last other key was read */
	int broken;                 /* it follows another key read with it */
};

/* Where held or passed events go, in the order they came. */
typedef void (*burst_out)(void *ctx, const struct event *ev);

/* Takes one event read at now_us, which may have waited in the terminal
 * since since_us (the loop's last read, when it was busy since; now_us
 * otherwise). Hands to out what is decided: earlier held keys, a scan,
 * this event itself; printable keys are held. */
void burst_feed(struct burst *b, const struct event *ev, long long now_us, long long since_us,
		burst_out out, void *ctx);

/* Microseconds from now_us until held keys go on as typed, or -1 when
 * none are held. */
long long burst_wait_us(const struct burst *b, long long now_us);

/* Hands held keys to out as typed when the pause after them is longer
 * than a scanner's. */
void burst_expire(struct burst *b, long long now_us, burst_out out, void *ctx);

#endif
