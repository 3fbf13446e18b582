# "Nộp phí ngay" right after saving: a request whose procedure publishes a
# plain fee, on a booth with bank settings, shows the fee not paid yet and
# a button (key 6) that opens the VietQR pay screen for that receipt, the
# same code and amount; back returns to the saved request. A free
# procedure, or a booth without bank settings, offers nothing to pay.
# The booth's content has two one-field forms (temporary residence, 7,000
# dong; birth registration, free), so the test stays short.
. tests/screen/lib.bash
content=$TEST_TMP/content
mkdir -p "$content/screens/forms"
for f in assets locale content.db; do ln -s "$PWD/build/content/$f" "$content/$f"; done
for f in home.screen helper.screen queue.counters forms/feedback.form; do
	ln -s "$PWD/screens/$f" "$content/screens/$f"
done
# form FILE TITLE CODE: a form of one name field for procedure CODE.
form() {
	printf 'title      %s\nprocedure  %s\nstep       Người nộp\nfield      requester_name  name  required  Họ và tên\n' \
		"$2" "$3" >"$content/screens/forms/$1.form"
}
form 10-tam-tru "Đăng ký tạm trú" 1.004194
form 20-khai-sinh "Đăng ký khai sinh" 1.001193
export CONTENT_DIR=$content
bank=("[payment]" "bank_bin = 970436" "account = 0011004123456" "account_name = UBND XA HANH DUC")

# submit KEY: saves the form chosen by KEY with a name; sets code.
submit() {
	wait_for "3  Nộp hồ sơ, yêu cầu"
	send 3
	wait_for "2  Đăng ký khai sinh"
	send "$1"
	wait_for "Bước 1/1"
	send_raw "Tran Van An"
	wait_for "[Tran Van An"
	send Enter
	wait_for "Xem lại trước khi gửi"
	send 1
	wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
	code=$(receipt_code)
	[ -n "$code" ] || fail "no receipt code"
}

write_config "[printer]" "type = file" "path = $TEST_TMP/printer" "${bank[@]}"
./build/kioskctl --config "$KIOSK_CONFIG" check >/dev/null || fail "config: $(./build/kioskctl --config "$KIOSK_CONFIG" check 2>&1)"
start_kiosk
submit 1
wait_for "Lệ phí: 7.000 đồng · chưa nộp"
wait_for "6  Nộp phí ngay"
wait_for "Bấm 6 để nộp phí, 0 để về trang chủ"
send 6
wait_for "Nội dung:  $code"
wait_for "Số tiền:  7.000 đồng"
wait_for "Đăng ký tạm trú"
wait_for "Mở ứng dụng ngân hàng, quét mã QR"
send 0
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
wait_for "Mã biên nhận:  $code"
send 0
# A free procedure: nothing to pay.
submit 2
wait_for "Bấm 0 để về trang chủ"
screen_text | grep -q "Nộp phí ngay\|Lệ phí:" && fail "a free procedure offers to pay"
send 6
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
screen_text | grep -q "Gõ mã biên nhận\|Số tiền" && fail "6 opened the pay screen"
send 0
close_terminal

# No bank settings: the booth cannot take the fee, and says nothing of it.
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk
submit 1
wait_for "Bấm 0 để về trang chủ"
screen_text | grep -q "Nộp phí ngay" && fail "a booth without bank settings offers to pay"
send 0
echo "ok: pay now $code"
