# A whole request on a touch-screen booth without keys: from home to the
# receipt and the rating by touches only (the on-screen keyboard for
# words, the pad of digits for numbers, the address picker's matches),
# then its status looked up by the receipt code touched in.
# The saved request holds what was touched in, and the QR on screen reads
# back to the receipt code.
. tests/screen/lib.bash
write_config "[ui]" "input = touch" "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk

# Touches the first place TEXT is shown.
touch() {
	local r c
	r=$(row_of "$1")
	[ -n "$r" ] || fail "\"$1\" is not on screen"
	c=$(col_of "$1")
	tap "$r" "$c"
	sleep 0.15
}

# Touches each on-screen key named in turn.
keys() {
	local k
	for k in "$@"; do tap_key "$k"; done
}

wait_for "3  Nộp hồ sơ, yêu cầu"
touch "Nộp hồ sơ, yêu cầu"
wait_for "Xác nhận thông tin cư trú"
touch "Xác nhận thông tin cư trú"
wait_for "Bước 1/2: Người xin xác nhận"

# Họ và tên on the keyboard: letters, then the tone after the word.
touch "Họ và tên"
wait_for "Dấu cách"
keys l ê "Dấu cách" v ă n "Dấu cách" t a m sắc
wait_for "[Lê Văn Tám▌"
keys Xong
# The numbers on the pad of digits; OK moves on.
wait_for "Số CCCD"
touch "Số CCCD"
keys 0 0 1 0 9 0 0 1 2 3 4 5
wait_for "[001090012345▌"
touch "Ngày sinh"
keys 1 5 0 3 1 9 9 0
wait_for "[15031990▌"
# Nơi cư trú: the keyboard for a hamlet or street (none here), then Xong
# opens the picker.
touch "Nơi cư trú"
wait_for "Dấu cách"
keys Xong
wait_for "Gõ tên tỉnh hoặc thành phố"
# The picker: the keyboard, then a touch on the match.
touch "chạm vào đây để gõ"
wait_for "Dấu cách"
keys q u a n g Xong
wait_for "Tỉnh Quảng Ngãi"
touch "Tỉnh Quảng Ngãi"
wait_for "Tỉnh Quảng Ngãi · gõ tên xã, phường:"
touch "chạm vào đây để gõ"
wait_for "Dấu cách"
keys n g h i a Xong
wait_for "Xã Nghĩa Hành"
touch "Xã Nghĩa Hành"
wait_for "Bước 2/2: Mục đích"
touch "Dùng giấy này để làm gì"
wait_for "Dấu cách"
keys v a y "Dấu cách" v ô n sắc
wait_for "[vay vốn▌"
keys Xong
wait_for "Xem lại trước khi gửi"
wait_for "15/03/1990"
wait_for "Xã Nghĩa Hành, Tỉnh Quảng Ngãi"
touch "Gửi hồ sơ"
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
code=$(receipt_code)
[ -n "$code" ] || fail "no receipt code"
check_screen_qr "$code"

# The rating: one touch on 4.
wait_for "Bạn hài lòng không?"
tap_key 4
wait_for "Cảm ơn bạn đã góp ý!"
touch "Về trang chủ"
wait_for "1  Tìm thủ tục, giấy tờ cần mang"

# Its status, the code touched in on the pad of digits.
touch "Xem kết quả hồ sơ"
touch "chạm vào đây để gõ"
wait_for "Xong"
for d in $(echo "${code//-/}" | grep -o .); do tap_key "$d"; done
tap_key Xong
wait_for "Hồ sơ đã lưu ở trạm này, đang chờ gửi lên xã."

python3 - "$TEST_TMP/var/state.db" "$code" <<'PY' || fail "the saved request differs"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select body from submissions where receipt = ?", (sys.argv[2],)).fetchall()
assert len(rows) == 1, rows
values = json.dumps(json.loads(rows[0][0]), ensure_ascii=False)
for want in ["Lê Văn Tám", "001090012345", "15/03/1990", "Xã Nghĩa Hành, Tỉnh Quảng Ngãi",
             "vay vốn"]:
    assert want in values, (want, values)
assert db.execute("select rating from ratings where receipt = ?", (sys.argv[2],)).fetchone()[0] == 4
PY
