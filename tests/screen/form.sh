# A request from start to saved, on a keyboard booth: the name typed in
# Telex shows with all its marks, a wrong value gets its message under the
# field, the review shows every answer, and only after saving does the
# screen say so; state.db then holds exactly that request, once, with its
# upload bytes. Back from the receipt goes home, never to the form.
. tests/screen/lib.bash
start_kiosk
wait_for "3  Nộp hồ sơ, yêu cầu"
send 3
wait_for "1  Đăng ký khai sinh"
send 1
wait_for "Đăng ký khai sinh · Bước 1/2: Người đi khai"
send_raw "Nguyeenx Thij Bichs Ra"
wait_for "[Nguyễn Thị Bích Ra"
send Enter
send_raw "05118500012"
send Enter
wait_for "Số CCCD gồm đúng 12 chữ số."
send_raw "3"
wait_gone "Số CCCD gồm đúng 12 chữ số."
send Enter
send_raw "31021985"
send Enter
wait_for "Ngày này không có thật."
for i in 1 2 3 4 5 6 7 8 9 10; do send BSpace; done
send_raw "02071985"
send Enter
send_raw "090512345"
send Enter
wait_for "Số điện thoại cần đủ 10 chữ số, bắt đầu bằng 0."
send_raw "6"
send Enter
send Enter
wait_for "Xin chọn một trong các ô."
send 2
send Enter
wait_for "Bước 2/2: Trẻ được khai sinh"
send_raw "Nguyeenx Vawn An"
# (wait: 12 keys and Enter in one read would be taken for a scanner)
wait_for "[Nguyễn Văn An"
send Enter
send_raw "01012025"
send Enter 1 Enter
send_raw "Tramj y tees xax"
wait_for "[Trạm y tế xã"
send Enter
# The place: what was typed, then the province and the commune picked.
wait_for "Chọn tỉnh, thành phố"
send_raw "ha tinh"
wait_for "1  Tỉnh Hà Tĩnh"
send 1
wait_for "Chọn xã, phường, đặc khu"
send_raw "thach ha"
wait_for "1  Xã Thạch Hà"
send 1
wait_for "Xem lại trước khi gửi"
for want in "Nguyễn Thị Bích Ra" "051185000123" "02/07/1985" "0905123456" "Mẹ" \
	"Nguyễn Văn An" "01/01/2025" "Nam" "Trạm y tế xã, Xã Thạch Hà, Tỉnh Hà Tĩnh"; do
	screen_text | grep -qF "$want" || fail "the review lacks $want"
done
# Nothing is saved before "send".
python3 - "$TEST_TMP/var/state.db" <<'PY' || fail "a request was saved before it was sent"
import sqlite3, sys
assert sqlite3.connect(sys.argv[1]).execute("select count(*) from submissions").fetchone()[0] == 0
PY
send 1
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
code=$(screen_text | grep -oE "Mã biên nhận:  [0-9]{3}-[0-9]{6}-[0-9]" | grep -oE "[0-9]{3}-[0-9]{6}-[0-9]")
[ -n "$code" ] || fail "no receipt code on screen"
python3 - "$TEST_TMP/var/state.db" "$code" <<'PY' || fail "state.db does not hold the request as shown"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select id, receipt, kind, procedure_code, body, state from submissions").fetchall()
assert len(rows) == 1, rows
id_, receipt, kind, code, body, state = rows[0]
assert receipt == sys.argv[2] and kind == "procedure" and code == "1.001193" and state == "waiting", rows
doc = json.loads(body)
assert doc["id"] == id_ and doc["receipt"] == receipt and doc["procedure_code"] == "1.001193"
f = doc["fields"]
assert f["requester_name"] == "Nguyễn Thị Bích Ra" and f["requester_id"] == "051185000123", f
assert f["child_name"] == "Nguyễn Văn An" and f["child_sex"] == "Nam" and f["relation"] == "Mẹ", f
assert f["birth_place"] == "Trạm y tế xã, Xã Thạch Hà, Tỉnh Hà Tĩnh", f
PY
# The footer counts it; a rating is kept; 0 goes home, not back to the form.
wait_for "1 hồ sơ chờ gửi"
send 4
wait_for "Cảm ơn bạn đã góp ý!"
python3 - "$TEST_TMP/var/state.db" "$code" <<'PY' || fail "the rating was not kept"
import sqlite3, sys
assert sqlite3.connect(sys.argv[1]).execute("select rating from ratings where receipt = ?", (sys.argv[2],)).fetchone() == (4,)
PY
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
