# The footer shows what the upload daemon records: requests waiting and
# "no network" before it reaches the server; "network", none waiting and
# the time of the last upload once it sent them; "no network" and the new
# request waiting when the server goes away.
. tests/screen/lib.bash
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SRV=$TEST_TMP/srv
"$PY" tests/upload/server.py --dir "$SRV" --token secret &
SRV_PID=$!
DAEMON=
trap 'kill $SRV_PID $DAEMON 2>/dev/null; wait $SRV_PID $DAEMON 2>/dev/null; cleanup' EXIT
for ((i = 0; i < 100; i++)); do
	[ -s "$SRV/port" ] && break
	sleep 0.1
done
write_config "[upload]" "url = http://127.0.0.1:$(cat "$SRV/port")" "token = secret" \
	"retry_base_ms = 50" "retry_max = 1" "connect_timeout = 2"
./build/tools/spool_fill "$TEST_TMP/var" 3 >/dev/null || fail "spool_fill"
start_kiosk
wait_for "● Chưa có mạng · 3 hồ sơ chờ gửi"
./build/kioskctl --config "$KIOSK_CONFIG" sync --daemon 2>"$TEST_TMP/sync.log" &
DAEMON=$!
wait_for "● Có mạng · gửi lần cuối lúc" 20
screen_text | grep -q "hồ sơ chờ gửi" && fail "requests still counted as waiting"
kill "$SRV_PID"
wait "$SRV_PID" 2>/dev/null
./build/tools/spool_fill "$TEST_TMP/var" 1 >/dev/null || fail "spool_fill"
wait_for "● Chưa có mạng · 1 hồ sơ chờ gửi · gửi lần cuối lúc" 20
