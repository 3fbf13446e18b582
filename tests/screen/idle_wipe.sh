# The idle reset leaves nothing of the last villager: a name and ID number
# typed into a form, a search query and a dossier code typed for a lookup
# are gone when the next villager opens the same screens.
. tests/screen/lib.bash
write_config "[ui]" "idle_timeout = 5" "idle_countdown = 2"
start_kiosk
wait_for "3  Nộp hồ sơ, yêu cầu"

# Waits for the countdown to run out and the home screen to come back.
idle_out() {
	wait_for "Bạn còn ở đây không?" 15
	wait_for "3  Nộp hồ sơ, yêu cầu" 15
}

send 3
wait_for "1  Đăng ký khai sinh"
send 1
wait_for "Bước 1/2: Người đi khai"
send_raw "Nguyeenx Thij Hoa"
# (wait: 12 keys and Enter in one read would be taken for a scanner)
wait_for "[Nguyễn Thị Hoa"
send Enter
send_raw "051185000123"
wait_for "[Nguyễn Thị Hoa"
wait_for "[051185000123"
idle_out
send 3
wait_for "1  Đăng ký khai sinh"
send 1
wait_for "Bước 1/2: Người đi khai"
screen_text | grep -qF "Nguyễn" && fail "the last villager's name is back"
screen_text | grep -qF "051185000123" && fail "the last villager's ID number is back"

# The search query.
idle_out
send 1
wait_for "Gõ vài chữ, không cần dấu:"
send_raw "vqxw"
wait_for "vqxw"
idle_out
send 1
wait_for "Gõ vài chữ, không cần dấu:"
screen_text | grep -qF "vqxw" && fail "the last search is back"

# A dossier code typed for a lookup.
idle_out
send 2
wait_for "Xem kết quả hồ sơ"
send_raw "001000123"
wait_for "001000123"
idle_out
send 2
wait_for "Xem kết quả hồ sơ"
screen_text | grep -qF "001000123" && fail "the last lookup's code is back"
echo ok
