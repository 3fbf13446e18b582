/* Scans told from typing by timing (see burst.h). */
#include "burst.h"

#include "text.h"
#include "util.h"

/* A key that a scanner's burst is made of: a printable character. */
static int printable(const struct event *ev)
{
	return ev->type == EV_KEY && ev->key >= 0x20 && ev->key < 0x110000;
}

/* Hands the held keys to out as typed, and forgets them. */
static void flush(struct burst *b, burst_out out, void *ctx)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		out(ctx, &(struct event){ .type = EV_KEY, .key = b->key[i] });
	wipe(b->key, b->n * sizeof b->key[0]);
	b->n = 0;
	b->unsure = 0;
}

/* Hands the held keys to out as one scan, and forgets them. */
static void scan(struct burst *b, burst_out out, void *ctx)
{
	char text[4 * BURST_MAX + 1];
	size_t i, o = 0;

	for (i = 0; i < b->n; i++)
		o += text_encode(b->key[i], text + o);
	text[o] = '\0';
	out(ctx, &(struct event){ .type = EV_SCAN, .text = text });
	wipe(text, o);
	wipe(b->key, b->n * sizeof b->key[0]);
	b->n = 0;
	b->unsure = 0;
}

/* True when Enter read at now_us ends the held keys as a scanner would. */
static int scanner_pace(const struct burst *b, long long now_us)
{
	return !b->broken && b->n >= (b->unsure ? SCAN_UNSURE_CHARS : SCAN_MIN_CHARS) &&
	       now_us - b->last_us <= SCAN_GAP_US;
}

void burst_feed(struct burst *b, const struct event *ev, long long now_us, long long since_us,
		burst_out out, void *ctx)
{
	if (b->n > 0 && now_us - b->last_us > SCAN_GAP_US)
		flush(b, out, ctx); /* a pause: what was held was typed */
	if (printable(ev) && b->n < BURST_MAX) {
		if (b->n == 0)
			b->broken = b->other_us == now_us;
		b->unsure |= now_us - since_us > SCAN_GAP_US;
		b->key[b->n++] = ev->key;
		b->last_us = now_us;
		return;
	}
	if (ev->type == EV_KEY && ev->key == AK_ENTER) {
		b->unsure |= now_us - since_us > SCAN_GAP_US;
		if (scanner_pace(b, now_us)) {
			scan(b, out, ctx);
			return;
		}
	}
	flush(b, out, ctx);
	if (ev->type == EV_KEY)
		b->other_us = now_us;
	out(ctx, ev);
}

long long burst_wait_us(const struct burst *b, long long now_us)
{
	long long left;

	if (b->n == 0)
		return -1;
	left = b->last_us + SCAN_GAP_US + 1 - now_us;
	return left > 0 ? left : 0;
}

void burst_expire(struct burst *b, long long now_us, burst_out out, void *ctx)
{
	if (b->n > 0 && now_us - b->last_us > SCAN_GAP_US)
		flush(b, out, ctx);
}
