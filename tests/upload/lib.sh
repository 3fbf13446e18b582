# Shared steps of the upload tests (sourced by tests/cli/upload_*.sh): a
# scratch folder, the loopback server of tests/upload/server.py, a booth
# config pointing at it with short timeouts and backoff, and checks.
set -euo pipefail

# Debian's python3 (the test dependency) starts faster than a shim on PATH.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
T=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-upload.XXXXXX")
SRV=$T/srv
SRV_PID=
CURL_CA=
declare -a BG_PIDS=()

# Stops what the test started and removes the scratch folder.
cleanup() {
	local p
	for p in "${BG_PIDS[@]}" $SRV_PID; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	rm -rf "$T"
}
trap cleanup EXIT

# Prints a failure and stops the test.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# Polls (every 0.1 s, up to $2 seconds, default 30) until command $1 succeeds.
wait_for() {
	local i n=$(( ${2:-30} * 10 ))
	for ((i = 0; i < n; i++)); do
		if eval "$1"; then return 0; fi
		sleep 0.1
	done
	fail "timed out waiting for: $1"
}

# Starts the server (extra arguments go to server.py), on the same port as
# before when it was started already.
server_start() {
	local port=()
	[ -f "$SRV/port" ] && port=(--port "$(cat "$SRV/port")")
	rm -f "$SRV/port" "$SRV/ctlport"
	"$PY" tests/upload/server.py --dir "$SRV" --token secret "${port[@]}" "$@" &
	SRV_PID=$!
	wait_for '[ -s "$SRV/port" ] && [ -s "$SRV/ctlport" ]' 10
}

# Stops the server (kept on disk: a restart remembers what it stored).
server_stop() {
	kill "$SRV_PID"
	wait "$SRV_PID" 2>/dev/null || true
	SRV_PID=
}

# Sends a control request to the server (see server.py) and prints its stats.
srvctl() {
	"$PY" -c 'import sys, urllib.request
print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' \
		"http://127.0.0.1:$(cat "$SRV/ctlport")/$1"
}

# Prints one number from the server's stats.
stat() {
	"$PY" -c 'import json, sys, urllib.request
print(json.load(urllib.request.urlopen(sys.argv[1], timeout=10))[sys.argv[2]])' \
		"http://127.0.0.1:$(cat "$SRV/ctlport")/stats" "$1"
}

# Writes the booth's config for the server; extra lines go under [upload].
config() {
	local scheme=${SCHEME:-http}
	cat >"$T/kiosk.ini" <<INI
[paths]
state_dir = $T/state
[upload]
url = $scheme://127.0.0.1:$(cat "$SRV/port")/
token = secret
timeout = 10
connect_timeout = 2
stall_time = 1
retry_base_ms = 50
retry_max = 1
status_interval = 1
lookup_timeout = 3
INI
	local line
	for line in "$@"; do
		echo "$line" >>"$T/kiosk.ini"
	done
}

# Runs kioskctl on the test's config.
kctl() {
	./build/kioskctl --config "$T/kiosk.ini" "$@"
}

# Saves N requests in the spool; their "id receipt" lines go to $T/ids.
fill() {
	./build/tools/spool_fill "$T/state" "$1" >>"$T/ids"
}

# The id (or with 2 the receipt) of request number $1 (from 1).
req() {
	sed -n "${1}p" "$T/ids" | cut -d' ' -f"${2:-1}"
}

# Runs a query on the booth's state.db and prints the rows.
sql() {
	"$PY" -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))' "$T/state/state.db" "$1"
}

# The whole promise: all sent, one identical copy each on the server.
check() {
	"$PY" tests/upload/check.py "$T/state" "$SRV" "$@"
}

# Puts the booth's state folder on its own tmpfs of SIZE (e.g. 4m), unmounted
# at the end (root needed, as the booth's tests run).
state_tmpfs() {
	mkdir -p "$T/state"
	mount -t tmpfs -o "size=$1" tmpfs "$T/state" || fail "cannot mount a tmpfs (root needed)"
	trap 'umount -l "$T/state"; cleanup' EXIT
}

# Fills the state folder's file system to its last byte; disk_free frees it.
disk_fill() {
	dd if=/dev/zero of="$T/state/fill" bs=64k 2>/dev/null || true
	dd if=/dev/zero of="$T/state/fill2" bs=1 2>/dev/null || true
	[ "$(df --output=avail "$T/state" | tail -n 1 | tr -d ' ')" = 0 ] || fail "the disk is not full"
}
disk_free() {
	rm -f "$T/state/fill" "$T/state/fill2"
}

# Makes a CA and a certificate for 127.0.0.1 signed by it in $T/tls, and
# the public-key pins of the server's key (PIN) and of another key (BADPIN).
tls_setup() {
	local d=$T/tls
	mkdir -p "$d"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
		-subj "/CN=Kiosk test CA" -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
		-subj "/CN=127.0.0.1" -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
	printf 'subjectAltName = IP:127.0.0.1, DNS:localhost\n' >"$d/ext"
	openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" \
		-CAcreateserial -days 2 -extfile "$d/ext" -out "$d/server.crt" 2>/dev/null
	PIN="sha256//$(openssl x509 -in "$d/server.crt" -pubkey -noout |
		openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"
	BADPIN="sha256//$(openssl pkey -in "$d/ca.key" -pubout -outform der |
		openssl dgst -sha256 -binary | base64)"
}
