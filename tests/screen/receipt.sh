# After saving, the receipt: its code on screen, a QR code beside it that a
# phone reads back to the same code (the captured screen turned into an
# image and decoded by zbarimg), and the paper receipt printed by the file
# printer, whose picture zbarimg also reads back to the code. A printer
# that fails keeps the request and says to ask a helper.
. tests/screen/lib.bash
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk
wait_for "4  Phản ánh, kiến nghị"
send 4
wait_for "Phản ánh, kiến nghị · Bước 1/2"
send 1 Enter
send_raw "Ddeenf ddwowngf thoon Ddoong hongr"
send Enter Enter Enter
wait_for "Xem lại trước khi gửi"
send 1
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
code=$(screen_text | grep -oE "[0-9]{3}-[0-9]{6}-[0-9]" | head -n 1)
[ -n "$code" ] || fail "no receipt code"
wait_for "Đã in xong phiếu biên nhận"

# The screen's QR: 15 rows of 29 columns at the right of rows 3 to 17.
screen_text | python3 -c '
import sys
lines = sys.stdin.read().split("\n")[2:17]
sys.stdout.write("".join(l[50:79].ljust(29) + "\n" for l in lines))' >"$TEST_TMP/qr.txt"
python3 tests/cli/escpos_check.py screen dark "$TEST_TMP/qr.pbm" <"$TEST_TMP/qr.txt" ||
	fail "the QR on screen has other characters"
got=$(zbarimg --raw -q -Sbinary "$TEST_TMP/qr.pbm" 2>/dev/null)
[ "$got" = "$code" ] || fail "the QR on screen reads \"$got\", the code is $code"

# The paper receipt.
pbm=$(ls "$TEST_TMP"/printer/*-receipt.pbm | head -n 1)
[ -n "$pbm" ] && [ -s "${pbm%.pbm}.escpos" ] || fail "nothing printed"
got=$(zbarimg --raw -q -Sbinary "$pbm" 2>/dev/null)
[ "$got" = "$code" ] || fail "the printed QR reads \"$got\", the code is $code"

# A printer that cannot print: the request is kept all the same.
send 0
close_terminal
write_config "[printer]" "type = device" "path = $TEST_TMP/no-such-printer"
start_kiosk
wait_for "4  Phản ánh, kiến nghị"
send 4 1 Enter
send_raw "Ddeenf hongr"
send Enter Enter Enter
wait_for "Xem lại trước khi gửi"
send 1
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
wait_for "Máy in chưa in được phiếu."
wait_for "2 hồ sơ chờ gửi"
