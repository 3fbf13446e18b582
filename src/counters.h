/* The counters of the commune's one-stop office where villagers take a
 * queue number ("Lấy số thứ tự"): screens/queue.counters in the content
 * folder, so the commune changes them with a signed content bundle. Each
 * counter has its own band of numbers (1001-1999, 2001-2999 ...), which
 * starts again every day. Format in docs/screens.md. */
#ifndef KIOSK_COUNTERS_H
#define KIOSK_COUNTERS_H

struct i18n;
struct problems;

#define COUNTER_MAX 9           /* one digit each on the keypad */
#define COUNTER_ID_MAX 32
#define COUNTER_NUMBER_MAX 99999
#define COUNTER_LABEL_COLS 31   /* a box of two columns at 80x24 */

struct counter {
	char id[COUNTER_ID_MAX + 1]; /* a-z 0-9 - _: "tu-phap" */
	int first, last;             /* the band: numbers first..last */
	char *label;                 /* Vietnamese name: a message id */
	int line;
};

struct counters {
	struct counter v[COUNTER_MAX];
	int n;
	char *file;                  /* for messages */
};

/* Parses the text of a counters file ("counter ID FIRST LAST LABEL" per
 * line). Returns 0, or -1 with problems added (out then holds the lines
 * that were right; free it all the same). */
int counters_parse(struct counters *out, const char *file, const char *text, struct problems *p);

/* Loads the counters file at path; a missing file is no problem (no
 * counters: the queue screen says so). Returns 0 or -1 as above. */
int counters_load(struct counters *out, const char *path, struct problems *p);

/* Checks that every label fits its box in every language of t. */
void counters_check(const struct counters *cs, const struct i18n *t, struct problems *p);

/* The counter with this id, or NULL. */
const struct counter *counters_find(const struct counters *cs, const char *id);

/* Frees the labels and empties cs. */
void counters_free(struct counters *cs);

#endif
