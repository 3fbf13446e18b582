#!/bin/bash
# Benchmark of the voice: the time from a key (F1, the repeat key, on the
# home screen of the real kiosk in tmux) to the start of speech (the player
# starting on the first prompt), with the prompts in the cache (as after
# `kioskctl voice build`) and without (each synthesised by espeak-ng on the
# spot); prints the medians of BENCH_N presses (default 15) and their ratio.
cd "$(dirname "$0")/.." || exit 1
make -s all build/content build/content/content.db || exit 1
command -v espeak-ng >/dev/null || { echo "voice: espeak-ng is missing (deploy/deps.sh test)"; exit 1; }
N=${BENCH_N:-15}
T=$(mktemp -d)
TMUX_CMD=(tmux -L "kiosk-bench-$$" -f /dev/null)
# Stops the kiosk (and what it started) before removing its folder.
finish() {
	"${TMUX_CMD[@]}" kill-server 2>/dev/null
	while pgrep -f "$T/k.ini" >/dev/null; do sleep 0.05; done
	rm -rf "$T"
}
trap finish EXIT
fail() { echo "voice: $*"; exit 1; }
cat >"$T/player" <<'SH'
#!/bin/sh
date +%s.%N >>"$(dirname "$0")/started"
SH
chmod +x "$T/player"
cat >"$T/k.ini" <<INI
[paths]
state_dir = $T/var
content_dir = $PWD/build/content
[voice]
enabled = yes
voice = vi-vn-x-central
player = $T/player
INI
./build/kioskctl --config "$T/k.ini" voice build >/dev/null || fail "voice build"
"${TMUX_CMD[@]}" new-session -d -x 80 -y 24 "env TERM=xterm-256color ./build/kiosk --config '$T/k.ini'"
for ((i = 0; i < 200; i++)); do
	"${TMUX_CMD[@]}" capture-pane -p | grep -q "TRẠM DỊCH VỤ CÔNG" && break
	sleep 0.05
done
# The kiosk's own build at start finds everything made; wait for it.
while pgrep -f "$T/k.ini voice build" >/dev/null; do sleep 0.05; done

# Seconds from F1 to the player's start, once; with $1 = cold the cache is
# emptied first.
press() {
	[ "$1" = cold ] && rm -rf "$T/var/voice"
	rm -f "$T/started"
	local t0 i
	t0=$(date +%s.%N)
	"${TMUX_CMD[@]}" send-keys F1
	for ((i = 0; i < 400; i++)); do
		[ -s "$T/started" ] && break
		sleep 0.005
	done
	[ -s "$T/started" ] || fail "no speech within 2 s of the key"
	echo "$(head -n 1 "$T/started") - $t0" | bc -l
}

# The median of the numbers on stdin.
median() {
	sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

press warm >/dev/null # the first one fills the kiosk's caches
for ((k = 0; k < N; k++)); do press warm; done >"$T/warm"
for ((k = 0; k < N; k++)); do press cold; done >"$T/cold"
warm=$(median <"$T/warm")
cold=$(median <"$T/cold")
printf 'voice: key to speech, median of %d: %.0f ms with the cache, %.0f ms synthesising (%.1fx)\n' \
	"$N" "$(echo "$warm * 1000" | bc -l)" "$(echo "$cold * 1000" | bc -l)" "$(echo "$cold / $warm" | bc -l)"
