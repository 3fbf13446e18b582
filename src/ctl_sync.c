/* kioskctl sync: the upload worker. Sends the spool's waiting requests to
 * the provincial server oldest first, each with its frozen bytes and its
 * id as the Idempotency-Key; backs off with jitter on transient failures,
 * quarantines a request the server refuses for good, records whether the
 * server was reached, and (as a daemon) refreshes recent dossiers'
 * statuses into the status cache. One worker at a time per state folder
 * (a lock file), so a request is never in two sends at once. */
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
	int failures;               /* transient failures in a row */
	int link;                   /* last recorded: -1 none yet, 0 offline, 1 online */
	long long link_at;
	long sent, quarantined, retried;   /* in this run */
	int openrosa;               /* [upload] protocol openrosa (ODK Central) */
	char paused[256];           /* why the worker pauses (PROTO_PAUSE), "" when not */
	long erased;                /* requests whose details were erased */
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

/* Records why the worker pauses (reason, the server's words included:
 * state.db is the booth's own) or that it no longer does (NULL) in
 * state.db for `kioskctl status`, and says so in the log (in the words of
 * proto_reason_log, why) when that changes. */
static void pause_note(struct worker *w, const char *reason, const char *why)
{
	char now[32];

	if (strcmp(w->paused, reason ? reason : "") == 0)
		return;
	snprintf(w->paused, sizeof w->paused, "%s", reason ? reason : "");
	snprintf(now, sizeof now, "%lld", (long long)time(NULL));
	if (db_setting_set(w->db, SYNC_PAUSED, reason) != 0 ||
	    db_setting_set(w->db, SYNC_PAUSED_AT, reason ? now : NULL) != 0)
		log_cause("cannot record the pause", db_cause(w->db, "state.db"));
	if (reason != NULL)
		say("paused: the booth is not set up right for the server: %s", why);
	else
		say("no longer paused");
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
	char *cause = NULL, why[sizeof res.reason];
	long delay = 0;
	int got, rc = 1;

	*wait_ms = 0;
	got = spool_claim(w->db, (long long)time(NULL), &item, &cause);
	if (got <= 0) {
		if (got < 0)
			log_cause("cannot read the spool", cause);
		return got;
	}
	deliver(w, &item, &res);
	proto_reason_log(res.reason, why, sizeof why);
	if (res.verdict != PROTO_PAUSE && res.verdict != PROTO_RETRY)
		pause_note(w, NULL, NULL);
	switch (res.verdict) {
	case PROTO_ACK:
		/* Under a clock that is not set the time is unknown: 0. */
		if (spool_ack(w->db, item.id, clock_known((long long)time(NULL)) ? (long long)time(NULL) : 0,
			      &cause) != 0) {
			/* Sent again later; the server's idempotency makes that safe. */
			log_cause("acknowledged but not recorded", cause);
			rc = -1;
			break;
		}
		w->failures = 0;
		w->sent++;
		say("sent %s (%s), %s", item.receipt, item.id, why);
		break;
	case PROTO_REJECT:
		if (spool_quarantine(w->db, item.id, res.reason, &cause) != 0) {
			log_cause("cannot quarantine", cause);
			rc = -1;
			break;
		}
		w->failures = 0;
		w->quarantined++;
		say("quarantined %s (%s): %s", item.receipt, item.id, why);
		break;
	case PROTO_RETRY:
		if (spool_retry(w->db, item.id, &w->policy, res.retry_after, res.reason, now_ms(),
				&delay, &cause) != 0) {
			log_cause("cannot schedule a retry", cause);
			rc = -1;
		}
		w->failures++;
		w->retried++;
		/* The whole worker pauses too: a failing link or server is seldom
		 * the fault of one request, and the oldest goes first again. */
		*wait_ms = spool_delay_ms(&w->policy, w->failures, res.retry_after, arc4random());
		if (delay > *wait_ms)
			*wait_ms = delay;
		say("not sent %s (%s), try %d, next in %.1f s: %s", item.receipt, item.id,
		      item.attempts, (double)*wait_ms / 1000, why);
		break;
	case PROTO_PAUSE:
		/* Not this request's fault: it waits, and the worker tries again
		 * at the backoff ceiling (the answer may change: a new token, a
		 * form published). */
		*wait_ms = w->policy.max_ms;
		if (spool_retry(w->db, item.id, &w->policy, w->policy.max_ms / 1000, res.reason,
				now_ms(), &delay, &cause) != 0) {
			log_cause("cannot schedule a retry", cause);
			rc = -1;
		}
		pause_note(w, res.reason, why);
		break;
	}
	link_note(w, res.reached);
	spool_item_free(&item);
	return rc;
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

/* Takes the worker's lock in the state folder; with wait, waits for it
 * (a stop signal ends the wait). Returns the descriptor or -1. */
static int take_lock(struct ctl *ctl, int wait)
{
	char path[CONFIG_STR + 16];
	int fd;

	if (config_join(path, sizeof path, ctl->cfg.state_dir, "sync.lock") != 0) {
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
	while (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		if (errno == EINTR && !stop_flag)
			continue;
		if (errno == EWOULDBLOCK)
			ctl_fail("another sync worker is running on %s (the daemon?)",
				 ctl->cfg.state_dir);
		else if (!stop_flag)
			ctl_fail("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
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

/* --daemon: sends and refreshes until a stop signal. */
static int run_daemon(struct worker *w)
{
	long long next_status = 0;
	long wait;
	int rc, db_failures = 0;

	log_open(&w->ctl->cfg, "sync");
	say("started, sending to %s", w->ctl->cfg.upload_url);
	while (!stop_flag) {
		rc = send_one(w, &wait);
		if (rc < 0) {
			/* The database is locked or full: wait, lose nothing. */
			nap(spool_delay_ms(&w->policy, ++db_failures, 0, arc4random()));
			continue;
		}
		db_failures = 0;
		if (rc == 1) {
			nap(wait);
			continue;
		}
		if (now_ms() >= next_status && w->failures == 0) {
			refresh_statuses(w);
			erase_due(w);
			next_status = now_ms() + 1000LL * w->ctl->cfg.upload_status_interval;
			continue;
		}
		nap(POLL_MS);
	}
	say("stopped");
	return 0;
}

/* --once: sends what is waiting, giving up after tries failures in a row.
 * Returns the exit status: 0 when everything was acknowledged. */
static int run_once(struct worker *w, int tries, int json)
{
	struct spool_counts counts;
	char *cause = NULL;
	long wait;
	int rc = 0, step;

	while (!stop_flag) {
		step = send_one(w, &wait);
		if (step < 0) {
			rc = 1;
			break;
		}
		if (step == 0 || w->failures >= tries || w->paused[0] != '\0')
			break;
		nap(wait);
	}
	erase_due(w);
	if (spool_counts(w->db, &counts, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	if (rc == 0 && (counts.waiting > 0 || w->quarantined > 0))
		rc = 3;
	if (json) {
		json_t *doc = json_pack("{s:b, s:i, s:i, s:i, s:i, s:i, s:i, s:o}", "ok", rc == 0,
					"sent", (json_int_t)w->sent, "retried",
					(json_int_t)w->retried, "quarantined",
					(json_int_t)w->quarantined, "waiting",
					(json_int_t)counts.waiting, "quarantined_total",
					(json_int_t)counts.quarantined, "erased",
					(json_int_t)w->erased, "paused",
					w->paused[0] ? json_string(w->paused) : json_null());

		ctl_json(doc);
	} else {
		printf("sent %ld, quarantined %ld, failed tries %ld; now waiting %ld,"
		       " quarantined %ld\n",
		       w->sent, w->quarantined, w->retried, counts.waiting, counts.quarantined);
		if (w->paused[0])
			printf("paused: %s\n", w->paused);
	}
	return rc;
}

/* Prints the command's help. */
static void usage(void)
{
	printf("usage: kioskctl sync --once [--tries N] [--json]\n"
	       "       kioskctl sync --daemon\n\n"
	       "Sends the requests waiting in the spool to the provincial server\n"
	       "([upload] url), oldest first, each with the same bytes and the same\n"
	       "Idempotency-Key on every try (docs/API.md).\n\n"
	       "  --once     send what is waiting now and exit: status 0 when all of it\n"
	       "             was acknowledged, 3 when some is still waiting or was\n"
	       "             quarantined, 1 on an error. Gives up after N failed tries\n"
	       "             in a row (--tries, default 3), waiting between them.\n"
	       "  --daemon   keep sending (a new request goes within two seconds),\n"
	       "             back off while the server cannot be reached, refresh the\n"
	       "             statuses of recent requests; stops cleanly on SIGTERM.\n"
	       "  --json     (with --once) print the outcome as JSON: ok, sent, retried,\n"
	       "             quarantined, waiting, quarantined_total, erased.\n\n"
	       "Both also erase the personal details of requests acknowledged\n"
	       "[privacy] erase_after_days ago (see 'kioskctl erase-due').\n"
	       "Requests the server refuses for good (a 4xx other than 408/429) are\n"
	       "quarantined: see 'kioskctl queue'. Log lines go to stderr.\n");
}

int ctl_sync(struct ctl *ctl, int argc, char **argv)
{
	struct worker w;
	char *cause = NULL;
	int once = 0, daemon = 0, json = 0, tries = 3, i, lock, rc;

	if (ctl_wants_help(argc, argv)) {
		usage();
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else if (strcmp(argv[i], "--daemon") == 0)
			daemon = 1;
		else if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--tries") == 0 && i + 1 < argc &&
			 (tries = atoi(argv[i + 1])) > 0)
			i++;
		else
			return ctl_fail("sync: unexpected '%s' (try kioskctl sync --help)", argv[i]);
	}
	if (once == daemon)
		return ctl_fail("sync: give --once or --daemon (try kioskctl sync --help)");
	catch_signals();
	memset(&w, 0, sizeof w);
	w.ctl = ctl;
	w.link = -1;
	w.policy.base_ms = ctl->cfg.upload_retry_base_ms;
	w.policy.max_ms = 1000L * ctl->cfg.upload_retry_max;

	if ((w.db = ctl_db(ctl)) == NULL)
		return 1;
	w.openrosa = ctl->cfg.upload_protocol == PROTOCOL_OPENROSA;
	if (db_setting_get(w.db, SYNC_PAUSED, w.paused, sizeof w.paused) != 1)
		w.paused[0] = '\0';
	if (ctl->cfg.upload_url[0] == '\0' && daemon) {
		say("no [upload] url: the booth is offline, nothing to send");
		while (!stop_flag)
			nap(3600 * 1000L);
		return 0;
	}
	w.up = upload_open(&ctl->cfg, &stop_flag, &cause);
	if (w.up == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	lock = take_lock(ctl, daemon);
	if (lock < 0) {
		upload_close(w.up);
		return stop_flag ? 0 : 1;
	}
	/* Whatever waits is due now: a worker starting means "try now". */
	if (spool_worker_durability(w.db, &cause) != 0 || spool_due_now(w.db, &cause) != 0) {
		ctl_fail("%s", cause);
		free(cause);
		rc = 1;
	} else {
		rc = daemon ? run_daemon(&w) : run_once(&w, tries, json);
	}
	upload_close(w.up);
	close(lock);
	return rc;
}
