# Digits choose and 0 or Backspace go back; arrows move and Enter confirms;
# a touch acts on the box pressed and released, not on one dragged off;
# the language choice switches the whole screen and back.
. tests/screen/lib.bash
start_kiosk
wait_for "1  Tìm thủ tục, giấy tờ cần mang"

# Digits.
send 2
wait_for "Phần này đang được chuẩn bị"
screen_text | head -n 1 | grep -qF "Xem kết quả hồ sơ" || fail "the notice is not titled with the choice"
wait_for "0  Quay lại"
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 5
wait_for "Phần này đang được chuẩn bị"
send BSpace
wait_for "TRẠM DỊCH VỤ CÔNG"

# Arrows: first press lands on 1, right to 2, down to 4.
send Down Right Down Enter
wait_for "Phản ánh, kiến nghị"
screen_text | head -n 1 | grep -qF "Phản ánh, kiến nghị" || fail "arrows did not reach choice 4"
send Enter
wait_for "TRẠM DỊCH VỤ CÔNG"

# Touch: press and release inside box 7.
row=$(row_of "7  Thông báo của xã")
col=$(col_of "7  Thông báo của xã")
tap "$row" "$((col + 5))"
wait_for "Phần này đang được chuẩn bị"
screen_text | head -n 1 | grep -qF "Thông báo của xã" || fail "touch did not open choice 7"
# Touch "back".
row=$(row_of "0  Quay lại")
tap "$row" 40
wait_for "TRẠM DỊCH VỤ CÔNG"

# A finger pressed on box 1 and lifted on box 2 does nothing.
r1=$(row_of "1  Tìm thủ tục")
send_raw "$(printf '\033[<0;%d;%dM' 10 "$r1")"
send_raw "$(printf '\033[<0;%d;%dm' 50 "$r1")"
# Then a real tap on box 3 shows the home screen was still there to act on.
r3=$(row_of "3  Nộp hồ sơ, yêu cầu")
tap "$r3" 10
wait_for "Phần này đang được chuẩn bị"
screen_text | head -n 1 | grep -qF "Nộp hồ sơ, yêu cầu" || fail "a drag between boxes acted"
send 0
wait_for "TRẠM DỊCH VỤ CÔNG"

# Language: 8 switches to English, and 8 again back to Vietnamese.
send 8
wait_for "PUBLIC SERVICE BOOTH · Xã Hành Đức"
wait_for "8  Tiếng Việt"
wait_for "● Offline"
send 1
wait_for "This part is being prepared"
send 0
send 8
wait_for "TRẠM DỊCH VỤ CÔNG · Xã Hành Đức"
