#!/bin/bash
# The booth's voice ([voice] enabled) in the real kiosk, with a player that
# writes down what it is given (tests/tools/voice-player.sh) instead of
# sounding it: the repeat key (F1) says the screen with its numbered
# choices; a new screen cuts off the prompt being said (its child, the
# synthesis and the player, are gone) and says its own; the repeat key
# says it again; an idle reset stops speech and says nothing; without
# espeak-ng, and with a player that fails (no sound device), the booth goes
# on and logs it once.
. tests/screen/lib.bash
command -v espeak-ng >/dev/null || { echo "skip: espeak-ng is not installed (deploy/deps.sh test)"; exit 77; }
SAID=$TEST_TMP/said
: >"$SAID"
write_config "[ui]" "idle_timeout = 8" "idle_countdown = 3" \
	"[voice]" "enabled = yes" "voice = vi-vn-x-central" \
	"player = $PWD/tests/tools/voice-player.sh $SAID"

# Waits until a line of what was said is TEXT (the Nth such line, default
# 1); prints that line's process group.
said() {
	local text=$1 nth=${2:-1} i g
	for ((i = 0; i < 400; i++)); do
		g=$(awk -F'\t' -v t="$text" -v n="$nth" '$3 == t && ++c == n { print $2; exit }' "$SAID")
		[ -n "$g" ] && { echo "$g"; return 0; }
		sleep 0.05
	done
	fail "did not say \"$text\" (time $nth) within 20s; said: $(cut -f3 "$SAID")"
}

# Waits for the kiosk's background synthesis of every prompt (`kioskctl
# voice build`, started with the kiosk) to end, so nothing is left running.
build_done() {
	local i
	for ((i = 0; i < 600; i++)); do
		pgrep -f "$KIOSK_CONFIG voice build" >/dev/null || return 0
		sleep 0.05
	done
	fail "voice build still runs after 30s"
}

# Waits until no process of group $1 is left.
group_gone() {
	local i
	for ((i = 0; i < 200; i++)); do
		pgrep -g "$1" >/dev/null || return 0
		sleep 0.05
	done
	fail "the prompt's processes (group $1) still run: $(pgrep -a -g "$1")"
}

start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"

# The repeat key on the home screen: its title, then its choices.
send F1
said "TRẠM DỊCH VỤ CÔNG, Xã Nghĩa Hành" >/dev/null
g=$(said "Bấm số một: Tìm thủ tục, giấy tờ cần mang")
pgrep -g "$g" >/dev/null || fail "no process left of a prompt being said"

# A new screen cuts it off and says its own title.
send 1
said "Tìm thủ tục, giấy tờ cần mang" >/dev/null
group_gone "$g"
n=$(grep -c $'\tBấm số ' "$SAID")
[ "$n" -lt 9 ] || fail "the home screen's choices were all said after leaving it"
after=$(awk -F'\t' '$3 == "Tìm thủ tục, giấy tờ cần mang" { found = 1; next } found && $3 ~ /^Bấm số (một|hai|ba|bốn|năm|sáu|bảy|tám|chín):/' "$SAID")
[ -z "$after" ] || fail "the home prompt went on after the new screen: $after"
echo "ok: a new screen cuts off the old prompt"

# The repeat key says the screen again.
send F1
said "Tìm thủ tục, giấy tờ cần mang" 2 >/dev/null
echo "ok: the repeat key replays"

# A long prompt at the idle question; the reset stops it, says nothing.
echo 30 >"$SAID.secs"
wait_for "Bạn còn ở đây không?" 20
g=$(said "Bạn còn ở đây không?")
pgrep -g "$g" >/dev/null || fail "the idle question is not being said"
wait_for "TRẠM DỊCH VỤ CÔNG" 15
group_gone "$g"
last=$(tail -n 1 "$SAID" | cut -f3)
[ "$last" = "Bạn còn ở đây không?" ] || fail "said after the idle reset: $last"
echo "ok: an idle reset stops speech"

# Without espeak-ng (a PATH without it), then without a sound device (a
# player that fails): the booth goes on, and says why in its log once.
logged_once() {
	local text=$1 i n=0
	for ((i = 0; i < 200; i++)); do
		n=$(grep -c "$text" "$TEST_TMP/var/logs/kiosk.log" 2>/dev/null)
		[ "${n:-0}" -ge 1 ] && break
		sleep 0.05
	done
	[ "${n:-0}" -ge 1 ] || fail "not logged: $text"
	# More screens, each a prompt that fails the same way.
	for k in 0 7 0; do
		send $k
		if [ $k = 0 ]; then wait_for "9  Gọi cán bộ hỗ trợ"; else wait_gone "9  Gọi cán bộ hỗ trợ"; fi
	done
	for ((i = 0; i < 40; i++)); do pgrep -f "$KIOSK_CONFIG voice say" >/dev/null || break; sleep 0.05; done
	[ "$(grep -c "$text" "$TEST_TMP/var/logs/kiosk.log")" = 1 ] ||
		fail "logged more than once: $(grep "voice" "$TEST_TMP/var/logs/kiosk.log")"
}
build_done
kill -TERM "$(kiosk_pid)"
wait_exit >/dev/null
close_terminal
rm -rf "$TEST_TMP/var/voice" "$TEST_TMP/var/logs"
mkdir -p "$TEST_TMP/bin"
for t in sh sleep cat ps tr printf; do ln -sf "$(command -v $t)" "$TEST_TMP/bin/$t"; done
KIOSK_ENV="PATH=$TEST_TMP/bin" start_kiosk
wait_for "9  Gọi cán bộ hỗ trợ"
send 5
wait_gone "9  Gọi cán bộ hỗ trợ"
logged_once "voice: espeak-ng is not installed"
echo "ok: without espeak-ng the booth goes on, logged once"

kill -TERM "$(kiosk_pid)"
wait_exit >/dev/null
close_terminal
sed -i "s|^player = .*|player = false|" "$KIOSK_CONFIG"
start_kiosk
wait_for "9  Gọi cán bộ hỗ trợ"
send 5
wait_gone "9  Gọi cán bộ hỗ trợ"
logged_once "voice: the player (\[voice\] player) failed"
echo "ok: without a sound device the booth goes on, logged once"
build_done
