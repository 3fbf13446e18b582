#!/bin/bash
# kioskctl dossier: asks the server and fills the status cache; offline it
# answers from the cache with its date; unknown and malformed codes. A
# server that names the procedure, the day submitted and the day due has
# them shown and cached; one that does not (an older server) still works.
. tests/upload/lib.sh
server_start
config
fill 2
kctl sync --once >/dev/null 2>&1 || fail "sync"
R=$(req 1 2)
srvctl "status?receipt=$R&status=ready&note=M%E1%BB%9Di%20nh%E1%BA%ADn%20k%E1%BA%BFt%20qu%E1%BA%A3&updated_at=2025-07-02T01:00:00Z" >/dev/null

# Field by field check of the --json line.
expect() {
	"$PY" - "$1" "$2" <<'PY' || fail "dossier --json: $1"
import json, sys
got = json.loads(open(sys.argv[1]).read())
want = json.loads(sys.argv[2])
for k, v in want.items():
    if v == "*":
        assert got[k] is not None, (k, got)
    else:
        assert got[k] == v, (k, got[k], v)
assert set(got) == {"receipt", "found", "source", "status", "note", "updated_at",
                    "fetched_at", "procedure", "submitted", "due", "online", "spool",
                    "error"}, got
PY
}

kctl dossier "$R" --json >"$T/out" || fail "dossier exited $?"
cat "$T/out"
expect "$T/out" '{"receipt": "'"$R"'", "found": true, "source": "server", "status": "ready",
	"note": "Mời nhận kết quả", "updated_at": 1751418000, "fetched_at": "*", "online": true,
	"spool": "sent", "error": null, "procedure": null, "submitted": null, "due": null}'
[ "$(sql "SELECT status || '|' || note FROM dossier_status WHERE receipt = '$R'")" = "ready|Mời nhận kết quả" ] ||
	fail "not cached"
kctl dossier "$R" | grep -q "$R: ready" || fail "text output"

rc=0
kctl dossier NOSUCH1 --json >"$T/out" || rc=$?
[ "$rc" = 3 ] || fail "unknown code exit $rc"
expect "$T/out" '{"found": false, "source": "server", "online": true, "status": null, "spool": null}'
# A national dossier code, typed loosely, is tidied and asked for too.
srvctl "status?receipt=G22.27.15-250701-0042&status=%C4%90ang%20x%E1%BB%AD%20l%C3%BD" >/dev/null
kctl dossier ' g22.27.15-250701-0042 ' --json >"$T/out" || fail "national code exit $?"
expect "$T/out" '{"receipt": "G22.27.15-250701-0042", "found": true, "status": "Đang xử lý",
	"updated_at": 1751333400, "spool": null, "procedure": null}'
# Submitted elsewhere: the server names the procedure and the days (the
# due day as a time, its day here), and a wrong day is left out.
N=G22.27.15-250702-0007
srvctl "status?receipt=$N&status=processing&procedure=%C4%90%C4%83ng%20k%C3%BD%20k%E1%BA%BFt%20h%C3%B4n&submitted=2025-07-02&due=2025-07-09T10%3A00%3A00%2B07%3A00" >/dev/null
kctl dossier "$N" --json >"$T/out" || fail "details exit $?"
expect "$T/out" '{"found": true, "source": "server", "status": "processing",
	"procedure": "Đăng ký kết hôn", "submitted": "2025-07-02", "due": "2025-07-09", "spool": null}'
[ "$(sql "SELECT procedure || '|' || submitted || '|' || due FROM dossier_status WHERE receipt = '$N'")" = \
	"Đăng ký kết hôn|2025-07-02|2025-07-09" ] || fail "the details were not cached"
kctl dossier "$N" | grep -q "^procedure: Đăng ký kết hôn" || fail "text output: no procedure"
M=G22.27.15-250702-0008
srvctl "status?receipt=$M&status=processing&submitted=2025-02-30&due=soon" >/dev/null
kctl dossier "$M" --json >"$T/out" || fail "wrong days exit $?"
expect "$T/out" '{"found": true, "status": "processing", "submitted": null, "due": null}'

server_stop
kctl dossier "$R" --json >"$T/out" || fail "offline dossier exited $?"
cat "$T/out"
expect "$T/out" '{"found": true, "source": "cache", "status": "ready", "online": false, "error": "*"}'
# The details come from the cache too.
kctl dossier "$N" --json >"$T/out" || fail "offline details exit $?"
expect "$T/out" '{"source": "cache", "procedure": "Đăng ký kết hôn", "submitted": "2025-07-02",
	"due": "2025-07-09"}'
[ "$(sql "SELECT value FROM settings WHERE key = 'sync.link'")" = offline ] || fail "link state"
rc=0
kctl dossier "$(req 2 2)" --json >"$T/out" || rc=$?
[ "$rc" = 3 ] || fail "offline, uncached exit $rc"
expect "$T/out" '{"found": false, "source": "none", "spool": "sent", "online": false}'

rc=0
kctl dossier 'AB/../x' 2>"$T/err" || rc=$?
[ "$rc" = 1 ] && grep -q "not a receipt or dossier code" "$T/err" || fail "a malformed code was accepted"

# No server configured: the cache alone.
config "url ="
kctl dossier "$R" --json >"$T/out" || fail "dossier without url"
expect "$T/out" '{"found": true, "source": "cache", "online": false}'
grep -q "url is empty" "$T/out" || fail "the reason is not given"
