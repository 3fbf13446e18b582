#!/bin/bash
# Benchmark of the upload worker: drains N spooled requests (default
# 10,000) to the loopback test server with `kioskctl sync --once`, then
# posts the same bodies with the same headers to a fresh server with a loop
# of the curl command line; prints both rates and their ratio (the target:
# at least 10). BENCH_N and BENCH_CURL_N (default N) change the counts.
cd "$(dirname "$0")/.." || exit 1
make -s build/kioskctl build/tools/spool_fill || exit 1
command -v curl >/dev/null || { echo "upload: the curl command is missing (deploy/deps.sh test)"; exit 1; }
. tests/upload/lib.sh
N=${BENCH_N:-10000}
CURL_N=${BENCH_CURL_N:-$N}

# Seconds since the epoch with fractions.
now() {
	date +%s.%N
}

server_start --memory
config
fill "$N"
start=$(now)
kctl sync --once 2>"$T/log" >/dev/null || { tail -5 "$T/log"; fail "sync --once exited $?"; }
worker=$(echo "$(now) - $start" | bc -l)
[ "$(stat stored)" = "$N" ] || fail "the server stored $(stat stored) of $N"
[ "$(stat connections)" = 1 ] || fail "connections: $(stat connections)"

# The same bodies, one file each, for curl.
mkdir -p "$T/bodies"
"$PY" - "$T/state/state.db" "$T/bodies" "$CURL_N" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = "SELECT id, body FROM submissions ORDER BY created_at, rowid LIMIT ?"
for rid, body in db.execute(q, (int(sys.argv[3]),)):
    with open(os.path.join(sys.argv[2], rid), "wb") as f:
        f.write(body)
PY
server_stop
SRV=$T/srv2
server_start --memory
url="http://127.0.0.1:$(cat "$SRV/port")/submissions"
start=$(now)
for f in "$T"/bodies/*; do
	curl -s -o /dev/null --fail -X POST --data-binary "@$f" -H "Idempotency-Key: ${f##*/}" \
		-H "Authorization: Bearer secret" -H "Content-Type: application/json; charset=utf-8" \
		"$url" || fail "curl failed"
done
loop=$(echo "$(now) - $start" | bc -l)
[ "$(stat stored)" = "$CURL_N" ] || fail "the server stored $(stat stored) of $CURL_N"

w_rate=$(echo "$N / $worker" | bc -l)
c_rate=$(echo "$CURL_N / $loop" | bc -l)
printf 'upload: kioskctl sync --once  %6d requests in %7.2f s  %8.1f requests/s\n' "$N" "$worker" "$w_rate"
printf 'upload: curl command loop     %6d requests in %7.2f s  %8.1f requests/s\n' "$CURL_N" "$loop" "$c_rate"
printf 'upload: ratio %.1f (target: at least 10)\n' "$(echo "$w_rate / $c_rate" | bc -l)"
