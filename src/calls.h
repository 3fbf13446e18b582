/* Calls for a helper ("Gọi cán bộ hỗ trợ") in state.db: a villager's
 * call is recorded with its time, the screen it was made from and the
 * booth, nothing about the villager; a helper marks it answered (with
 * `kioskctl calls answer` or from the helper menu). */
#ifndef KIOSK_CALLS_H
#define KIOSK_CALLS_H

struct db;

#define CALL_TEXT_MAX 64

struct call_row {
	long long id;
	long long at;                   /* unix seconds */
	char screen[CALL_TEXT_MAX];     /* a screen id, or "form:ID" */
	char booth[CALL_TEXT_MAX];
	long long answered_at;          /* 0 while open */
	char answered_by[CALL_TEXT_MAX];
};

/* Records a call made at time at from screen at booth; *id gets its id.
 * Returns 0 or -1 with *cause. */
int calls_add(struct db *db, long long at, const char *screen, const char *booth, long long *id,
	      char **cause);

/* Marks call id answered at time at by who ("local", "ssh ADDRESS",
 * "booth"). Returns 1, 0 when no open call has that id, -1 with *cause. */
int calls_answer(struct db *db, long long id, long long at, const char *who, char **cause);

/* Marks every open call answered; returns how many, or -1 with *cause. */
int calls_answer_all(struct db *db, long long at, const char *who, char **cause);

/* Calls fn for each call, oldest first: the open ones only, or all of
 * them (open and answered). Returns the count, or -1 with *cause. */
int calls_list(struct db *db, int open_only, void (*fn)(const struct call_row *c, void *ctx),
	       void *ctx, char **cause);

/* How many calls are open, and when the oldest was made (0 when none).
 * Returns 0 or -1 with *cause. */
int calls_open(struct db *db, long *n, long long *oldest, char **cause);

#endif
