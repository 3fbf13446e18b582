/* The booth's printed slips: receipts, queue tickets, payment slips and
 * the test page, laid out for the printer's paper. */
#include "receipt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slip.h"
#include "text.h"
#include "util.h"

/* Dots of blank paper between parts of a slip. */
#define GAP 12

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

char *receipt_vnd(long long amount)
{
	char digits[32], out[48];
	int n, i, o = 0;

	n = snprintf(digits, sizeof digits, "%llu",
		     amount < 0 ? 0ULL - (unsigned long long)amount : (unsigned long long)amount);
	if (amount < 0)
		out[o++] = '-';
	/* Thousands are grouped with dots in Vietnamese. */
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return xprintf("%s đồng", out);
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

void receipt_layout(const struct receipt *r, struct slip *s)
{
	char at[32], due[11];
	int i;

	header(s, r->commune);
	slip_text(s, SLIP_CENTER, 2, 0, "PHIẾU BIÊN NHẬN");
	slip_gap(s, GAP);
	field(s, "Thủ tục:", r->procedure);
	slip_text(s, SLIP_LEFT, 1, 0, "Mã biên nhận:");
	slip_text(s, SLIP_CENTER, 2, 0, r->code != NULL ? r->code : "");
	when(r->submitted, at);
	field(s, "Nộp lúc:", at);
	field(s, "Tại trạm:", r->booth);
	if (r->due.year != 0) {
		date_format(r->due, due);
		field(s, "Hẹn trả kết quả:", due);
	}
	field(s, "Lệ phí:", r->fee);
	if (r->npapers > 0) {
		slip_text(s, SLIP_LEFT, 1, 0, "Mang theo khi đến nhận kết quả:");
		for (i = 0; i < r->npapers; i++) {
			char *item = xprintf(" - %s", r->papers[i]);

			slip_text(s, SLIP_LEFT, 1, 3, item);
			free(item);
		}
	}
	slip_gap(s, GAP);
	slip_qr(s, r->qr != NULL ? r->qr : r->code);
	slip_text(s, SLIP_CENTER, 1, 0, "Quét mã hoặc nhập mã ở trạm để xem kết quả.");
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
	char at[32], *amount = receipt_vnd(p->amount);

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
