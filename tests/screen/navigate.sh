# Digits choose and 0 or Backspace go back; arrows move and Enter confirms;
# a touch acts on the box pressed and released, not on one dragged off;
# the language choice switches the whole screen and back.
. tests/screen/lib.bash
content_always_open # the counters show at any hour
start_kiosk
wait_for "1  Tìm thủ tục, giấy tờ cần mang"

# Digits (6 pays a fee, not offered without bank settings; 5 leads to the
# queue's counters).
send 6
wait_for "Trạm này chưa nhận nộp phí bằng mã QR."
screen_text | head -n 1 | grep -qF "Nộp phí bằng mã QR" || fail "the screen is not titled with the choice"
wait_for "0  Quay lại"
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 5
wait_for "Chọn quầy bạn cần đến"
send BSpace
wait_for "TRẠM DỊCH VỤ CÔNG"

# Arrows: first press lands on 1, right to 2, down to 4, down to 6.
send Down Right Down Down Enter
wait_for "Trạm này chưa nhận nộp phí bằng mã QR."
screen_text | head -n 1 | grep -qF "Nộp phí bằng mã QR" || fail "arrows did not reach choice 6"
send Enter
wait_for "TRẠM DỊCH VỤ CÔNG"

# Touch: press and release inside box 5.
row=$(row_of "5  Lấy số thứ tự")
col=$(col_of "5  Lấy số thứ tự")
tap "$row" "$((col + 5))"
wait_for "Chọn quầy bạn cần đến"
screen_text | head -n 1 | grep -qF "Lấy số thứ tự" || fail "touch did not open choice 5"
# Touch "back".
row=$(row_of "0  Quay lại")
tap "$row" "$(($(col_of "0  Quay lại") + 3))"
wait_for "TRẠM DỊCH VỤ CÔNG"

# A finger pressed on box 1 and lifted on box 2 does nothing.
r1=$(row_of "1  Tìm thủ tục")
send_raw "$(printf '\033[<0;%d;%dM' 10 "$r1")"
send_raw "$(printf '\033[<0;%d;%dm' 50 "$r1")"
# Then a real tap on box 6 shows the home screen was still there to act on.
r6=$(row_of "6  Nộp phí bằng mã QR")
tap "$r6" 50
wait_for "Trạm này chưa nhận nộp phí bằng mã QR."
screen_text | head -n 1 | grep -qF "Nộp phí bằng mã QR" || fail "a drag between boxes acted"
send 0
wait_for "TRẠM DỊCH VỤ CÔNG"

# Language: 8 switches to English, and 8 again back to Vietnamese.
send 8
wait_for "PUBLIC SERVICE BOOTH · Xã Nghĩa Hành"
wait_for "8  Tiếng Việt"
wait_for "● Offline"
send 1
wait_for "Type a few letters, no accents needed:"
send 0
send 8
wait_for "TRẠM DỊCH VỤ CÔNG · Xã Nghĩa Hành"
