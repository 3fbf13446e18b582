# On a touch-only booth: touching the field opens the on-screen keyboard,
# letters are touched, the best matches come up, "Xong" shows the list, and
# a touch on a result opens its page.
. tests/screen/lib.bash
write_config "[ui]" "input = touch"
start_kiosk
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
r=$(row_of "1  Tìm thủ tục")
tap "$r" 10
wait_for "(chạm vào đây để gõ)"
r=$(row_of "(chạm vào đây để gõ)")
tap "$r" 20
wait_for "Dấu cách"
# Touch k, h, a, i: each key is a box with its letter in the middle.
for letter in k h a i; do
	tap_key "$letter"
done
wait_for "khai▌"
wait_for "Bấm Xong để xem."
tap_key "Xong"
wait_for "Thủ tục đăng ký khai sinh"
r=$(row_of "Thủ tục đăng ký khai sinh")
tap "$r" 30
wait_for "Mã 1.001193 · Hộ tịch"

# Every result is reachable by touch: "Trang sau" and "Trang trước" turn
# the pages (shown only where there is a page to go to), and a touch on a
# result of another page opens it.
send 0
wait_for "Trang 1/"
pages=$(page_count)
[ "$pages" -ge 2 ] || fail "khai should give several pages"
screen_text | grep -qF "Trang trước" && fail "Trang trước on the first page"
next_page() {
	local r c
	r=$(row_of "▼ Trang sau")
	c=$(col_of "▼ Trang sau")
	[ -n "$r" ] || fail "no Trang sau button"
	tap "$r" "$c"
}
walk_results next_page
screen_text | grep -qF "Trang sau" && fail "Trang sau on the last page"
r=$(row_of "▲ Trang trước")
[ -n "$r" ] || fail "no Trang trước button on the last page"
tap "$r" "$(col_of "▲ Trang trước")"
wait_for "Trang $((pages - 1))/$pages"
name=$(screen_text | grep -E "^  1  " | sed -E 's/^  1  (.{20}).*/\1/')
r=$(screen_text | grep -nE "^  1  " | head -n 1 | cut -d: -f1)
tap "$r" 10
wait_for "Mã "
screen_text | head -n 1 | grep -qF "$name" || fail "the touch on page $((pages - 1)) did not open \"$name\""
