/* Tests for xform.c: the XForm of a form (labels in every language, types,
 * constraints, a version that follows every change and only changes) and
 * the OpenRosa submission of a saved request (escaping, dates, the booth's
 * group, meta). */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "formdef.h"
#include "i18n.h"
#include "problems.h"
#include "util.h"
#include "xform.h"

static const char form_text[] =
	"title      Đăng ký khai sinh\n"
	"procedure  1.001193\n"
	"step       Người đi khai\n"
	"field      requester_name     name     required  Họ và tên\n"
	"field      requester_id       cccd     required  Số CCCD\n"
	"field      requester_phone    phone    optional  Số điện thoại\n"
	"field      relation           choice   required  Quan hệ với trẻ\n"
	"option     Cha\n"
	"option     Ông, bà\n"
	"step       Trẻ được khai sinh\n"
	"field      child_dob          date     required  Ngày sinh của trẻ\n"
	"field      until              date:future optional  Ở đến ngày\n"
	"field      agrees             yesno    required  Chủ nhà đã đồng ý\n";

/* Parses text as form f (id k-form). */
static void parse(struct form *f, const char *text)
{
	struct problems p = { 0 };

	assert_int_equal(formdef_parse(f, "k.form", "k-form", text, &p), 0);
}

static void test_xform_labels_types_constraints(void **state)
{
	struct problems p = { 0 };
	struct i18n *t = i18n_load(SRCDIR "/locale", &p);
	char version[XFORM_VERSION_LEN + 1], again[XFORM_VERSION_LEN + 1], *x, *cause = NULL;
	struct form f;

	(void)state;
	parse(&f, form_text);
	x = xform_write(&f, t, version, &cause);
	assert_non_null(x);
	assert_int_equal(strlen(version), XFORM_VERSION_LEN);
	assert_non_null(strstr(x, "<h:title>Đăng ký khai sinh</h:title>"));
	assert_non_null(strstr(x, "<translation lang=\"Tiếng Việt (vi)\" default=\"true()\">"));
	assert_non_null(strstr(x, "<translation lang=\"English (en)\">"));
	assert_non_null(strstr(x, "<value>Full name</value>"));
	assert_non_null(strstr(x, "<data id=\"k-form\" version=\"") );
	assert_non_null(strstr(x, version));
	assert_non_null(strstr(x, "<bind nodeset=\"/data/requester_id\" type=\"string\" required=\"true()\""
				  " constraint=\"regex(., '^[0-9]{12}$')\""));
	assert_non_null(strstr(x, "<bind nodeset=\"/data/child_dob\" type=\"date\" required=\"true()\""
				  " constraint=\". &gt;= date('1900-01-01') and . &lt;= today()\""));
	assert_non_null(strstr(x, "<bind nodeset=\"/data/until\" type=\"date\" constraint=\". &gt;= today()\""));
	assert_non_null(strstr(x, "<value>Ông, bà</value></item>"));
	assert_non_null(strstr(x, "<value>Không</value></item>"));
	assert_non_null(strstr(x, "<meta><instanceID/><instanceName/></meta>"));
	assert_non_null(strstr(x, "<procedure>1.001193</procedure>"));
	free(x);
	/* The same form: the same bytes and version. */
	x = xform_write(&f, t, again, &cause);
	assert_string_equal(version, again);
	free(x);
	formdef_free_one(&f);
	i18n_free(t);
	problems_clear(&p);
}

static void test_version_follows_the_form(void **state)
{
	struct problems p = { 0 };
	struct i18n *t = i18n_load(SRCDIR "/locale", &p);
	char v1[XFORM_VERSION_LEN + 1], v2[XFORM_VERSION_LEN + 1], *x, *cause = NULL;
	char *changed = xstrdup(form_text);
	struct form f;

	(void)state;
	parse(&f, form_text);
	free(xform_write(&f, t, v1, &cause));
	formdef_free_one(&f);
	/* An option renamed. */
	memcpy(strstr(changed, "Ông, bà"), "Bà, ông", strlen("Bà, ông"));
	parse(&f, changed);
	free(xform_write(&f, t, v2, &cause));
	assert_string_not_equal(v1, v2);
	formdef_free_one(&f);
	/* A field id XForms cannot take, and a reserved one. */
	parse(&f, "title T\nkind feedback\nstep S\nfield 2nd text required Họ và tên\n");
	x = xform_write(&f, t, v2, &cause);
	assert_null(x);
	assert_non_null(strstr(cause, "\"2nd\""));
	free(cause);
	formdef_free_one(&f);
	parse(&f, "title T\nkind feedback\nstep S\nfield meta text required Họ và tên\n");
	cause = NULL;
	assert_null(xform_write(&f, t, v2, &cause));
	free(cause);
	formdef_free_one(&f);
	free(changed);
	i18n_free(t);
	problems_clear(&p);
}

static void test_submission_bytes(void **state)
{
	struct problems p = { 0 };
	struct i18n *t = i18n_load(SRCDIR "/locale", &p);
	const char *values[] = { "Nguyễn Thị \"Bé\" & <Ra>", "051185000123", "", "Ông, bà",
				 "02/07/2020", "31/12/2099", "Có" };
	struct xform_request r = { "0b7e2f4c-1d2a-4c3b-9e8f-123456789abc", "007-000001-4",
				   "qn-01", 1751358600 };
	char version[XFORM_VERSION_LEN + 1], *x, *cause = NULL, *want;
	struct form f;

	(void)state;
	parse(&f, form_text);
	free(xform_write(&f, t, version, &cause));
	x = xform_submission(&f, t, values, &r, &cause);
	assert_non_null(x);
	want = xprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data"
		       " xmlns:orx=\"http://openrosa.org/xforms\" id=\"k-form\" version=\"%s\">"
		       "<requester_name>Nguyễn Thị &quot;Bé&quot; &amp; &lt;Ra&gt;</requester_name>"
		       "<requester_id>051185000123</requester_id><requester_phone/>"
		       "<relation>Ông, bà</relation><child_dob>2020-07-02</child_dob>"
		       "<until>2099-12-31</until><agrees>Có</agrees>"
		       "<kiosk><receipt>007-000001-4</receipt><booth>qn-01</booth>"
		       "<saved_at>2025-07-01T08:30:00Z</saved_at><procedure>1.001193</procedure></kiosk>"
		       "<meta><instanceID>uuid:0b7e2f4c-1d2a-4c3b-9e8f-123456789abc</instanceID>"
		       "<instanceName>007-000001-4</instanceName></meta></data>", version);
	assert_string_equal(x, want);
	free(want);
	free(x);
	/* A clock that was not set: no time. */
	r.at = 0;
	x = xform_submission(&f, t, values, &r, &cause);
	assert_non_null(strstr(x, "<booth>qn-01</booth><saved_at/>"));
	free(x);
	formdef_free_one(&f);
	i18n_free(t);
	problems_clear(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xform_labels_types_constraints),
		cmocka_unit_test(test_version_follows_the_form),
		cmocka_unit_test(test_submission_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
