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
