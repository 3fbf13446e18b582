/* Saving a request (see submit.h). */
#include "submit.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "formdef.h"
#include "rcode.h"
#include "spool.h"
#include "util.h"
#include "xform.h"

#define SEQ_KEY "receipt_seq"

/* Builds the request's JSON from a form's answers (NFC UTF-8): id, booth,
 * kind, procedure code, receipt, created time (null when at is 0: the
 * booth's clock was not set), form and fields; then "as_on_card", the
 * fields' texts as on a scanned ID card (an address before the 2025
 * reform), for those of on_card (one per field, NULL when none; on_card
 * itself may be NULL) that are not NULL. The caller frees it. */
static char *submit_json(const struct config *cfg, const struct form *form,
			 const char *const *values, const char *const *on_card, const char *id,
			 const char *receipt, time_t at)
{
	json_t *o = json_object(), *fields = json_object(), *card = json_object();
	struct tm tm;
	char when[32];
	char *s;
	int i;

	if (at != 0) {
		gmtime_r(&at, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "booth", json_string(cfg->booth_id));
	json_object_set_new(o, "kind", json_string(form->kind));
	json_object_set_new(o, "procedure_code",
			    form->procedure ? json_string(form->procedure) : json_null());
	json_object_set_new(o, "receipt", json_string(receipt));
	json_object_set_new(o, "created_at", at != 0 ? json_string(when) : json_null());
	json_object_set_new(o, "form", json_string(form->id));
	for (i = 0; i < form->nfields; i++)
		json_object_set_new(fields, form->fields[i].id, json_string(values[i]));
	json_object_set_new(o, "fields", fields);
	for (i = 0; on_card && i < form->nfields; i++)
		if (on_card[i] != NULL)
			json_object_set_new(card, form->fields[i].id, json_string(on_card[i]));
	if (json_object_size(card) > 0)
		json_object_set(o, "as_on_card", card);
	json_decref(card);
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}

/* The OpenRosa submission of a request being saved, or NULL with *cause. */
static char *openrosa_bytes(const struct config *cfg, const struct form *form,
			    const struct i18n *t, const char *const *values,
			    const struct saved *out, char **cause)
{
	struct xform_request r = { out->id, out->receipt, cfg->booth_id, out->at };

	if (t == NULL) {
		*cause = xstrdup("cannot write the OpenRosa submission without the catalogs");
		return NULL;
	}
	return xform_submission(form, t, values, &r, cause);
}

int submit_request(struct db *db, const struct config *cfg, const struct form *form,
		   const struct i18n *t, const char *const *values, const char *const *on_card,
		   time_t at, int time_known, struct saved *out, char **cause)
{
	char *body = NULL, *xml = NULL;
	long seq;
	struct spool_request req;
	int rc;

	memset(out, 0, sizeof *out);
	if (db_begin(db, "cannot start saving", cause) != 0)
		return db_busy(db) ? -2 : -1;
	seq = (long)db_setting_add(db, SEQ_KEY, 1);
	if (seq < 0) {
		*cause = db_cause(db, "cannot number the receipt");
		goto fail;
	}
	if (rcode_make(cfg->booth_number, seq, out->receipt) != 0) {
		*cause = xprintf("cannot number the receipt: booth %d has used all %ld numbers",
				 cfg->booth_number, RCODE_SEQ_MAX);
		goto fail;
	}
	spool_new_id(out->id);
	out->at = time_known ? at : 0;
	body = submit_json(cfg, form, values, on_card, out->id, out->receipt, out->at);
	req = (struct spool_request){ out->id, out->receipt, form->kind, form->procedure,
				      (long long)at, body, strlen(body), !time_known, NULL, 0, NULL };
	if (cfg->upload_protocol == PROTOCOL_OPENROSA &&
	    (xml = openrosa_bytes(cfg, form, t, values, out, cause)) == NULL)
		goto fail;
	if (xml != NULL) {
		req.xml = xml;
		req.xml_len = strlen(xml);
		req.xform = form->id;
	}
	if (spool_enqueue(db, &req, cause) != 0)
		goto fail;
	if (db_exec(db, "COMMIT", "cannot save", cause) != 0)
		goto fail;
	free(body);
	free(xml);
	return 0;
fail:
	rc = db_busy(db) ? -2 : -1; /* before ROLLBACK clears the error */
	db_rollback(db);
	free(body);
	free(xml);
	memset(out, 0, sizeof *out);
	return rc;
}

struct db *submit_open_state(const struct config *cfg, char **cause)
{
	char *path;
	struct db *db;

	if (mkdir_private(cfg->state_dir) != 0) {
		*cause = xprintf("cannot create the state folder %s", cfg->state_dir);
		return NULL;
	}
	path = xprintf("%s/state.db", cfg->state_dir);
	db = db_open(path, cause);
	free(path);
	return db;
}
