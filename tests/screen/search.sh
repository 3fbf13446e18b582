# Procedure search as you type, on a keyboard booth: results after every
# keystroke, marks and case ignored, words in any order; a procedure's
# page scrolls; back keeps what was typed; the announcements open.
. tests/screen/lib.bash
start_kiosk
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 1
wait_for "Gõ vài chữ, không cần dấu:"
send_raw "khai si"
wait_for "1  Thủ tục đăng ký khai sinh"
wait_for "Hộ tịch"
# Every keystroke searches again: a word that matches nothing, then fixed.
send_raw "q"
wait_for "Không tìm thấy thủ tục nào"
send BSpace
wait_for "1  Thủ tục đăng ký khai sinh"
for i in 1 2 3 4 5 6 7; do send BSpace; done
wait_gone "Có "
# Marks typed or not, any order, đ as d.
send_raw "hôn KẾT"
wait_for "Thủ tục đăng ký kết hôn"
for i in 1 2 3 4 5 6 7; do send BSpace; done
wait_gone "kết hôn"
send_raw "dang ky thuong tru"
wait_for "Đăng ký thường trú"
for i in $(seq 18); do send BSpace; done
# Every result can be reached: a page at a time with Down, Up goes back,
# names too long for the line end with "…".
send_raw "chung thuc"
wait_for "Trang 1/"
screen_text | grep -E "^  1  Chứng thực bản sao từ bản chính.*…" >/dev/null ||
	fail "the long name is not cut with …"
walk_results send Down
last=$(page_count)
send Up
wait_for "Trang $((last - 1))/$last"
send Up
send Down
wait_for "Trang $((last - 1))/$last"
# A digit opens a result of the page shown.
name=$(screen_text | grep -E "^  2  " | sed -E 's/^  2  (.{20}).*/\1/')
send 2
wait_for "Mã "
screen_text | head -n 1 | grep -qF "$name" || fail "2 on page $((last - 1)) did not open \"$name\""
send 0
wait_for "Trang $((last - 1))/$last"
for i in $(seq 10); do send BSpace; done
wait_gone "Trang "
# A new search starts at its first page.
send_raw "ket hon"
wait_for "1  Thủ tục đăng ký kết hôn"

# The page: code, fee, papers; Down shows more, Up goes back up.
send 1
wait_for "Mã 1.000894 · Hộ tịch"
wait_for "Giấy tờ cần mang:"
wait_for "▼ Xem tiếp"
screen_text | head -n 1 | grep -qF "Thủ tục đăng ký kết hôn" || fail "the page's title is not the procedure's name"
send Down
wait_for "▲ Lên"
wait_gone "Mã 1.000894"
send Up
wait_for "Mã 1.000894"
# The papers to bring, printed to take home.
send 1
wait_for "Đã in xong, mời bạn lấy giấy."
ls "$TEST_TMP"/printer/*-checklist.pbm >/dev/null 2>&1 || fail "no checklist printed"
# Back to the results, with the words still there.
send 0
wait_for "ket hon▌"
wait_for "1  Thủ tục đăng ký kết hôn"
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"

# Announcements: a list of today's, then one of them.
send 7
wait_for "1  [Mẫu]"
send 1
wait_for "Từ ngày"
send 0
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
