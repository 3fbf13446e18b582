/* HTTP(S) exchanges with the provincial server (upload.h). The only file
 * that includes curl.h. */
#include "upload.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "config.h"
#include "dossier.h"
#include "util.h"

/* Below this many bytes per second for [upload] stall_time seconds, a
 * transfer is abandoned. */
#define LOW_SPEED_BYTES 100

struct upload {
	CURL *curl;
	char *base;                 /* the url without trailing '/' */
	char *auth;                 /* "Authorization: Bearer ...", or NULL */
	char *openrosa;             /* openrosa: the submission URL */
	long timeout;
	const volatile sig_atomic_t *stop;
	char error[CURL_ERROR_SIZE];
	char *body;                 /* the reply being read */
	size_t len, cap;
};

/* libcurl write callback: keeps the reply, up to PROTO_BODY_MAX bytes. */
static size_t on_data(char *data, size_t size, size_t n, void *arg)
{
	struct upload *up = arg;
	size_t add = size * n;

	if (up->len + add > PROTO_BODY_MAX)
		return 0; /* too long: the transfer fails */
	if (up->len + add + 1 > up->cap) {
		up->cap = up->len + add + 1 > 2 * up->cap ? up->len + add + 1 : 2 * up->cap;
		up->body = xrealloc(up->body, up->cap);
	}
	memcpy(up->body + up->len, data, add);
	up->len += add;
	up->body[up->len] = '\0';
	return add;
}

/* libcurl progress callback: abandons the transfer when asked to stop. */
static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	struct upload *up = arg;

	(void)dltotal;
	(void)dlnow;
	(void)ultotal;
	(void)ulnow;
	return *up->stop != 0;
}

struct upload *upload_open(const struct config *cfg, const volatile sig_atomic_t *stop,
			   char **cause)
{
	struct upload *up;
	size_t n = strlen(cfg->upload_url);

	if (n == 0) {
		*cause = xstrdup("no server: [upload] url is empty, the booth is offline");
		return NULL;
	}
	if (strncmp(cfg->upload_url, "http://", 7) != 0 &&
	    strncmp(cfg->upload_url, "https://", 8) != 0) {
		*cause = xprintf("[upload] url must start with https:// (or http://): %s",
				 cfg->upload_url);
		return NULL;
	}
	if (cfg->upload_protocol == PROTOCOL_OPENROSA && cfg->upload_project <= 0) {
		*cause = xstrdup("[upload] protocol openrosa needs [upload] project, the id of"
				 " the project in ODK Central");
		return NULL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		*cause = xstrdup("libcurl cannot start");
		return NULL;
	}
	up = xcalloc(1, sizeof *up);
	up->curl = curl_easy_init();
	if (up->curl == NULL) {
		*cause = xstrdup("libcurl cannot start");
		free(up);
		return NULL;
	}
	while (n > 0 && cfg->upload_url[n - 1] == '/')
		n--;
	up->base = xstrndup(cfg->upload_url, n);
	if (cfg->upload_token[0] != '\0')
		up->auth = xprintf("Authorization: Bearer %s", cfg->upload_token);
	up->timeout = cfg->upload_timeout;
	up->stop = stop;
	if (cfg->upload_protocol == PROTOCOL_OPENROSA) {
		char *device = curl_easy_escape(up->curl, cfg->booth_id, 0);

		up->openrosa = xprintf("%s/v1/projects/%d/submission?deviceID=%s", up->base,
				       cfg->upload_project, device ? device : "");
		curl_free(device);
	}

	curl_easy_setopt(up->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(up->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(up->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(up->curl, CURLOPT_CONNECTTIMEOUT, (long)cfg->upload_connect_timeout);
	curl_easy_setopt(up->curl, CURLOPT_LOW_SPEED_LIMIT, (long)LOW_SPEED_BYTES);
	curl_easy_setopt(up->curl, CURLOPT_LOW_SPEED_TIME, (long)cfg->upload_stall_time);
	curl_easy_setopt(up->curl, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(up->curl, CURLOPT_USERAGENT, "kiosk/" KIOSK_VERSION);
	curl_easy_setopt(up->curl, CURLOPT_ERRORBUFFER, up->error);
	curl_easy_setopt(up->curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(up->curl, CURLOPT_WRITEDATA, up);
	curl_easy_setopt(up->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(up->curl, CURLOPT_XFERINFODATA, up);
	curl_easy_setopt(up->curl, CURLOPT_NOPROGRESS, 0L);
	/* "" rather than unset: a proxy only from the config, never from
	 * http_proxy and friends in the environment. */
	curl_easy_setopt(up->curl, CURLOPT_PROXY, cfg->upload_proxy);
	if (cfg->upload_ca_file[0] != '\0')
		curl_easy_setopt(up->curl, CURLOPT_CAINFO, cfg->upload_ca_file);
	if (cfg->upload_pin[0] != '\0')
		curl_easy_setopt(up->curl, CURLOPT_PINNEDPUBLICKEY, cfg->upload_pin);
	return up;
}

void upload_close(struct upload *up)
{
	if (up == NULL)
		return;
	curl_easy_cleanup(up->curl);
	free(up->base);
	free(up->openrosa);
	if (up->auth != NULL)
		wipe(up->auth, strlen(up->auth));
	free(up->auth);
	free(up->body);
	free(up);
}

/* True when rc is a TLS failure while the booth's clock is before the
 * build date: then certificates look "not yet valid" and the clock, not
 * the server, is what to fix. */
static int clock_wrong_for_tls(CURLcode rc)
{
	if (clock_known((long long)time(NULL)))
		return 0;
	return rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CONNECT_ERROR ||
	       rc == CURLE_SSL_CERTPROBLEM;
}

/* A transport failure in words a helper can act on. */
static void transport_reason(struct upload *up, CURLcode rc, char *out, size_t size)
{
	const char *hint = "";
	char *line;

	switch (rc) {
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
		hint = " (the server's key does not match [upload] pin)";
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		hint = " (check [upload] ca_file, and the booth's clock)";
		break;
	case CURLE_ABORTED_BY_CALLBACK:
		hint = " (the worker was asked to stop)";
		break;
	case CURLE_WRITE_ERROR:
		hint = " (the answer was too long)";
		break;
	default:
		break;
	}
	if (clock_wrong_for_tls(rc)) {
		char built[16], today[16];
		time_t now = time(NULL);
		struct tm tm;

		clock_build_date(built, sizeof built);
		gmtime_r(&now, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		/* First, so that it survives the reason being cut. */
		line = xprintf("no answer: the booth's clock is wrong (it says %s, before this"
			       " program was built on %s): TLS certificates cannot be checked"
			       " until the time is set (%s%s%s)", today, built,
			       curl_easy_strerror(rc), up->error[0] ? ": " : "", up->error);
	} else {
		line = xprintf("no answer: %s%s%s%s", curl_easy_strerror(rc),
			       up->error[0] ? ": " : "", up->error, hint);
	}
	snprintf(out, size, "%s", line);
	free(line);
}

/* Performs the prepared request with these headers and timeout. Returns
 * the HTTP status, or 0 with res->reason filled when no answer came. */
static long perform(struct upload *up, struct curl_slist *headers, long timeout,
		    struct upload_result *res)
{
	CURLcode rc;
	long http = 0;
	curl_off_t wait = 0;

	up->len = 0;
	up->error[0] = '\0';
	if (up->body != NULL)
		up->body[0] = '\0';
	curl_easy_setopt(up->curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(up->curl, CURLOPT_TIMEOUT, timeout);
	rc = curl_easy_perform(up->curl);
	memset(res, 0, sizeof *res);
	res->verdict = PROTO_RETRY;
	if (rc != CURLE_OK) {
		transport_reason(up, rc, res->reason, sizeof res->reason);
		return 0;
	}
	curl_easy_getinfo(up->curl, CURLINFO_RESPONSE_CODE, &http);
	if (curl_easy_getinfo(up->curl, CURLINFO_RETRY_AFTER, &wait) == CURLE_OK && wait > 0)
		res->retry_after = wait > 86400 * 30 ? 86400 * 30 : (long)wait;
	res->http = http;
	return http;
}

/* Adds the headers every request carries. */
static struct curl_slist *common_headers(struct upload *up)
{
	struct curl_slist *h = curl_slist_append(NULL, "Accept: application/json");

	if (up->auth != NULL)
		h = curl_slist_append(h, up->auth);
	return h;
}

void upload_submit(struct upload *up, const char *id, const char *body, size_t len,
		   struct upload_result *res)
{
	struct curl_slist *headers = common_headers(up);
	char *url = xprintf("%s/submissions", up->base);
	char *key = xprintf("Idempotency-Key: %s", id);
	long http;

	headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
	headers = curl_slist_append(headers, "Expect:");
	headers = curl_slist_append(headers, key);
	curl_easy_setopt(up->curl, CURLOPT_URL, url);
	curl_easy_setopt(up->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(up->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(up->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	http = perform(up, headers, up->timeout, res);
	if (http != 0) {
		res->verdict = proto_submission(http, up->body, up->len, id, res->reason,
						sizeof res->reason);
		res->reached = res->verdict != PROTO_RETRY;
	}
	curl_slist_free_all(headers);
	free(key);
	free(url);
}

void upload_openrosa(struct upload *up, const char *xml, size_t len, struct upload_result *res)
{
	struct curl_slist *headers = common_headers(up);
	curl_mime *mime = curl_mime_init(up->curl);
	curl_mimepart *part = curl_mime_addpart(mime);
	long http;

	curl_mime_name(part, "xml_submission_file");
	curl_mime_filename(part, "submission.xml");
	curl_mime_type(part, "text/xml");
	curl_mime_data(part, xml, len);
	headers = curl_slist_append(headers, "X-OpenRosa-Version: 1.0");
	headers = curl_slist_append(headers, "Expect:");
	curl_easy_setopt(up->curl, CURLOPT_URL, up->openrosa);
	curl_easy_setopt(up->curl, CURLOPT_MIMEPOST, mime);
	http = perform(up, headers, up->timeout, res);
	if (http != 0) {
		res->verdict = proto_openrosa(http, up->body, up->len, res->reason,
					      sizeof res->reason);
		res->reached = res->verdict != PROTO_RETRY;
	}
	curl_easy_setopt(up->curl, CURLOPT_MIMEPOST, NULL);
	curl_mime_free(mime);
	curl_slist_free_all(headers);
}

long upload_call(struct upload *up, const struct upload_call *c, const char **reply, size_t *len,
		 struct upload_result *res)
{
	struct curl_slist *headers = c->bearer ? curl_slist_append(NULL, "Accept: application/json")
					       : common_headers(up);
	char *url = xprintf("%s%s", up->base, c->path), *auth = NULL, *type = NULL;
	long http;

	if (c->bearer != NULL && c->bearer[0] != '\0') {
		auth = xprintf("Authorization: Bearer %s", c->bearer);
		headers = curl_slist_append(headers, auth);
	}
	if (c->type != NULL) {
		type = xprintf("Content-Type: %s", c->type);
		headers = curl_slist_append(headers, type);
		headers = curl_slist_append(headers, "Expect:");
	}
	curl_easy_setopt(up->curl, CURLOPT_URL, url);
	curl_easy_setopt(up->curl, CURLOPT_HTTPGET, 1L);
	if (c->type != NULL) {
		curl_easy_setopt(up->curl, CURLOPT_POSTFIELDS, c->body);
		curl_easy_setopt(up->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)c->len);
	}
	curl_easy_setopt(up->curl, CURLOPT_CUSTOMREQUEST,
			 strcmp(c->method, "GET") == 0 || strcmp(c->method, "POST") == 0 ? NULL
											: c->method);
	if (strcmp(c->method, "POST") == 0 && c->type == NULL) {
		curl_easy_setopt(up->curl, CURLOPT_POSTFIELDS, "");
		curl_easy_setopt(up->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)0);
	}
	http = perform(up, headers, c->timeout > 0 ? c->timeout : up->timeout, res);
	curl_easy_setopt(up->curl, CURLOPT_CUSTOMREQUEST, NULL);
	*reply = up->body ? up->body : "";
	*len = up->len;
	curl_slist_free_all(headers);
	if (auth != NULL)
		wipe(auth, strlen(auth));
	free(auth);
	free(type);
	free(url);
	return http;
}

int upload_dossier(struct upload *up, const char *code, long timeout,
		   struct dossier_status *out, struct upload_result *res)
{
	struct curl_slist *headers = common_headers(up);
	char *escaped = curl_easy_escape(up->curl, code, 0);
	char *url = xprintf("%s/dossiers/%s", up->base, escaped ? escaped : "");
	long http;
	int found = -1;

	curl_easy_setopt(up->curl, CURLOPT_URL, url);
	curl_easy_setopt(up->curl, CURLOPT_HTTPGET, 1L);
	http = perform(up, headers, timeout, res);
	if (http != 0) {
		found = proto_dossier(http, up->body, up->len, code, out, res->reason,
				      sizeof res->reason);
		if (found == 1)
			out->fetched_at = (long long)time(NULL);
		res->reached = found >= 0;
	}
	curl_slist_free_all(headers);
	curl_free(escaped);
	free(url);
	return found;
}
