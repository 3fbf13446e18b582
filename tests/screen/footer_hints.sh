# A footer hint is never cut: with requests waiting on an offline booth
# (its normal state) the booth's state moves up onto the rule and the hint
# keeps the whole row; on touch booths the hints say "Chạm", never "Bấm"
# or "Enter".
. tests/screen/lib.bash
make -s build/tools/spool_fill >/dev/null 2>&1
[ -x build/tools/spool_fill ] || fail "no build/tools/spool_fill"

# last_row_is TEXT: the footer's last row is exactly TEXT (nothing cut).
last_row_is() {
	local got
	got=$(screen_text | sed -n 24p | sed 's/^ //; s/ *$//')
	[ "$got" = "$1" ] || fail "the footer says \"$got\", not \"$1\""
}

content_always_open # the counters show at any hour
write_config
./build/tools/spool_fill "$TEST_TMP/var" 3 >/dev/null || fail "spool_fill"
start_kiosk
wait_for "● Chưa có mạng · 3 hồ sơ chờ gửi"
send 4
wait_for "Về việc gì"
wait_for "● Chưa có mạng · 3 hồ sơ chờ gửi"
hint="Enter: tiếp theo · Xoá khi trống: quay lại · *: về trang chủ"
last_row_is "$hint"
[ "$(row_of "● Chưa có mạng · 3 hồ sơ chờ gửi")" = 23 ] || fail "the state is not on the rule"
# A short hint keeps the state beside it.
send '*'
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
[ "$(row_of "● Chưa có mạng · 3 hồ sơ chờ gửi")" = 24 ] || fail "the state left the footer row"
close_terminal

# A touch booth: every hint on the way says "Chạm".
rm -f "$KIOSK_CONFIG"
write_config "[ui]" "input = touch"
start_kiosk
check_touch_hint() {
	local row
	row=$(screen_text | sed -n 24p)
	grep -q "Chạm" <<<"$row" || fail "the hint on a touch booth does not say Chạm: $row"
	grep -qE "Bấm|Enter|Backspace" <<<"$row" && fail "the hint on a touch booth names keys: $row"
	echo "ok: $row"
}
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
check_touch_hint
touch_text "Xem kết quả hồ sơ"
wait_for "Gõ mã biên nhận"
check_touch_hint
touch_text "Quay lại"
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
touch_text "Nộp hồ sơ, yêu cầu"
wait_for "1  Đăng ký khai sinh"
check_touch_hint
touch_text "Đăng ký khai sinh"
wait_for "Họ và tên"
check_touch_hint
touch_text "Về trang chủ"
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
touch_text "Lấy số thứ tự"
wait_for "Chọn quầy"
check_touch_hint
