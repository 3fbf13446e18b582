# After saving, the receipt: its code on screen, a QR code beside it that a
# phone reads back to the same code (the captured screen turned into an
# image and decoded by zbarimg), and the paper receipt printed by the file
# printer, whose picture zbarimg reads back to the National Public Service
# Portal's lookup page with the code (the default lookup_url). A printer
# that fails keeps the request and says to ask a helper.
. tests/screen/lib.bash
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk
wait_for "4  Phản ánh, kiến nghị"
send 4
wait_for "Phản ánh, kiến nghị · Bước 1/2"
send 1 Enter
send_raw "Ddeenf ddwowngf thoon Ddoong hongr"
wait_for "Đền đường thôn Đông hỏng" # (12 keys and Enter at once look like a scan)
send Enter Enter Enter
wait_for "Xem lại trước khi gửi"
send 1
wait_saved

# The QR on screen.
check_screen_qr "$code"

# The paper receipt.
pbm=$(ls "$TEST_TMP"/printer/*-receipt.pbm | head -n 1)
[ -n "$pbm" ] && [ -s "${pbm%.pbm}.escpos" ] || fail "nothing printed"
got=$(zbarimg --raw -q -Sbinary "$pbm" 2>/dev/null)
want="https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html#$code"
[ "$got" = "$want" ] || fail "the printed QR reads \"$got\", expected $want"

# A printer that cannot print: the request is kept all the same.
send 0
close_terminal
write_config "[printer]" "type = device" "path = $TEST_TMP/no-such-printer"
start_kiosk
wait_for "4  Phản ánh, kiến nghị"
send 4 1 Enter
send_raw "Ddeenf hongr"
wait_for "Đền hỏng"
send Enter Enter Enter
wait_for "Xem lại trước khi gửi"
send 1
wait_for "ĐÃ GHI NHẬN Ý KIẾN CỦA BẠN"
wait_for "Máy in chưa in được phiếu."
wait_for "2 hồ sơ chờ gửi"
