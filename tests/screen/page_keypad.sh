# On a keypad-only booth (no arrows) a procedure's page and an
# announcement are read to their end with *: each press shows the next
# part, the hint says so, the last part holds the page's end, and * after
# it shows the top again.
. tests/screen/lib.bash
# The demo catalog, one announcement made longer than a screen.
CONTENT_DIR=$TEST_TMP/content
mkdir -p "$CONTENT_DIR"
for d in screens locale assets; do ln -s "$PWD/$d" "$CONTENT_DIR/$d"; done
cp build/content/content.db "$CONTENT_DIR/content.db"
python3 - "$CONTENT_DIR/content.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
body = "\n".join(f"Dòng {i} của thông báo." for i in range(1, 41))
db.execute("update announcements set body = ? where id = 'demo-cap-doi-can-cuoc'", (body,))
db.commit()
PY
write_config "[ui]" "input = keypad" "keypad = multitap"
start_kiosk
keypad_search_khai
wait_for "Thủ tục đăng ký khai sinh"
num=$(screen_text | grep -E "^  [1-6]  Thủ tục đăng ký khai sinh$" | head -n 1 | awk '{print $1}')
[ -n "$num" ] || fail "no numbered result for khai sinh"
send "$num"
wait_for "Mã 1.001193 · Hộ tịch"
wait_for "▼ Xem tiếp"
wait_for "Bấm * để xem tiếp · 0 để quay lại"

# The page's text lines (left of the buttons, between the rules).
body() { screen_text | sed -n '3,15p' | cut -c1-60; }

# Presses * until the page shows no "▼ Xem tiếp", each press showing
# another part.
read_to_end() {
	local i t seen now
	seen=$(body)
	for ((i = 0; i < 40; i++)); do
		send '*'
		for ((t = 0; t < 100; t++)); do
			now=$(body)
			[ "$now" != "$seen" ] && break
			sleep 0.05
		done
		[ "$now" != "$seen" ] || fail "* did not show the next part (press $((i + 1)))"
		seen=$now
		screen_text | grep -q "▼ Xem tiếp" || return 0
	done
	fail "40 presses of * did not reach the end"
}
read_to_end
wait_for "▲ Lên"
# The page ends with its legal basis, the last of it 01/2022/TT-BTP.
wait_for "01/2022/TT-BTP Thông tư"
send '*'
wait_for "Mã 1.001193 · Hộ tịch"
wait_gone "▲ Lên"

# An announcement longer than the screen.
send 0
wait_for "Bấm số của thủ tục để xem"
send 0
wait_for "7  Thông báo của xã"
send 7
wait_for "Cấp đổi"
num=$(screen_text | grep -E "│ [1-9]  .*Cấp đổi" | head -n 1 | sed -E 's/^ *│ ([1-9]).*/\1/')
[ -n "$num" ] || fail "no numbered announcement"
send "$num"
wait_for "Dòng 1 của thông báo."
wait_for "Bấm * để xem tiếp · 0 để quay lại"
read_to_end
wait_for "Dòng 40 của thông báo."
send '*'
wait_for "Dòng 1 của thông báo."
