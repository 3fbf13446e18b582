# A whole request on a booth with only a numeric keypad: from home to the
# receipt, every field typed with the keypad (names and words by multi-tap
# and syllable choices, * for more choices, digits as they are, a wrong
# digit deleted, the address picker spelled the same way), then the
# rating. The saved request holds what was typed, and the QR on screen and
# on paper reads back to the code. Last, the helper sequence * / * / opens
# the PIN screen.
#
# Sourced after lib.bash by the tests that run it with each kind of keypad,
# which set KEYPAD_SENDS to what the keypad sends:
#   chars        the characters 0-9 * # and Backspace (a phone-style keypad)
#   application  tmux's keypad keys KP0-KP9 KP* with the terminal in keypad
#                application mode (ESC O p ...); KPEnter and KP+ as #, KP. as
#                Backspace (a PC numpad)
#   numlock-off  what a PC numpad sends with NumLock off: Insert End Down
#                PgDn Left, the middle key (the bytes MIDDLE_KEY, in hex),
#                Right Home Up PgUp for 0-9, Delete for ., and Enter, + and
#                * as they are
# KEYPAD_LAYOUT to the booth's [keypad] layout, OK_NAME and DEL_NAME to
# the names the hints must give its # and Backspace keys, and KEYPAD_MODE
# to the keypad application mode the terminal must be in (1 or 0: tmux's
# keypad_flag; empty: either).
write_config "[ui]" "input = keypad" "keypad = multitap" "[keypad]" "layout = $KEYPAD_LAYOUT" \
	"[printer]" "type = file" "path = $TEST_TMP/printer"
hashes=0

# Presses the keypad keys named by what they do here: 0-9, * (more
# choices), # (the key that finishes), / and BS (Backspace), in one go (the
# taps of one letter come well within the keypad's pause).
press() {
	local k keys=() off=(IC End Down NPage Left - Right Home Up PPage)
	for k; do
		case $KEYPAD_SENDS:$k in
		chars:BS) keys+=(BSpace) ;;
		chars:*) keys+=("$k") ;;
		application:'#' | numlock-off:'#')
			# The two keys acting as #, in turn: Enter and +.
			if ((hashes++ % 2 == 1)); then
				keys+=(KP+)
			elif [ "$KEYPAD_SENDS" = application ]; then
				keys+=(KPEnter)
			else
				keys+=(Enter)
			fi ;;
		application:BS) keys+=(KP.) ;;
		application:/ | numlock-off:/) keys+=(KP/) ;;
		application:*) keys+=("KP$k") ;;
		numlock-off:BS) keys+=(DC) ;;
		numlock-off:'*') keys+=("KP*") ;;
		numlock-off:5)
			# No tmux key name: the bytes, after the keys before.
			[ ${#keys[@]} -eq 0 ] || send "${keys[@]}"
			keys=()
			send -H $MIDDLE_KEY ;;
		numlock-off:*) keys+=("${off[$k]}") ;;
		esac
	done
	[ ${#keys[@]} -eq 0 ] || send "${keys[@]}"
}

# The number of the numbered choice WORD on screen ("1 Lê   2 Le ..."),
# or nothing.
choice_of() {
	screen_text | python3 -c '
import re, sys
for line in sys.stdin:
    for m in re.finditer(r"(?<!\S)(\d) +(\S.*?)(?=  |$)", line.strip()):
        if m.group(2).strip() == sys.argv[1]:
            print(m.group(1)); sys.exit(0)
sys.exit(1)' "$1"
}

# The line of syllable choices on screen ("1 ...").
choices_line() {
	screen_text | grep -E "^ *1 [^ ]" | head -n 1
}

# True while the syllable choices show (differing from $1 when given).
choices_shown() {
	local now
	now=$(choices_line)
	[ -n "$now" ] && [ "$now" != "${1:-}" ]
}

# Waits until the command given succeeds; false after 10 seconds.
poll() {
	local i
	for ((i = 0; i < 200; i++)); do "$@" && return 0; sleep 0.05; done
	return 1
}

# Presses * and waits for the next page of choices.
more() {
	local before
	before=$(choices_line)
	press '*'
	poll choices_shown "$before" || fail "* did not show the next choices"
}

# Spells KEYS (multi-tap digits, 1 between two letters on one key), asks
# for the syllables with #, pages with * until WORD shows (at least once
# when PAGE is set), and takes it.
word() {
	local keys=$1 want=$2 spelled=$3 page=${4:-} n i
	press $keys
	wait_for "Đang gõ: $spelled"
	press '#'
	poll choices_shown || fail "no syllable choices"
	[ -z "$page" ] || more
	for ((i = 0; i < 10; i++)); do
		n=$(choice_of "$want") && break
		more
	done
	[ -n "$n" ] || fail "no choice \"$want\""
	press "$n"
}

# The number of the match LINE in the address picker.
match_of() {
	screen_text | sed -n "s/^ *\([1-9]\)  $1\$/\1/p"
}

start_kiosk
wait_for "3  Nộp hồ sơ, yêu cầu"
# The terminal's keypad mode as the kiosk set it: tmux sends ESC O
# sequences for its keypad keys only in application mode (xterm's smkx),
# the Linux console's entry has none.
mode=$("${TMUX_CMD[@]}" display -p '#{keypad_flag}')
[ -z "$KEYPAD_MODE" ] || [ "$mode" = "$KEYPAD_MODE" ] ||
	fail "the pane's keypad application mode is \"$mode\", not $KEYPAD_MODE"
press 3
wait_for "9  Xác nhận thông tin cư trú"
press 9
wait_for "Bước 1/2: Người xin xác nhận"
# The hint names the booth's own keys.
wait_for "$OK_NAME: tiếp theo · $DEL_NAME khi trống: quay lại"

# Họ và tên: Lê Văn Tám (0 is a space). * shows the next choices.
word "5 5 5 1 3 3" "Lê" le
press 0
word "8 8 8 2 6 6" "Văn" van
press 0
word "8 2 6" "Tám" tam page
wait_for "[Lê Văn Tám▌"
press '#'
# Số CCCD, ngày sinh, số điện thoại: digits as they are, # for the next;
# a wrong last digit deleted with Backspace.
press 0 0 1 0 9 0 0 1 2 3 4 5
wait_for "[001090012345▌"
press '#'
press 1 5 0 3 1 9 9 0 '#'
wait_for "[15/03/1990"
press 0 9 1 2 3 4 5 6 7 8 9
wait_for "[09123456789▌"
press BS
wait_for "[0912345678▌"
press '#'
# Nơi cư trú: # opens the picker; the province, then the commune.
press '#'
wait_for "Gõ tên tỉnh hoặc thành phố"
word "7 7 8 8 2 6 6 4" "Quang" quang
wait_for "Tỉnh Quảng Ngãi"
press '#'
press "$(match_of "Tỉnh Quảng Ngãi")"
wait_for "Tỉnh Quảng Ngãi · gõ tên xã, phường:"
word "6 6 4 1 4 4 1 4 4 4 2" "Nghia" nghia
wait_for "Xã Nghĩa Hành"
press '#'
press "$(match_of "Xã Nghĩa Hành")"
# Step 2: what the paper is for.
wait_for "Bước 2/2: Mục đích"
word "8 8 8 2 9 9 9" "vay" vay
press 0
word "8 8 8 6 6 6 1 6 6" "vốn" von
wait_for "[vay vốn▌"
press '#'
wait_for "Xem lại trước khi gửi"
wait_for "Lê Văn Tám"
wait_for "Xã Nghĩa Hành, Tỉnh Quảng Ngãi"
press 1
wait_saved

# The QR on screen reads back to the code, on paper to the default lookup
# page with the code.
check_screen_qr "$code"
pbm=$(ls "$TEST_TMP"/printer/*-receipt.pbm | head -n 1)
[ "$(zbarimg --raw -q -Sbinary "$pbm" 2>/dev/null)" = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html#$code" ] ||
	fail "the printed QR does not read the lookup page with $code"

# The rating: one key.
wait_for "Bạn hài lòng không?"
press 5
wait_for "Cảm ơn bạn đã góp ý!"

# What was saved is what was typed, once.
python3 - "$TEST_TMP/var/state.db" "$code" <<'PY' || fail "the saved request differs"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select body from submissions where receipt = ?", (sys.argv[2],)).fetchall()
assert len(rows) == 1, rows
body = json.loads(rows[0][0])
values = json.dumps(body, ensure_ascii=False)
for want in ["Lê Văn Tám", "001090012345", "15/03/1990", "0912345678", "Xã Nghĩa Hành, Tỉnh Quảng Ngãi",
             "vay vốn"]:
    assert want in values, (want, values)
assert db.execute("select rating from ratings").fetchone()[0] == 5
PY

# The helper sequence * / * / opens the PIN screen, whose hint names the
# booth's keys too.
press '*' / '*' /
wait_for "Mở menu cán bộ"
wait_for "Bấm $OK_NAME để xác nhận, bấm $DEL_NAME để sửa"
