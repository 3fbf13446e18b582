/* The booth's printed slips: receipts, queue tickets, payment slips and
 * the test page, laid out for the printer's paper. */
#include "receipt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "slip.h"
#include "text.h"
#include "util.h"

/* Dots of blank paper between parts of a slip. */
#define GAP 12

const char receipt_see_list[] = "Xem danh sách đầy đủ ở trạm hoặc hỏi cán bộ";

const char receipt_test_text[] =
	"Trạm dịch vụ công: in thử. Nguyễn Thị Kim Thư, Đắk Lắk, Quảng Ngãi, Hà Nội.";

char *receipt_qr_payload(const char *lookup_url, const char *code)
{
	static const char hex[] = "0123456789ABCDEF";
	char *enc, *out, *p;
	const char *at;
	size_t i, o = 0, n = strlen(code), elen, count = 0;

	if (lookup_url == NULL || *lookup_url == '\0')
		return xstrdup(code);
	enc = xmalloc(3 * n + 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)code[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			enc[o++] = (char)c;
		} else {
			enc[o++] = '%';
			enc[o++] = hex[c >> 4];
			enc[o++] = hex[c & 15];
		}
	}
	enc[o] = '\0';
	elen = o;
	for (at = lookup_url; (at = strstr(at, "{code}")) != NULL; at += 6)
		count++;
	out = p = xmalloc(strlen(lookup_url) + count * elen + 1);
	for (at = lookup_url; *at != '\0';) {
		if (strncmp(at, "{code}", 6) == 0) {
			memcpy(p, enc, elen);
			p += elen;
			at += 6;
		} else {
			*p++ = *at++;
		}
	}
	*p = '\0';
	free(enc);
	return out;
}

const char *receipt_qr_code(const char *scanned)
{
	const char *code = scanned, *p;

	if ((p = strrchr(code, '=')) != NULL)
		code = p + 1;
	if ((p = strrchr(code, '/')) != NULL)
		code = p + 1;
	if ((p = strrchr(code, '#')) != NULL)
		code = p + 1;
	return code;
}

/* "08:21 27/11/2026" in the system's time zone, or "chưa rõ giờ" for 0
 * (the booth's clock was not set). */
static void when(time_t t, char out[32])
{
	struct tm tm;

	if (t == 0)
		snprintf(out, 32, "chưa rõ giờ");
	else if (localtime_r(&t, &tm) == NULL || strftime(out, 32, "%H:%M %d/%m/%Y", &tm) == 0)
		snprintf(out, 32, "?");
}

/* The header every slip starts with: "UBND XÃ HÀNH ĐỨC". */
static void header(struct slip *s, const char *commune)
{
	char *up = text_upper(commune != NULL ? commune : "");
	char *line = xprintf("UBND %s", up != NULL ? up : commune);

	slip_text(s, SLIP_CENTER, 1, 0, line);
	free(line);
	free(up);
}

/* Adds "label value" wrapped, continuation lines indented; nothing when
 * there is no value. */
static void field(struct slip *s, const char *label, const char *value)
{
	char *line;

	if (value == NULL || *value == '\0')
		return;
	line = xprintf("%s %s", label, value);

	slip_text(s, SLIP_LEFT, 1, 2, line);
	free(line);
}

/* Lines a paper's name takes after "- " on a slip of cols cells. */
static int paper_lines(const char *name, int cols)
{
	return text_width(name) + 2 <= cols ? 1 : 2;
}

/* How many of the n names fit in RECEIPT_PAPER_LINES lines, with one line
 * left for receipt_see_list when *more (set when not all fit). */
static int papers_fitting(const char *const *names, int n, int complete, int cols, int *more)
{
	int used = 0, i;

	for (i = 0; i < n; i++)
		used += paper_lines(names[i], cols);
	*more = !complete || n == 0 || used > RECEIPT_PAPER_LINES;
	if (!*more)
		return n;
	for (used = 0, i = 0; i < n && used + paper_lines(names[i], cols) <= RECEIPT_PAPER_LINES - 1; i++)
		used += paper_lines(names[i], cols);
	return i;
}

/* The papers to bring, as short names under a dash. */
static void papers(struct slip *s, const char *const *names, int n, int complete)
{
	int more, fit = papers_fitting(names, n, complete, s->cols, &more), i;

	slip_text(s, SLIP_LEFT, 1, 0, "Mang theo khi đến nhận kết quả:");
	for (i = 0; i < fit; i++) {
		char *item = xprintf("- %s", names[i]);

		slip_text(s, SLIP_LEFT, 1, 2, item);
		free(item);
	}
	if (more)
		slip_text(s, SLIP_LEFT, 1, 2, receipt_see_list);
}

/* "Hẹn trả kết quả:" with the date, "trong ngày" or "cán bộ sẽ báo". */
static void due_line(struct slip *s, const struct receipt *r)
{
	char due[11];
	struct date on = date_of(r->submitted);

	if (r->due.year == 0) {
		field(s, "Hẹn trả kết quả:", "cán bộ sẽ báo");
		return;
	}
	date_format(r->due, due);
	if (r->submitted != 0 && on.year == r->due.year && on.month == r->due.month && on.day == r->due.day)
		field(s, "Hẹn trả kết quả:", "trong ngày");
	else
		field(s, "Hẹn trả kết quả:", due);
}

void receipt_layout(const struct receipt *r, struct slip *s)
{
	char at[32], *line;

	header(s, r->commune);
	if (r->booth != NULL && *r->booth != '\0') {
		line = xprintf("Trạm %s", r->booth);
		slip_text(s, SLIP_CENTER, 1, 0, line);
		free(line);
	}
	slip_text(s, SLIP_CENTER, 2, 0, "PHIẾU BIÊN NHẬN");
	if (r->procedure != NULL)
		slip_text(s, SLIP_CENTER, 1, 0, r->procedure);
	slip_text(s, SLIP_CENTER, 2, 0, r->code != NULL ? r->code : "");
	field(s, "Người nộp:", r->name);
	when(r->submitted, at);
	field(s, "Nộp lúc:", at);
	if (!r->feedback)
		due_line(s, r);
	if (r->fee != NULL) {
		line = xprintf("%s%s", r->fee, strcmp(r->fee, "Miễn phí") != 0 ? " (chưa nộp)" : "");
		field(s, "Lệ phí:", line);
		free(line);
	}
	if (!r->feedback)
		papers(s, r->papers, r->npapers, r->papers_complete);
	slip_gap(s, GAP);
	slip_qr(s, r->qr != NULL ? r->qr : r->code);
	slip_text(s, SLIP_CENTER, 1, 0, "Quét mã hoặc nhập mã ở trạm để xem kết quả.");
}

/* Most lines of other papers on a checklist, and of one of them. */
#define CHECKLIST_OTHER_LINES 40
#define CHECKLIST_PAPER_LINES 2

/* Ends a laid-out line with "..." within cols cells (a cut text). */
static void line_ellipsis(struct slip_line *l, int cols)
{
	char *cut;

	l->text[text_fit(l->text, cols - 3)] = '\0';
	cut = xprintf("%s...", l->text);
	free(l->text);
	l->text = cut;
}

/* One published paper on a checklist, cut to CHECKLIST_PAPER_LINES lines;
 * returns the lines it took. */
static int other_paper(struct slip *s, const char *text)
{
	int first = s->n, i;
	char *item = xprintf("- %s", text);

	slip_text(s, SLIP_LEFT, 1, 2, item);
	free(item);
	if (s->n - first > CHECKLIST_PAPER_LINES) {
		for (i = first + CHECKLIST_PAPER_LINES; i < s->n; i++)
			free(s->lines[i].text);
		s->n = first + CHECKLIST_PAPER_LINES;
		line_ellipsis(&s->lines[s->n - 1], s->cols);
	}
	return s->n - first;
}

void checklist_layout(const struct checklist *c, struct slip *s)
{
	char at[32];
	int i, lines = 0;

	header(s, c->commune);
	slip_text(s, SLIP_CENTER, 2, 0, "GIẤY TỜ CẦN MANG");
	slip_text(s, SLIP_CENTER, 1, 0, c->procedure);
	slip_rule(s);
	field(s, "Lệ phí:", c->fee);
	field(s, "Thời gian giải quyết:", c->time);
	field(s, "Nộp tại:", c->where);
	slip_rule(s);
	for (i = 0; i < c->nnames; i++) {
		char *item = xprintf("- %s", c->names[i]);

		slip_text(s, SLIP_LEFT, 1, 2, item);
		free(item);
	}
	if (!c->complete && c->nothers > 0) {
		slip_text(s, SLIP_LEFT, 1, 0, "Tùy trường hợp, có thể cần thêm:");
		for (i = 0; i < c->nothers && lines < CHECKLIST_OTHER_LINES; i++)
			lines += other_paper(s, c->others[i]);
	}
	if (!c->complete)
		slip_text(s, SLIP_LEFT, 1, 0, "Hỏi cán bộ một cửa để biết đủ giấy tờ.");
	slip_gap(s, GAP);
	slip_qr(s, c->qr);
	slip_text(s, SLIP_CENTER, 1, 0, "Quét mã để xem thủ tục đầy đủ.");
	when(c->when, at);
	slip_text(s, SLIP_CENTER, 1, 0, at);
}

void ticket_layout(const struct ticket *t, struct slip *s)
{
	char number[16], at[32], *ahead;

	header(s, t->commune);
	slip_text(s, SLIP_CENTER, 1, 0, "SỐ THỨ TỰ");
	slip_text(s, SLIP_CENTER, 1, 0, t->counter);
	slip_gap(s, GAP);
	snprintf(number, sizeof number, "%d", t->number);
	slip_box(s, 4, number);
	slip_gap(s, GAP);
	if (t->ahead > 0)
		ahead = xprintf("Trước bạn còn %d người", t->ahead);
	else
		ahead = xstrdup("Không có ai trước bạn");
	slip_text(s, SLIP_CENTER, 1, 0, ahead);
	free(ahead);
	when(t->issued, at);
	slip_text(s, SLIP_CENTER, 1, 0, at);
}

void payslip_layout(const struct payslip *p, struct slip *s)
{
	char at[32], *amount = money_text(NULL, 0, p->amount, NULL);

	header(s, p->commune);
	slip_text(s, SLIP_CENTER, 2, 0, "NỘP LỆ PHÍ");
	slip_gap(s, GAP);
	field(s, "Thủ tục:", p->procedure);
	field(s, "Mã biên nhận:", p->code);
	slip_text(s, SLIP_LEFT, 1, 0, "Số tiền:");
	slip_text(s, SLIP_CENTER, 2, 0, amount);
	field(s, "Ngân hàng:", p->bank);
	field(s, "Số tài khoản:", p->account);
	field(s, "Chủ tài khoản:", p->account_name);
	field(s, "Nội dung chuyển khoản:", p->code);
	slip_gap(s, GAP);
	slip_qr_plain(s, p->qr);
	slip_text(s, SLIP_CENTER, 1, 0, "Mở ứng dụng ngân hàng, quét mã để chuyển khoản.");
	when(p->when, at);
	slip_text(s, SLIP_CENTER, 1, 0, at);
	free(amount);
}

void testpage_layout(const char *commune, const char *booth, time_t now, struct slip *s)
{
	char at[32], *line;

	header(s, commune);
	slip_text(s, SLIP_CENTER, 2, 0, "IN THỬ");
	when(now, at);
	line = xprintf("Trạm %s, %s", booth, at);
	slip_text(s, SLIP_CENTER, 1, 0, line);
	free(line);
	slip_rule(s);
	slip_text(s, SLIP_LEFT, 1, 0,
		  "a á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ đ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ "
		  "i í ì ỉ ĩ ị o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ "
		  "u ú ù ủ ũ ụ ư ứ ừ ử ữ ự y ý ỳ ỷ ỹ ỵ");
	slip_text(s, SLIP_LEFT, 1, 0, "Ấ Ầ Ẩ Ẫ Ậ Đ Ế Ề Ể Ễ Ệ Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ứ Ừ Ử Ữ Ự Ỹ");
	slip_text(s, SLIP_LEFT, 1, 0, "Trăm năm trong cõi người ta, chữ tài chữ mệnh khéo là ghét nhau.");
	slip_text(s, SLIP_LEFT, 2, 0, "Cỡ chữ lớn: Hẹn trả");
	slip_box(s, 2, "0123456789");
	slip_rule(s);
	slip_qr(s, receipt_test_text);
	slip_text(s, SLIP_CENTER, 1, 0, "Mã QR trên chứa chữ tiếng Việt có dấu.");
}
