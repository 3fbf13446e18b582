#!/bin/bash
# Privacy: once a request's personal details are erased they stay erased.
# The server's note on its dossier (which may name the villager) is not
# cached again, neither by `kioskctl dossier CODE` nor by the daemon's
# status refresh, which still keeps its status fresh; erase-due clears a
# note even when it has nothing new to erase, and state.db itself refuses
# a note for an erased request, whoever writes it.
. tests/upload/lib.sh
server_start
config "[privacy]" "erase_after_days = 30"
fill 2
kctl sync --once >/dev/null 2>&1 || fail "the first sync did not send everything"
R=$(req 1 2)
note=$("$PY" -c 'import urllib.parse; print(urllib.parse.quote("Bà Nguyễn Thị Bích Ra cần bổ sung giấy chứng sinh"))')
srvctl "status?receipt=$R&status=supplement&note=$note" >/dev/null
kctl dossier "$R" --json >/dev/null || fail "dossier before the erasure"
[ -n "$(sql "SELECT note FROM dossier_status WHERE receipt = '$R'")" ] || fail "the note was not cached"

# Request 1 acknowledged 31 days ago: erased, with its cached note.
"$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE submissions SET sent_at = strftime(\"%s\", \"now\") - 31 * 86400 WHERE id = ?", (sys.argv[2],))
c.commit()' "$T/state/state.db" "$(req 1)"
kctl erase-due | grep -q "^erased 1 request" || fail "erase-due"
[ "$(sql "SELECT coalesce(note, 'none') FROM dossier_status WHERE receipt = '$R'")" = none ] ||
	fail "the note stayed after the erasure"

# A lookup shows the villager what the server says now, and caches the
# status without the note.
kctl dossier "$R" --json >"$T/out" || fail "dossier after the erasure"
grep -q "Bích Ra" "$T/out" || fail "the lookup did not show the server's note: $(cat "$T/out")"
[ "$(sql "SELECT status || '|' || coalesce(note, 'none') FROM dossier_status WHERE receipt = '$R'")" = "supplement|none" ] ||
	fail "the lookup cached the note of an erased request: $(sql "SELECT * FROM dossier_status")"

# The daemon's refresh: the new status is cached, the note is not.
srvctl "status?receipt=$R&status=ready&note=$note" >/dev/null
./build/kioskctl --config "$T/kiosk.ini" sync --daemon 2>"$T/log" &
BG_PIDS+=($!)
wait_for '[ "$(sql "SELECT status FROM dossier_status WHERE receipt = '"'$R'"'")" = ready ]'
[ "$(sql "SELECT coalesce(note, 'none') FROM dossier_status WHERE receipt = '$R'")" = none ] ||
	fail "the status refresh cached the note of an erased request"
kill "${BG_PIDS[0]}"
wait "${BG_PIDS[0]}" || true
BG_PIDS=()

# Nothing new to erase: erase-due still leaves no note of an erased request.
kctl erase-due | grep -q "^erased 0 request" || fail "erase-due with nothing new"
[ "$(sql "SELECT coalesce(note, 'none') FROM dossier_status WHERE receipt = '$R'")" = none ] ||
	fail "a note of an erased request is left"
# Whoever writes: state.db refuses the note.
"$PY" - "$T/state/state.db" "$R" <<'PY' || fail "state.db took a note for an erased request"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for sql in ("UPDATE dossier_status SET note = 'x' WHERE receipt = ?",
            "INSERT OR REPLACE INTO dossier_status (receipt, status, note, fetched_at)"
            " VALUES (?, 'ready', 'x', 0)"):
    try:
        c.execute(sql, (sys.argv[2],))
    except sqlite3.DatabaseError as e:
        assert "erased" in str(e), e
    else:
        sys.exit(1)
PY
# Request 2 is not erased: its note is cached as before.
R2=$(req 2 2)
srvctl "status?receipt=$R2&status=supplement&note=$note" >/dev/null
kctl dossier "$R2" --json >/dev/null || fail "dossier of request 2"
[ -n "$(sql "SELECT note FROM dossier_status WHERE receipt = '$R2'")" ] || fail "request 2's note"
echo ok
