# Every key a keyboard booth's terminal can send (xterm through tmux, and
# the Linux console's own sequences): cursor, editing and function keys,
# plain and with Shift, Ctrl, Alt and their pairs, typed into a text field
# leave only the text typed; Home and End move the cursor, Delete deletes
# the character after it (not the one before, as Backspace does).
. tests/screen/lib.bash
start_form "9  Xác nhận thông tin cư trú" "Bước 1/2: Người xin xác nhận"
send_raw "an"
wait_for "[An▌"

# tmux's keys: the keys that do not edit, plain, and every editing and
# function key with every modifier (none of them edits).
send PPage NPage IC F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 Up BTab
keys=(Home End PPage NPage IC DC F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 Left Right Up)
for k in "${keys[@]}"; do
	for m in S- C- M- C-S- C-M- S-M- C-S-M-; do
		send "$m$k"
	done
done
# Sequences tmux does not send for a key name: the Linux console's F1-F5,
# Insert, Page Up/Down and the keypad's middle key; xterm's F13-F20,
# modified keys in other spellings, modifyOtherKeys, and rxvt's modified
# editing keys.
for seq in $'\e[[A' $'\e[[B' $'\e[[C' $'\e[[D' $'\e[[E' $'\e[2~' $'\e[5~' $'\e[6~' $'\e[G' \
	$'\e[17~' $'\e[25~' $'\e[34~' $'\eOP' $'\eOQ' $'\eOR' $'\eOS' $'\eOE' $'\e[E' $'\e[1;5H' \
	$'\e[1;2F' $'\e[3;5~' $'\e[2;3~' $'\e[5;5~' $'\e[6;2~' $'\e[1;2P' $'\e[15;5~' $'\e[24;8~' \
	$'\e[1;6S' $'\e[27;5;9~' $'\e[Z' $'\eO2P' $'\eO5A' $'\e[3$' $'\e[2^' $'\e[7@'; do
	send_raw "$seq"
done
# Last a letter: once it shows, every key before it was read.
send_raw "b"
wait_for "[Anb▌"
screen_text | grep -F "Họ và tên" | grep -qE '\[Anb▌ +\]$' || fail "more than the text in the field"
screen_text | grep -qE '\[[0-9;]+[~A-Z$^@]|\[\[|O[0-9]*[P-S]' && fail "escape text on screen"
send BSpace
wait_for "[An▌"

# Home then Delete: the first letter goes; End then a letter: at the end.
send Home DC
wait_for "[n "
send End
send_raw "h"
wait_for "[Nh▌"
# Left then Delete deletes the letter after the cursor; Backspace the one before.
send_raw "ung"
wait_for "[Nhung▌"
send Left Left DC
wait_for "[Nhug "
send End BSpace
wait_for "[Nhu▌"
# The same keys as the Linux console and xterm's other modes send them.
send_raw $'\e[1~'
send_raw $'\e[3~'
wait_for "[hu "
send_raw $'\e[4~'
send_raw "e"
wait_for "[Hue▌"
send_raw $'\eOH'
send_raw $'\e[3~'
send_raw $'\e[F'
send_raw "n"
wait_for "[Uen▌"
send_raw $'\e[H'
send_raw $'\eOF'
send_raw "t"
wait_for "[Uent▌"
