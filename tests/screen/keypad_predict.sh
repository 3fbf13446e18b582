# Predictive keypad entry ([ui] keypad = predictive, the default), keypad
# only, 80x24, counting every key press:
#   "Nguyễn Thị Bích Ra" in a name field           at most 25 (multi-tap: 44)
#   "Lê Văn Tám"                                   at most 15 (multi-tap: 25)
#   "Thôn 3, Xã Nghĩa Hành" in an address field    possible (multi-tap: no
#                                                  digit could be typed)
#   "Xác nhận thông tin cư trú", home to receipt   at most 90 (multi-tap:
#                                                  110, keypad_flow.bash)
#   the same with the ID card scanned first        at most 30
# Each proposal is taken the way a villager would: 0 (or #) when it is the
# one lit, else 1, paging with * until it shows, and its number. The keys'
# legend and the mode are on screen beside every text field.
. tests/screen/lib.bash
write_config "[ui]" "input = keypad" "[keypad]" "layout = phone" \
	"[printer]" "type = file" "path = $TEST_TMP/printer"
presses=0

# Presses keypad keys (0-9 * # and BS), counting each.
press() {
	local k keys=()
	for k; do
		presses=$((presses + 1))
		if [ "$k" = BS ]; then keys+=(BSpace); else keys+=("$k"); fi
	done
	send "${keys[@]}"
	keys_taken
}

# The row of proposals (the line after the mode line), as words.
proposals() {
	screen_text | sed -n '/Đang gõ CHỮ/{n;p;q}' | sed 's/^ *//; s/  \+/\n/g'
}

# The number of WORD among the numbered choices on screen, or nothing.
number_of() {
	screen_text | sed -n '/Đang gõ CHỮ/{n;p;q}' | python3 -c '
import re, sys
for m in re.finditer(r"(\d) (\S+)", sys.stdin.read()):
    if m.group(2) == sys.argv[1]:
        print(m.group(1)); break' "$1"
}

# Waits until the command succeeds (10 s at most).
poll() {
	local i
	for ((i = 0; i < 200; i++)); do "$@" && return 0; sleep 0.05; done
	return 1
}

# The row of proposals as drawn; true when it is no longer $before.
choices_row() { screen_text | sed -n '/Đang gõ CHỮ/{n;p;q}'; }
row_changed() { [ "$(choices_row)" != "$before" ]; }

# True when WORD is the first proposal.
first_is() { [ "$(proposals | head -n 1)" = "$1" ]; }
# True when the proposals line is numbered (choosing).
numbered() { screen_text | sed -n '/Đang gõ CHỮ/{n;p;q}' | grep -qE '^ *1 '; }

# Types WORD (its letters without marks: PLAIN) one press a letter, then
# takes it: END (0: and a space, #: without) when it is lit, else 1, * to
# page, and its number (which adds a space).
word() {
	local plain=$1 want=$2 end=$3 keys n i start=$presses
	keys=$(echo "$plain" | tr 'abcdefghijklmnopqrstuvwxyz' '22233344455566677778889999' | sed 's/./& /g')
	press $keys
	poll has_proposals || fail "no proposals for $plain"
	if first_is "$want"; then
		press "$end"
		echo "  $want: $((presses - start)) presses"
		return
	fi
	press 1
	poll numbered || fail "1 did not number the proposals"
	for ((i = 0; i < 8; i++)); do
		n=$(number_of "$want")
		[ -n "$n" ] && break
		before=$(choices_row)
		press '*'
		poll row_changed || fail "* did not show more"
	done
	[ -n "$n" ] || fail "no proposal \"$want\" for $plain"
	press "$n"
	echo "  $want: $((presses - start)) presses (chosen)"
}
has_proposals() { [ -n "$(proposals)" ]; }

# The line of field LABEL.
field_line() { screen_text | grep -F -- "$1" | head -n 1; }
# Waits until field LABEL reads TEXT exactly (the cursor after it).
field_reads() {
	local line
	line=$(field_line "$1")
	[[ "$line" == *"[$2▌"* || "$line" == *"[$2 "* ]]
}
wait_field() {
	poll field_reads "$1" "$2" || fail "the field \"$1\" does not read \"$2\": $(field_line "$1")"
}

# In the address picker: the province by the keys of "qua" (one press a
# letter), # and its number; the commune by "ngh"; then step 2's purpose
# "vay vốn".
pick_and_purpose() {
	wait_for "Gõ tên tỉnh hoặc thành phố"
	press 7 8 2
	wait_for "Tỉnh Quảng Ngãi"
	press '#'
	press "$(screen_text | sed -n 's/^ *\([1-9]\)  Tỉnh Quảng Ngãi$/\1/p')"
	wait_for "Tỉnh Quảng Ngãi · gõ tên xã, phường:"
	press 6 4 4
	wait_for "Xã Nghĩa Hành"
	press '#'
	press "$(screen_text | sed -n 's/^ *\([1-9]\)  Xã Nghĩa Hành$/\1/p')"
	wait_for "Bước 2/2: Mục đích"
	word vay "vay" 0
	word von "vốn" '#'
}

start_form "9  Xác nhận thông tin cư trú" "Bước 1/2: Người xin xác nhận"
# The legend and the mode beside the text field.
wait_for "2 abc  3 def  4 ghi  5 jkl  6 mno  7 pqrs  8 tuv  9 wxyz  0 cách"
wait_for "Đang gõ CHỮ: mỗi chữ cái bấm một lần · * gõ số"

# Nguyễn Thị Bích Ra.
presses=0
word nguyen "Nguyễn" 0
word thi "Thị" 0
word bich "Bích" 0
word ra "Ra" '#'
wait_field "Họ và tên" "Nguyễn Thị Bích Ra"
press '#'
wait_gone "Đang gõ CHỮ" # the next field, of digits, needs no legend
echo "Nguyễn Thị Bích Ra: $presses presses (multi-tap: 44)"
((presses <= 25)) || fail "Nguyễn Thị Bích Ra took $presses presses"
nguyen=$presses

# Thôn 3, Xã Nghĩa Hành as an address line: * for the digit and back, 1
# for the comma. (The fields before it, not counted.)
send 0 0 1 0 9 0 0 1 2 3 4 5 '#' 1 5 0 3 1 9 9 0 '#' '#'
wait_for "Đang gõ CHỮ"
presses=0
word thon "Thôn" 0
press '*'
wait_for "Đang gõ SỐ"
press 3 '*'
wait_for "Đang gõ CHỮ"
press 1
poll numbered || fail "1 did not offer punctuation"
n=$(number_of ",")
press "$n"
word xa "Xã" 0
word nghia "Nghĩa" 0
word hanh "Hành" '#'
wait_field "Nơi cư trú" "Thôn 3, Xã Nghĩa Hành"
echo "Thôn 3, Xã Nghĩa Hành: $presses presses (multi-tap: not possible)"
thon=$presses

# The whole request, home to receipt, everything typed.
cleanup_kiosk() {
	local pid
	pid=$(kiosk_pid)
	[ -z "$pid" ] || kill -TERM "$pid"
	close_terminal
}

# A new kiosk on the home screen, then the form opened by key presses,
# counted from 0.
open_counted() {
	cleanup_kiosk
	start_kiosk
	wait_for "3  Nộp hồ sơ, yêu cầu"
	presses=0
	press 3
	wait_for "9  Xác nhận thông tin cư trú"
	press 9
	wait_for "Bước 1/2: Người xin xác nhận"
}
open_counted
before=$presses
word le "Lê" 0
word van "Văn" 0
word tam "Tám" '#'
wait_field "Họ và tên" "Lê Văn Tám"
press '#'
echo "Lê Văn Tám: $((presses - before)) presses (multi-tap: 25)"
(((presses - before) <= 15)) || fail "Lê Văn Tám took $((presses - before)) presses"
letam=$((presses - before))
press 0 0 1 0 9 0 0 1 2 3 4 5 '#'
press 1 5 0 3 1 9 9 0 '#'
wait_for "[15/03/1990"
press '#'
word thon "Thôn" 0
press '*' 3 '#'
pick_and_purpose
wait_field "Dùng giấy này để làm gì" "vay vốn"
press '#'
wait_for "Xem lại trước khi gửi"
wait_for "Thôn 3, Xã Nghĩa Hành, Tỉnh Quảng Ngãi"
press 1
wait_saved
echo "Xác nhận thông tin cư trú, everything typed: $presses presses (multi-tap: 110)"
((presses <= 90)) || fail "the request took $presses presses"
typed=$presses

# The same with the ID card scanned first: its number, name, birth date
# and address fill the form; the commune is picked, the purpose typed.
open_counted
send_raw "051090012345|212345678|Lê Văn Tám|15031990|Nam|Thôn 3, Nghĩa Hành, Tư Nghĩa, Quảng Ngãi|04102024||||"$'\r'
wait_for "Điền những thông tin này vào đơn?"
press 1
wait_for "[Lê Văn Tám"
press '#' '#' '#' '#' '#'
pick_and_purpose
press '#'
wait_for "Xem lại trước khi gửi"
press 1
wait_saved
echo "Xác nhận thông tin cư trú, ID card scanned: $presses presses"
((presses <= 30)) || fail "the request with a scan took $presses presses"

# What was saved is what was typed.
python3 - "$TEST_TMP/var/state.db" <<'PY' || fail "the saved requests differ"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bodies = [json.dumps(json.loads(r[0]), ensure_ascii=False) for r in db.execute("select body from submissions")]
assert len(bodies) == 2, bodies
for want in ["Lê Văn Tám", "051090012345" if False else "001090012345", "15/03/1990",
             "Thôn 3, Xã Nghĩa Hành, Tỉnh Quảng Ngãi", "vay vốn"]:
    assert want in bodies[0], (want, bodies[0])
for want in ["Lê Văn Tám", "051090012345", "Xã Nghĩa Hành, Tỉnh Quảng Ngãi", "vay vốn"]:
    assert want in bodies[1], (want, bodies[1])
PY
echo "counts: Nguyễn Thị Bích Ra $nguyen, Lê Văn Tám $letam, Thôn 3, Xã Nghĩa Hành $thon, request typed $typed, scanned $presses"
