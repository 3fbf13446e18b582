# The loopback provincial server of tests/upload/server.py for the screen
# tests of uploads: upload_server TOKEN starts it on $SRV (SRV_PID), and the
# test's end stops it and an upload daemon started as $DAEMON. srvctl PATH
# sends it a control request (see server.py). Source after lib.bash.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SRV=$TEST_TMP/srv
SRV_PID=
DAEMON=

# Starts the server, taking the bearer token $1.
upload_server() {
	local i
	"$PY" tests/upload/server.py --dir "$SRV" --token "$1" &
	SRV_PID=$!
	trap 'kill $SRV_PID $DAEMON 2>/dev/null; wait $SRV_PID $DAEMON 2>/dev/null; cleanup' EXIT
	for ((i = 0; i < 100; i++)); do
		[ -s "$SRV/port" ] && [ -s "$SRV/ctlport" ] && return 0
		sleep 0.1
	done
	fail "the upload server did not start"
}

# Sends the control request $1 to the server.
srvctl() {
	"$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10).read()' \
		"http://127.0.0.1:$(cat "$SRV/ctlport")/$1"
}

# Writes the booth's config for the server, with the bearer token $1 and
# short timeouts and backoff.
upload_config() {
	write_config "[upload]" "url = http://127.0.0.1:$(cat "$SRV/port")" "token = $1" \
		"retry_base_ms = 50" "retry_max = 1" "connect_timeout = 2"
}

# Starts the upload daemon ($DAEMON), its log in $TEST_TMP/sync.log.
upload_daemon() {
	./build/kioskctl --config "$KIOSK_CONFIG" sync --daemon 2>"$TEST_TMP/sync.log" &
	DAEMON=$!
}

# Saves $1 requests, starts the kiosk, sees them waiting in its footer,
# then starts the upload daemon.
upload_booth() {
	./build/tools/spool_fill "$TEST_TMP/var" "$1" >/dev/null || fail "spool_fill"
	start_kiosk
	wait_for "● Chưa có mạng · $1 hồ sơ chờ gửi"
	upload_daemon
}
