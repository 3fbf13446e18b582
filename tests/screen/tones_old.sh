# [ui] tones = old puts the tone of oa, oe, uy the old way ("Hòa Thủy",
# "khỏe"), from the keyboard and from the on-screen keyboard; the default
# (modern) gives "Hoà Thuỷ".
. tests/screen/lib.bash

# type_text KEYS: types KEYS (Telex) into the feedback's text.
type_text() {
	wait_for "4  Phản ánh, kiến nghị"
	send 4
	wait_for "Về việc gì"
	send 1 Enter
	wait_for "Nội dung phản ánh         [▌"
	send_raw "$1"
}

write_config "[ui]" "tones = old"
start_kiosk
type_text "Hoaf Thuyr"
wait_for "[Hòa Thủy▌"
send_raw " khoer"
wait_for "[Hòa Thủy khỏe▌"
close_terminal

rm -f "$KIOSK_CONFIG"
write_config
start_kiosk
type_text "Hoaf Thuyr"
wait_for "[Hoà Thuỷ▌"
close_terminal

# The on-screen keyboard's tone keys follow the same rule.
rm -f "$KIOSK_CONFIG"
write_config "[ui]" "tones = old" "input = touch"
start_kiosk
wait_for "4  Phản ánh, kiến nghị"
touch_text "Phản ánh, kiến nghị"
wait_for "Về việc gì"
touch_text "Nội dung phản ánh"
wait_for "Dấu cách"
for k in k h o e hỏi; do tap_key "$k"; done
wait_for "[khỏe▌"
