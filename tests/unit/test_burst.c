/* Tests for burst.c: a keyboard-wedge scanner's fast burst ending in Enter
 * is one scan, whatever its length from SCAN_MIN_CHARS; typing, however
 * long, never is, and goes on key by key in order. */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "burst.h"

/* What the burst handed on: keys as characters ("\n" Enter, "^" another
 * key) and scans as "[text]". */
static char got[8192];

/* Records one event handed on. */
static void out(void *ctx, const struct event *ev)
{
	size_t n = strlen(got);

	(void)ctx;
	if (ev->type == EV_SCAN)
		snprintf(got + n, sizeof got - n, "[%s]", ev->text);
	else if (ev->type == EV_KEY && ev->key == AK_ENTER)
		snprintf(got + n, sizeof got - n, "\n");
	else if (ev->type == EV_KEY && ev->key < 0x80)
		snprintf(got + n, sizeof got - n, "%c", (char)ev->key);
	else
		snprintf(got + n, sizeof got - n, "^");
}

/* Feeds the ASCII text s ("\n" for Enter), one key every step_us from
 * *t, each read as it came (since = its own time). */
static void type(struct burst *b, const char *s, long long *t, long long step_us)
{
	for (; *s; s++, *t += step_us) {
		uint32_t k = *s == '\n' ? AK_ENTER : (uint32_t)(unsigned char)*s;

		burst_feed(b, &(struct event){ .type = EV_KEY, .key = k }, *t, *t, out, NULL);
	}
}

static void test_scanner_burst(void **state)
{
	static struct burst b;
	long long t = 1000000;

	(void)state;
	got[0] = '\0';
	/* 11 characters 2 ms apart, then Enter: a scan, nothing typed. */
	type(&b, "hello world\n", &t, 2000);
	assert_string_equal(got, "[hello world]");
	/* As short as a receipt code's shape: still a scan. */
	got[0] = '\0';
	type(&b, "ABC123\n", &t, 0);
	assert_string_equal(got, "[ABC123]");
	/* Shorter: typed, then Enter. */
	got[0] = '\0';
	type(&b, "12345\n", &t, 0);
	assert_string_equal(got, "12345\n");
	assert_int_equal(burst_wait_us(&b, t), -1);
}

static void test_typing(void **state)
{
	static struct burst b;
	long long t = 1000000;

	(void)state;
	got[0] = '\0';
	/* A person: 150 ms between keys. Each goes on when the next comes. */
	type(&b, "hello world", &t, 150000);
	assert_string_equal(got, "hello worl");
	/* The last goes on when the pause is longer than a scanner's. */
	assert_true(burst_wait_us(&b, t - 150000) > 0);
	assert_true(burst_wait_us(&b, t - 150000) <= SCAN_GAP_US + 1);
	burst_expire(&b, t - 150000 + SCAN_GAP_US / 2, out, NULL);
	assert_string_equal(got, "hello worl");
	burst_expire(&b, t - 150000 + SCAN_GAP_US + 1, out, NULL);
	assert_string_equal(got, "hello world");
	type(&b, "\n", &t, 0);
	assert_string_equal(got, "hello world\n");
	/* Fast text, Enter a person's moment later: typed. */
	got[0] = '\0';
	type(&b, "Traafn Thij", &t, 0);
	t += 120000;
	type(&b, "\n", &t, 0);
	assert_string_equal(got, "Traafn Thij\n");
}

static void test_other_keys_break_a_burst(void **state)
{
	static struct burst b;
	long long t = 1000000;

	(void)state;
	got[0] = '\0';
	type(&b, "abc", &t, 0);
	burst_feed(&b, &(struct event){ .type = EV_KEY, .key = AK_UP }, t, t, out, NULL);
	type(&b, "def\n", &t, 0);
	assert_string_equal(got, "abc^def\n");
	/* Text with a control key in it, read at once: typed. */
	got[0] = '\0';
	type(&b, "ket", &t, 0);
	burst_feed(&b, &(struct event){ .type = EV_KEY, .key = AK_IGNORED }, t, t, out, NULL);
	type(&b, "41m hon\n", &t, 0);
	assert_string_equal(got, "ket^41m hon\n");
	/* A touch just before a scan breaks nothing. */
	got[0] = '\0';
	t += SCAN_GAP_US + 1;
	burst_feed(&b, &(struct event){ .type = EV_RELEASE, .y = 3, .x = 10 }, t, t, out, NULL);
	type(&b, "ABC123\n", &t, 0);
	assert_string_equal(got, "^[ABC123]");
	/* After a pause the next burst is a scan again. */
	got[0] = '\0';
	t += SCAN_GAP_US + 1;
	type(&b, "41m hon\n", &t, 1000);
	assert_string_equal(got, "[41m hon]");
}

static void test_unknown_pace(void **state)
{
	static struct burst b;
	const char *s;
	long long t = 1000000;

	(void)state;
	/* Read together after the loop was busy 200 ms: a person may have
	 * typed them; only a long burst is a scan then. */
	got[0] = '\0';
	for (s = "Nguyen A\n"; *s; s++)
		burst_feed(&b, &(struct event){ .type = EV_KEY, .key = *s == '\n' ? AK_ENTER : (uint32_t)*s },
			   t, t - 200000, out, NULL);
	assert_string_equal(got, "Nguyen A\n");
	got[0] = '\0';
	t += 500000;
	for (s = "001099012345\n"; *s; s++)
		burst_feed(&b, &(struct event){ .type = EV_KEY, .key = *s == '\n' ? AK_ENTER : (uint32_t)*s },
			   t, t - 200000, out, NULL);
	assert_string_equal(got, "[001099012345]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scanner_burst),
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_other_keys_break_a_burst),
		cmocka_unit_test(test_unknown_pace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
