# Every way out a villager (or a keyboard left on the booth) could try,
# beyond tests/screen/lockdown.sh: control keys on the home screen and in a
# text field, every function key, Alt with letters, digits and arrows, Esc
# sequences cut short or meant for the terminal (OSC, DCS, APC, a title
# change, bracketed-paste markers, C1 controls), a 200 kB paste into the
# search field, mouse drags, wheel and other buttons. Afterwards it is the
# same kiosk process, still in the foreground of its terminal (no shell),
# the title not changed, and it answers as before: home, a search, a page.
. tests/screen/lib.bash
# The kiosk is the pane's own process (exec, as under getty): were it to
# stop, nothing but a dead pane would be left, and any program it started
# in the foreground would show as the pane's current command.
write_config
"${TMUX_CMD[@]}" new-session -d -x 80 -y 24 \
	"exec env TERM=xterm-256color ./build/kiosk --config '$KIOSK_CONFIG'"
"${TMUX_CMD[@]}" set-option -g remain-on-exit on
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
pid=$("${TMUX_CMD[@]}" display -p '#{pane_pid}')
[ "$(kiosk_pid)" = "$pid" ] || fail "the pane is not the kiosk"
title=$("${TMUX_CMD[@]}" display -p '#{pane_title}')

# Checks the kiosk is the same process, in the foreground, and back home.
still_kiosk() {
	[ "$("${TMUX_CMD[@]}" display -p '#{pane_dead}')" = 0 ] || fail "the kiosk exited ($1)"
	[ "$(kiosk_pid)" = "$pid" ] || fail "the kiosk was restarted or stopped ($1)"
	local cmd
	cmd=$("${TMUX_CMD[@]}" display -p '#{pane_current_command}')
	[ "${cmd##*/}" = kiosk ] || fail "the pane runs $cmd ($1)"
	[ "$("${TMUX_CMD[@]}" display -p '#{pane_title}')" = "$title" ] || fail "the title changed ($1)"
}

# Goes home the way a villager does (0 until the home screen shows).
go_home() {
	local i
	for ((i = 0; i < 10; i++)); do
		screen_text | grep -qF "1  Tìm thủ tục, giấy tờ cần mang" && return 0
		send 0
		sleep 0.2
	done
	wait_for "1  Tìm thủ tục, giấy tờ cần mang"
}

# Control keys, on the home screen and in the search field.
controls=(C-a C-b C-c C-d C-e C-f C-g C-h C-k C-l C-n C-o C-p C-q C-r C-s C-t C-u C-v
	C-w C-x C-y C-z 'C-\' 'C-]' 'C-^' 'C-_' C-Space Escape Tab BTab)
send "${controls[@]}"
still_kiosk "control keys at home"
send 1
wait_for "Gõ vài chữ, không cần dấu:"
send "${controls[@]}"
still_kiosk "control keys in a text field"
go_home

# Function and editing keys, plain and with modifiers; Alt with keys.
for k in F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 Home End PPage NPage IC DC; do
	send "$k" "S-$k" "C-$k" "M-$k"
done
send M-x M-c M-z M-d M-q M-Up M-Down M-Left M-Right M-Enter M-Escape M-BSpace C-M-c C-M-z
still_kiosk "function and Alt keys"
go_home

# Escape sequences: broken, unknown, and ones a terminal would act on.
for seq in $'\e' $'\e[' $'\e[9' $'\e[99;99' $'\e[?1049l' $'\e[?25h' $'\e]0;HACKED\a' \
	$'\e]2;HACKED\e\\' $'\eP+q544e\e\\' $'\e_APC\e\\' $'\e^PM\e\\' $'\e[200~rm -rf /\e[201~' \
	$'\e[31;1m' $'\ec' $'\e[2J' $'\e[6n' $'\e[>c' $'\e[?1000h' $'\eO' $'\eOP' $'\e[[A' \
	$'\xc2\x9b31m' $'\xc2\x9d0;HACKED\xc2\x9c' $'\xc2\x85' $'\x7f'; do
	send_raw "$seq"
done
still_kiosk "escape sequences"
go_home

# A 200 kB paste into the search field (plain, then bracketed).
send 1
wait_for "Gõ vài chữ, không cần dấu:"
python3 -c 'import sys; sys.stdout.write("khai sinh ket hon chung thuc " * 7000)' >"$TEST_TMP/paste"
"${TMUX_CMD[@]}" load-buffer "$TEST_TMP/paste"
"${TMUX_CMD[@]}" paste-buffer
printf '\e[200~%s\e[201~' "$(head -c 50000 "$TEST_TMP/paste")" >"$TEST_TMP/paste2"
"${TMUX_CMD[@]}" load-buffer "$TEST_TMP/paste2"
"${TMUX_CMD[@]}" paste-buffer
wait_for "khai sinh ket hon chung thuc khai sinh ket hon"
still_kiosk "a huge paste"
# The field still takes keys: cleared, then a search that works.
send C-u
for ((i = 0; i < 300; i++)); do send BSpace; done
still_kiosk "deleting the paste"
go_home

# Mouse: drags, the wheel, the middle and right buttons, presses outside
# any button; as SGR reports and as the old X10 form.
for ((i = 1; i <= 24; i++)); do
	send_raw "$(printf '\e[<32;%d;%dM' $((i * 3)) "$i")"  # drag with the button down
	send_raw "$(printf '\e[<64;%d;%dM' 40 "$i")"          # wheel up
	send_raw "$(printf '\e[<65;%d;%dM' 40 "$i")"          # wheel down
	send_raw "$(printf '\e[<1;%d;%dM\e[<1;%d;%dm' 10 "$i" 10 "$i")" # middle
	send_raw "$(printf '\e[<2;%d;%dM\e[<2;%d;%dm' 70 "$i" 70 "$i")" # right
done
send_raw $'\e[M !!\e[M#!!\e[M`!!'
send_raw $'\e[<0;500;500M\e[<0;500;500m'
still_kiosk "mouse"
go_home

# Still answers as before: a search and a procedure's page.
send 1
wait_for "Gõ vài chữ, không cần dấu:"
send_raw "ket hon"
wait_for "1  Thủ tục đăng ký kết hôn"
send 1
wait_for "Mã 1.000894 · Hộ tịch"
send 0 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
still_kiosk "the end"
screen_text | grep -qF "HACKED" && fail "text of an escape sequence shows on screen"
true
