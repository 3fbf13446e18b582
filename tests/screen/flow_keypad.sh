# The whole keypad request (keypad_flow.bash) typed with the characters a
# phone-style keypad sends: 0-9, * and #, and Backspace.
. tests/screen/lib.bash
KEYPAD_SENDS=chars KEYPAD_LAYOUT=phone OK_NAME="#" DEL_NAME="Xoá" KEYPAD_MODE=
. tests/screen/keypad_flow.bash
