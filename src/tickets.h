/* Queue tickets in state.db: a counter's next number for the day, the
 * people waiting ahead, and marking them served. A ticket has a unique id
 * that is never reused, apart from the number it shows: numbers start
 * again at the band's first every day (local date).
 *
 * Issuing is two steps around the printing: tickets_reserve() commits the
 * ticket as 'printing' before the paper is printed; tickets_confirm()
 * makes it 'waiting' once the printer took it, tickets_void() deletes it
 * when it could not print, so the next villager gets the same number.
 * A ticket left 'printing' (the program killed while printing) keeps its
 * number and counts as waiting: see ctl_ticket.c for why. */
#ifndef KIOSK_TICKETS_H
#define KIOSK_TICKETS_H

#include <time.h>

#include "counters.h"
#include "spool.h"

struct db;

#define TICKET_DAY_SIZE 11      /* "YYYY-MM-DD" */

struct ticket_row {
	char id[SPOOL_ID_MAX + 1];
	char counter[COUNTER_ID_MAX + 1];
	char day[TICKET_DAY_SIZE];
	int number;
	int ahead;                  /* not yet served, issued before it that day */
	long long issued_at, served_at;
	char status[12];            /* printing | waiting | served */
};

/* Writes the local date of t as "YYYY-MM-DD". */
void tickets_day(time_t t, char out[TICKET_DAY_SIZE]);

/* Takes counter c's next number on day (one past the highest of the day
 * in its band, or its first) in one transaction, as a 'printing' ticket
 * with a new id, and fills t (with the people ahead). Returns 0; 1 when
 * the band is used up for the day; -1 on error; *cause says why. */
int tickets_reserve(struct db *db, const struct counter *c, const char *day, time_t now,
		    struct ticket_row *t, char **cause);

/* The printer took ticket id: it now waits. Returns 0 or -1 with *cause. */
int tickets_confirm(struct db *db, const char *id, char **cause);

/* Ticket id could not be printed: it is removed, as if never issued
 * (only while it is 'printing'). Returns 0 or -1 with *cause. */
int tickets_void(struct db *db, const char *id, char **cause);

/* Marks the lowest ticket of counter on day not yet served as served at
 * now, into t. Returns 1, 0 when nobody waits, -1 with *cause. */
int tickets_call(struct db *db, const char *counter, const char *day, time_t now,
		 struct ticket_row *t, char **cause);

/* Calls fn for each ticket of day (of one counter, or all when counter is
 * NULL), by counter and number; ahead is filled for those not served.
 * Returns the count, or -1 with *cause. */
int tickets_list(struct db *db, const char *day, const char *counter,
		 void (*fn)(const struct ticket_row *t, void *ctx), void *ctx, char **cause);

#endif
