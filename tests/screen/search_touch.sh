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
key_at() { # prints "row col" of the key labelled $1 (a lone letter in a box)
	screen_text | python3 -c '
import re, sys
want = sys.argv[1]
for y, line in enumerate(sys.stdin.read().split("\n"), 1):
    for m in re.finditer(r"│ *(\S+) *│", line):
        if m.group(1) == want:
            print(y, m.start(1) + 1)
            sys.exit(0)
sys.exit(1)' "$1"
}
for letter in k h a i; do
	pos=$(key_at "$letter") || fail "no key $letter on the keyboard"
	tap $pos
	sleep 0.15 # a finger's pace
done
wait_for "khai▌"
wait_for "Bấm Xong để xem."
pos=$(key_at "Xong") || fail "no Xong key"
tap $pos
wait_for "Thủ tục đăng ký khai sinh"
r=$(row_of "Thủ tục đăng ký khai sinh")
tap "$r" 30
wait_for "Mã 1.001193 · Hộ tịch"
