/* The durable spool of submissions in state.db: what the booth has
 * promised a villager to deliver to the provincial server.
 *
 * Life of a request: spool_enqueue() saves it ("waiting") with its upload
 * bytes frozen; the upload worker spool_claim()s the oldest one that is
 * due, sends it, then either spool_ack()s it ("sent"), spool_retry()s it
 * later (transient failure: backoff with jitter, Retry-After honoured) or
 * spool_quarantine()s it with a reason for a helper ("quarantined"), who
 * may spool_release() it back to "waiting".
 *
 * Invariants, enforced by triggers in the schema as well as by this API:
 * the id, receipt, kind, procedure code, creation time and body of a saved
 * request are never edited, and a saved request is never deleted (so never
 * once a send has started). The one exception is privacy: some days after
 * the server acknowledged a request, spool_erase_due() empties its body
 * (the villager's details), once; the request stays "sent" for good. Every function that writes does so in one
 * transaction: it happened whole or not at all. Under the connection's
 * default synchronous=FULL it has also reached the disk when the function
 * returns; see spool_worker_durability() for the upload worker's own
 * bookkeeping. A busy (locked) or full database returns -1 with the reason
 * in *cause (the caller frees it).
 *
 * Times are unix seconds unless a name says _ms. */
#ifndef KIOSK_SPOOL_H
#define KIOSK_SPOOL_H

#include <stddef.h>

struct db;

#define SPOOL_ID_MAX 64       /* an id: 1 to 64 of [A-Za-z0-9-] */
#define SPOOL_RECEIPT_MAX 32  /* a receipt code: 1 to 32 of [A-Za-z0-9-] */

/* A request to save. The body is the exact JSON the server will receive
 * (NFC UTF-8, an object whose "id" member equals id); it is copied, and
 * so are the OpenRosa bytes when there are any ([upload] protocol). */
struct spool_request {
	const char *id;             /* spool_new_id(), the Idempotency-Key */
	const char *receipt;        /* the short code printed on the receipt, in
				     * upper case: lookups tidy what is typed
				     * with dossier_code(), which upper-cases */
	const char *kind;           /* "procedure", "feedback", ... */
	const char *procedure_code; /* NULL when none */
	long long created_at;       /* the clock's time, which orders the spool */
	const char *body;
	size_t body_len;
	int time_unknown;           /* the clock was not set: created_at is not
				     * a real time (stored as time_known 0) */
	const char *xml;            /* the OpenRosa submission (xform.h), NFC
				     * UTF-8 whose instanceID is "uuid:" + id;
				     * NULL when saved for the JSON protocol */
	size_t xml_len;
	const char *xform;          /* the XForm id of its form, NULL with no xml */
};

enum spool_state { SPOOL_WAITING, SPOOL_SENT, SPOOL_QUARANTINED };

/* One saved request as read back. body is NULL in lists (body_len is
 * still set); last_error is "" when there is none; times are 0 when
 * unknown (never tried, not sent). Release with spool_item_free(). */
struct spool_item {
	char id[SPOOL_ID_MAX + 1];
	char receipt[SPOOL_RECEIPT_MAX + 1];
	char kind[32];
	char procedure_code[64];
	long long created_at;
	int time_known;             /* 0: saved while the clock was not set */
	enum spool_state state;
	int attempts;               /* sends started so far */
	long long next_try_at;      /* not sent again before this time */
	long long tried_at;         /* when the last send started */
	long long sent_at;          /* when the server acknowledged it */
	long long erased_at;        /* when its personal details were erased */
	char *last_error;
	char *body;
	size_t body_len;
	char *xml;                  /* the OpenRosa bytes (with the body), or NULL */
	size_t xml_len;             /* 0 when there are none (or erased) */
	char xform[64];             /* its form's XForm id, "" for none */
};

/* How long to wait before retrying. */
struct spool_policy {
	long base_ms;               /* the first retry waits base_ms/2 to base_ms */
	long max_ms;                /* no wait is longer (Retry-After aside) */
};

/* Longest Retry-After honoured, in seconds; a longer one is cut to it. */
#define SPOOL_RETRY_AFTER_MAX 86400

struct spool_counts {
	long waiting, sent, quarantined;
};

/* Whether the upload worker last reached the provincial server. */
enum spool_link { SPOOL_LINK_UNKNOWN, SPOOL_LINK_ONLINE, SPOOL_LINK_OFFLINE };

/* What the kiosk's footer shows, read cheaply (one query: two counts over
 * the state index and four settings, "sync.*"). An empty [upload] url
 * means "offline" whatever is recorded here: the UI decides that from the
 * config. */
struct spool_footer {
	long waiting;               /* requests not yet acknowledged */
	long quarantined;           /* waiting for a helper */
	long long last_upload;      /* last acknowledgement, 0 when never */
	enum spool_link link;       /* how the last exchange with the server went */
	long long link_at;          /* when that was last confirmed */
	long long last_contact;     /* last time the server was reached, 0 never */
};

/* Writes a new random id (a UUID, 36 characters) into out. */
void spool_new_id(char out[SPOOL_ID_MAX + 1]);

/* True when s can be an id or receipt code of at most max characters:
 * letters, digits and '-', so it is safe in a URL and an HTTP header. */
int spool_code_ok(const char *s, size_t max);

/* Saves a request, waiting, due now. Returns 0 only after COMMIT returned:
 * then, and only then, may the villager be told it is saved. Returns -1
 * with *cause when a field is malformed, the body is not a JSON object
 * echoing the id, the id or receipt is already used, or the database is
 * locked, full or unwritable; nothing is saved then. Called inside a
 * transaction the caller opened (to save other rows with the request), the
 * insert joins it and is saved only by the caller's COMMIT. */
int spool_enqueue(struct db *db, const struct spool_request *req, char **cause);

/* Takes the oldest waiting request whose next_try_at is at most now and
 * records, before any byte is sent, that a send has started (attempts + 1,
 * tried_at = now). Returns 1 with *item filled (body included), 0 when
 * nothing is due, -1 with *cause. */
int spool_claim(struct db *db, long long now, struct spool_item *item, char **cause);

/* Switches this connection (the upload worker's) to synchronous=NORMAL.
 * Its writes stay atomic and survive the worker being killed; a power cut
 * may undo the last few of them (a claim, an acknowledgement, a schedule),
 * which is harmless: the request is then still waiting, is sent again with
 * the same bytes and key, and the server's idempotency answers 409 with
 * its id. Saving a request (spool_enqueue on the kiosk's connection) keeps
 * synchronous=FULL. Without this an fsync per claim and per ack would cap
 * the worker at the disk's sync rate. Returns 0 or -1 with *cause. */
int spool_worker_durability(struct db *db, char **cause);

/* Marks a request acknowledged by the server at time now (0 when the clock
 * is not set: spool_erase_due dates it later) and records now as the last
 * successful upload. Returns 0 or -1 with *cause. */
int spool_ack(struct db *db, const char *id, long long now, char **cause);

/* The wait before retry number attempts (1 for the first retry):
 * exponential from policy->base_ms, capped at policy->max_ms, with "equal
 * jitter": a value from half the step to the whole step, picked by rnd.
 * Pure; spool_retry() uses it. */
long spool_backoff_ms(const struct spool_policy *policy, int attempts, unsigned rnd);

/* The wait after a transient failure: the backoff for attempts, or the
 * server's Retry-After (seconds, 0 when none; cut at
 * SPOOL_RETRY_AFTER_MAX) when that is longer. Pure. */
long spool_delay_ms(const struct spool_policy *policy, int attempts, long retry_after,
		    unsigned rnd);

/* Schedules a waiting request for another try after a transient failure
 * at now_ms (unix milliseconds), remembering reason. *delay_ms gets the
 * wait chosen (see spool_delay_ms). Returns 0 or -1 with *cause. */
int spool_retry(struct db *db, const char *id, const struct spool_policy *policy,
		long retry_after, const char *reason, long long now_ms, long *delay_ms,
		char **cause);

/* Sets a waiting request aside for a helper, with the server's reason.
 * Returns 0 or -1 with *cause. */
int spool_quarantine(struct db *db, const char *id, const char *reason, char **cause);

/* A helper's retry: a quarantined (or waiting) request, found by id or
 * receipt code, becomes waiting and due now, with the same bytes and key.
 * Returns 0, or -1 with *cause (unknown, or already sent). */
int spool_release(struct db *db, const char *id_or_receipt, char **cause);

/* Releases every quarantined request (after a helper fixed the cause, a
 * wrong token say). *n gets how many. Returns 0 or -1 with *cause. */
int spool_release_all(struct db *db, long *n, char **cause);

/* Makes every waiting request due now (a worker starting, a helper asking
 * to send now). Returns 0 or -1 with *cause. */
int spool_due_now(struct db *db, char **cause);

/* Finds a request by id or receipt code, body included. Returns 1 with
 * *item filled, 0 when there is none, -1 with *cause. */
int spool_find(struct db *db, const char *id_or_receipt, struct spool_item *item,
	       char **cause);

/* Called by spool_list() for each request, oldest first; a non-zero
 * return stops the listing. The item (without its body) is only valid
 * during the call. */
typedef int spool_each_fn(const struct spool_item *item, void *arg);

/* Lists requests in one state (or all when state is NULL), oldest first,
 * at most limit of them (no limit when limit <= 0). Returns 0 or -1. */
int spool_list(struct db *db, const enum spool_state *state, long limit, spool_each_fn *fn,
	       void *arg, char **cause);

/* Erases the personal details of every request the server acknowledged
 * at least days days before now (sent_at + days * 86400 <= now): its body
 * (the villager's form values) and its OpenRosa bytes become empty and
 * erased_at is set to now;
 * its id, receipt code, kind, procedure, state and times stay, and so does
 * its cached dossier status, but not the status's note (the server may
 * name the villager there). Calls fn (which may be NULL; its return is
 * ignored) with each one, oldest acknowledgement first; *n gets how many. With dry_run nothing is
 * changed: fn sees what would be erased. days <= 0 erases nothing. All in
 * one transaction, then the log is checkpointed and truncated so the old
 * bytes are not left in the -wal file (secure_delete, set by db_open,
 * zeroes the freed pages). A now before clock_min was read from a clock
 * that was not set: then nothing is erased. An acknowledgement recorded
 * while the clock was not set (sent_at 0, see spool_ack) is first dated
 * now, so its days start when the clock is right; acknowledgements from
 * before an upgrade keep their dates. Returns 0 or -1 with *cause. */
int spool_erase_due(struct db *db, long long now, long long clock_min, int days, int dry_run,
		    spool_each_fn *fn, void *arg, long *n, char **cause);

/* Counts the requests in each state. Returns 0 or -1 with *cause. */
int spool_counts(struct db *db, struct spool_counts *counts, char **cause);

/* Records whether the server was reached, at now (and when it was, the
 * time of the last contact). Returns 0 or -1 with *cause. */
int spool_link_set(struct db *db, int online, long long now, char **cause);

/* Fills the kiosk footer's numbers. Returns 0 or -1 with *cause. */
int spool_footer(struct db *db, struct spool_footer *footer, char **cause);

/* The name of a state ("waiting", "sent", "quarantined") and back:
 * spool_state_parse() returns 0, or -1 for an unknown name. */
const char *spool_state_name(enum spool_state state);
int spool_state_parse(const char *name, enum spool_state *state);

/* Frees what an item holds and clears it. */
void spool_item_free(struct spool_item *item);

#endif
