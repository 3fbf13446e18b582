# Resizing lays the screen out again; below 80x24 a clear message, and the
# home screen comes back when the terminal is big enough again. No size
# crashes it.
. tests/screen/lib.bash
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
resize() {
	"${TMUX_CMD[@]}" resize-window -x "$1" -y "$2"
}
resize 60 20
wait_for "Màn hình quá nhỏ"
wait_for "Screen too small"
resize 120 40
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
# Wider: the clock is at the right edge of a 120-column title row.
# (capture-pane drops trailing blanks: the row ends at column 119.)
[ "$(screen_text | head -n 1 | grep -E '[0-9]{2}:[0-9]{2}$' | LC_ALL=C.UTF-8 wc -m)" -eq 120 ] ||
	fail "title row not laid out at 120 columns"
for size in "79 24" "80 23" "10 3" "1 1" "200 60" "80 24"; do
	resize $size
	kiosk_running || fail "the kiosk exited at size $size"
done
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
wait_for "8  English"
send 6
wait_for "Trạm này chưa nhận nộp phí bằng mã QR"

# Behind "Màn hình quá nhỏ" keys and touches do nothing: not the form's
# ID field, not the choice that opened it.
send 0
send 4
wait_for "Về việc gì"
send Down Down
wait_for "[▌"
resize 60 20
wait_for "Màn hình quá nhỏ"
send_raw "123"
send Enter 0 BSpace BSpace
tap 10 10
send_raw "456"
wait_keys_read
resize 80 24
wait_for "Phản ánh, kiến nghị · Bước 1/2"
screen_text | grep -qE "123|456" && fail "keys typed behind \"Màn hình quá nhỏ\" reached the form"
wait_for "Nội dung phản ánh         [▌"
