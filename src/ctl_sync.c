/* kioskctl sync: the upload worker. Sends the spool's waiting requests to
 * the provincial server oldest first, each with its frozen bytes and its
 * id as the Idempotency-Key; backs off with jitter on transient failures,
 * quarantines a request the server refuses for itself, pauses when the
 * server refuses the booth (refusal.h), records whether the server was
 * reached, and (as a daemon) refreshes recent dossiers' statuses into the
 * status cache. A worker sends only while it holds STATE_DIR/sync.lock, so
 * a request is never in two sends at once: --once holds it for its run
 * (which never waits long), the daemon only for each send or refresh, so
 * that a helper's --once runs while the daemon waits out a Retry-After.
 * One daemon at a time per state folder (sync-daemon.lock). */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "dossier.h"
#include "log.h"
#include "refusal.h"
#include "spool.h"
#include "upload.h"
#include "util.h"

/* An idle daemon looks for new requests this often (ms). */
#define POLL_MS 1000
/* The link state is written again, unchanged, at most this often (s). */
#define LINK_REFRESH 60
/* Dossier statuses asked per refresh round. */
#define STATUS_BATCH 50

static volatile sig_atomic_t stop_flag;

struct worker {
	struct ctl *ctl;
	struct db *db;
	struct upload *up;
	struct spool_policy policy;
	struct refusals refusals;   /* the request's fault or the booth's */
	struct spool_pause pause;   /* as recorded; cause "" while sending */
	int failures;               /* transient failures in a row */
	int link;                   /* last recorded: -1 none yet, 0 offline, 1 online */
	long long link_at;
	long sent, quarantined, retried;   /* in this run */
	int openrosa;               /* [upload] protocol openrosa (ODK Central) */
	long erased;                /* requests whose details were erased */
	long retry_after;           /* the server's last Retry-After, seconds */
	char why[256];              /* the last failure, fit for a log */
};

/* SIGTERM, SIGINT, SIGHUP: finish cleanly. */
static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* Installs on_signal without SA_RESTART, so waits return early. */
static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Sleeps ms milliseconds, returning early when a stop signal comes (the
 * signals are blocked between the flag's check and the wait: no race). */
static void nap(long ms)
{
	sigset_t block, old;
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (!stop_flag && ms > 0)
		pselect(0, NULL, NULL, NULL, &ts, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Wall-clock time in milliseconds. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Prints one line of the worker's log to stderr (journald keeps it under
 * systemd) and, for a daemon outside systemd, to STATE_DIR/logs/sync.log
 * for 'kioskctl logs'. Receipt codes and ids only: never a villager's data. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "sync: %s\n", msg);
	if (log_is_file())
		log_write("%s", msg);
}

/* Logs a failure with its cause and frees the cause. */
static void log_cause(const char *what, char *cause)
{
	say("%s: %s", what, cause ? cause : "unknown error");
	free(cause);
}

/* Records whether the server was reached, when that changed or the last
 * record is older than LINK_REFRESH. */
static void link_note(struct worker *w, int online)
{
	long long now = (long long)time(NULL);
	char *cause = NULL;

	if (online == w->link && now - w->link_at < LINK_REFRESH)
		return;
	if (spool_link_set(w->db, online, now, &cause) != 0) {
		log_cause("cannot record the link state", cause);
		return;
	}
	if (online != w->link)
		say("server %s", online ? "reached" : "not reached");
	w->link = online;
	w->link_at = now;
}

/* The backoff ceiling ([upload] retry_max), in ms. */
static long ceiling_ms(const struct worker *w)
{
	return w->policy.max_ms > 0 ? w->policy.max_ms : 1000;
}

/* Sets a request aside for a helper with the server's reason (receipt:
 * for the log, NULL when not known). Returns 0, or -1 when the spool cannot
 * be written. */
static int quarantine(struct worker *w, const char *id, const char *receipt, const char *reason)
{
	char *cause = NULL, why[256];

	if (spool_quarantine(w->db, id, reason, &cause) != 0) {
		log_cause("cannot quarantine", cause);
		return -1;
	}
	w->quarantined++;
	proto_reason_log(reason, why, sizeof why);
	if (receipt != NULL)
		say("quarantined %s (%s): %s", receipt, id, why);
	else
		say("quarantined %s, refused while another request was accepted: %s", id, why);
	return 0;
}

/* Leaves a refused request waiting, not tried again for wait_ms. Returns 0
 * or -1. */
static int set_aside(struct worker *w, const char *id, const char *reason, long wait_ms)
{
	char *cause = NULL;
	long delay;

	if (spool_retry(w->db, id, &w->policy, wait_ms / 1000, reason, now_ms(), &delay,
			&cause) != 0) {
		log_cause("cannot schedule a retry", cause);
		return -1;
	}
	return 0;
}

/* Records why sending is paused, when that changed. The server's own
 * words are kept for a refusal of the booth (they say what to fix), not
 * for refusals of requests (they may quote a villager's form). */
static void pause_note(struct worker *w, const char *reason)
{
	const struct refusals *r = &w->refusals;
	const char *name = refusal_cause_name(r->paused);
	struct spool_pause p;
	char *cause = NULL;

	if (strcmp(w->pause.cause, name) == 0 && w->pause.http == r->http && w->pause.reason[0])
		return;
	memset(&p, 0, sizeof p);
	snprintf(p.cause, sizeof p.cause, "%s", name);
	p.http = r->http;
	p.since = w->pause.reason[0] ? w->pause.since : (long long)time(NULL);
	if (r->paused == REFUSAL_EVERY)
		proto_reason_log(reason, p.reason, sizeof p.reason);
	else
		snprintf(p.reason, sizeof p.reason, "%s", reason);
	if (spool_pause_set(w->db, &p, &cause) != 0)
		log_cause("cannot record that sending is paused", cause);
	w->pause = p;
	say("sending paused: the server refuses this booth (%s, HTTP %ld), not a request;"
	    " trying again every %ld s", name, p.http, ceiling_ms(w) / 1000);
}

/* After an acknowledgement: the requests held were refused for themselves,
 * and a paused booth sends again, everything waiting due now. A held
 * request another worker (a helper's --once) sent or set aside meanwhile
 * is no longer waiting: quarantine() only logs that. */
static void judge_ack(struct worker *w)
{
	char *cause = NULL;
	int i;

	if (refusal_ack(&w->refusals) || w->pause.reason[0]) {
		if (spool_pause_set(w->db, NULL, &cause) != 0 || spool_due_now(w->db, &cause) != 0)
			log_cause("cannot record that sending goes on", cause);
		memset(&w->pause, 0, sizeof w->pause);
		say("sending again: the server accepts this booth");
	}
	for (i = 0; i < w->refusals.nheld; i++)
		quarantine(w, w->refusals.held[i].id, NULL, w->refusals.held[i].reason);
	refusal_forget(&w->refusals);
}

/* The booth is paused (w->refusals): records why, leaves the request
 * waiting and waits the ceiling (*wait_ms). Returns 0 or -1. */
static int judge_pause(struct worker *w, const struct spool_item *item,
		       const struct upload_result *res, long *wait_ms)
{
	pause_note(w, res->reason);
	*wait_ms = ceiling_ms(w);
	/* After one refusal for every request, the others go first next. */
	return set_aside(w, item->id, res->reason,
			 w->refusals.paused == REFUSAL_EVERY ? 2 * ceiling_ms(w) : ceiling_ms(w));
}

/* A refusal: quarantines the request, holds it, or pauses the booth (see
 * refusal.h); *wait_ms gets the wait before the next send. Returns 0 or
 * -1. */
static int judge_refusal(struct worker *w, const struct spool_item *item,
			 const struct upload_result *res, long *wait_ms)
{
	char why[sizeof res->reason];

	switch (refusal_judge(&w->refusals, item->id, res->http, res->reason)) {
	case REFUSAL_QUARANTINE:
		return quarantine(w, item->id, item->receipt, res->reason);
	case REFUSAL_HOLD:
		proto_reason_log(res->reason, why, sizeof why);
		say("refused %s (%s): %s; held until another request shows whether the server"
		    " refuses this one or the booth", item->receipt, item->id, why);
		/* Not tried again in this round, nor first in the next. */
		return set_aside(w, item->id, res->reason, 2 * ceiling_ms(w));
	case REFUSAL_PAUSE:
		return judge_pause(w, item, res, wait_ms);
	}
	return 0;
}

/* A transient failure: the request is tried again later, and the whole
 * worker waits (*wait_ms; at least the ceiling while paused). Returns 0 or
 * -1. */
static int judge_retry(struct worker *w, const struct spool_item *item,
		       const struct upload_result *res, long *wait_ms)
{
	char *cause = NULL;
	long delay = 0;
	int rc = 0;

	if (spool_retry(w->db, item->id, &w->policy, res->retry_after, res->reason, now_ms(),
			&delay, &cause) != 0) {
		log_cause("cannot schedule a retry", cause);
		rc = -1;
	}
	w->failures++;
	w->retried++;
	w->retry_after = res->retry_after;
	/* The whole worker pauses too: a failing link or server is seldom
	 * the fault of one request, and the oldest goes first again. */
	*wait_ms = spool_delay_ms(&w->policy, w->failures, res->retry_after, arc4random());
	if (delay > *wait_ms)
		*wait_ms = delay;
	if (w->pause.reason[0] && *wait_ms < ceiling_ms(w))
		*wait_ms = ceiling_ms(w);
	say("not sent %s (%s), try %d, next in %.1f s: %s", item->receipt, item->id,
	    item->attempts, (double)*wait_ms / 1000, w->why);
	return rc;
}

/* Nothing is due: when only requests held are left, the server refused
 * every request waiting. */
static void nothing_due(struct worker *w)
{
	char reason[256];

	if (w->refusals.nheld == 0)
		return;
	snprintf(reason, sizeof reason, "%s", w->refusals.held[0].reason);
	if (refusal_exhausted(&w->refusals))
		pause_note(w, reason);
}

/* Sends one claimed request by the configured protocol into *res. A
 * request saved before the booth was set to openrosa has no OpenRosa
 * bytes: it is set aside for a helper. */
static void deliver(struct worker *w, const struct spool_item *item, struct upload_result *res)
{
	if (!w->openrosa) {
		upload_submit(w->up, item->id, item->body, item->body_len, res);
	} else if (item->xml == NULL) {
		memset(res, 0, sizeof *res);
		res->verdict = PROTO_REJECT;
		res->reached = 1;
		snprintf(res->reason, sizeof res->reason,
			 "saved for the JSON protocol before the booth was set to openrosa:"
			 " no OpenRosa bytes to send");
	} else {
		upload_openrosa(w->up, item->xml, item->xml_len, res);
	}
}

/* Sends the oldest due request. Returns 1 when one was handled (*wait_ms
 * set after a transient failure or a pause, else 0), 0 when none is due,
 * -1 when the spool cannot be read or written. */
static int send_one(struct worker *w, long *wait_ms)
{
	struct spool_item item;
	struct upload_result res;
	char *cause = NULL;
	long long now = (long long)time(NULL);
	int got, rc = 0;

	*wait_ms = 0;
	got = spool_claim(w->db, now, &item, &cause);
	if (got <= 0) {
		if (got < 0)
			log_cause("cannot read the spool", cause);
		else
			nothing_due(w);
		return got;
	}
	deliver(w, &item, &res);
	proto_reason_log(res.reason, w->why, sizeof w->why);
	switch (res.verdict) {
	case PROTO_ACK:
		/* Under a clock that is not set the time is unknown: 0. */
		if (spool_ack(w->db, item.id, clock_known(now) ? now : 0, &cause) != 0) {
			/* Sent again later; the server's idempotency makes that safe. */
			log_cause("acknowledged but not recorded", cause);
			rc = -1;
			break;
		}
		w->failures = 0;
		w->sent++;
		say("sent %s (%s), %s", item.receipt, item.id, w->why);
		judge_ack(w);
		break;
	case PROTO_REJECT:
		w->failures = 0;
		rc = judge_refusal(w, &item, &res, wait_ms);
		break;
	case PROTO_RETRY:
		rc = judge_retry(w, &item, &res, wait_ms);
		break;
	case PROTO_PAUSE:
		/* The protocol's own word that the booth is wrong (OpenRosa:
		 * a form Central does not take). */
		w->failures = 0;
		refusal_pause(&w->refusals, res.http);
		rc = judge_pause(w, &item, &res, wait_ms);
		break;
	}
	link_note(w, res.reached);
	spool_item_free(&item);
	return rc < 0 ? -1 : 1;
}

/* Asks the server for the statuses of recent requests and caches them;
 * stops at the first exchange that does not reach the server. */
static void refresh_statuses(struct worker *w)
{
	const struct config *cfg = &w->ctl->cfg;
	long long now = (long long)time(NULL);
	struct dossier_list list;
	struct dossier_status d;
	struct upload_result res;
	char *cause = NULL, why[sizeof res.reason];
	size_t i;
	int found;

	if (dossier_stale(w->db, now - 86400LL * cfg->upload_status_days,
			  now - cfg->upload_status_interval, STATUS_BATCH, &list, &cause) != 0) {
		log_cause("cannot list the dossiers to refresh", cause);
		return;
	}
	if (w->openrosa && ctl_central_renew(cfg, w->db, w->up, &res) != 0)
		say("cannot renew the viewer's session: %s", res.reason);
	for (i = 0; i < list.n && !stop_flag; i++) {
		found = w->openrosa ? ctl_central_status(cfg, w->db, w->up, list.code[i],
							cfg->upload_lookup_timeout, &d, &res)
				    : upload_dossier(w->up, list.code[i], cfg->upload_lookup_timeout,
						     &d, &res);
		link_note(w, res.reached);
		if (found == 1) {
			if (dossier_status_put(w->db, &d, &cause) != 0)
				log_cause("cannot cache a status", cause);
			dossier_status_clear(&d);
		}
		if (found < 0) {
			proto_reason_log(res.reason, why, sizeof why);
			say("status of %s not refreshed: %s", list.code[i], why);
			break;
		}
	}
	free(list.code);
}

/* Opens the lock file name in the state folder (made private). Returns
 * the descriptor, or -1 after saying why. */
static int lock_open(struct ctl *ctl, const char *name)
{
	char path[CONFIG_STR + 32];
	int fd;

	if (config_join(path, sizeof path, ctl->cfg.state_dir, name) != 0) {
		ctl_fail("state folder path too long");
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || mode_private(path) != 0) {
		if (fd >= 0)
			close(fd);
		ctl_fail("%s: %s", path, strerror(errno));
		return -1;
	}
	return fd;
}

/* Takes the lock on fd, waiting at most wait_ms for it (for good when
 * wait_ms < 0); a stop signal ends the wait. Returns 0, or -1 (errno
 * EWOULDBLOCK when another holds it). */
static int lock_take(int fd, long wait_ms)
{
	long long until = now_ms() + wait_ms;

	for (;;) {
		if (flock(fd, LOCK_EX | (wait_ms < 0 ? 0 : LOCK_NB)) == 0)
			return 0;
		if (errno == EINTR && !stop_flag)
			continue;
		if (errno != EWOULDBLOCK || stop_flag || now_ms() >= until)
			return -1;
		nap(100);
	}
}

/* Erases the personal details that are due ([privacy] erase_after_days). */
static void erase_due(struct worker *w)
{
	char *cause = NULL;
	long n;

	if (ctl_erase_run(w->ctl, (long long)time(NULL), &n, &cause) != 0) {
		log_cause("cannot erase personal details", cause);
		return;
	}
	w->erased += n;
	if (n > 0)
		say("erased the personal details of %ld acknowledged request(s)", n);
}

/* One round of the daemon, under the send lock: a send, or when nothing
 * is due a status refresh (not while paused: the server refuses the booth)
 * and the erasures due. Returns the wait before the next round (ms). */
static long daemon_round(struct worker *w, long long *next_status, int *db_failures)
{
	long wait;
	int rc = send_one(w, &wait);

	if (rc < 0) /* the database is locked or full: wait, lose nothing */
		return spool_delay_ms(&w->policy, ++*db_failures, 0, arc4random());
	*db_failures = 0;
	if (rc == 1)
		return wait;
	if (now_ms() >= *next_status && w->failures == 0) {
		if (w->pause.reason[0] == '\0')
			refresh_statuses(w);
		erase_due(w);
		*next_status = now_ms() + 1000LL * w->ctl->cfg.upload_status_interval;
		return 0;
	}
	return POLL_MS;
}

/* --daemon: sends and refreshes until a stop signal, holding the send lock
 * (lock) only for each round: its waits (backoff, Retry-After, a pause)
 * leave it to a helper's --once. */
static int run_daemon(struct worker *w, int lock)
{
	long long next_status = 0;
	int db_failures = 0;
	long wait;

	log_open(&w->ctl->cfg, "sync");
	say("started, sending to %s", w->ctl->cfg.upload_url);
	while (!stop_flag && lock_take(lock, -1) == 0) {
		wait = daemon_round(w, &next_status, &db_failures);
		flock(lock, LOCK_UN);
		nap(wait);
	}
	say("stopped");
	return 0;
}

/* What --once says it could not do, or NULL when everything went: the
 * pause, the failed tries, or a wait (wait ms) past its bound. */
static char *once_gave_up(const struct worker *w, int tries, long wait)
{
	if (w->pause.reason[0])
		return xprintf("sending is paused: the server refuses this booth (%s, HTTP %ld):"
			       " %s", w->pause.cause, w->pause.http, w->pause.reason);
	if (w->failures >= tries)
		return xprintf("%d failed tries in a row: %s", w->failures, w->why);
	if (wait > 0 && w->retry_after * 1000LL >= wait)
		return xprintf("the server asked to wait %ld s (Retry-After), more than"
			       " --max-wait allows: %s", w->retry_after, w->why);
	if (wait > 0)
		return xprintf("the next try is due in %.1f s, more than --max-wait allows: %s",
			       (double)wait / 1000, w->why);
	return NULL;
}

/* Prints what --once did: JSON or a line for a person. */
static void once_report(const struct worker *w, const struct spool_counts *counts, int rc,
			const char *gave_up, int json)
{
	if (json) {
		int on = w->pause.reason[0] != '\0';
		json_t *doc = json_pack("{s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}", "ok",
					rc == 0, "sent", (json_int_t)w->sent, "retried",
					(json_int_t)w->retried, "quarantined",
					(json_int_t)w->quarantined, "waiting",
					(json_int_t)counts->waiting, "quarantined_total",
					(json_int_t)counts->quarantined, "erased",
					(json_int_t)w->erased, "paused",
					on ? json_string(w->pause.reason) : json_null(), "paused_cause",
					on ? json_string(w->pause.cause) : json_null(),
					"gave_up", gave_up ? json_string(gave_up) : json_null());

		ctl_json(doc);
		return;
	}
	printf("sent %ld, quarantined %ld, failed tries %ld; now waiting %ld,"
	       " quarantined %ld\n",
	       w->sent, w->quarantined, w->retried, counts->waiting, counts->quarantined);
	if (gave_up != NULL)
		printf("not sent: %s\n", gave_up);
}

/* --once: sends what is waiting, giving up after tries failures in a row,
 * on a pause, or before a wait that would take it past budget_ms in all.
 * Returns the exit status: 0 when everything was acknowledged and nothing
 * is quarantined. */
static int run_once(struct worker *w, int tries, long budget_ms, int json)
{
	struct spool_counts counts;
	char *cause = NULL, *gave_up;
	long wait = 0, waited = 0;
	int rc = 0, step;

	while (!stop_flag) {
		step = send_one(w, &wait);
		if (step < 0) {
			rc = 1;
			break;
		}
		if (step == 0 || w->failures >= tries || w->refusals.paused != REFUSAL_NONE ||
		    waited + wait > budget_ms)
			break;
		nap(wait);
		waited += wait;
		wait = 0;
	}
	erase_due(w);
	if (spool_counts(w->db, &counts, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (rc == 0 && w->pause.reason[0])
		rc = 4;
	else if (rc == 0 && (counts.waiting > 0 || counts.quarantined > 0))
		rc = 3;
	gave_up = counts.waiting > 0 ? once_gave_up(w, tries, wait) : NULL;
	once_report(w, &counts, rc, gave_up, json);
	free(gave_up);
	return rc;
}

/* Prints the command's help. */
static void usage(void)
{
	printf("usage: kioskctl sync --once [--tries N] [--max-wait S] [--json]\n"
	       "       kioskctl sync --daemon\n\n"
	       "Sends the requests waiting in the spool to the provincial server\n"
	       "([upload] url), oldest first, each with the same bytes and the same\n"
	       "Idempotency-Key on every try (docs/API.md).\n\n"
	       "  --once     send what is waiting now and exit: status 0 when all of it\n"
	       "             was acknowledged and none is quarantined, 3 when some is\n"
	       "             still waiting or quarantined, 4 when sending is paused\n"
	       "             (the server refuses this booth: token, proxy, url), 1 on\n"
	       "             an error. Gives up after N failed tries in a row (--tries,\n"
	       "             default 3), and rather than wait more than S seconds in\n"
	       "             all (--max-wait, default 30), for the lock or between tries\n"
	       "             (a server's Retry-After), saying what it did not send.\n"
	       "  --daemon   keep sending (a new request goes within two seconds),\n"
	       "             back off while the server cannot be reached, refresh the\n"
	       "             statuses of recent requests; stops cleanly on SIGTERM.\n"
	       "  --json     (with --once) print the outcome as JSON: ok, sent, retried,\n"
	       "             quarantined, waiting, quarantined_total, erased, paused,\n"
	       "             gave_up.\n\n"
	       "Both also erase the personal details of requests acknowledged\n"
	       "[privacy] erase_after_days ago (see 'kioskctl erase-due').\n"
	       "A request the server refuses for itself (a 400 or 422 while it accepts\n"
	       "others) is quarantined: see 'kioskctl queue'. A refusal of the booth\n"
	       "(401, 403, 404, 407, or one refusal for different requests) pauses\n"
	       "sending: one try every [upload] retry_max seconds until the server\n"
	       "accepts again ('kioskctl status'). Log lines go to stderr.\n");
}

/* The command's options. */
struct sync_args {
	int once, daemon, json, tries;
	long max_wait;              /* seconds */
};

/* Reads the options into a. Returns 0, or 1 after saying what is wrong. */
static int sync_args(int argc, char **argv, struct sync_args *a)
{
	int i;

	memset(a, 0, sizeof *a);
	a->tries = 3;
	a->max_wait = 30;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			a->once = 1;
		else if (strcmp(argv[i], "--daemon") == 0)
			a->daemon = 1;
		else if (strcmp(argv[i], "--json") == 0)
			a->json = 1;
		else if (strcmp(argv[i], "--tries") == 0 && i + 1 < argc &&
			 (a->tries = atoi(argv[i + 1])) > 0)
			i++;
		else if (strcmp(argv[i], "--max-wait") == 0 && i + 1 < argc &&
			 (a->max_wait = atol(argv[i + 1])) >= 0 && a->max_wait <= 86400)
			i++;
		else
			return ctl_fail("sync: unexpected '%s' (try kioskctl sync --help)", argv[i]);
	}
	if (a->once == a->daemon)
		return ctl_fail("sync: give --once or --daemon (try kioskctl sync --help)");
	return 0;
}

/* Takes the locks of the run: the daemon's own (waiting for a daemon still
 * stopping), and for --once the send lock (waiting at most max_wait for a
 * daemon's send in flight). *lock gets the send lock's descriptor, *own the
 * daemon's (or -1). Returns 0, or 1 after saying why (0 with *lock -1 when
 * stopped by a signal). */
static int sync_locks(struct ctl *ctl, const struct sync_args *a, int *lock, int *own)
{
	*own = a->daemon ? lock_open(ctl, "sync-daemon.lock") : -1;
	*lock = a->daemon && *own < 0 ? -1 : lock_open(ctl, "sync.lock");
	if (*lock < 0 || (*own >= 0 && lock_take(*own, -1) != 0) ||
	    (a->once && lock_take(*lock, 1000 * a->max_wait) != 0)) {
		if (*lock >= 0 && errno == EWOULDBLOCK)
			ctl_fail("another sync worker is sending on %s (the daemon?); try again",
				 ctl->cfg.state_dir);
		if (*own >= 0)
			close(*own);
		if (*lock >= 0)
			close(*lock);
		*lock = -1;
		return stop_flag ? 0 : 1;
	}
	return 0;
}

/* Prepares the worker: the policy, the pause recorded before, and every
 * request waiting due now (a worker starting means "try now"). These
 * writes are not needed to send: on a full disk they are only logged. */
static void worker_start(struct worker *w, struct ctl *ctl)
{
	char *cause = NULL;

	w->ctl = ctl;
	w->link = -1;
	w->policy.base_ms = ctl->cfg.upload_retry_base_ms;
	w->policy.max_ms = 1000L * ctl->cfg.upload_retry_max;
	w->openrosa = ctl->cfg.upload_protocol == PROTOCOL_OPENROSA;
	if (spool_pause_get(w->db, &w->pause, &cause) < 0) {
		log_cause("cannot read whether sending is paused", cause);
		cause = NULL;
	}
	if (spool_worker_durability(w->db, &cause) != 0 || spool_due_now(w->db, &cause) != 0)
		log_cause("cannot make the waiting requests due now", cause);
}

int ctl_sync(struct ctl *ctl, int argc, char **argv)
{
	struct sync_args a;
	struct worker w;
	char *cause = NULL;
	long long start;
	int lock, own, rc;

	if (ctl_wants_help(argc, argv)) {
		usage();
		return 0;
	}
	if (sync_args(argc, argv, &a) != 0)
		return 1;
	catch_signals();
	memset(&w, 0, sizeof w);
	if ((w.db = ctl_db(ctl)) == NULL)
		return 1;
	if (ctl->cfg.upload_url[0] == '\0' && a.daemon) {
		say("no [upload] url: the booth is offline, nothing to send");
		while (!stop_flag)
			nap(3600 * 1000L);
		return 0;
	}
	w.up = upload_open(&ctl->cfg, &stop_flag, &cause);
	if (w.up == NULL)
		return ctl_fail_cause(cause);
	start = now_ms();
	rc = sync_locks(ctl, &a, &lock, &own);
	if (lock >= 0) {
		worker_start(&w, ctl);
		/* --max-wait counts the wait for the lock too. */
		rc = a.daemon ? run_daemon(&w, lock)
			      : run_once(&w, a.tries, (long)(1000 * a.max_wait - (now_ms() - start)),
					 a.json);
		close(lock);
	}
	if (own >= 0)
		close(own);
	upload_close(w.up);
	return rc;
}
