# "Nguyễn Thị Bích Ra" entered into a form's name field without a
# keyboard: touch-only (suggestions, letters, the tone row) and
# keypad-only (multi-tap spelling, then numbered syllable choices).
. tests/screen/lib.bash

# open_form: home -> submit -> birth registration, first field.
open_form() {
	wait_for "3  Nộp hồ sơ, yêu cầu"
	send 3
	wait_for "1  Đăng ký khai sinh"
	send 1
	wait_for "Bước 1/2: Người đi khai"
}

# Touch only.
write_config "[ui]" "input = touch"
start_kiosk
open_form
r=$(row_of "Họ và tên")
tap "$r" 5
wait_for "Dấu cách"
tap_key "Nguyễn"
wait_for "Nguyễn ▌"
tap_key "Thị"
for k in b i c h; do tap_key "$k"; done
tap_key "sắc"
tap_key "Dấu cách"
tap_key "r"
tap_key "a"
wait_for "[Nguyễn Thị Bích Ra▌"
tap_key "Xong"
wait_for "Số CCCD"
close_terminal

# Keypad only: the digits spell, # lists real syllables, a digit takes one.
write_config "[ui]" "input = keypad" "keypad = multitap"
start_kiosk
open_form
# choose WORD: picks WORD among the numbered choices on screen.
choose() {
	local n
	n=$(screen_text | python3 -c '
import re, sys
for line in sys.stdin:
    for m in re.finditer(r"(\d) (\S+)", line):
        if m.group(2) == sys.argv[1]:
            print(m.group(1)); sys.exit(0)
sys.exit(1)' "$1") || fail "no choice \"$1\""
	send "$n"
}
send 6 6 4 8 8 9 9 9 3 3 6 6
wait_for "Đang gõ: nguyen"
send '#'
wait_for "Nguyễn"
choose "Nguyễn"
send 0
send 8 4 4 1 4 4 4
wait_for "Đang gõ: thi"
send '#'
wait_for "Thị"
choose "Thị"
send 0
send 2 2 4 4 4 2 2 2 4 4
wait_for "Đang gõ: bich"
send '#'
wait_for "Bích"
choose "Bích"
send 0
send 7 7 7 2
wait_for "Đang gõ: ra"
send '#'
wait_for "Ra"
choose "Ra"
wait_for "[Nguyễn Thị Bích Ra▌"
