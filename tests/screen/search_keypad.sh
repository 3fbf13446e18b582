# On a keypad-only booth: letters by multi-tap (5 5 = k, 4 4 = h, 2 = a,
# 4 4 4 = i), # for the syllable choices, a digit to take one, Enter to go
# to the results, then a digit to open one.
. tests/screen/lib.bash
write_config "[ui]" "input = keypad" "keypad = multitap"
start_kiosk
keypad_search_khai
wait_for "Bấm số của thủ tục để xem"
wait_for "Thủ tục đăng ký khai sinh"
num=$(screen_text | grep -E "^  [1-6]  Thủ tục đăng ký khai sinh$" | head -n 1 | awk '{print $1}')
[ -n "$num" ] || fail "no numbered result for khai sinh"
send "$num"
wait_for "Mã 1.001193 · Hộ tịch"

# Every result is reachable: * shows the next page (the first again after
# the last), and a digit opens a result of the page.
send 0
wait_for "Trang 1/"
pages=$(page_count)
[ "$pages" -ge 3 ] || fail "khai should give several pages"
walk_results send '*'
send '*'
wait_for "Trang 1/$pages"
send '*'
wait_for "Trang 2/$pages"
name=$(screen_text | grep -E "^  1  " | sed -E 's/^  1  (.{20}).*/\1/; s/ +$//')
send 1
wait_for "Mã "
screen_text | head -n 1 | grep -qF "$name" || fail "1 on page 2 did not open \"$name\""
