#!/bin/bash
# kioskctl metrics for Prometheus: promtool accepts the output for booths
# in several states (fresh, offline with requests waiting, a quarantined
# request, a printer out of paper, a call for a helper, a full state disk) and the values say
# that state; the timer's command writes kiosk.prom that a real
# prometheus-node-exporter on loopback serves; the alert rules pass their
# promtool tests; the example scrape config is valid; the rules and the
# Grafana dashboard name only metrics that exist.
. tests/upload/lib.sh
MOUNTS=()
trap 'for m in "${MOUNTS[@]}"; do umount -l "$m"; done; [ -n "${NE_PID:-}" ] && kill "$NE_PID"; cleanup' EXIT

# Prints booth b1's metrics, checked by promtool.
metrics() {
	kctl metrics >"$T/m" || fail "kioskctl metrics"
	promtool check metrics <"$T/m" >"$T/lint" 2>&1 || fail "promtool check metrics: $(cat "$T/lint")"
}

# The value of the sample $1 (name and labels after booth, e.g.
# 'kiosk_printer{booth="b1",state="ok"}') in the last metrics.
value() {
	awk -v s="$1" '$1 == s { print $2 }' "$T/m"
}

# Fails unless sample $1 has the value $2.
expect() {
	[ "$(value "$1")" = "$2" ] || fail "$1 is '$(value "$1")', not $2: $(cat "$T/m")"
}

server_start
config "[booth]" "id = b1" "[metrics]" "textfile_dir = $T/textfile" \
	"[printer]" "type = file" "path = $T/printer"

metrics
expect 'kiosk_requests_waiting{booth="b1"}' 0
expect 'kiosk_link{booth="b1",state="unknown"}' 1
expect 'kiosk_printer{booth="b1",state="unknown"}' 1
expect 'kiosk_starts_total{booth="b1"}' 0
expect 'kiosk_helper_calls_open{booth="b1"}' 0
expect 'kiosk_helper_call_oldest_age_seconds{booth="b1"}' 0
grep -q "^kiosk_software_info{booth=\"b1\",version=\"$(cat VERSION)\"} 1$" "$T/m" || fail "software_info"
grep -q '^# TYPE kiosk_requests_sent_total counter$' "$T/m" || fail "sent is not a counter"
echo "ok: a fresh booth"

# Offline: three requests saved, the server down.
server_stop
fill 3
kctl sync --once >/dev/null 2>&1 && fail "sync --once with the server down"
metrics
expect 'kiosk_requests_waiting{booth="b1"}' 3
expect 'kiosk_link{booth="b1",state="unreachable"}' 1
expect 'kiosk_link{booth="b1",state="reached"}' 0
age=$(value 'kiosk_oldest_waiting_age_seconds{booth="b1"}')
[ "$age" -ge 0 ] && [ "$age" -lt 600 ] || fail "oldest waiting age $age"
grep -q 'kiosk_last_upload_age_seconds' "$T/m" && fail "an upload age before any upload"
echo "ok: offline with requests waiting"

# The server back, refusing one request: two sent, one quarantined.
server_start
srvctl "reject?id=$(req 2)" >/dev/null
kctl sync --once >/dev/null 2>&1 || true # exits 3: one quarantined
metrics
expect 'kiosk_requests_waiting{booth="b1"}' 0
expect 'kiosk_requests_quarantined{booth="b1"}' 1
expect 'kiosk_requests_sent_total{booth="b1"}' 2
expect 'kiosk_link{booth="b1",state="reached"}' 1
[ -n "$(value 'kiosk_last_upload_age_seconds{booth="b1"}')" ] || fail "no upload age"
grep -q "$(req 2 2)\|$(req 2)" "$T/m" && fail "a receipt code or id in the metrics"
echo "ok: a quarantined request"

# A two-way printer on a serial line that answers the paper query with
# "paper end"; the kiosk's print then says no paper.
"$PY" -c 'import os, pty, sys, time
m, s = pty.openpty()
tty = os.ttyname(s)
import tty as t; t.setraw(s)
print(tty, flush=True)
end = time.time() + 30
buf = b""
while time.time() < end:
    buf += os.read(m, 4096)
    if b"\x10\x04\x04" in buf:
        os.write(m, b"\x72")
        buf = b""' >"$T/pty" &
BG_PIDS+=($!)
wait_for '[ -s "$T/pty" ]' 10
sed -i -e "s|^type = file|type = device|" -e "s|^path = $T/printer|path = $(cat "$T/pty")\ntimeout = 2|" \
	"$T/kiosk.ini"
kctl printer test >"$T/out" 2>&1 && fail "printed without paper"
grep -q "out of paper" "$T/out" || fail "printer test: $(cat "$T/out")"
metrics
expect 'kiosk_printer{booth="b1",state="no_paper"}' 1
expect 'kiosk_printer{booth="b1",state="ok"}' 0
at=$(value 'kiosk_printer_checked_timestamp_seconds{booth="b1"}')
[ $(($(date +%s) - at)) -lt 600 ] || fail "printer checked at $at"
echo "ok: a printer out of paper"

# The kiosk's starts (state.db settings written by the kiosk at start).
"$PY" - "$T/state/state.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('kiosk.starts', '7')")
db.commit()
PY
metrics
expect 'kiosk_starts_total{booth="b1"}' 7

# A villager's call for a helper, made 12 minutes ago and not answered.
"$PY" - "$T/state/state.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO helper_calls (at, screen, booth) VALUES (?, 'home', 'b1')", (int(time.time()) - 720,))
db.commit()
PY
metrics
expect 'kiosk_helper_calls_open{booth="b1"}' 1
age=$(value 'kiosk_helper_call_oldest_age_seconds{booth="b1"}')
[ "$age" -ge 720 ] && [ "$age" -lt 1300 ] || fail "helper call age $age"
kctl calls answer all >/dev/null || fail "calls answer all"
metrics
expect 'kiosk_helper_calls_open{booth="b1"}' 0
echo "ok: an open call for a helper"

# A full state disk: the booth's state on a small tmpfs, filled while the
# database is open in another program, as the kiosk keeps it on a booth.
# (Opening state.db afresh on a full disk is another matter: the WAL index
# needs space.)
small=$T/small
mkdir -p "$small"
mount -t tmpfs -o size=4m tmpfs "$small" || fail "cannot mount a tmpfs (root needed)"
MOUNTS+=("$small")
cp -a "$T/state" "$small/state"
sed -i "s|^state_dir = .*|state_dir = $small/state|" "$T/kiosk.ini"
"$PY" -c 'import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM settings").fetchall()
open(sys.argv[2], "w").close()
time.sleep(60)' "$small/state/state.db" "$T/held" &
BG_PIDS+=($!)
wait_for '[ -e "$T/held" ]' 10
dd if=/dev/zero of="$small/fill" bs=64k 2>/dev/null || true # until the disk is full
dd if=/dev/zero of="$small/fill2" bs=1 2>/dev/null || true
metrics
expect 'kiosk_state_disk_free_bytes{booth="b1"}' 0
expect 'kiosk_requests_quarantined{booth="b1"}' 1
echo "ok: a full state disk"
rm -f "$small/fill" "$small/fill2"

# The timer's command writes kiosk.prom, which node_exporter serves.
mkdir -p "$T/textfile"
cmd=$(sed -n 's/^ExecStart=//p' deploy/kiosk-metrics.service)
cmd=${cmd//\/usr\/bin\/kioskctl/./build/kioskctl}
cmd=${cmd//\/etc\/kiosk\/kiosk.ini/$T/kiosk.ini}
$cmd || fail "$cmd"
[ "$(command stat -c %a "$T/textfile/kiosk.prom")" = 644 ] || fail "kiosk.prom is not readable by node_exporter"
ls -a "$T/textfile" | grep -v '^\.\.\?$' | grep -vqx kiosk.prom && fail "left files: $(ls -a "$T/textfile")"
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
prometheus-node-exporter --web.listen-address="127.0.0.1:$port" --collector.disable-defaults \
	--collector.textfile --collector.textfile.directory="$T/textfile" >"$T/ne.log" 2>&1 &
NE_PID=$!
wait_for "curl -sf http://127.0.0.1:$port/metrics >'$T/scraped'" 10
grep -q '^kiosk_requests_quarantined{booth="b1"} 1$' "$T/scraped" || fail "node_exporter: $(cat "$T/scraped")"
grep -q 'node_textfile_scrape_error 0' "$T/scraped" || fail "textfile scrape error"
echo "ok: node_exporter serves what the timer's command wrote"

# Rules, scrape config, dashboard.
promtool test rules tests/prometheus/kiosk-rules.test.yml >"$T/out" 2>&1 || fail "$(cat "$T/out")"
(cd deploy/prometheus && promtool check config prometheus.yml) >"$T/out" 2>&1 || fail "$(cat "$T/out")"
"$PY" - "$T/m" deploy/grafana/kiosk-fleet.json deploy/prometheus/kiosk-rules.yml <<'PY' || fail "names"
import json, re, sys
have = {l.split()[2] for l in open(sys.argv[1]) if l.startswith("# TYPE ")}
have |= {"up", "node_textfile_mtime_seconds"}  # node_exporter's own
dash = json.load(open(sys.argv[2]))
exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])]
assert exprs, "no queries in the dashboard"
rules = "\n".join(l.split("expr:", 1)[1] for l in open(sys.argv[3]) if "expr:" in l)
for where, text in [("dashboard", "\n".join(exprs)), ("rules", rules)]:
    used = set(re.findall(r"\b((?:kiosk|node)_[a-z_]+|up)\b(?=\s*[{=<>!)\s*/]|\s*$)", text))
    missing = used - have
    assert not missing, f"{where} names metrics that do not exist: {missing}"
    print(f"{where}: {len(used)} metrics, all exist")
PY
echo "ok: alert rules tested, scrape config valid, dashboard and rules name real metrics"
