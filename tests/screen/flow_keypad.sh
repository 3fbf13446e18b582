# A whole request on a booth with only a numeric keypad: from home to the
# receipt, every field typed with the twelve keys (names and words by
# multi-tap and syllable choices, digits as they are, the address picker
# spelled the same way), then the rating. The saved request holds what was
# typed, and the QR on screen and on paper reads back to the receipt code.
. tests/screen/lib.bash
write_config "[ui]" "input = keypad" "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk

# The number of the numbered choice WORD on screen ("1 Lê   2 Le ...").
choice_of() {
	screen_text | python3 -c '
import re, sys
for line in sys.stdin:
    for m in re.finditer(r"(?<!\S)(\d) +(\S.*?)(?=  |$)", line.strip()):
        if m.group(2).strip() == sys.argv[1]:
            print(m.group(1)); sys.exit(0)
sys.exit(1)' "$1" || fail "no choice \"$1\""
}

# Spells KEYS (multi-tap digits, 1 between two letters on one key), asks
# for the syllables with # and takes WORD.
word() {
	local keys=$1 want=$2 spelled=$3
	send $keys
	wait_for "Đang gõ: $spelled"
	send '#'
	wait_for "$want"
	send "$(choice_of "$want")"
}

wait_for "3  Nộp hồ sơ, yêu cầu"
send 3
wait_for "9  Xác nhận thông tin cư trú"
send 9
wait_for "Bước 1/2: Người xin xác nhận"

# Họ và tên: Lê Văn Tám (0 is a space).
word "5 5 5 1 3 3" "Lê" le
send 0
word "8 8 8 2 6 6" "Văn" van
send 0
word "8 2 6" "Tám" tam
wait_for "[Lê Văn Tám▌"
send '#'
# Số CCCD, ngày sinh, số điện thoại: digits as they are, # for the next.
send 0 0 1 0 9 0 0 1 2 3 4 5
wait_for "[001090012345▌"
send '#'
send 1 5 0 3 1 9 9 0 '#'
wait_for "[15/03/1990"
send 0 9 1 2 3 4 5 6 7 8
wait_for "[0912345678▌"
send '#'
# Nơi cư trú: # opens the picker; the province, then the commune.
send '#'
wait_for "Gõ tên tỉnh hoặc thành phố"
word "7 7 8 8 2 6 6 4" "quang" quang
wait_for "Tỉnh Quảng Ngãi"
send '#'
send "$(screen_text | sed -n 's/^ *\([1-9]\)  Tỉnh Quảng Ngãi$/\1/p')"
wait_for "Tỉnh Quảng Ngãi · gõ tên xã, phường:"
word "6 6 4 1 4 4 1 4 4 4 2" "nghia" nghia
wait_for "Xã Nghĩa Hành"
send '#'
send "$(screen_text | sed -n 's/^ *\([1-9]\)  Xã Nghĩa Hành$/\1/p')"
# Step 2: what the paper is for.
wait_for "Bước 2/2: Mục đích"
word "8 8 8 2 9 9 9" "vay" vay
send 0
word "8 8 8 6 6 6 1 6 6" "vốn" von
wait_for "[vay vốn▌"
send '#'
wait_for "Xem lại trước khi gửi"
wait_for "Lê Văn Tám"
wait_for "Xã Nghĩa Hành, Tỉnh Quảng Ngãi"
send 1
wait_for "ĐÃ LƯU HỒ SƠ CỦA BẠN"
code=$(receipt_code)
[ -n "$code" ] || fail "no receipt code"
wait_for "Đã in xong phiếu biên nhận"

# The QR on screen reads back to the code, on paper to the default lookup
# page with the code.
check_screen_qr "$code"
pbm=$(ls "$TEST_TMP"/printer/*-receipt.pbm | head -n 1)
[ "$(zbarimg --raw -q -Sbinary "$pbm" 2>/dev/null)" = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html#$code" ] ||
	fail "the printed QR does not read the lookup page with $code"

# The rating: one key.
wait_for "Bạn hài lòng không?"
send 5
wait_for "Cảm ơn bạn đã góp ý!"

# What was saved is what was typed, once.
python3 - "$TEST_TMP/var/state.db" "$code" <<'PY' || fail "the saved request differs"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select body from submissions where receipt = ?", (sys.argv[2],)).fetchall()
assert len(rows) == 1, rows
body = json.loads(rows[0][0])
values = json.dumps(body, ensure_ascii=False)
for want in ["Lê Văn Tám", "001090012345", "15/03/1990", "0912345678", "Xã Nghĩa Hành, Tỉnh Quảng Ngãi",
             "vay vốn"]:
    assert want in values, (want, values)
assert db.execute("select rating from ratings").fetchone()[0] == 5
PY
