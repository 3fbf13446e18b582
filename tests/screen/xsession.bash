# Helpers for the touch booth's X session (deploy/kiosk-touch-session) under
# Xvfb: start a private X server and the session on it with this checkout's
# kiosk, take screenshots, read them back with Vietnamese OCR
# (tests/tools/ocr.py), and click character cells as a finger would.
# Source it after tests/screen/lib.bash, from the top of the checkout. Every
# wait polls; the X server, the xterm and the kiosk are stopped on exit.

for tool in Xvfb xterm xdotool xwininfo xset xkbcomp setxkbmap import convert tesseract xprintidle; do
	if ! command -v "$tool" >/dev/null; then
		echo "skipped: $tool is not installed (deploy/deps.sh test installs it)"
		exit 77
	fi
done
if ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
	echo "skipped: Tesseract has no Vietnamese model (tesseract-ocr-vie)"
	exit 77
fi

XVFB_PID=""
SESSION_PID=""
TOUCH_CONFIG="$TEST_TMP/touch.ini"
SHOT="$TEST_TMP/shot.png"

# Stops the session (its xterm; the kiosk gets SIGHUP from its closed
# terminal) and the X server, waiting until both are gone.
x_cleanup() {
	local pid i
	for pid in $SESSION_PID $(touch_kiosk_pid) $XVFB_PID; do
		kill -TERM "$pid" 2>/dev/null || continue
		for ((i = 0; i < 100; i++)); do
			running "$pid" || break
			sleep 0.05
		done
		kill -KILL "$pid" 2>/dev/null
	done
	return 0
}
trap 'x_cleanup; cleanup' EXIT

# Starts Xvfb with a black root window (so a blanked screen is black) on a
# free display number, WIDTHxHEIGHT pixels, and sets DISPLAY. -noreset keeps
# settings made by clients that have gone (as the booth's Xorg does).
start_x() {
	local i
	Xvfb -displayfd 3 -noreset -br -nolisten tcp -screen 0 "$1x$2x24" \
		3>"$TEST_TMP/display" >"$TEST_TMP/xvfb.log" 2>&1 &
	XVFB_PID=$!
	for ((i = 0; i < 200; i++)); do
		[ -s "$TEST_TMP/display" ] && break
		sleep 0.05
	done
	[ -s "$TEST_TMP/display" ] || fail "Xvfb did not start: $(cat "$TEST_TMP/xvfb.log")"
	export DISPLAY=":$(cat "$TEST_TMP/display")"
}

# Writes the session's config: the test booth's (write_config), with its own
# state folder, then the lines given (INI).
write_touch_config() {
	sed "s|^state_dir = .*|state_dir = $TEST_TMP/touch-var|" "$KIOSK_CONFIG" >"$TOUCH_CONFIG"
	printf '%s\n' "$@" >>"$TOUCH_CONFIG"
}

# Runs the session script, as kiosk-touch.service runs it under xinit, on
# DISPLAY with this checkout's kiosk; waits until its window is up.
start_session() {
	local i
	KIOSK_PROGRAM=$PWD/build/kiosk deploy/kiosk-touch-session "$TOUCH_CONFIG" \
		>"$TEST_TMP/session.log" 2>&1 &
	SESSION_PID=$!
	for ((i = 0; i < 200; i++)); do
		[ -n "$(touch_kiosk_pid)" ] && xwininfo -name kiosk >/dev/null 2>&1 && return 0
		sleep 0.05
	done
	fail "the session did not start: $(cat "$TEST_TMP/session.log")"
}

# True while the process PID runs (a child that ended and was not yet
# waited for does not).
running() {
	ps -o stat= -p "$1" 2>/dev/null | grep -qv Z
}

# The process id of the session's kiosk.
touch_kiosk_pid() {
	pgrep -f "build/kiosk --config $TOUCH_CONFIG" | head -n 1
}

# Prints "ROWS COLS" of the session kiosk's terminal.
touch_size() {
	stty -F "/proc/$(touch_kiosk_pid)/fd/0" size
}

# Takes a screenshot of the whole X screen into $SHOT.
screenshot() {
	import -window root "$SHOT" || fail "no screenshot"
}

# Waits until the screen reads every PHRASE given (up to 30 seconds).
wait_read() {
	local end=$((SECONDS + 30))
	while [ "$SECONDS" -lt "$end" ]; do
		screenshot
		python3 tests/tools/ocr.py has "$SHOT" "$@" >"$TEST_TMP/ocr.txt" && return 0
		sleep 0.2
	done
	echo "FAIL: the screen does not read as wanted"
	cat "$TEST_TMP/ocr.txt"
	exit 1
}

# Prints the mean brightness of the screen, 0 (black) to 1 (white).
brightness() {
	screenshot
	convert "$SHOT" -colorspace gray -format '%[fx:mean]' info:
}

# Sets CELL_W CELL_H: the size in pixels of one character cell of the
# kiosk's xterm (its window's size over its terminal's rows and columns),
# and WIN_X WIN_Y: where the window starts on the screen.
cell_geometry() {
	local rows cols w h
	read -r rows cols <<<"$(touch_size)"
	read -r WIN_X WIN_Y w h <<<"$(xwininfo -name kiosk | awk '
		/Absolute upper-left X/ { x = $NF } /Absolute upper-left Y/ { y = $NF }
		/^ *Width:/ { w = $2 } /^ *Height:/ { h = $2 } END { print x, y, w, h }')"
	CELL_W=$((w / cols))
	CELL_H=$((h / rows))
}

# Prints "ROW COL" (1-based) of the cell under the pixel X Y.
cell_at() {
	cell_geometry
	echo $((($2 - WIN_Y) / CELL_H + 1)) $((($1 - WIN_X) / CELL_W + 1))
}

# A finger on the middle of the cell ROW COL of the kiosk's xterm: the
# pointer moves there, button 1 goes down and up (as a touch screen's
# emulated pointer does).
click_cell() {
	cell_geometry
	xdotool mousemove --sync $((WIN_X + ($2 - 1) * CELL_W + CELL_W / 2)) \
		$((WIN_Y + ($1 - 1) * CELL_H + CELL_H / 2)) click 1
}
