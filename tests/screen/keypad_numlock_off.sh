# The whole keypad request (keypad_flow.bash) typed on a PC numpad with
# NumLock off, the cursor keys printed under its digits taken as the
# digits: first on the Linux console (TERM=linux, whose keypad stays in
# numeric mode: Insert End Down PgDn Left ESC [ G Right Home Up PgUp, and
# Delete for the . key), then in xterm with the cursor keys in application
# mode (the middle key ESC O E, Home and End as tmux sends them: ESC [ 1 ~
# and ESC [ 4 ~, which xterm's terminfo entry does not name).
. tests/screen/lib.bash
KEYPAD_SENDS=numlock-off KEYPAD_LAYOUT=pc OK_NAME="Enter" DEL_NAME="Del"
if [ "${1:-}" != xterm ]; then
	KIOSK_ENV="TERM=linux" MIDDLE_KEY="1b 5b 47" KEYPAD_MODE=0
	(. tests/screen/keypad_flow.bash) || exit 1
	cleanup
	exec bash "$0" xterm
fi
MIDDLE_KEY="1b 4f 45" KEYPAD_MODE=1
. tests/screen/keypad_flow.bash
