# Helpers for the screen tests: the real kiosk in a tmux pane of 80x24
# with TERM=xterm-256color, driven by keys and SGR mouse reports, and read
# back with capture-pane. Every wait polls; nothing sleeps a fixed time.
# Source it from the top of the checkout.

set -u
TEST_TMP=$(mktemp -d)
TMUX_CMD=(tmux -L "kiosk-test-$$" -f /dev/null)
KIOSK_CONFIG="$TEST_TMP/kiosk.ini"

# Closes the terminal: stops the tmux server and waits until it is gone,
# so the next start_kiosk gets a new one.
close_terminal() {
	local socket i
	socket=$("${TMUX_CMD[@]}" display -p '#{socket_path}' 2>/dev/null)
	"${TMUX_CMD[@]}" kill-server 2>/dev/null
	for ((i = 0; i < 200; i++)); do
		[ -n "$socket" ] && [ -S "$socket" ] || return 0
		"${TMUX_CMD[@]}" has-session 2>/dev/null || return 0
		sleep 0.05
	done
}

# Ends a kiosk still running with SIGTERM (so that it exits as it would on
# a booth, with its terminal, and make test-asan checks it for leaks), then
# stops the tmux server and removes the test's files.
cleanup() {
	local pid i
	pid=$(kiosk_pid)
	if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
		for ((i = 0; i < 200; i++)); do
			[ -s "$TEST_TMP/exit" ] && break
			sleep 0.05
		done
	fi
	close_terminal
	rm -rf "$TEST_TMP"
}
trap cleanup EXIT

# Prints a message and the current screen, then fails the test.
fail() {
	echo "FAIL: $*"
	echo "--- screen ---"
	screen_text
	echo "--------------"
	exit 1
}

# Writes a config for a booth in this test's folder; extra lines (INI) may
# follow as arguments, e.g. "[ui]" "idle_timeout = 5".
write_config() {
	{
		echo "[booth]"
		echo "commune = Xã Nghĩa Hành"
		echo "[paths]"
		echo "state_dir = $TEST_TMP/var"
		echo "content_dir = ${CONTENT_DIR:-$PWD/build/content}"
		echo "[printer]"
		echo "path = $TEST_TMP/printer"
		printf '%s\n' "$@"
	} >"$KIOSK_CONFIG"
}

# A content folder like the demo's without the office's opening hours
# (screens/queue.hours): queue numbers at any hour, for tests that take
# them whenever they run. Sets CONTENT_DIR (call it before write_config).
content_always_open() {
	local f
	mkdir -p "$TEST_TMP/content/screens"
	for f in content.db locale assets; do
		ln -s "$PWD/build/content/$f" "$TEST_TMP/content/$f"
	done
	for f in screens/*; do
		[ "$f" = screens/queue.hours ] || ln -s "$PWD/$f" "$TEST_TMP/content/$f"
	done
	CONTENT_DIR=$TEST_TMP/content
}

# Starts the kiosk and opens a request form from "3  Nộp hồ sơ, yêu cầu":
# $1 is its line in the list ("9  Xác nhận thông tin cư trú", whose first
# word is the key), $2 the title of its first step.
start_form() {
	start_kiosk
	wait_for "3  Nộp hồ sơ, yêu cầu"
	send 3
	wait_for "$1"
	send "${1%% *}"
	wait_for "$2"
}

# On a keypad booth (keypad = multitap) at the home screen: types "khai"
# key by key (5 5 = k, 4 4 = h, 2 = a, 4 4 4 = i), takes the syllable with
# # and 1, and shows the results with Enter.
keypad_search_khai() {
	wait_for "1  Tìm thủ tục, giấy tờ cần mang"
	send 1
	wait_for "Gõ vài chữ, không cần dấu:"
	send 5 5 4 4 2 4 4 4
	wait_for "Đang gõ: khai"
	send '#'
	wait_for "1 khai"
	send 1
	wait_for "khai▌"
	send Enter
}

# Sets the helper PIN of the test booth.
set_pin() {
	echo "$1" | ./build/kioskctl --config "$KIOSK_CONFIG" set-pin >/dev/null ||
		fail "kioskctl set-pin failed"
}

# Starts the kiosk in a new 80x24 pane (or COLSxROWS given as $1 $2). Its
# exit status is written to $TEST_TMP/exit when it ends.
start_kiosk() {
	local cols=${1:-80} rows=${2:-24}
	[ -f "$KIOSK_CONFIG" ] || write_config
	rm -f "$TEST_TMP/exit"
	"${TMUX_CMD[@]}" new-session -d -x "$cols" -y "$rows" \
		"env TERM=xterm-256color ${KIOSK_ENV:-} ./build/kiosk --config '$KIOSK_CONFIG'; echo \$? >'$TEST_TMP/exit'; sleep 600"
}

# The pane's text.
screen_text() {
	"${TMUX_CMD[@]}" capture-pane -p 2>/dev/null
}

# Waits until TEXT is on screen (up to $2 seconds, default 10).
wait_for() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		screen_text | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	fail "did not see \"$text\" within ${limit}s"
}

# Waits until TEXT is no longer on screen.
wait_gone() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		screen_text | grep -qF -- "$text" || return 0
		sleep 0.05
	done
	fail "\"$text\" stayed on screen for ${limit}s"
}

# When keys were last sent (microseconds).
SENT_US=0

# Enter comes at a person's pace after other keys: text and Enter within a
# few milliseconds are a keyboard-wedge scanner's burst (src/burst.h), so
# before an Enter sent soon after other keys this waits until the kiosk
# has read them, and a moment more.
pace_enter() {
	local k now=${EPOCHREALTIME/./}
	for k in "$@"; do
		case $k in
		Enter | KPEnter | C-m | C-j)
			if ((now - SENT_US < 100000)); then
				wait_keys_read
				sleep 0.05
			fi
			return
			;;
		esac
	done
}

# Sends tmux key names (1, Enter, C-c, F1, Up ...).
send() {
	pace_enter "$@"
	"${TMUX_CMD[@]}" send-keys "$@"
	SENT_US=${EPOCHREALTIME/./}
}

# Sends bytes as typed (escape sequences included); a scanner's burst when
# it ends in a carriage return.
send_raw() {
	"${TMUX_CMD[@]}" send-keys -l "$1"
	SENT_US=${EPOCHREALTIME/./}
}

# A finger pressed and lifted at ROW COL (1-based, like the SGR report),
# as two separate reports the way a touch screen sends them.
tap() {
	send_raw "$(printf '\033[<0;%d;%dM' "$2" "$1")"
	send_raw "$(printf '\033[<0;%d;%dm' "$2" "$1")"
}

# Waits until the kiosk has read every key sent so far (the pane's
# terminal holds no input), for keys that change nothing on screen.
wait_keys_read() {
	local tty i
	tty=$("${TMUX_CMD[@]}" display -p '#{pane_tty}')
	for ((i = 0; i < 200; i++)); do
		python3 -c '
import fcntl, os, struct, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
n = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
sys.exit(0 if n == 0 else 1)' "$tty" && return 0
		sleep 0.05
	done
	fail "the kiosk did not read the keys sent within 10s"
}

# Waits until the kiosk has taken the keys sent so far: read them from the
# terminal and held them the 30 ms that tell typing from a scanner's burst
# (src/burst.h), for tests that then read a screen which may already look
# as the keys would leave it.
keys_taken() {
	wait_keys_read
	sleep 0.06
}

# Waits for the kiosk to exit; prints its exit status.
wait_exit() {
	local limit=${1:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		if [ -s "$TEST_TMP/exit" ]; then
			cat "$TEST_TMP/exit"
			return 0
		fi
		sleep 0.05
	done
	fail "the kiosk did not exit within ${limit}s"
}

# True while the kiosk has not exited.
kiosk_running() {
	[ ! -s "$TEST_TMP/exit" ]
}

# The kiosk's process id.
kiosk_pid() {
	pgrep -f "build/kiosk --config $KIOSK_CONFIG" | head -n 1
}

# Row (1-based) of the first line holding TEXT.
row_of() {
	screen_text | grep -nF -- "$1" | head -n 1 | cut -d: -f1
}

# Column (1-based) where TEXT starts on its first line.
col_of() {
	screen_text | grep -F -- "$1" | head -n 1 |
		python3 -c 'import sys; l=sys.stdin.read(); print(l.index(sys.argv[1]) + 1)' "$1"
}

# Prints "row col" of the first on-screen key (a box) labelled LABEL, for
# tap: the same text, or in upper case (a capital to come), or a key whose
# last word it is (the tone keys show "á sắc"); fails when there is none.
key_at() {
	screen_text | python3 -c '
import re, sys
want = sys.argv[1]
lines = sys.stdin.read().split("\n")
for test in (lambda t: t == want, lambda t: t == want.upper(), lambda t: t.split()[-1:] == [want]):
    for y, line in enumerate(lines, 1):
        for m in re.finditer(r"│ *([^│]*?) *│", line):
            if test(m.group(1)):
                print(y, m.start(1) + 1)
                sys.exit(0)
sys.exit(1)' "$1"
}

# Taps the on-screen key labelled LABEL at a finger's pace.
tap_key() {
	local pos
	pos=$(key_at "$1") || fail "no key \"$1\" on screen"
	tap $pos
	sleep 0.15
}

# On the search screen: the number of procedures found ("Có N thủ tục")
# and of pages ("Trang 1/P"; 1 when there is no such line).
found_count() {
	screen_text | grep -oE "Có [0-9]+ thủ tục" | head -n 1 | grep -oE "[0-9]+"
}
page_count() {
	local p
	p=$(screen_text | grep -oE "Trang [0-9]+/[0-9]+" | head -n 1 | cut -d/ -f2)
	echo "${p:-1}"
}

# Walks the search results from the first page to the last, turning pages
# with the command given (e.g. "send Down"), and fails unless every one of
# the procedures counted was shown once.
walk_results() {
	local total pages p n seen=0
	total=$(found_count)
	pages=$(page_count)
	[ -n "$total" ] || fail "no count of results"
	for ((p = 1; p <= pages; p++)); do
		[ "$pages" -eq 1 ] || wait_for "Trang $p/$pages"
		n=$(screen_text | grep -cE "^  [1-9]  ")
		[ "$n" -gt 0 ] || fail "page $p of $pages shows no result"
		seen=$((seen + n))
		[ "$p" -eq "$pages" ] || "$@"
	done
	[ "$seen" -eq "$total" ] || fail "$seen results shown on $pages pages, $total counted"
}

# Touches the first place TEXT is shown, at a finger's pace.
touch_text() {
	local r c
	r=$(row_of "$1")
	[ -n "$r" ] || fail "\"$1\" is not on screen"
	c=$(col_of "$1")
	tap "$r" "$c"
	sleep 0.15
}

# From the home screen, opens request form N of "Nộp hồ sơ, yêu cầu" and
# waits for its first step.
open_form() {
	wait_for "3  Nộp hồ sơ, yêu cầu"
	send 3
	wait_for "$1  "
	send "$1"
	wait_for "Bước 1/"
}

# The receipt code shown on screen (empty when there is none).
receipt_code() {
	screen_text | grep -oE "[0-9]{3}-[0-9]{6}-[0-9]" | head -n 1
}

# Waits for the saved screen (of a request or of feedback) and its receipt
# printed; sets code to the receipt code it shows.
wait_saved() {
	wait_for "Mã biên nhận:  "
	code=$(receipt_code)
	[ -n "$code" ] || fail "no receipt code"
	wait_for "Đã in xong phiếu biên nhận"
}

# Fails unless the receipt screen's QR (15 rows of 29 columns at the right
# of rows 3 to 17), captured and turned into an image, reads CODE.
check_screen_qr() {
	local got
	screen_text | python3 -c '
import sys
lines = sys.stdin.read().split("\n")[2:17]
sys.stdout.write("".join(l[50:79].ljust(29) + "\n" for l in lines))' >"$TEST_TMP/qr.txt"
	python3 tests/cli/escpos_check.py screen dark "$TEST_TMP/qr.pbm" <"$TEST_TMP/qr.txt" ||
		fail "the QR on screen has other characters"
	got=$(zbarimg --raw -q -Sbinary "$TEST_TMP/qr.pbm" 2>/dev/null)
	[ "$got" = "$1" ] || fail "the QR on screen reads \"$got\", the code is $1"
}

# The lit text (black on yellow: a chosen option, the letter being tapped,
# the proposal # takes) of the first line holding TEXT, from the pane's
# colours.
lit_on_line() {
	"${TMUX_CMD[@]}" capture-pane -e -p | grep -F -- "$1" | head -n 1 | python3 -c '
import re, sys
line, lit, out = sys.stdin.read(), False, ""
for part in re.split(r"(\x1b\[[0-9;]*m)", line):
    if part.startswith("\x1b["):
        codes = part[2:-1].split(";")
        if "43" in codes:
            lit = True
        elif "49" in codes or codes in (["0"], [""]) or any(c in ("40", "41", "44") for c in codes):
            lit = False
    elif lit:
        out += part
print(out.strip())'
}
