# Every step of a form offers "Về trang chủ": on a keyboard booth the *
# key, on a keypad booth * (in a text field * switches letters and digits),
# on a touch booth the button (also over the
# keyboard). Nothing typed: home at once. Something typed: "Bỏ hồ sơ đang
# nhập?" first; "Ở lại" keeps every field as it was, "Bỏ" goes home and
# what was typed is gone (the form opens empty again).
. tests/screen/lib.bash

# open_feedback: from home into the feedback form's first step.
open_feedback() {
	wait_for "4  Phản ánh, kiến nghị"
	send 4
	wait_for "Phản ánh, kiến nghị · Bước 1/2"
}

# at_home: the home screen is back.
at_home() {
	wait_for "1  Tìm thủ tục, giấy tờ cần mang"
}

# --- A keyboard booth.
start_kiosk
open_feedback
send '*'
at_home
open_feedback
send 3 Enter
send_raw "Ddenf hongr"
wait_for "[Đèn hỏng▌"
send Enter
wait_for "Bước 2/2"
send '*'
wait_for "Bỏ hồ sơ đang nhập?"
send 2
wait_for "Bước 2/2"
send BSpace
wait_for "[Đèn hỏng▌"
screen_text | grep -qF "3 Đường sá, điện, nước" || fail "the choice was lost"
send '*'
wait_for "Bỏ hồ sơ đang nhập?"
send 1
at_home
open_feedback
send Down
wait_for "Nội dung phản ánh         [▌"
screen_text | grep -qF "Đèn hỏng" && fail "what was typed stayed after going home"
close_terminal

# --- A keypad booth: * asks, 1 drops.
rm -f "$KIOSK_CONFIG"
write_config "[ui]" "input = keypad"
start_kiosk
open_feedback
send 2 Enter
send 3 3 6
wait_for "Đang gõ CHỮ"
# In a keypad's text field * switches letters and digits (the legend says
# so), not home: it takes the word and types digits.
send '*'
wait_for "Đang gõ SỐ"
screen_text | grep -qF "Bỏ hồ sơ đang nhập?" && fail "* in a text field asked to go home"
# Emptied, Backspace goes back to the choice, where * is home.
for ((i = 0; i < 5; i++)); do
	line=$(screen_text | grep -F "Nội dung phản ánh")
	[[ "$line" == *"[▌"* ]] && break
	send BSpace
	wait_gone "$line"
done
wait_for "Nội dung phản ánh         [▌"
send BSpace
wait_for "*: về trang chủ"
send '*'
wait_for "Bỏ hồ sơ đang nhập?"
send 1
at_home
close_terminal

# --- A touch booth: the button under the step, and over the keyboard.
rm -f "$KIOSK_CONFIG"
write_config "[ui]" "input = touch"
start_kiosk
at_home
touch_text "Phản ánh, kiến nghị"
wait_for "Về việc gì"
touch_text "Về trang chủ"
at_home
touch_text "Phản ánh, kiến nghị"
wait_for "Về việc gì"
touch_text "4 Việc khác"
wait_for "Chạm vào ô để điền"
touch_text "Nội dung phản ánh"
wait_for "Dấu cách"
tap_key a
touch_text "Về trang chủ"
wait_for "Bỏ hồ sơ đang nhập?"
touch_text "Ở lại điền tiếp"
wait_for "[a▌"
wait_for "Dấu cách"
touch_text "Về trang chủ"
wait_for "Bỏ hồ sơ đang nhập?"
touch_text "Bỏ, về trang chủ"
at_home
