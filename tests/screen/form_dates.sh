# A date field takes the dates its form says: "Ở đến ngày" of the
# temporary residence form (date:future) takes next year and refuses a
# day gone by; a birth date (the default, past) refuses next year. (And
# the address picker says "Không tìm thấy" when nothing matches.)
. tests/screen/lib.bash
start_kiosk
wait_for "3  Nộp hồ sơ, yêu cầu"
send 3
wait_for "Đăng ký tạm trú"
send "$(screen_text | grep -oE '[1-9]  Đăng ký tạm trú' | cut -c1)"
wait_for "Đăng ký tạm trú · Bước 1/2"
next_year=$(($(date +%Y) + 1))
send_raw "Lan"
wait_for "[Lan▌"
send Enter
send_raw "051185000123"
wait_for "[051185000123▌"
send Enter
send_raw "0101$next_year"
send Enter
wait_for "Ngày này chưa tới. Xin xem lại."
for i in 1 2 3 4 5 6 7 8 9 10; do send BSpace; done
send_raw "02071985"
send Enter
send_raw "0905123456"
wait_for "[0905123456▌"
send Enter
wait_for "Bước 2/2: Nơi tạm trú"
send Enter
wait_for "Chọn tỉnh, thành phố"
# A name that matches nothing says so.
send_raw "xyzw"
wait_for "Không tìm thấy."
for i in 1 2 3 4; do send BSpace; done
wait_gone "Không tìm thấy."
send_raw "ha tinh"
wait_for "1  Tỉnh Hà Tĩnh"
send 1
send_raw "thach ha"
wait_for "1  Xã Thạch Hà"
send 1
wait_for "Bước 2/2: Nơi tạm trú"
send_raw "02071985"
send Enter
wait_for "Ngày này đã qua."
for i in 1 2 3 4 5 6 7 8 9 10; do send BSpace; done
send_raw "0101$next_year"
send Enter
wait_gone "Ngày này đã qua."
wait_for "[01/01/$next_year"
send 1 Enter
wait_for "Xem lại trước khi gửi"
wait_for "01/01/$next_year"
