# Paying a fee by VietQR, keypad keys only: the receipt code of a request
# saved at this booth finds its procedure and fee; the on-screen QR code,
# captured and read by zbarimg, is a VietQR payload whose CRC and fields an
# independent parser checks (amount = the published fee, purpose = the
# receipt code); the printed payment slip reads back the same. A free
# procedure has nothing to pay, a fee per page is told at the counter (no
# code), an unknown code is refused, and without bank settings payment is
# simply not offered. The code is typed with keypad keys (digits, Enter,
# Backspace) or scanned.
. tests/screen/lib.bash
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
bank=("[payment]" "bank_bin = 970436" "account = 0011004123456"
	"account_name = UBND XA NGHIA HANH" "bank_name = Vietcombank")
write_config "[printer]" "type = file" "path = $TEST_TMP/printer" "${bank[@]}"
./build/kioskctl --config "$KIOSK_CONFIG" check >/dev/null || fail "config"
# Requests saved the way the kiosk saves them: temporary residence (7,000
# dong published for its first channel), birth registration (free),
# certified copies (2,000 dong per page). The first has the longer code of
# a booth past its millionth request.
seed() { ./build/tools/spool_one "$TEST_TMP/var" 107 "$1" "$2" || fail "spool_one $*"; }
paid=$(seed 1000042 1.004194)
[ "${#paid}" = 14 ] || fail "not a long receipt code: $paid"
free=$(seed 43 1.001193)
perpage=$(seed 44 2.000815)
fee=$(sqlite3 build/content/content.db "select c.fee_vnd from channels c join procedures p
	on p.rowid = c.procedure_id where p.code = '1.004194' order by c.seq limit 1")
[ "$fee" -gt 0 ] || fail "no published fee for 1.004194"

# Types a receipt code (without its dashes) on the pay screen.
pay_code() {
	send 6
	wait_for "Gõ mã biên nhận"
	send_raw "${1//-/}"
	send Enter
}

# The QR on screen, the block of half-block characters at the right with
# its quiet zone (2 rows, 4 columns), as an image: $TEST_TMP/qr.pbm.
capture_qr() {
	screen_text | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
cells = [(y, x) for y, l in enumerate(lines) for x, ch in enumerate(l) if ch in "▀▄█" and x >= 30]
if not cells:
    sys.exit("no QR on screen")
y0, y1 = min(y for y, _ in cells) - 2, max(y for y, _ in cells) + 2
x0, x1 = min(x for _, x in cells) - 4, max(x for _, x in cells) + 4
for l in lines[y0:y1 + 1]:
    row = l.ljust(x1 + 1)[x0:x1 + 1]
    print("".join(ch if ch in "▀▄█" else " " for ch in row))' >"$TEST_TMP/qr.txt" ||
		fail "no QR code on screen"
	python3 tests/cli/escpos_check.py screen dark "$TEST_TMP/qr.pbm" <"$TEST_TMP/qr.txt" ||
		fail "the QR on screen has other characters"
}

start_kiosk
wait_for "6  Nộp phí bằng mã QR"
pay_code "$paid"
wait_for "Mã biên nhận:  $paid"
wait_for "Số tiền:  $(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}".replace(",", "."))' "$fee") đồng"
wait_for "Đăng ký tạm trú"
wait_for "Nội dung:  $paid"
wait_for "Mở ứng dụng ngân hàng"

capture_qr
[ "$(wc -l <"$TEST_TMP/qr.txt")" -le 21 ] || fail "the QR takes $(wc -l <"$TEST_TMP/qr.txt") rows"
payload=$(zbarimg --raw -q -Sbinary "$TEST_TMP/qr.pbm" 2>/dev/null)
[ -n "$payload" ] || fail "zbarimg cannot read the QR on screen"
python3 tests/cli/vietqr_parse.py "$payload" >"$TEST_TMP/p.json" || fail "payload $payload: $(cat "$TEST_TMP/p.json")"
[ "$(field amount <"$TEST_TMP/p.json")" = "$fee" ] || fail "amount in $payload, the fee is $fee"
[ "$(field purpose <"$TEST_TMP/p.json")" = "$paid" ] || fail "purpose in $payload, the code is $paid"
[ "$(field bin <"$TEST_TMP/p.json")" = 970436 ] || fail "bank in $payload"
[ "$(field account <"$TEST_TMP/p.json")" = 0011004123456 ] || fail "account in $payload"
[ "$(field method <"$TEST_TMP/p.json")" = 12 ] || fail "a code with an amount is dynamic: $payload"
echo "ok: on screen $payload"

# The slip, printed on request (1), holds the same payload.
[ -z "$(ls "$TEST_TMP/printer" 2>/dev/null)" ] || fail "printed before it was asked"
send 1
wait_for "Đã in xong phiếu nộp phí"
pbm=$(ls "$TEST_TMP"/printer/*-payslip.pbm | head -n 1)
[ -n "$pbm" ] && [ -s "${pbm%.pbm}.escpos" ] || fail "no payment slip printed"
got=$(zbarimg --raw -q -Sbinary "$pbm" 2>/dev/null)
[ "$got" = "$payload" ] || fail "the slip's QR reads \"$got\", the screen's \"$payload\""
send 0
wait_for "6  Nộp phí bằng mã QR"

# A free procedure: nothing to pay, no code.
pay_code "$free"
wait_for "Thủ tục này miễn phí. Bạn không phải nộp tiền."
screen_text | grep -qF -e ▀ -e ▄ -e █ && fail "a QR code for a free procedure"
send 0
# A fee per page: told at the counter, no code with a made-up amount.
pay_code "$perpage"
wait_for "Số tiền cần nộp sẽ do cán bộ một cửa ở xã báo cho bạn."
wait_for "Lệ phí:  2.000 đồng/trang"
screen_text | grep -qF -e ▀ -e ▄ -e █ && fail "a QR code for a fee per page"
send 0
# A typo in the check digit; a code saved at another booth.
pay_code "${paid%-*}-$(( (${paid: -1} + 1) % 10 ))"
wait_for "Mã này chưa đúng."
digits=${paid//-/}
for i in $(seq ${#digits}); do send BSpace; done
other=$(./build/tools/spool_one "$TEST_TMP/other" 108 7 1.004194) || fail "spool_one other"
send_raw "${other//-/}"
send Enter
wait_for "Trạm này không có hồ sơ mang mã này."
screen_text | grep -qF -e ▀ -e ▄ -e █ && fail "a QR code for an unknown request"
# Backspace empties the field, then leaves; the receipt's QR scanned (a
# lookup URL carrying the code, typed fast by the scanner) finds it too.
for i in $(seq 11); do send BSpace; done
wait_for "6  Nộp phí bằng mã QR"
send 6
wait_for "Gõ mã biên nhận"
send_raw "https://dichvucong.example.gov.vn/tra-cuu?ma=$paid"$'\r'
wait_for "Nội dung:  $paid"
close_terminal

# An account written in letters makes a code of 37 modules (23 rows): too
# tall for 80x24 beside the title and footer, so the slip is printed at
# once; a taller terminal shows it.
write_config "[printer]" "type = file" "path = $TEST_TMP/printer" "[payment]" "bank_bin = 970436" \
	"account = ubndxanghiahanhquan" "account_name = UBND XA NGHIA HANH"
rm -rf "$TEST_TMP/printer"
start_kiosk
wait_for "6  Nộp phí bằng mã QR"
pay_code "$paid"
wait_for "mã được in trên phiếu nộp phí"
wait_for "Đã in xong phiếu nộp phí"
screen_text | grep -qF -e ▀ -e ▄ -e █ && fail "a QR code cut by the screen"
got=$(zbarimg --raw -q -Sbinary "$TEST_TMP"/printer/*-payslip.pbm 2>/dev/null)
python3 tests/cli/vietqr_parse.py "$got" >"$TEST_TMP/p.json" || fail "slip payload $got"
[ "$(field account <"$TEST_TMP/p.json")" = ubndxanghiahanhquan ] || fail "account in $got"
[ "$(field purpose <"$TEST_TMP/p.json")" = "$paid" ] || fail "purpose in $got"
close_terminal
rm -rf "$TEST_TMP/printer"
start_kiosk 100 30
wait_for "6  Nộp phí bằng mã QR"
pay_code "$paid"
wait_for "Mở ứng dụng ngân hàng"
capture_qr
[ "$(zbarimg --raw -q -Sbinary "$TEST_TMP/qr.pbm" 2>/dev/null)" = "$got" ] ||
	fail "the QR on a 100x30 screen is not the slip's"
[ -z "$(ls "$TEST_TMP/printer" 2>/dev/null)" ] || fail "printed though the screen shows the code"
close_terminal

# No bank settings: payment is not offered, and nothing crashes.
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk
wait_for "6  Nộp phí bằng mã QR"
send 6
wait_for "Trạm này chưa nhận nộp phí bằng mã QR."
screen_text | grep -q "Gõ mã biên nhận" && fail "asks for a code without bank settings"
screen_text | grep -qF -e ▀ -e ▄ -e █ && fail "a QR code without bank settings"
send 0
wait_for "1  Tìm thủ tục"
kiosk_running || fail "the kiosk exited"
