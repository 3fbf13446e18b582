#!/bin/bash
# The booth's voice ([voice] enabled) in the real kiosk, with a player that
# writes down what it is given (tests/tools/voice-player.sh) instead of
# sounding it: the repeat key (F1) says the screen with its numbered
# choices; a new screen cuts off the prompt being said (its child, the
# synthesis and the player, are gone) and says its own; the repeat key
# says it again; an idle reset stops speech and says nothing.
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
