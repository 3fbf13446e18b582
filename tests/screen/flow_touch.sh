# A whole request on a touch-screen booth without keys: from home to the
# receipt and the rating by touches only (the on-screen keyboard for
# words, the pad of digits for numbers, the address picker's matches),
# then its status looked up by the receipt code touched in. Each "Xong"
# or "Tiếp" opens the next field's keyboard or pad with no extra touch,
# and "Tiếp theo ▶" goes to the next step.
# The saved request holds what was touched in, and the QR on screen reads
# back to the receipt code.
. tests/screen/lib.bash
write_config "[ui]" "input = touch" "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk

# Touches each on-screen key named in turn.
keys() {
	local k
	for k in "$@"; do tap_key "$k"; done
}

wait_for "3  Nộp hồ sơ, yêu cầu"
touch_text "Nộp hồ sơ, yêu cầu"
wait_for "Xác nhận thông tin cư trú"
touch_text "Xác nhận thông tin cư trú"
wait_for "Bước 1/2: Người xin xác nhận"

# Họ và tên on the keyboard: letters, then the tone after the word.
touch_text "Họ và tên"
wait_for "Dấu cách"
keys l ê "Dấu cách" v ă n "Dấu cách" t a m sắc
wait_for "[Lê Văn Tám▌"
keys Xong
# Xong opens the next field's pad of digits at once; the field being typed
# shows beside the pad, never under it, and its Tiếp opens the next one.
wait_for "Số CCCD"
keys 0 0 1 0 9 0 0 1 2 3 4 5
wait_for "Số CCCD                   [001090012345▌"
tap_key "Tiếp"
wait_for "Ngày sinh                 [▌"
keys 1 5 0 3 1 9 9 0
wait_for "Ngày sinh                 [15031990▌"
tap_key "Tiếp"
wait_for "Số điện thoại             [▌"
# "Tiếp theo ▶" goes to the next step: here through the picker of the
# step's address (Nơi cư trú), which is still to be chosen.
touch_text "Tiếp theo ▶"
wait_for "Gõ tên tỉnh hoặc thành phố"
# The picker: the keyboard, then a touch on the match.
touch_text "chạm vào đây để gõ"
wait_for "Dấu cách"
keys q u a n g Xong
wait_for "Tỉnh Quảng Ngãi"
touch_text "Tỉnh Quảng Ngãi"
wait_for "Tỉnh Quảng Ngãi · gõ tên xã, phường:"
touch_text "chạm vào đây để gõ"
wait_for "Dấu cách"
keys n g h i a Xong
wait_for "Xã Nghĩa Hành"
touch_text "Xã Nghĩa Hành"
wait_for "Bước 2/2: Mục đích"
# The step's first field has its keyboard open already.
wait_for "Dấu cách"
screen_text | grep -qF "Dùng giấy này để làm gì" || fail "the keyboard hides the field it types"
keys v a y "Dấu cách" v ô n sắc
wait_for "[vay vốn▌"
keys Xong
wait_for "Xem lại trước khi gửi"
wait_for "15/03/1990"
wait_for "Xã Nghĩa Hành, Tỉnh Quảng Ngãi"
touch_text "Gửi hồ sơ"
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
code=$(receipt_code)
[ -n "$code" ] || fail "no receipt code"
check_screen_qr "$code"

# The rating: one touch on 4.
wait_for "Bạn hài lòng không?"
tap_key 4
wait_for "Cảm ơn bạn đã góp ý!"
touch_text "Về trang chủ"
wait_for "1  Tìm thủ tục, giấy tờ cần mang"

# Its status, the code touched in on the pad of digits.
touch_text "Xem kết quả hồ sơ"
touch_text "chạm vào đây để gõ"
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
