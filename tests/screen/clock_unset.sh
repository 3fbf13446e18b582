# A booth whose clock was never set (no real-time clock, no network yet):
# the title row says "chưa rõ giờ" instead of a day in 1972, a request is
# still saved, its receipt screen says its time is not known, and state.db
# keeps it flagged, with no 1970s date in what goes to the server. A date
# of birth is not refused as "in the future" by a clock in the past.
. tests/screen/lib.bash
. tests/faketime.bash
lib=$FAKETIME_LIB
KIOSK_ENV="LD_PRELOAD=$lib FAKETIME=-20000d FAKETIME_DONT_FAKE_MONOTONIC=1"
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk
wait_for "4  Phản ánh, kiến nghị"
screen_text | head -n 1 | grep -q "chưa rõ giờ" || fail "the title row does not say the time is unknown"
screen_text | head -n 1 | grep -qE "[0-9]{2}/[0-9]{2} +[0-9]{2}:[0-9]{2}" && fail "a time from a clock that is not set"
send 4
wait_for "Phản ánh, kiến nghị · Bước 1/2"
send 1 Enter
send_raw "Ddeenf ddwowngf thoon Ddoong hongr"
wait_for "Đền đường thôn Đông hỏng" # (typing and Enter in one read look like a scan)
send Enter Enter Enter
wait_for "Xem lại trước khi gửi"
send 1
wait_for "ĐÃ GHI NHẬN Ý KIẾN CỦA BẠN"
wait_for "Gửi lúc:  chưa rõ giờ"
screen_text | grep -q "197[0-9]" && fail "a 1970s date on the receipt screen"
python3 - "$TEST_TMP/var/state.db" <<'PY' || fail "state.db does not flag the unknown time"
import json, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("select time_known, body from submissions").fetchall()
assert len(rows) == 1, rows
known, body = rows[0]
assert known == 0, rows
assert json.loads(body)["created_at"] is None, body
PY
wait_for "Đã in xong phiếu biên nhận"
send 0
wait_for "3  Nộp hồ sơ, yêu cầu"

# A date of birth in 1985 is not "in the future" of a clock stuck in 1972:
# the form takes it and moves on to the phone number.
send 3
wait_for "1  Đăng ký khai sinh"
send 1
wait_for "Bước 1/2: Người đi khai"
send_raw "Nguyeenx Thij Bichs Ra"
wait_for "[Nguyễn Thị Bích Ra"
send Enter
send_raw "051185000123"
# (wait: 12 keys and Enter in one read would be taken for a scanner)
wait_for "[051185000123"
send Enter
send_raw "02071985"
send Enter
send_raw "0905123456"
wait_for "[0905123456"
screen_text | grep -q "Ngày này chưa tới" && fail "a real date refused by a clock that is not set"
wait_for "[02/07/1985"

# A queue ticket says its time is not known either.
close_terminal
start_kiosk
wait_for "5  Lấy số thứ tự"
send 5
wait_for "1  Tư pháp - Hộ tịch"
send 1
wait_for "SỐ THỨ TỰ CỦA BẠN"
wait_for "chưa rõ giờ"
screen_text | grep -q "197[0-9]" && fail "a 1970s date on the ticket"
echo ok
