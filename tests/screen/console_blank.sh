# The screen never goes dark on the Linux console: with TERM=linux the
# kiosk writes the console's "no blanking" and "no power-down" sequences
# (what `setterm --blank 0 --powerdown 0` writes) before its first screen,
# and again after a resize; in another terminal it does not. Everything
# the kiosk writes is recorded by script(1) in the tmux pane.
. tests/screen/lib.bash
command -v script >/dev/null || { echo "skipped: no script(1) (util-linux)"; exit 77; }

# What setterm writes for it, when setterm is there: the same bytes.
awake=$'\033[9;0]\033[14;0]'
if command -v setterm >/dev/null; then
	[ "$(TERM=linux setterm --blank 0 --powerdown 0)" = "$awake" ] ||
		fail "setterm writes other bytes: $(TERM=linux setterm --blank 0 --powerdown 0 | od -c)"
fi

# Starts the kiosk with TERM=$1 under script, recording into $TEST_TMP/out.
start_recorded() {
	rm -f "$TEST_TMP/exit" "$TEST_TMP/out"
	write_config
	"${TMUX_CMD[@]}" new-session -d -x 80 -y 24 \
		"script -q -f -e -c \"env TERM=$1 ./build/kiosk --config '$KIOSK_CONFIG'\" '$TEST_TMP/out'; echo \$? >'$TEST_TMP/exit'; sleep 600"
}

# The kiosk's process id (not script's, whose command line names it too).
kiosk_pid() {
	pgrep -f "^\./build/kiosk --config $KIOSK_CONFIG" | head -n 1
}

# How many times the recording holds the sequences.
count_awake() {
	python3 -c 'import sys; print(open(sys.argv[1], "rb").read().count(sys.argv[2].encode()))' \
		"$TEST_TMP/out" "$awake"
}

start_recorded linux
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
[ "$(count_awake)" -ge 1 ] || fail "TERM=linux: the kiosk did not turn blanking off: $(head -c 200 "$TEST_TMP/out" | od -c | head)"
python3 - "$TEST_TMP/out" "$awake" <<'PY' || fail "the sequences came after the screen was drawn"
import sys
data = open(sys.argv[1], "rb").read()
at = data.find(sys.argv[2].encode())
drawn = data.find("Tìm thủ tục".encode())
sys.exit(0 if 0 <= at < drawn else 1)
PY
echo "ok: TERM=linux: blanking and power-down off before the first screen"

# A resize (the console's size changed, a font loaded): sent again.
"${TMUX_CMD[@]}" resize-window -x 100 -y 30
for ((i = 0; i < 200; i++)); do
	[ "$(count_awake)" -ge 2 ] && break
	sleep 0.05
done
[ "$(count_awake)" -ge 2 ] || fail "not sent again after a resize"
echo "ok: sent again after a resize"
# Ended with SIGTERM as on a booth: script's terminal outlives tmux's.
kill -TERM "$(kiosk_pid)"
[ "$(wait_exit)" = 0 ] || fail "the kiosk did not end cleanly on SIGTERM"
close_terminal

# Another terminal is not sent the console's own sequences.
start_recorded xterm-256color
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
[ "$(count_awake)" -eq 0 ] || fail "TERM=xterm-256color got the Linux console's sequences"
echo "ok: not in an xterm"
