# A keyboard-wedge scanner reads the QR of a chip ID card into a form: the
# booth shows what it read and fills the form only when the villager says
# yes; a garbled scan gets a plain message and fills nothing.
. tests/screen/lib.bash
start_form "1  Đăng ký khai sinh" "Bước 1/2: Người đi khai"
# A wedge scanner types the whole code at once, then Enter.
send_raw "093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ|04102024||||"$'\r'
wait_for "Đã đọc thẻ CCCD. Điền những thông tin này vào đơn?"
wait_for "Nguyễn Thị Kim Thư"
wait_for "11/01/1986"
# Nothing is filled before the villager agrees.
send 2
wait_gone "Điền những thông tin này vào đơn?"
screen_text | grep -qF "Nguyễn Thị Kim Thư" && fail "the form was filled without asking"
send_raw "093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ|04102024||||"$'\r'
wait_for "Điền những thông tin này vào đơn?"
send 1
wait_for "[Nguyễn Thị Kim Thư"
wait_for "[093186002237"
wait_for "[11/01/1986"
# A wedge scanner on a US keyboard layout drops the marks: refused.
send_raw "093186002237|362499103|Nguy?n Th? Kim Th?|11011986|N?|56 Tr?n Ho?ng Na|04102024||||"$'\r'
wait_for "Máy quét đọc sai chữ có dấu"
screen_text | grep -qF "Điền những thông tin này vào đơn?" && fail "a garbled scan was offered"
screen_text | grep -qF "Nguy?n" && fail "a garbled scan reached a field"
wait_for "[Nguyễn Thị Kim Thư"

# A card from before the 2025 reform names an old district: the booth
# says what the commune is now (tests/screen/oldaddr_*.sh); "0" keeps the
# address as printed, and the villager picks the commune in the picker.
r=$(row_of "◀ Quay lại")
tap "$r" 10
wait_for "1  Đăng ký khai sinh"
send 9
wait_for "Xác nhận thông tin cư trú · Bước 1/2"
send_raw "093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ|04102024||||"$'\r'
wait_for "Điền những thông tin này vào đơn?"
send 1
wait_for "→ nay là Phường Tân An, Thành phố Cần Thơ"
send 0
wait_for "[56 Trần Hoàng Na, Kv6, An Khánh"
send Enter Enter Enter Enter Enter
wait_for "Chọn tỉnh, thành phố"
send_raw "can tho"
wait_for "1  Thành phố Cần Thơ"
send 1
send_raw "ninh kieu"
wait_for "1  Phường Ninh Kiều"
send 1
wait_for "Bước 2/2: Mục đích"
