/* Fills a state folder's spool with test requests through the spool API,
 * the way the kiosk saves them. Prints "id receipt" per request, in order.
 * usage: spool_fill STATE_DIR COUNT [KIND] */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "spool.h"
#include "util.h"

/* Makes the frozen body of request number n. */
static char *make_body(const char *id, const char *receipt, const char *kind, long n,
		       long long now)
{
	char when[32], phone[16];
	time_t t = (time_t)now;
	struct tm tm;
	json_t *doc;
	char *text;

	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(phone, sizeof phone, "09%08ld", n % 100000000);
	doc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s, s:s, s:s, s:s}}",
			"id", id, "booth", "test-01", "kind", kind, "procedure_code",
			"1.001193.000.00.00.H12", "receipt", receipt, "created_at", when, "fields",
			"full_name", "Nguyễn Thị Bích Ra", "birth_date", "02/09/1990", "phone", phone,
			"address", "Thôn Đông, xã Nghĩa Hành, tỉnh Quảng Ngãi", "note",
			"Đăng ký khai sinh cho con thứ hai");
	text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(doc);
	return text;
}

int main(int argc, char **argv)
{
	const char *kind = argc > 3 ? argv[3] : "procedure";
	char path[1024], id[SPOOL_ID_MAX + 1], receipt[SPOOL_RECEIPT_MAX + 1];
	char *cause = NULL;
	struct db *db;
	long count, i;

	if (argc < 3 || (count = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: spool_fill STATE_DIR COUNT [KIND]\n");
		return 2;
	}
	snprintf(path, sizeof path, "%s/state.db", argv[1]);
	if (mkdir_p(argv[1], 0700) != 0 || (db = db_open(path, &cause)) == NULL) {
		fprintf(stderr, "spool_fill: %s\n", cause ? cause : argv[1]);
		return 1;
	}
	for (i = 0; i < count; i++) {
		long long now = (long long)time(NULL);
		struct spool_request req;
		char *body;

		spool_new_id(id);
		snprintf(receipt, sizeof receipt, "T%.8s", id);
		for (char *p = receipt; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		body = make_body(id, receipt, kind, i, now);
		req = (struct spool_request){ id, receipt, kind, "1.001193.000.00.00.H12", now,
					      body, strlen(body), 0, NULL, 0, NULL };
		if (spool_enqueue(db, &req, &cause) != 0) {
			fprintf(stderr, "spool_fill: %s\n", cause);
			return 1;
		}
		printf("%s %s\n", id, receipt);
		free(body);
	}
	db_close(db);
	return 0;
}
