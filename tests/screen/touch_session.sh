# The touch booth's session (deploy/kiosk-touch-session, what
# kiosk-touch.service runs) under Xvfb at 1024x600, a common small panel:
# the kiosk fills the screen with at least 80x24 cells, its home screen
# reads back in Vietnamese by OCR with every mark, a click on a tile opens
# it, clicks on the on-screen keyboard's keys type a search whose result
# opens its page. Ctrl-click opens no xterm menu, the X server's keymap
# holds no VT switching or server-killing keys, and when the kiosk exits
# the session ends (so systemd starts it again).
#
# Where to click: a tile or a line of text where OCR reads it; a key of the
# on-screen keyboard (single letters OCR cannot find in their boxes) at the
# cell where the same kiosk, run in tmux at the same size and touched at
# the same cells, draws it (lib.bash's key_at). Each click is made at the
# middle of its character cell, computed from the xterm window's size and
# its terminal's rows and columns.
. tests/screen/lib.bash
. tests/screen/xsession.bash
write_config "[ui]" "input = touch"
write_touch_config
start_x 1024 600
start_session
wait_read "Xã Nghĩa Hành" "Tìm thủ tục, giấy tờ cần mang" "Xem kết quả hồ sơ" \
	"Nộp hồ sơ, yêu cầu" "Phản ánh, kiến nghị" "Lấy số thứ tự" "Nộp phí bằng mã QR" \
	"Thông báo của xã" "English" "Chạm vào ô để chọn" "Chưa có mạng"
read -r rows cols <<<"$(touch_size)"
[ "$rows" -ge 24 ] && [ "$cols" -ge 80 ] || fail "the kiosk's terminal is ${cols}x$rows, under 80x24"
echo "ok: the home screen reads back at ${cols}x$rows cells"

# The same kiosk in tmux at the same size shows where its keys are.
start_kiosk "$cols" "$rows"
wait_for "1  Tìm thủ tục, giấy tờ cần mang"

# Touches the cell ROW COL on both kiosks.
touch_cell() {
	click_cell "$1" "$2"
	tap "$1" "$2"
}

# Touches the place the screen reads PHRASE.
touch_text() {
	local xy
	screenshot
	xy=$(python3 tests/tools/ocr.py find "$SHOT" "$1") || fail "\"$1\" is not read on the screen"
	touch_cell $(cell_at $xy)
}

touch_text "Tìm thủ tục"
wait_read "Gõ vài chữ, không cần dấu"
wait_for "Gõ vài chữ, không cần dấu"
touch_text "chạm vào đây để gõ"
wait_read "Dấu cách" "Xong" "Xoá"
wait_for "Dấu cách"
for key in k h a i; do
	pos=$(key_at "$key") || fail "no key $key"
	touch_cell $pos
	sleep 0.15
done
wait_read "Bấm Xong để xem"
pos=$(key_at Xong) || fail "no key Xong"
touch_cell $pos
wait_read "Thủ tục đăng ký khai sinh"
echo "ok: the on-screen keyboard typed a search"
touch_text "Thủ tục đăng ký khai sinh"
wait_read "Mã 1.001193" "Hộ tịch"
wait_for "Mã 1.001193 · Hộ tịch"
echo "ok: a touch on the result opened its page"

# Ctrl-click (xterm's menus), shift-click (its selection), the other
# buttons and the wheel bring up no window: the kiosk's window stays the
# only one on the screen. (They once froze the kiosk until the next touch:
# the exit below would then hang.)
windows() {
	xwininfo -root -children | grep -c '^ *0x'
}
before=$(windows)
cell_geometry
xdotool mousemove --sync $((WIN_X + CELL_W * 10)) $((WIN_Y + CELL_H * 10))
for mod in ctrl shift alt; do
	for button in 1 2 3 4 5; do
		xdotool keydown "$mod" mousedown "$button" sleep 0.2
		[ "$(windows)" -eq "$before" ] || fail "$mod-click $button opened a window"
		xdotool mouseup "$button" keyup "$mod"
	done
done
xdotool click 2 click 3 click 4 click 5
xwininfo -root -tree | grep -q '"mainMenu"\|"vtMenu"\|"fontMenu"' && fail "an xterm menu is up"
echo "ok: no menu"

# The session took the keys the X server acts on itself off the keymap.
xkbcomp "$DISPLAY" "$TEST_TMP/keymap.xkb" 2>/dev/null || fail "cannot read the keymap"
grep -n 'symbols.*\(XF86Switch_VT_\|Terminate_Server\)' "$TEST_TMP/keymap.xkb" &&
	fail "a key still switches VT or stops the X server"
echo "ok: no VT switching keys"

# The kiosk exits (as it does for an update): the session ends with it.
# The kiosk answers SIGTERM at once, even after those clicks.
kill -TERM "$(touch_kiosk_pid)"
for ((i = 0; i < 200; i++)); do
	running "$SESSION_PID" || break
	sleep 0.05
done
running "$SESSION_PID" && fail "the session stayed up after the kiosk exited"
echo "ok: the session ends with the kiosk"
