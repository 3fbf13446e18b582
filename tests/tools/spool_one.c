/* Saves one request through the spool API, the way the kiosk saves a
 * submitted form, with a real receipt code, and prints that code.
 * usage: spool_one STATE_DIR BOOTH SEQ PROCEDURE_CODE|- [FIELD=VALUE...]
 * (- : feedback); each FIELD=VALUE goes into the request's "fields". */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "rcode.h"
#include "spool.h"
#include "util.h"

int main(int argc, char **argv)
{
	char path[1024], id[SPOOL_ID_MAX + 1], receipt[RCODE_LEN + 1], *cause = NULL, *body;
	const char *proc, *kind;
	struct spool_request req;
	long long now = (long long)time(NULL);
	struct db *db;
	json_t *doc, *fields = json_object();
	int i;

	if (argc < 5 || rcode_make(atoi(argv[2]), atol(argv[3]), receipt) != 0) {
		fprintf(stderr, "usage: spool_one STATE_DIR BOOTH SEQ PROCEDURE_CODE|- [FIELD=VALUE...]\n");
		return 2;
	}
	proc = strcmp(argv[4], "-") == 0 ? NULL : argv[4];
	kind = proc ? "procedure" : "feedback";
	snprintf(path, sizeof path, "%s/state.db", argv[1]);
	if (mkdir_p(argv[1], 0700) != 0 || (db = db_open(path, &cause)) == NULL) {
		fprintf(stderr, "spool_one: %s\n", cause ? cause : argv[1]);
		return 1;
	}
	spool_new_id(id);
	for (i = 5; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (eq != NULL) {
			*eq = '\0';
			json_object_set_new(fields, argv[i], json_string(eq + 1));
		}
	}
	doc = json_pack("{s:s, s:s, s:s, s:o, s:s, s:I, s:o}", "id", id, "booth", "test-01", "kind", kind,
			"procedure_code", proc ? json_string(proc) : json_null(), "receipt", receipt,
			"created_at", (json_int_t)now, "fields", fields);
	body = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(doc);
	req = (struct spool_request){ id, receipt, kind, proc, now, body, strlen(body), 0, NULL, 0, NULL };
	if (spool_enqueue(db, &req, &cause) != 0) {
		fprintf(stderr, "spool_one: %s\n", cause);
		return 1;
	}
	puts(receipt);
	free(body);
	db_close(db);
	return 0;
}
