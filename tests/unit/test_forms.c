/* Tests for formdef.c (request forms), rcode.c (receipt codes) and
 * submit.c (saving a request in one transaction). */
#include "unit.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "formdef.h"
#include "problems.h"
#include "rcode.h"
#include "spool.h"
#include "submit.h"
#include "util.h"

/* Fails unless some problem starts with want. */
/* Requests saved and not yet acknowledged, as the footer counts them. */
static long waiting(struct db *db)
{
	struct spool_counts n;
	char *cause = NULL;

	assert_int_equal(spool_counts(db, &n, &cause), 0);
	return n.waiting;
}

static const char good[] =
	"title Đăng ký khai sinh\nprocedure 1.001193\nstep Người đi khai\n"
	"field name name required Họ và tên\nfield id cccd required Số CCCD\n"
	"field phone phone optional Số điện thoại\nfield sex choice required Giới tính\n"
	"option Nam\noption Nữ\nscan id name - sex -\nstep Trẻ\nfield dob date required Ngày sinh\n";

static void test_parse_form(void **state)
{
	struct problems p = { 0 };
	struct form f;

	(void)state;
	assert_int_equal(formdef_parse(&f, "k.form", "k", good, &p), 0);
	assert_string_equal(f.title, "Đăng ký khai sinh");
	assert_string_equal(f.procedure, "1.001193");
	assert_string_equal(f.kind, "procedure");
	assert_int_equal(f.nsteps, 2);
	assert_int_equal(f.nfields, 5);
	assert_int_equal(f.fields[3].type, FT_CHOICE);
	assert_int_equal(f.fields[3].noptions, 2);
	assert_int_equal(f.fields[4].step, 1);
	assert_int_equal(f.scan[0], 1);
	assert_int_equal(f.scan[1], 0);
	assert_int_equal(f.scan[2], -1);
	assert_int_equal(f.scan[3], 3);
	formdef_free_one(&f);
}

static void test_form_errors(void **state)
{
	struct problems p = { 0 };
	struct form f;

	(void)state;
	assert_int_equal(formdef_parse(&f, "b.form", "b",
				       "title X\nprocedure 1.1\nfield a text required A\n"  /* 3: no step */
				       "step S\nfield a colour required A\n"                 /* 5 */
				       "field b text maybe B\n"                              /* 6 */
				       "field c choice required C\noption Một\n"             /* 7: one option */
				       "option\n"                                            /* 9 */
				       "scan x - - - -\n"                                    /* 10 */
				       "flavour sweet\n"                                     /* 11 */
				       "field d phone optional Số điện thoại\n"              /* 12 */
				       "field e phone optional Số điện thoại\n", &p), -1);   /* 13 */
	expect_problem(&p, "b.form:3: a field needs a \"step\" line before it");
	expect_problem(&p, "b.form:5: unknown field type \"colour\"");
	expect_problem(&p, "b.form:6: say \"required\" or \"optional\"");
	expect_problem(&p, "b.form:9: the text is missing");
	expect_problem(&p, "b.form:10: scan names \"x\"");
	expect_problem(&p, "b.form:11: unknown or repeated directive \"flavour\"");
	expect_problem(&p, "b.form:7: a choice needs at least two options");
	/* The review could not tell two answers with one label apart. */
	expect_problem(&p, "b.form:13: the label \"Số điện thoại\" is already on line 12");
	formdef_free_one(&f);
	problems_clear(&p);
}

static void test_checks(void **state)
{
	struct form_field phone = { .type = FT_PHONE, .required = 1 };
	struct form_field cccd = { .type = FT_CCCD };
	struct form_field date = { .type = FT_DATE, .required = 1 };
	struct form_field yes = { .type = FT_YESNO };
	struct form_field name = { .type = FT_NAME, .required = 1 };
	const char *today = "2026-11-27";

	(void)state;
	assert_null(formdef_check(&phone, "0905123456", today));
	assert_non_null(formdef_check(&phone, "905123456", today));
	assert_non_null(formdef_check(&phone, "1905123456", today));
	assert_non_null(formdef_check(&phone, "", today));       /* required */
	assert_null(formdef_check(&cccd, "", today));            /* optional */
	assert_null(formdef_check(&cccd, "051185000123", today));
	assert_non_null(formdef_check(&cccd, "05118500012a", today));
	assert_null(formdef_check(&date, "29/02/2024", today));
	assert_non_null(formdef_check(&date, "29/02/2025", today)); /* not a leap year */
	assert_non_null(formdef_check(&date, "31/04/1990", today));
	assert_non_null(formdef_check(&date, "28/11/2026", today)); /* tomorrow */
	assert_non_null(formdef_check(&date, "1/1/1990", today));
	assert_non_null(formdef_check(&date, "01/01/1850", today));
	assert_null(formdef_check(&name, "Nguyễn Thị Bích Ra", today));
	assert_null(formdef_check(&name, "H'Hen Niê", today));
	assert_null(formdef_check(&name, "Giàng A Ký-Sùng", today));
	assert_non_null(formdef_check(&name, "Trần Thị00109901234|123456789", today));
	assert_non_null(formdef_check(&name, "An.", today));
	assert_non_null(formdef_check(&name, "An 2", today));
	assert_null(formdef_check(&yes, "Có", today));
	assert_non_null(formdef_check(&yes, "Co", today));
}

/* A date field says which dates it takes: past (the default), future or
 * any; with the clock unknown, none is refused for being early or late. */
static void test_date_when(void **state)
{
	struct problems p = { 0 };
	struct form f;
	const char *today = "2026-11-27";

	(void)state;
	assert_int_equal(formdef_parse(&f, "w.form", "w",
				       "title X\nprocedure 1.1\nstep S\nfield born date required B\n"
				       "field until date:future optional U\nfield on date:any required O\n"
				       "field was date:past required W\n", &p), 0);
	assert_int_equal(f.fields[0].when, DATE_PAST);
	assert_int_equal(f.fields[1].when, DATE_FUTURE);
	assert_int_equal(f.fields[2].when, DATE_ANY);
	assert_int_equal(f.fields[3].when, DATE_PAST);
	assert_non_null(formdef_check(&f.fields[0], "28/11/2026", today));
	assert_null(formdef_check(&f.fields[1], "28/11/2026", today));
	assert_null(formdef_check(&f.fields[1], "27/11/2026", today));  /* today */
	assert_non_null(formdef_check(&f.fields[1], "26/11/2026", today));
	assert_null(formdef_check(&f.fields[1], "26/11/2026", NULL));
	assert_non_null(formdef_check(&f.fields[1], "31/11/2027", today)); /* no such day */
	assert_null(formdef_check(&f.fields[2], "01/01/2090", today));
	assert_null(formdef_check(&f.fields[2], "01/01/1990", today));
	assert_non_null(formdef_check(&f.fields[3], "01/01/2090", today));
	formdef_free_one(&f);
	assert_int_equal(formdef_parse(&f, "b.form", "b",
				       "title X\nprocedure 1.1\nstep S\nfield a date:soon required A\n"
				       "field b text:future required B\n", &p), -1);
	expect_problem(&p, "b.form:4: a date is \"date\", \"date:past\", \"date:future\" or \"date:any\", not \"date:soon\"");
	expect_problem(&p, "b.form:5: a date is");
	formdef_free_one(&f);
	problems_clear(&p);
}

/* Changes code one digit at a time (every other digit in each place) and
 * swaps each two neighbouring digits that differ (across a dash too):
 * returns how many of these codes rcode_parse() takes, 0 when it catches
 * them all. */
static int caught(const char *code)
{
	char bad[RCODE_LEN + 1], back[RCODE_LEN + 1];
	size_t i, j, n = strlen(code);
	int k, missed = 0;

	for (i = 0; i < n; i++) {
		if (code[i] == '-')
			continue;
		for (k = '0'; k <= '9'; k++) {
			strcpy(bad, code);
			if (bad[i] == k)
				continue;
			bad[i] = (char)k;
			missed += rcode_parse(bad, back) == 0;
		}
		for (j = i + 1; j < n && code[j] == '-'; j++)
			;
		if (j < n && code[i] != code[j]) {
			strcpy(bad, code);
			bad[i] = code[j];
			bad[j] = code[i];
			missed += rcode_parse(bad, back) == 0;
		}
	}
	return missed;
}

static void test_receipt_codes(void **state)
{
	char code[RCODE_LEN + 1], back[RCODE_LEN + 1];
	int i, k;

	(void)state;
	assert_int_equal(rcode_make(107, 42, code), 0);
	assert_int_equal(strlen(code), 12);
	assert_int_equal(strncmp(code, "107-000042-", 11), 0);
	assert_int_equal(rcode_parse(code, back), 0);
	assert_string_equal(back, code);
	{
		/* Typed with spaces, or without any separator. */
		char spaced[32], plain[32];

		snprintf(spaced, sizeof spaced, "107 000 042 %c", code[11]);
		snprintf(plain, sizeof plain, "107000042%c", code[11]);
		assert_int_equal(rcode_parse(spaced, back), 0);
		assert_string_equal(back, code);
		assert_int_equal(rcode_parse(plain, back), 0);
		assert_string_equal(back, code);
		assert_int_equal(rcode_parse("107-000042", back), -1);
	}
	assert_int_equal(rcode_make(0, 1, code), -1);
	assert_int_equal(rcode_make(1, 0, code), -1);
	assert_int_equal(rcode_make(1, RCODE_SEQ_MAX + 1, code), -1);
	/* Past a million: eight digits of sequence; both kinds read back. */
	assert_int_equal(rcode_make(107, RCODE_SHORT_MAX, code), 0);
	assert_int_equal(strncmp(code, "107-999999-", 11), 0);
	assert_int_equal(rcode_make(107, RCODE_SHORT_MAX + 1, code), 0);
	assert_int_equal(strlen(code), RCODE_LEN);
	assert_int_equal(strncmp(code, "107-01000000-", 13), 0);
	assert_int_equal(rcode_parse(code, back), 0);
	assert_string_equal(back, code);
	{
		/* A long code of a short number was never given. */
		char wide[32];

		assert_int_equal(rcode_make(107, 42, code), 0);
		for (k = '0'; k <= '9'; k++) {
			snprintf(wide, sizeof wide, "107-00000042-%c", k);
			assert_int_equal(rcode_parse(wide, back), -1);
		}
	}
	/* Every single wrong digit and every swap of neighbours is caught, in
	 * codes of both lengths. */
	for (i = 0; i < 4; i++) {
		static const long seqs[] = { 271828, 1, 31415926, 1000000 };
		static const int booths[] = { 315, 999, 1, 107 };

		assert_int_equal(rcode_make(booths[i], seqs[i], code), 0);
		assert_int_equal(caught(code), 0);
	}
}

/* A state.db in a new folder made from dir (a mkdtemp template); *path
 * gets its file's path. */
static struct db *temp_state(char *dir, char **path)
{
	char *cause = NULL;
	struct db *db;

	assert_non_null(mkdtemp(dir));
	*path = xprintf("%s/state.db", dir);
	db = db_open(*path, &cause);
	assert_non_null(db);
	return db;
}

/* Closes db and removes its folder dir, and path. */
static void temp_state_close(struct db *db, const char *dir, char *path)
{
	char *cmd = xprintf("rm -rf %s", dir);

	db_close(db);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
}

/* A villager's answers to the form good. */
static const char *const answers[] = { "Nguyễn Thị Bích Ra", "051185000123", "", "Nữ", "02/07/2020" };

/* The config of booth number 7 and the form good, parsed. */
static void booth_seven(struct config *cfg, struct form *f)
{
	struct problems p = { 0 };

	config_defaults(cfg);
	cfg->booth_number = 7;
	assert_int_equal(formdef_parse(f, "k.form", "k", good, &p), 0);
}

static void test_submit_is_one_transaction(void **state)
{
	char dir[] = "/tmp/kiosk-submit-XXXXXX", *path, *cause = NULL;
	struct config cfg;
	struct form f;
	struct saved s1, s2;
	struct db *db = temp_state(dir, &path);
	json_t *doc;

	(void)state;
	booth_seven(&cfg, &f);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748400, 1, &s1, &cause), 0);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748401, 1, &s2, &cause), 0);
	assert_int_equal(strncmp(s1.receipt, "007-000001-", 11), 0);
	assert_int_equal(strncmp(s2.receipt, "007-000002-", 11), 0);
	assert_string_not_equal(s1.id, s2.id);
	assert_int_equal(waiting(db), 2);
	/* The frozen bytes: the id, the receipt, the fields as typed, NFC. */
	{
		sqlite3_stmt *st;

		st = db_prepare(db, "SELECT body FROM submissions WHERE id = ?", "test", &cause);
		assert_non_null(st);
		sqlite3_bind_text(st, 1, s1.id, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		doc = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
		sqlite3_finalize(st);
	}
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "id")), s1.id);
	assert_string_equal(json_string_value(json_object_get(doc, "receipt")), s1.receipt);
	assert_string_equal(json_string_value(json_object_get(doc, "created_at")), "2026-11-27T03:00:00Z");
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "fields"), "name")),
			    "Nguyễn Thị Bích Ra");
	json_decref(doc);
	/* A database that cannot be written: nothing saved, numbering unchanged. */
	assert_int_equal(db_exec(db, "PRAGMA query_only = 1", "test", &cause), 0);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748402, 1, &s2, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(db_exec(db, "PRAGMA query_only = 0", "test", &cause), 0);
	assert_int_equal(waiting(db), 2);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748403, 1, &s2, &cause), 0);
	assert_int_equal(strncmp(s2.receipt, "007-000003-", 11), 0);
	/* Another program holding the database: -2 after the busy timeout,
	 * nothing saved; once it lets go, the next number is used. */
	{
		sqlite3 *other;

		assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
		assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748404, 1, &s2, &cause), -2);
		free(cause);
		cause = NULL;
		assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(other);
	}
	assert_int_equal(waiting(db), 3);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748405, 1, &s2, &cause), 0);
	assert_int_equal(strncmp(s2.receipt, "007-000004-", 11), 0);
	/* Saved while the clock was not set: no time anywhere, only a flag. */
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 86400, 0, &s2, &cause), 0);
	assert_int_equal(s2.at, 0);
	{
		struct spool_item it;

		assert_int_equal(spool_find(db, s2.receipt, &it, &cause), 1);
		assert_int_equal(it.time_known, 0);
		doc = json_loads(it.body, 0, NULL);
		assert_non_null(doc);
		assert_true(json_is_null(json_object_get(doc, "created_at")));
		json_decref(doc);
		spool_item_free(&it);
		assert_int_equal(spool_find(db, s1.receipt, &it, &cause), 1);
		assert_int_equal(it.time_known, 1);
		spool_item_free(&it);
	}
	/* The schema keeps the flag frozen like the rest. */
	assert_int_equal(db_exec(db, "UPDATE submissions SET time_known = 1", "test", &cause), -1);
	assert_non_null(strstr(cause, "never edited"));
	free(cause);
	formdef_free_one(&f);
	temp_state_close(db, dir, path);
}

/* A booth past its millionth request goes on saving, in longer codes that
 * never repeat one it gave; the codes it gave before still find theirs. */
static void test_receipts_past_a_million(void **state)
{
	char dir[] = "/tmp/kiosk-million-XXXXXX", *path, *cause = NULL, code[RCODE_LEN + 1];
	struct config cfg;
	struct form f;
	struct saved first, s;
	struct db *db = temp_state(dir, &path);
	struct spool_item it;
	long i;

	(void)state;
	booth_seven(&cfg, &f);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748400, 1, &first, &cause), 0);
	/* As if the booth had saved 999,997 more since. */
	assert_int_equal(db_setting_set(db, "receipt_seq", "999998"), 0);
	for (i = 999999; i <= 1000002; i++) {
		assert_int_equal(submit_request(db, &cfg, &f, NULL, answers, NULL, 1795748400 + i, 1, &s,
						&cause), 0);
		assert_int_equal(rcode_make(7, i, code), 0);
		assert_string_equal(s.receipt, code);
		assert_int_equal(rcode_parse(s.receipt, code), 0);
		assert_int_equal(spool_find(db, code, &it, &cause), 1);
		assert_string_equal(it.id, s.id);
		spool_item_free(&it);
	}
	assert_int_equal(strncmp(s.receipt, "007-01000002-", 13), 0);
	assert_int_equal(waiting(db), 5);
	assert_int_equal(rcode_parse(first.receipt, code), 0);
	assert_int_equal(spool_find(db, code, &it, &cause), 1);
	assert_string_equal(it.id, first.id);
	spool_item_free(&it);
	formdef_free_one(&f);
	temp_state_close(db, dir, path);
}

static void test_checkout_forms(void **state)
{
	struct problems p = { 0 };
	struct forms fs;
	int procedures = 0, i;

	(void)state;
	formdef_load(&fs, SRCDIR "/screens/forms", &p);
	problems_print(&p, stderr, "  ");
	assert_int_equal(p.n, 0);
	for (i = 0; i < fs.n; i++)
		procedures += strcmp(fs.v[i].kind, "procedure") == 0;
	assert_true(procedures >= 8);
	assert_non_null(formdef_find(&fs, "feedback"));
	assert_true(formdef_find(&fs, "feedback")->anonymous);
	assert_non_null(formdef_find(&fs, "1.001193"));
	formdef_free(&fs);
}

/* The JSON saved for the request with this receipt code. */
static json_t *saved_body(struct db *db, const char *receipt)
{
	struct spool_item it;
	char *cause = NULL;
	json_t *doc;

	assert_int_equal(spool_find(db, receipt, &it, &cause), 1);
	doc = json_loads(it.body, 0, NULL);
	assert_non_null(doc);
	spool_item_free(&it);
	return doc;
}

/* The address as on a scanned ID card travels beside what the villager
 * chose (the 2025 commune), under "as_on_card"; without one, no member. */
static void test_request_keeps_card_address(void **state)
{
	char dir[] = "/tmp/kiosk-oncard-XXXXXX", *path, *cause = NULL;
	struct problems p = { 0 };
	struct config cfg;
	struct form f;
	struct saved s;
	struct db *db = temp_state(dir, &path);
	const char *values[] = { "Nguyễn Văn An", "051185000123", "", "Nam", "02/07/2020" };
	const char *on_card[5] = { NULL, NULL, "Thôn Đông, Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi" };
	json_t *doc;

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(formdef_parse(&f, "k.form", "k", good, &p), 0);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, values, on_card, 1795748400, 1, &s, &cause), 0);
	doc = saved_body(db, s.receipt);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "as_on_card"),
							      "phone")), on_card[2]);
	assert_int_equal(json_object_size(json_object_get(doc, "as_on_card")), 1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "fields"), "phone")),
			    "");
	json_decref(doc);
	assert_int_equal(submit_request(db, &cfg, &f, NULL, values, NULL, 1795748401, 1, &s, &cause), 0);
	doc = saved_body(db, s.receipt);
	assert_null(json_object_get(doc, "as_on_card"));
	json_decref(doc);
	formdef_free_one(&f);
	temp_state_close(db, dir, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_form),
		cmocka_unit_test(test_form_errors),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_date_when),
		cmocka_unit_test(test_receipt_codes),
		cmocka_unit_test(test_submit_is_one_transaction),
		cmocka_unit_test(test_receipts_past_a_million),
		cmocka_unit_test(test_request_keeps_card_address),
		cmocka_unit_test(test_checkout_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
