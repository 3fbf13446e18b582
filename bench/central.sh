#!/bin/bash
# Benchmark against a real ODK Central (../shared/peers/odk-central beside
# the checkout; skipped otherwise): drains N spooled requests (default
# 1,000, of every form, saved as the kiosk saves them) to Central with
# `kioskctl sync --once`, then runs setup.sh's own client (one keep-alive
# connection, Python's http.client, N posts of the same kind) in the same
# run; prints both rates and their ratio (the target: at least 0.8).
# BENCH_CENTRAL_N changes the count.
cd "$(dirname "$0")/.." || exit 1
if [ ! -x ../shared/peers/odk-central/setup.sh ] || [ "$(id -u)" != 0 ]; then
	echo "central: skipped (no ../shared/peers/odk-central, or not root)"
	exit 0
fi
make -s build/kioskctl build/tools/form_fill || exit 1
. tests/upload/lib.sh
. tests/tools/central.bash
N=${BENCH_CENTRAL_N:-1000}
central_up
central_booth
central_fill "$N"
start=$(date +%s.%N)
kctl sync --once >/dev/null 2>"$T/log" || { tail -5 "$T/log"; fail "sync --once exited $?"; }
worker=$(echo "$(date +%s.%N) - $start" | bc -l)
[ "$(sql "SELECT count(*) FROM submissions WHERE state = 'sent'")" = "$N" ] || fail "not all sent"
# shellcheck disable=SC2046
env $(central_env) ../shared/peers/odk-central/setup.sh bench "$N" >"$T/client.json" 2>>"$T/log" ||
	fail "setup.sh bench"
client=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1])); assert d["statuses"] == {"201": d["posts"]}, d
print(d["per_second"])' "$T/client.json") || fail "the client's posts: $(cat "$T/client.json")"
w_rate=$(echo "$N / $worker" | bc -l)
printf 'central: kioskctl sync --once       %5d requests in %6.2f s  %7.1f requests/s\n' "$N" "$worker" "$w_rate"
printf 'central: setup.sh bench (keep-alive) %5d posts                %7.1f requests/s\n' "$N" "$client"
printf 'central: ratio %.2f (target: at least 0.8)\n' "$(echo "$w_rate / $client" | bc -l)"
