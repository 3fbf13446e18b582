/* kioskctl central publish: publishes the request forms to a project of
 * ODK Central with an administrator's account given for this run only,
 * creates or reuses the booth's app user, gives it the forms and prints
 * the booth's [upload] lines. Also the review-state reads of the upload
 * worker and of `kioskctl dossier` ([upload] protocol openrosa), with the
 * viewer account's session cached in state.db (docs/odk-central.md). */
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "central.h"
#include "ctl.h"
#include "db.h"
#include "dossier.h"
#include "spool.h"
#include "uidata.h"
#include "upload.h"
#include "util.h"
#include "xform.h"

#define KEY_SESSION "central.session"
#define KEY_SESSION_EXPIRES "central.session_expires"
/* A cached session is renewed when it has less than this left (s). */
#define SESSION_MARGIN 3600

/* One run of `central publish`. */
struct publish {
	struct upload *up;
	char token[128];            /* the administrator's session */
	int project;
	const char *app_user;       /* its display name */
	long app_id;
	char *app_token;
	long role;                  /* the app-user role's id */
};

/* Performs a call with a JSON answer expected; returns the status and the
 * parsed answer in *doc (NULL when it is not JSON), or 0 and says why. */
static long call_json(struct upload *up, const struct upload_call *c, json_t **doc)
{
	struct upload_result res;
	const char *reply;
	size_t len;
	long http = upload_call(up, c, &reply, &len, &res);

	*doc = http ? json_loadb(reply, len, 0, NULL) : NULL;
	if (http == 0)
		ctl_fail("%s: %s", c->path, res.reason);
	return http;
}

/* Says why a call failed, with Central's message, and returns 1. */
static int central_fail(const char *what, long http, json_t *doc)
{
	const char *msg = json_string_value(json_object_get(doc, "message"));

	ctl_fail("%s: HTTP %ld%s%s", what, http, msg ? ": " : "", msg ? msg : "");
	json_decref(doc);
	return 1;
}

/* Logs in with an account: writes the session's token and expiry.
 * Returns 0, or -1 with res->reason. */
static int session_login(struct upload *up, const char *email, const char *password,
			 char *token, size_t size, long long *expires, struct upload_result *res)
{
	json_t *body = json_pack("{s:s, s:s}", "email", email, "password", password);
	char *text = json_dumps(body, JSON_COMPACT);
	struct upload_call c = { "POST", "/v1/sessions", "", "application/json", text,
				 strlen(text), 0 };
	const char *reply;
	size_t len;
	long http = upload_call(up, &c, &reply, &len, res);

	wipe(text, strlen(text));
	free(text);
	json_decref(body);
	if (http == 200 && central_session(reply, len, token, size, expires) == 0)
		return 0;
	if (http != 0)
		snprintf(res->reason, sizeof res->reason, "HTTP %ld: %s cannot log in to Central",
			 http, email);
	res->reached = http != 0;
	return -1;
}

/* session_login() for `central publish`: says why it failed. Returns 0 or 1. */
static int login(struct upload *up, const char *email, const char *password, char *token,
		 size_t size)
{
	struct upload_result res;
	long long expires;

	if (session_login(up, email, password, token, size, &expires, &res) == 0)
		return 0;
	return ctl_fail("%s", res.reason);
}

/* Reads a password from the environment variable env, or a line of
 * standard input (not echoed on a terminal). A new string, or NULL. */
static char *read_password(const char *env, const char *prompt)
{
	struct termios old, quiet;
	char line[512];
	int tty = isatty(0) && tcgetattr(0, &old) == 0;
	size_t n;

	if (getenv(env) != NULL && getenv(env)[0] != '\0')
		return xstrdup(getenv(env));
	if (tty) {
		fprintf(stderr, "%s", prompt);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(0, TCSAFLUSH, &quiet);
	}
	if (fgets(line, sizeof line, stdin) == NULL)
		line[0] = '\0';
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	return n ? xstrndup(line, n) : NULL;
}

/* True when a list of form versions (GET .../versions) has version. */
static int version_listed(json_t *list, const char *version)
{
	json_t *v;
	size_t i;

	json_array_foreach(list, i, v) {
		const char *have = json_string_value(json_object_get(v, "version"));

		if (have != NULL && strcmp(have, version) == 0)
			return 1;
	}
	return 0;
}

/* Uploads an XForm as a new form (published) or as a draft that is then
 * published as the form's new version. Returns the last HTTP status. */
static long upload_form(struct publish *p, const struct form *f, const char *xml, int is_new)
{
	char path[256];
	struct upload_call c = { "POST", path, p->token, "application/xml", xml, strlen(xml), 60 };
	json_t *doc;
	long http;

	if (is_new)
		snprintf(path, sizeof path, "/v1/projects/%d/forms?publish=true&ignoreWarnings=true",
			 p->project);
	else
		snprintf(path, sizeof path, "/v1/projects/%d/forms/%s/draft?ignoreWarnings=true",
			 p->project, f->id);
	http = call_json(p->up, &c, &doc);
	if (http == 200 && !is_new) {
		json_decref(doc);
		snprintf(path, sizeof path, "/v1/projects/%d/forms/%s/draft/publish", p->project,
			 f->id);
		c.type = NULL;
		http = call_json(p->up, &c, &doc);
	}
	if (http != 200 && http != 0)
		central_fail(f->id, http, json_incref(doc));
	json_decref(doc);
	return http;
}

/* Publishes one form: a new form, a new version, or nothing when Central
 * already has this version (current or older: submissions under it are
 * taken either way). Returns 0 or 1. */
static int publish_form(struct publish *p, const struct uidata *u, const struct form *f)
{
	char version[XFORM_VERSION_LEN + 1], *cause = NULL, path[256];
	char *xml = xform_write(f, u->i18n, version, &cause);
	struct upload_call c = { "GET", path, p->token, NULL, NULL, 0, 0 };
	json_t *doc;
	long http;
	int known;

	if (xml == NULL) {
		ctl_fail("%s", cause);
		free(cause);
		return 1;
	}
	snprintf(path, sizeof path, "/v1/projects/%d/forms/%s/versions", p->project, f->id);
	http = call_json(p->up, &c, &doc);
	known = http == 200 && version_listed(doc, version);
	if (http != 200 && http != 404) {
		free(xml);
		return http ? central_fail(f->id, http, doc) : 1;
	}
	json_decref(doc);
	if (!known)
		http = upload_form(p, f, xml, http == 404);
	fprintf(stderr, "%s version %s: %s\n", f->id, version,
		known ? "already published" : http == 200 ? "published" : "NOT published");
	free(xml);
	return known || http == 200 ? 0 : 1;
}

/* Finds the booth's app user by name (one that is not revoked) or creates
 * it; fills p->app_id and p->app_token. Returns 0 or 1. */
static int app_user(struct publish *p)
{
	char path[128];
	struct upload_call c = { "GET", path, p->token, NULL, NULL, 0, 0 };
	json_t *doc, *u, *body;
	char *text;
	size_t i;
	long http;

	snprintf(path, sizeof path, "/v1/projects/%d/app-users", p->project);
	if ((http = call_json(p->up, &c, &doc)) != 200)
		return http ? central_fail("app users", http, doc) : 1;
	json_array_foreach(doc, i, u) {
		const char *name = json_string_value(json_object_get(u, "displayName"));
		const char *token = json_string_value(json_object_get(u, "token"));

		if (name && token && strcmp(name, p->app_user) == 0 && p->app_token == NULL) {
			p->app_id = (long)json_integer_value(json_object_get(u, "id"));
			p->app_token = xstrdup(token);
		}
	}
	json_decref(doc);
	if (p->app_token != NULL) {
		fprintf(stderr, "app user \"%s\" (%ld): reused\n", p->app_user, p->app_id);
		return 0;
	}
	body = json_pack("{s:s}", "displayName", p->app_user);
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	c = (struct upload_call){ "POST", path, p->token, "application/json", text, strlen(text), 0 };
	http = call_json(p->up, &c, &doc);
	free(text);
	if (http != 200 || json_string_value(json_object_get(doc, "token")) == NULL)
		return http ? central_fail("creating the app user", http, doc) : 1;
	p->app_id = (long)json_integer_value(json_object_get(doc, "id"));
	p->app_token = xstrdup(json_string_value(json_object_get(doc, "token")));
	fprintf(stderr, "app user \"%s\" (%ld): created\n", p->app_user, p->app_id);
	json_decref(doc);
	return 0;
}

/* Finds the id of the system role "app-user". Returns 0 or 1. */
static int app_role(struct publish *p)
{
	struct upload_call c = { "GET", "/v1/roles", p->token, NULL, NULL, 0, 0 };
	json_t *doc, *r;
	size_t i;
	long http = call_json(p->up, &c, &doc);

	json_array_foreach(doc, i, r) {
		const char *system = json_string_value(json_object_get(r, "system"));

		if (system != NULL && strcmp(system, "app-user") == 0)
			p->role = (long)json_integer_value(json_object_get(r, "id"));
	}
	if (p->role == 0)
		return http ? central_fail("the app-user role", http, doc) : 1;
	json_decref(doc);
	return 0;
}

/* Lets the app user submit to a form (409: it already may). Returns 0 or 1. */
static int assign(struct publish *p, const struct form *f)
{
	char path[256];
	struct upload_call c = { "POST", path, p->token, NULL, NULL, 0, 0 };
	json_t *doc;
	long http;

	snprintf(path, sizeof path, "/v1/projects/%d/forms/%s/assignments/%ld/%ld", p->project,
		 f->id, p->role, p->app_id);
	http = call_json(p->up, &c, &doc);
	if (http == 200 || http == 409) {
		json_decref(doc);
		return 0;
	}
	return http ? central_fail(f->id, http, doc) : 1;
}

/* Checks that the viewer account logs in and reads the project's
 * submissions. Returns 0 or 1. */
static int check_viewer(struct publish *p, const char *viewer, const char *password,
			const struct form *f)
{
	char token[128], path[256];
	struct upload_call c = { "GET", path, token, NULL, NULL, 0, 0 };
	json_t *doc;
	long http;

	if (login(p->up, viewer, password, token, sizeof token) != 0)
		return 1;
	snprintf(path, sizeof path, "/v1/projects/%d/forms/%s/submissions", p->project, f->id);
	http = call_json(p->up, &c, &doc);
	if (http != 200)
		return http ? central_fail("the viewer cannot read the submissions (give it the"
					   " Project Viewer role)", http, doc) : 1;
	json_decref(doc);
	fprintf(stderr, "viewer %s: reads the project\n", viewer);
	return 0;
}

/* Prints the booth's [upload] lines. */
static void print_config(const struct publish *p, const char *url, const char *viewer,
			 const char *viewer_password)
{
	printf("[upload]\nprotocol = openrosa\nurl = %s\nproject = %d\ntoken = %s\n", url,
	       p->project, p->app_token);
	if (viewer != NULL)
		printf("viewer = %s\n%sviewer_password = %s\n", viewer, viewer_password ? "" : "; ",
		       viewer_password ? viewer_password : "(the viewer account's password)");
}

/* Prints the command's help. */
static void usage(void)
{
	printf("usage: kioskctl central publish --url URL --project ID [--email EMAIL]\n"
	       "                [--app-user NAME] [--viewer EMAIL]\n\n"
	       "Publishes every request form (kioskctl xform) to the ODK Central project ID\n"
	       "at URL: a new form, or a new version when the form changed (older versions\n"
	       "stay, so requests saved under them still go in). Then creates or reuses the\n"
	       "app user NAME (default: [booth] id), lets it submit to every form, and\n"
	       "prints the booth's [upload] lines on standard output.\n\n"
	       "The administrator's account: --email or $CENTRAL_EMAIL; its password from\n"
	       "$CENTRAL_PASSWORD or one line of standard input (not echoed). Neither is\n"
	       "stored. --viewer names the read-only account (Project Viewer) the booth\n"
	       "reads review states with; with $CENTRAL_VIEWER_PASSWORD it is checked and\n"
	       "printed into the lines. See docs/odk-central.md.\n");
}

/* Parses the options into the run; returns 0 or 1 after saying why. */
static int parse_args(int argc, char **argv, const char **opt)
{
	static const char *const names[] = { "--url", "--project", "--email", "--app-user",
					     "--viewer" };
	int i, k;

	if (argc < 2 || strcmp(argv[1], "publish") != 0)
		return ctl_fail("usage: kioskctl central publish --url URL --project ID ...");
	for (i = 2; i < argc; i++) {
		for (k = 0; k < 5 && strcmp(argv[i], names[k]) != 0; k++)
			;
		if (k == 5 || i + 1 == argc)
			return ctl_fail("central: unexpected '%s' (try kioskctl central --help)",
					argv[i]);
		opt[k] = argv[++i];
	}
	if (opt[0] == NULL || opt[1] == NULL || atoi(opt[1]) <= 0)
		return ctl_fail("central publish: give --url and --project (a number)");
	if (opt[2] == NULL && (opt[2] = getenv("CENTRAL_EMAIL")) == NULL)
		return ctl_fail("central publish: give --email or set CENTRAL_EMAIL");
	return 0;
}

/* Publishes every form and sets up the app user. Returns the exit status. */
static int publish_all(struct publish *p, const struct uidata *u, const char **opt)
{
	char *viewer_pw = opt[4] ? read_password("CENTRAL_VIEWER_PASSWORD", "") : NULL;
	int rc = 0, i;

	for (i = 0; i < u->forms.n; i++)
		rc |= publish_form(p, u, &u->forms.v[i]);
	if (rc == 0)
		rc = app_user(p) || app_role(p);
	for (i = 0; rc == 0 && i < u->forms.n; i++)
		rc = assign(p, &u->forms.v[i]);
	if (rc == 0 && viewer_pw != NULL && u->forms.n > 0)
		rc = check_viewer(p, opt[4], viewer_pw, &u->forms.v[0]);
	if (rc == 0)
		print_config(p, opt[0], opt[4], viewer_pw);
	if (viewer_pw != NULL)
		wipe(viewer_pw, strlen(viewer_pw));
	free(viewer_pw);
	return rc;
}

int ctl_central(struct ctl *ctl, int argc, char **argv)
{
	static const volatile sig_atomic_t never = 0;
	const char *opt[5] = { NULL };
	struct publish p = { 0 };
	struct config cfg;
	struct uidata u;
	struct upload_call out = { "DELETE", NULL, p.token, NULL, NULL, 0, 0 };
	char *cause = NULL, *password, path[160];
	const char *reply;
	size_t len;
	struct upload_result res;
	int rc;

	if (ctl_wants_help(argc, argv)) {
		usage();
		return 0;
	}
	if (parse_args(argc, argv, opt) != 0 || ctl_load_forms(&ctl->cfg, &u) != 0)
		return 1;
	cfg = ctl->cfg;
	snprintf(cfg.upload_url, sizeof cfg.upload_url, "%s", opt[0]);
	cfg.upload_protocol = PROTOCOL_JSON;
	cfg.upload_token[0] = '\0';
	p.project = atoi(opt[1]);
	p.app_user = opt[3] ? opt[3] : ctl->cfg.booth_id;
	password = read_password("CENTRAL_PASSWORD", "Central password: ");
	if (password == NULL || (p.up = upload_open(&cfg, &never, &cause)) == NULL) {
		rc = ctl_fail("central publish: %s", cause ? cause : "no password given");
	} else if ((rc = login(p.up, opt[2], password, p.token, sizeof p.token)) == 0) {
		rc = publish_all(&p, &u, opt);
		snprintf(path, sizeof path, "/v1/sessions/%s", p.token);
		out.path = path;
		upload_call(p.up, &out, &reply, &len, &res);
	}
	if (password != NULL)
		wipe(password, strlen(password));
	free(password);
	free(cause);
	free(p.app_token);
	wipe(p.token, sizeof p.token);
	upload_close(p.up);
	uidata_free(&u);
	return rc;
}

/* The viewer's session: the cached one unless fresh is set or it has
 * less than SESSION_MARGIN left, else a new login, cached in state.db
 * (private to the booth's user, like the config). Returns 0, or -1 with
 * res->reason. */
static int viewer_session(const struct config *cfg, struct db *db, struct upload *up, int fresh,
			  char *token, size_t size, struct upload_result *res)
{
	char buf[32];
	long long expires, now = (long long)time(NULL);

	memset(res, 0, sizeof *res);
	if (!fresh && db_setting_get(db, KEY_SESSION, token, (unsigned)size) == 1 &&
	    db_setting_get(db, KEY_SESSION_EXPIRES, buf, sizeof buf) == 1 &&
	    atoll(buf) - now > SESSION_MARGIN)
		return 0;
	if (cfg->upload_viewer[0] == '\0') {
		snprintf(res->reason, sizeof res->reason,
			 "no [upload] viewer: the booth cannot read review states from Central");
		return -1;
	}
	if (session_login(up, cfg->upload_viewer, cfg->upload_viewer_password, token, size,
			  &expires, res) != 0)
		return -1;
	snprintf(buf, sizeof buf, "%lld", expires);
	/* Best effort: a cache that cannot be written means a login next time. */
	db_setting_set(db, KEY_SESSION, token);
	db_setting_set(db, KEY_SESSION_EXPIRES, buf);
	return 0;
}

int ctl_central_renew(const struct config *cfg, struct db *db, struct upload *up,
		      struct upload_result *res)
{
	char token[128];
	int rc = viewer_session(cfg, db, up, 0, token, sizeof token, res);

	wipe(token, sizeof token);
	return rc;
}

/* GETs a path with the session; returns the status, *reply and *len. */
static long viewer_get(struct upload *up, const char *token, const char *path, long timeout,
		       const char **reply, size_t *len, struct upload_result *res)
{
	struct upload_call c = { "GET", path, token, NULL, NULL, 0, timeout };

	return upload_call(up, &c, reply, len, res);
}

/* Reads a submission's review state (and, when it asks for one, its
 * newest comment as the note). Returns as ctl_central_status. */
static int read_state(const struct config *cfg, struct upload *up, const char *token,
		      const struct spool_item *it, long timeout, struct dossier_status *out,
		      struct upload_result *res)
{
	char *path = xprintf("/v1/projects/%d/forms/%s/submissions/uuid:%s", cfg->upload_project,
			     it->xform, it->id);
	const char *reply;
	size_t len;
	long http = viewer_get(up, token, path, timeout, &reply, &len, res);
	int asks = 0, rc = -1;

	if (http == 200 && central_submission(reply, len, it->receipt, out, &asks) == 1) {
		rc = 1;
		snprintf(res->reason, sizeof res->reason, "HTTP 200: a review state");
	} else if (http == 404) {
		rc = 0;
		snprintf(res->reason, sizeof res->reason, "HTTP 404: Central does not have %s",
			 it->receipt);
	} else if (http != 0) {
		snprintf(res->reason, sizeof res->reason, "HTTP %ld: not a submission", http);
	}
	res->http = http;
	res->reached = http == 200 || http == 404 || http == 401 || http == 403;
	if (rc == 1 && asks) {
		char *more = xprintf("%s/comments", path);
		struct upload_result again;

		if (viewer_get(up, token, more, timeout, &reply, &len, &again) == 200)
			out->note = central_newest_comment(reply, len);
		free(more);
	}
	free(path);
	return rc;
}

int ctl_central_status(const struct config *cfg, struct db *db, struct upload *up,
		       const char *receipt, long timeout, struct dossier_status *out,
		       struct upload_result *res)
{
	struct spool_item it;
	char token[128], *cause = NULL;
	int got = spool_find(db, receipt, &it, &cause), rc = -1, fresh;

	memset(res, 0, sizeof *res);
	if (got != 1 || it.xform[0] == '\0' || strcmp(it.receipt, receipt) != 0) {
		snprintf(res->reason, sizeof res->reason, "%s",
			 got < 0 ? cause
				 : "Central is asked only about requests this booth saved for it"
				   " (docs/odk-central.md)");
		free(cause);
		if (got == 1)
			spool_item_free(&it);
		return -1;
	}
	for (fresh = 0; fresh < 2; fresh++) {
		if (viewer_session(cfg, db, up, fresh, token, sizeof token, res) != 0)
			break;
		rc = read_state(cfg, up, token, &it, timeout, out, res);
		if (res->http != 401)
			break;
	}
	if (rc == 1)
		out->fetched_at = (long long)time(NULL);
	wipe(token, sizeof token);
	spool_item_free(&it);
	return rc;
}
