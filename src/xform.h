/* The request forms as ODK XForms, and a saved request as an OpenRosa
 * submission of its form (docs/odk-central.md).
 *
 * A form's XForm id is its file name (NAME of screens/forms/NAME.form);
 * its version is the first 12 hex digits of the SHA-256 of the XForm
 * written with an empty version, so it changes whenever anything in the
 * XForm changes (a field, a label in any language, an option) and only
 * then. The kiosk and `kioskctl xform` write the same bytes from the same
 * content folder, so a request names the version published from it.
 *
 * The instance is flat: the form's fields in their order (dates as
 * YYYY-MM-DD, everything else as typed), then a group "kiosk" (receipt,
 * booth, saved_at, procedure) that has no control, then "meta" (instanceID
 * "uuid:" + the request's id, instanceName the receipt code). Pure: no
 * curl, no curses. */
#ifndef KIOSK_XFORM_H
#define KIOSK_XFORM_H

#include <stddef.h>
#include <time.h>

struct form;
struct i18n;

/* Characters of a version, without the NUL. */
#define XFORM_VERSION_LEN 12

/* Writes the XForm of f, with its labels in every language of t
 * (Vietnamese first, the default) and its version into version. Returns a
 * new string, or NULL with *cause when the form cannot be an XForm (a
 * field id that is not an XML name, or one of the reserved "kiosk",
 * "meta"). */
char *xform_write(const struct form *f, const struct i18n *t,
		  char version[XFORM_VERSION_LEN + 1], char **cause);

/* What a submission says besides the fields. */
struct xform_request {
	const char *id;        /* the request's id (instanceID is "uuid:" + id) */
	const char *receipt;   /* the receipt code, also the instanceName */
	const char *booth;     /* [booth] id */
	time_t at;             /* when it was saved, 0 when the clock was not set */
};

/* Writes the OpenRosa submission of a filled-in form (values in the order
 * of f->fields, NFC UTF-8) under the version of xform_write(f, t). Returns
 * a new string, or NULL with *cause like xform_write. */
char *xform_submission(const struct form *f, const struct i18n *t, const char *const *values,
		       const struct xform_request *req, char **cause);

#endif
