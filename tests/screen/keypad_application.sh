# The whole keypad request (keypad_flow.bash) typed on a PC numpad as tmux
# sends its keypad keys (KP0-KP9, KPEnter, KP*, KP+, KP.) to a terminal in
# keypad application mode, which the kiosk turns on (xterm's smkx): KP3
# comes as ESC O s, KPEnter as ESC O M, KP* as ESC O j. Enter and + act as
# #, the . key (Del) as Backspace.
. tests/screen/lib.bash
KEYPAD_SENDS=application KEYPAD_LAYOUT=pc OK_NAME="Enter" DEL_NAME="Del" KEYPAD_MODE=1
. tests/screen/keypad_flow.bash
