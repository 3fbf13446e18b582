/* Saving a request (see submit.h). */
#include "submit.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appstate.h"
#include "config.h"
#include "db.h"
#include "formdef.h"
#include "rcode.h"
#include "spool.h"
#include "util.h"
#include "xform.h"

#define SEQ_KEY "receipt_seq"

char *submit_json(const struct config *cfg, const struct form *form, const char *const *values,
		  const char *id, const char *receipt, time_t at)
{
	json_t *o = json_object(), *fields = json_object();
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

/* Runs one statement without rows. */
static int exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int submit_request(struct db *db, const struct config *cfg, const struct form *form,
		   const struct i18n *t, const char *const *values, time_t at, int time_known,
		   struct saved *out, char **cause)
{
	char buf[32], *body = NULL, *xml = NULL;
	long seq;
	struct spool_request req;

	int rc;

	memset(out, 0, sizeof *out);
	if (exec(db, "BEGIN IMMEDIATE") != 0) {
		*cause = xprintf("cannot start saving: %s", db_error(db));
		return db_busy(db) ? -2 : -1;
	}
	seq = db_setting_get(db, SEQ_KEY, buf, sizeof buf) == 1 ? strtol(buf, NULL, 10) + 1 : 1;
	if (seq > 999999)
		seq = 1; /* a booth that issued a million receipts starts over */
	snprintf(buf, sizeof buf, "%ld", seq);
	if (rcode_make(cfg->booth_number, seq, out->receipt) != 0 ||
	    db_setting_set(db, SEQ_KEY, buf) != 0) {
		*cause = xprintf("cannot number the receipt: %s", db_error(db));
		goto fail;
	}
	spool_new_id(out->id);
	out->at = time_known ? at : 0;
	body = submit_json(cfg, form, values, out->id, out->receipt, out->at);
	req = (struct spool_request){ out->id, out->receipt, form->kind, form->procedure,
				      (long long)at, body, strlen(body), !time_known, NULL, 0, NULL };
	if (strcmp(cfg->upload_protocol, "openrosa") == 0 &&
	    (xml = openrosa_bytes(cfg, form, t, values, out, cause)) == NULL)
		goto fail;
	if (xml != NULL) {
		req.xml = xml;
		req.xml_len = strlen(xml);
		req.xform = form->id;
	}
	if (spool_enqueue(db, &req, cause) != 0)
		goto fail;
	if (exec(db, "COMMIT") != 0) {
		*cause = xprintf("cannot save: %s", db_error(db));
		goto fail;
	}
	free(body);
	free(xml);
	return 0;
fail:
	rc = db_busy(db) ? -2 : -1; /* before ROLLBACK clears the error */
	exec(db, "ROLLBACK");
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

int submit_save(struct app *a, struct form_state *st, time_t now, char **cause)
{
	const char *values[FORM_MAX_FIELDS];
	struct saved *saved = xcalloc(1, sizeof *saved);
	const struct form *form = st->form;
	int i, rc;

	if (a->env.db == NULL && (a->env.db = submit_open_state(a->env.cfg, cause)) == NULL) {
		free(saved);
		return -1;
	}
	for (i = 0; i < st->form->nfields; i++)
		values[i] = entry_text(&st->entry[i]);
	if ((rc = submit_request(a->env.db, a->env.cfg, st->form, a->env.i18n, values, now,
				 (long long)now >= a->env.clock_min, saved, cause)) != 0) {
		free(saved);
		return rc;
	}
	/* Saved: the form and its review leave (wiping what was typed), and
	 * the receipt takes their place on top of the screen that led here. */
	while (app_top(a)->ops == &scr_review || app_top(a)->ops == &scr_form)
		app_back(a);
	scr_saved_open(a, form, saved);
	return 0;
}
