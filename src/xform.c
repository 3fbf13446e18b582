/* XForms and OpenRosa submissions of the request forms (xform.h). */
#include "xform.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formdef.h"
#include "i18n.h"
#include "util.h"

#define NS_ALL                                                                         \
	"xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\"" \
	" xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:orx=\"http://openrosa.org/xforms\"" \
	" xmlns:odk=\"http://www.opendatakit.org/xforms\""

/* Writes s with the five XML special characters escaped. */
static void put_text(FILE *o, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", o); break;
		case '<': fputs("&lt;", o); break;
		case '>': fputs("&gt;", o); break;
		case '"': fputs("&quot;", o); break;
		case '\'': fputs("&apos;", o); break;
		default: fputc(*s, o); break;
		}
	}
}

/* A field's constraint as XForms can express it, and the booth's own
 * message when it fails (formdef.c's); NULL for none. */
struct check {
	const char *expr, *msg;
};

/* The check of a field; its members are NULL when there is none. */
static struct check check_of(const struct form_field *fd)
{
	static const struct check dates[] = {
		[DATE_PAST] = { ". &gt;= date('1900-01-01') and . &lt;= today()",
				"Ngày này chưa tới. Xin xem lại." },
		[DATE_FUTURE] = { ". &gt;= today()",
				  "Ngày này đã qua. Xin chọn một ngày từ hôm nay trở đi." },
		[DATE_ANY] = { ". &gt;= date('1900-01-01')", "Ngày này không có thật. Xin xem lại." },
	};
	static const struct check phone = { "regex(., '^0[0-9]{9}$')",
					    "Số điện thoại cần đủ 10 chữ số, bắt đầu bằng 0." };
	static const struct check cccd = { "regex(., '^[0-9]{12}$')", "Số CCCD gồm đúng 12 chữ số." };
	static const struct check number = { "regex(., '^[0-9]+$')", "Chỉ gõ chữ số." };
	static const struct check none = { NULL, NULL };

	return fd->type == FT_PHONE ? phone
	       : fd->type == FT_CCCD ? cccd
	       : fd->type == FT_NUMBER ? number
	       : fd->type == FT_DATE ? dates[fd->when]
				     : none;
}

/* The options of a choice or yes/no field: *n gets how many. */
static char *const *options(const struct form_field *fd, int *n)
{
	static char yes[] = "Có", no[] = "Không";
	static char *const yesno[] = { yes, no };

	if (fd->type == FT_YESNO) {
		*n = 2;
		return yesno;
	}
	*n = fd->type == FT_CHOICE ? fd->noptions : 0;
	return fd->options;
}

/* Writes one <text> of a translation. */
static void put_itext(FILE *o, const char *id, const char *value)
{
	fprintf(o, "          <text id=\"%s\"><value>", id);
	put_text(o, value);
	fputs("</value></text>\n", o);
}

/* Writes the <translation> of language i. */
static void put_translation(FILE *o, const struct form *f, const struct i18n *t, int i)
{
	char id[128];
	int k, j, n;

	fputs("        <translation lang=\"", o);
	put_text(o, i18n_name(t, i));
	fprintf(o, " (%s)\"%s>\n", i18n_code(t, i), i == 0 ? " default=\"true()\"" : "");
	for (k = 0; k < f->nsteps; k++) {
		snprintf(id, sizeof id, "step-%d:label", k + 1);
		put_itext(o, id, i18n_get(t, i, f->steps[k]));
	}
	for (k = 0; k < f->nfields; k++) {
		const struct form_field *fd = &f->fields[k];
		char *const *opt = options(fd, &n);

		snprintf(id, sizeof id, "/data/%s:label", fd->id);
		put_itext(o, id, i18n_get(t, i, fd->label));
		if (check_of(fd).msg != NULL) {
			snprintf(id, sizeof id, "/data/%s:constraintMsg", fd->id);
			put_itext(o, id, i18n_get(t, i, check_of(fd).msg));
		}
		for (j = 0; j < n; j++) {
			snprintf(id, sizeof id, "/data/%s/%d:label", fd->id, j + 1);
			put_itext(o, id, i18n_get(t, i, opt[j]));
		}
	}
	fputs("        </translation>\n", o);
}

/* Writes the instance: the fields, the booth's group and meta. */
static void put_instance(FILE *o, const struct form *f, const char *version)
{
	int k;

	fputs("      <instance>\n        <data id=\"", o);
	put_text(o, f->id);
	fprintf(o, "\" version=\"%s\">\n", version);
	for (k = 0; k < f->nfields; k++)
		fprintf(o, "          <%s/>\n", f->fields[k].id);
	fputs("          <kiosk><receipt/><booth/><saved_at/><procedure>", o);
	put_text(o, f->procedure ? f->procedure : "");
	fputs("</procedure></kiosk>\n"
	      "          <meta><instanceID/><instanceName/></meta>\n"
	      "        </data>\n      </instance>\n", o);
}

/* Writes the binds: types, required, constraints, the hidden fields. */
static void put_binds(FILE *o, const struct form *f)
{
	static const char *const hidden[] = { "receipt string", "booth string", "saved_at dateTime",
					      "procedure string" };
	size_t h;
	int k;

	for (k = 0; k < f->nfields; k++) {
		const struct form_field *fd = &f->fields[k];

		fprintf(o, "      <bind nodeset=\"/data/%s\" type=\"%s\"%s", fd->id,
			fd->type == FT_DATE ? "date" : "string",
			fd->required ? " required=\"true()\"" : "");
		if (check_of(fd).expr != NULL)
			fprintf(o, " constraint=\"%s\" jr:constraintMsg=\"jr:itext('/data/%s:constraintMsg')\"",
				check_of(fd).expr, fd->id);
		fputs("/>\n", o);
	}
	for (h = 0; h < sizeof hidden / sizeof hidden[0]; h++)
		fprintf(o, "      <bind nodeset=\"/data/kiosk/%.*s\" type=\"%s\" readonly=\"true()\"/>\n",
			(int)strcspn(hidden[h], " "), hidden[h], strchr(hidden[h], ' ') + 1);
	fputs("      <bind nodeset=\"/data/meta/instanceID\" type=\"string\" readonly=\"true()\""
	      " jr:preload=\"uid\"/>\n"
	      "      <bind nodeset=\"/data/meta/instanceName\" type=\"string\""
	      " calculate=\"/data/kiosk/receipt\"/>\n", o);
}

/* Writes one field's control. */
static void put_control(FILE *o, const struct form_field *fd)
{
	int n, j;
	char *const *opt = options(fd, &n);
	const char *appearance = fd->type == FT_NOTE ? " appearance=\"multiline\""
				 : fd->type == FT_PHONE || fd->type == FT_CCCD ||
					   fd->type == FT_NUMBER
				     ? " appearance=\"numbers\""
				     : "";

	fprintf(o, "      <%s ref=\"/data/%s\"%s><label ref=\"jr:itext('/data/%s:label')\"/>",
		n > 0 ? "select1" : "input", fd->id, n > 0 ? "" : appearance, fd->id);
	for (j = 0; j < n; j++) {
		fprintf(o, "\n        <item><label ref=\"jr:itext('/data/%s/%d:label')\"/><value>",
			fd->id, j + 1);
		put_text(o, opt[j]);
		fputs("</value></item>", o);
	}
	fprintf(o, "%s</%s>\n", n > 0 ? "\n      " : "", n > 0 ? "select1" : "input");
}

/* Writes the body: one field-list group per step. */
static void put_body(FILE *o, const struct form *f)
{
	int s, k;

	fputs("  <h:body>\n", o);
	for (s = 0; s < f->nsteps; s++) {
		fprintf(o, "    <group appearance=\"field-list\">\n"
			   "      <label ref=\"jr:itext('step-%d:label')\"/>\n", s + 1);
		for (k = 0; k < f->nfields; k++)
			if (f->fields[k].step == s)
				put_control(o, &f->fields[k]);
		fputs("    </group>\n", o);
	}
	fputs("  </h:body>\n", o);
}

/* True when a field id can be an element of the instance. */
static int name_ok(const char *id)
{
	return ((id[0] >= 'a' && id[0] <= 'z') || id[0] == '_') && strncmp(id, "xml", 3) != 0 &&
	       strcmp(id, "kiosk") != 0 && strcmp(id, "meta") != 0;
}

/* Writes the whole XForm with this version. */
static char *write_all_text(const struct form *f, const struct i18n *t, const char *version)
{
	char *text = NULL;
	size_t len = 0;
	FILE *o = open_memstream(&text, &len);
	int i;

	if (o == NULL)
		abort();
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<h:html " NS_ALL ">\n  <h:head>\n"
	      "    <h:title>", o);
	put_text(o, f->title);
	fputs("</h:title>\n    <model odk:xforms-version=\"1.0.0\">\n      <itext>\n", o);
	for (i = 0; i < i18n_count(t); i++)
		put_translation(o, f, t, i);
	fputs("      </itext>\n", o);
	put_instance(o, f, version);
	put_binds(o, f);
	fputs("    </model>\n  </h:head>\n", o);
	put_body(o, f);
	fputs("</h:html>\n", o);
	if (fclose(o) != 0)
		abort();
	return text;
}

char *xform_write(const struct form *f, const struct i18n *t,
		  char version[XFORM_VERSION_LEN + 1], char **cause)
{
	uint8_t d[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;
	char *text;
	int k;

	for (k = 0; k < f->nfields; k++)
		if (!name_ok(f->fields[k].id)) {
			*cause = xprintf("%s: field \"%s\" cannot be an XForm field (start it with a"
					 " letter; \"kiosk\" and \"meta\" are taken)",
					 f->file, f->fields[k].id);
			return NULL;
		}
	text = write_all_text(f, t, "");
	sha256_init(&ctx);
	sha256_update(&ctx, strlen(text), (const uint8_t *)text);
	sha256_digest(&ctx, sizeof d, d);
	free(text);
	for (k = 0; k < XFORM_VERSION_LEN / 2; k++)
		snprintf(version + 2 * k, 3, "%02x", d[k]);
	return write_all_text(f, t, version);
}

/* Writes one element of the submission, empty when value is "". */
static void put_value(FILE *o, const char *name, const char *value)
{
	if (*value == '\0') {
		fprintf(o, "<%s/>", name);
		return;
	}
	fprintf(o, "<%s>", name);
	put_text(o, value);
	fprintf(o, "</%s>", name);
}

/* A date field's value as XForms wants it: "02/07/1985" is "1985-07-02";
 * anything else stays as it is. */
static void put_field(FILE *o, const struct form_field *fd, const char *value)
{
	char iso[11];

	if (fd->type == FT_DATE && strlen(value) == 10 && value[2] == '/' && value[5] == '/') {
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", value + 6, value + 3, value);
		if (date_valid(iso)) {
			put_value(o, fd->id, iso);
			return;
		}
	}
	put_value(o, fd->id, value);
}

char *xform_submission(const struct form *f, const struct i18n *t, const char *const *values,
		       const struct xform_request *req, char **cause)
{
	char version[XFORM_VERSION_LEN + 1], when[32] = "";
	char *xform = xform_write(f, t, version, cause), *text = NULL;
	size_t len = 0;
	FILE *o;
	struct tm tm;
	int k;

	if (xform == NULL)
		return NULL;
	free(xform);
	if (req->at != 0) {
		gmtime_r(&req->at, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	if ((o = open_memstream(&text, &len)) == NULL)
		abort();
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data"
	      " xmlns:orx=\"http://openrosa.org/xforms\" id=\"", o);
	put_text(o, f->id);
	fprintf(o, "\" version=\"%s\">", version);
	for (k = 0; k < f->nfields; k++)
		put_field(o, &f->fields[k], values[k]);
	fputs("<kiosk>", o);
	put_value(o, "receipt", req->receipt);
	put_value(o, "booth", req->booth);
	put_value(o, "saved_at", when);
	put_value(o, "procedure", f->procedure ? f->procedure : "");
	fputs("</kiosk><meta>", o);
	fprintf(o, "<instanceID>uuid:%s</instanceID>", req->id);
	put_value(o, "instanceName", req->receipt);
	fputs("</meta></data>", o);
	if (fclose(o) != 0)
		abort();
	return text;
}
