# After idle_timeout seconds without input, the booth asks "Bạn còn ở đây
# không?", a key keeps the session, and after the countdown it goes home
# with what was typed wiped and the language back to Vietnamese.
. tests/screen/lib.bash
write_config "[ui]" "idle_timeout = 5" "idle_countdown = 3"
set_pin 2468
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"

# A key during the countdown keeps the villager where they were.
send 8
wait_for "PUBLIC SERVICE BOOTH"
wait_for "Are you still there?" 15
send Right
wait_gone "Are you still there?"
screen_text | grep -qF "PUBLIC SERVICE BOOTH" || fail "a key during the countdown lost the screen"

# Let it run out: home, in Vietnamese.
wait_for "Are you still there?" 15
wait_for "TRẠM DỊCH VỤ CÔNG" 15

# Typed digits are wiped: three dots typed, then the reset, then nothing.
send '*' / '*' /
wait_for "Nhập mã PIN"
send 1 3 5
wait_for "● ● ●"
wait_for "Bạn còn ở đây không?" 15
wait_for "TRẠM DỊCH VỤ CÔNG" 15
send '*' / '*' /
wait_for "Nhập mã PIN"
screen_text | grep -qF "● ●" && fail "the PIN typed before the reset is still there"
# The field really is empty: the right PIN alone opens the menu.
send 2 4 6 8 Enter
wait_for "MENU CÁN BỘ HỖ TRỢ"
