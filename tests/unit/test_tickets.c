/* Tests for counters.c and tickets.c on a real state.db: the counters
 * file, number bands, the daily reset (the day is injected), a band used
 * up, ids never reused, the people ahead, a ticket not printed giving its
 * number back, calling the next number. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "counters.h"
#include "db.h"
#include "problems.h"
#include "tickets.h"
#include "util.h"

static const char counters_text[] =
	"# two counters\n"
	"counter  tu-phap  1001 1999  Tư pháp - Hộ tịch\n"
	"\n"
	"counter  dat-dai  2001 2003  Đất đai - Xây dựng\n";

struct fixture {
	char dir[64];
	struct db *db;
	struct counters cs;
};

/* A fresh state.db in a scratch folder, and the two counters above. */
static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct problems p = { 0 };
	char *cause = NULL, *path;

	snprintf(f->dir, sizeof f->dir, "/tmp/kiosk-tickets-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	path = xprintf("%s/state.db", f->dir);
	f->db = db_open(path, &cause);
	free(path);
	if (f->db == NULL || counters_parse(&f->cs, "queue.counters", counters_text, &p) != 0)
		return -1;
	*state = f;
	return 0;
}

/* Closes the database and removes the scratch folder and its files. */
static int teardown(void **state)
{
	struct fixture *f = *state;
	const char *const names[] = { "state.db", "state.db-wal", "state.db-shm" };
	size_t i;

	db_close(f->db);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = xprintf("%s/%s", f->dir, names[i]);

		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	counters_free(&f->cs);
	free(f);
	return 0;
}

/* Takes and prints (confirms) a ticket of counter id on day; returns it. */
static struct ticket_row take(struct fixture *f, const char *id, const char *day)
{
	struct ticket_row t;
	char *cause = NULL;

	assert_int_equal(tickets_reserve(f->db, counters_find(&f->cs, id), day, 1000, &t, &cause), 0);
	assert_string_equal(t.status, "printing");
	assert_int_equal(tickets_confirm(f->db, t.id, &cause), 0);
	return t;
}

static void test_counters_file(void **state)
{
	struct fixture *f = *state;
	const struct counter *c = counters_find(&f->cs, "dat-dai");

	assert_int_equal(f->cs.n, 2);
	assert_non_null(c);
	assert_int_equal(c->first, 2001);
	assert_int_equal(c->last, 2003);
	assert_string_equal(c->label, "Đất đai - Xây dựng");
	assert_int_equal(c->line, 4);
	assert_null(counters_find(&f->cs, "tu"));
}

/* Parses text, expecting it refused with this message. */
static void refused(const char *text, const char *message)
{
	struct problems p = { 0 };
	struct counters cs;

	assert_int_equal(counters_parse(&cs, "q", text, &p), -1);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.items[0], message);
	counters_free(&cs);
	problems_clear(&p);
}

static void test_counters_refused(void **state)
{
	(void)state;
	refused("counter a 10 5 A\n", "q:1: the band is two numbers FIRST LAST, 1 to 99999, FIRST <= LAST");
	refused("counter a 1 x A\n", "q:1: the band is two numbers FIRST LAST, 1 to 99999, FIRST <= LAST");
	refused("counter A! 1 5 A\n", "q:1: a counter's id is 1 to 32 of a-z 0-9 - _, not \"A!\"");
	refused("counter a 1 5 A\ncounter a 6 9 B\n", "q:2: counter \"a\" is already on line 1");
	refused("counter a 1 5 A\ncounter b 5 9 B\n", "q:2: the band 5-9 overlaps counter \"a\" (1-5)");
	refused("quầy a 1 5 A\n", "q:1: unknown directive \"quầy\"");
}

/* Notes the people ahead of each ticket listed, by its last digit. */
static void count_one(const struct ticket_row *t, void *ctx)
{
	int *ahead = ctx;

	ahead[t->number % 10] = t->ahead;
}

static void test_bands_and_daily_reset(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(take(f, "tu-phap", "2026-11-27").number, 1001);
	assert_int_equal(take(f, "dat-dai", "2026-11-27").number, 2001);
	assert_int_equal(take(f, "tu-phap", "2026-11-27").number, 1002);
	assert_int_equal(take(f, "dat-dai", "2026-11-27").number, 2002);
	/* The next day every counter starts again at its band's first. */
	assert_int_equal(take(f, "tu-phap", "2026-11-28").number, 1001);
	assert_int_equal(take(f, "dat-dai", "2026-11-28").number, 2001);
	assert_int_equal(take(f, "tu-phap", "2026-11-27").number, 1003);
}

static void test_band_used_up(void **state)
{
	struct fixture *f = *state;
	struct ticket_row t;
	char *cause = NULL;
	int i, ahead[10];

	for (i = 0; i < 3; i++)
		take(f, "dat-dai", "2026-11-27");
	assert_int_equal(tickets_reserve(f->db, counters_find(&f->cs, "dat-dai"), "2026-11-27", 1000,
					 &t, &cause), 1);
	assert_string_equal(cause, "counter dat-dai has given all its numbers (2001-2003) for 2026-11-27");
	free(cause);
	/* Nothing was taken, other counters and days go on. */
	assert_int_equal(tickets_list(f->db, "2026-11-27", "dat-dai", count_one, ahead, &cause), 3);
	assert_int_equal(take(f, "tu-phap", "2026-11-27").number, 1001);
	assert_int_equal(take(f, "dat-dai", "2026-11-28").number, 2001);
}

static void test_ids_unique_and_kept(void **state)
{
	struct fixture *f = *state;
	struct ticket_row a = take(f, "tu-phap", "2026-11-27");
	struct ticket_row b = take(f, "tu-phap", "2026-11-28");

	/* Same number, other day: another id. */
	assert_int_equal(a.number, b.number);
	assert_string_not_equal(a.id, b.id);
	assert_int_equal(strlen(a.id), 36);
}

static void test_ahead_and_call(void **state)
{
	struct fixture *f = *state;
	const char *day = "2026-11-27";
	struct ticket_row t;
	char *cause = NULL;
	int ahead[10] = { 0 };

	take(f, "tu-phap", day);
	take(f, "tu-phap", day);
	take(f, "dat-dai", day);
	take(f, "tu-phap", "2026-11-26");
	/* Two of the same counter and day before it; not the other counter's. */
	assert_int_equal(take(f, "tu-phap", day).ahead, 2);
	assert_int_equal(tickets_call(f->db, "tu-phap", day, 2000, &t, &cause), 1);
	assert_int_equal(t.number, 1001);
	assert_string_equal(t.status, "served");
	assert_int_equal(t.served_at, 2000);
	assert_int_equal(take(f, "tu-phap", day).ahead, 2);
	assert_int_equal(tickets_list(f->db, day, "tu-phap", count_one, ahead, &cause), 4);
	assert_int_equal(ahead[1], 0);
	assert_int_equal(ahead[2], 0);
	assert_int_equal(ahead[3], 1);
	assert_int_equal(ahead[4], 2);
	assert_int_equal(tickets_call(f->db, "tu-phap", day, 2001, &t, &cause), 1);
	assert_int_equal(t.number, 1002);
	assert_int_equal(tickets_call(f->db, "tu-phap", day, 2002, &t, &cause), 1);
	assert_int_equal(tickets_call(f->db, "tu-phap", day, 2003, &t, &cause), 1);
	assert_int_equal(t.number, 1004);
	assert_int_equal(tickets_call(f->db, "tu-phap", day, 2004, &t, &cause), 0);
}

static void test_not_printed_gives_number_back(void **state)
{
	struct fixture *f = *state;
	const struct counter *c = counters_find(&f->cs, "tu-phap");
	struct ticket_row t, again;
	char *cause = NULL;

	take(f, "tu-phap", "2026-11-27");
	assert_int_equal(tickets_reserve(f->db, c, "2026-11-27", 1000, &t, &cause), 0);
	assert_int_equal(t.number, 1002);
	assert_int_equal(tickets_void(f->db, t.id, &cause), 0);
	assert_int_equal(tickets_reserve(f->db, c, "2026-11-27", 1000, &again, &cause), 0);
	assert_int_equal(again.number, 1002);
	assert_string_not_equal(again.id, t.id);
	/* A printed ticket is never given back. */
	assert_int_equal(tickets_confirm(f->db, again.id, &cause), 0);
	assert_int_equal(tickets_void(f->db, again.id, &cause), -1);
	free(cause);
	cause = NULL;
	/* One left 'printing' (killed while printing) keeps its number and
	 * counts as waiting. */
	assert_int_equal(tickets_reserve(f->db, c, "2026-11-27", 1000, &t, &cause), 0);
	assert_int_equal(t.number, 1003);
	assert_int_equal(take(f, "tu-phap", "2026-11-27").ahead, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counters_file, setup, teardown),
		cmocka_unit_test(test_counters_refused),
		cmocka_unit_test_setup_teardown(test_bands_and_daily_reset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_band_used_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids_unique_and_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ahead_and_call, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_printed_gives_number_back, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
