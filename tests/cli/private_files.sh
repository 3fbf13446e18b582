#!/bin/bash
# The villagers' data stays private to the kiosk's user whatever the umask:
# state.db (and its -wal and -shm), the logs, the sync lock and the file
# printer's receipts are 0600 in 0700 folders when the kiosk or kioskctl
# create them under umask 022, and files or folders found looser (made by
# hand, by an older version) are tightened when they are opened again.
. tests/upload/lib.sh
umask 022
server_start
config "[printer]" "type = file" "path = $T/state/printer" \
	"[paths]" "content_dir = $PWD/build/content"

# Runs every writer once: the kiosk (without a terminal it stops after
# opening its state and log), a PIN, a test page, a sync, a helper over SSH.
run_all() {
	./build/kiosk --config "$T/kiosk.ini" </dev/null >/dev/null 2>&1 || true
	echo 2468 | kctl set-pin >/dev/null || fail "set-pin"
	kctl printer test >/dev/null || fail "printer test"
	./build/tools/spool_fill "$T/state" 1 >/dev/null || fail "spool_fill"
	kctl sync --once >/dev/null 2>&1 || fail "sync --once"
	SSH_ORIGINAL_COMMAND="kioskctl queue list" kctl --ssh >/dev/null || fail "kioskctl over SSH"
}

# Fails unless every file under the state folder is private (no group or
# other permission) and every folder is 0700; $1 names the round.
check_modes() {
	local loose
	loose=$(find "$T/state" \( -type f -perm /077 \) -o \( -type d ! -perm 700 \) |
		while read -r p; do command stat -c '%a %n' "$p"; done)
	[ -z "$loose" ] || fail "$1: readable by others: $loose"
	local f
	for f in state.db logs/kiosk.log logs/kioskctl.log sync.lock; do
		[ -f "$T/state/$f" ] || fail "$1: $f was not written"
	done
	[ -n "$(find "$T/state/printer" -name '*-test.pbm')" ] || fail "$1: no receipt file printed"
}

run_all
check_modes "created under umask 022"
echo "ok: created private"

# Loosen everything (a copy restored by hand, an older version), with a
# -wal and -shm kept open by another reader so they outlive each run.
"$PY" -c 'import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("INSERT INTO settings (key, value) VALUES (\"loose\", \"1\")")
c.execute("BEGIN")
c.execute("SELECT count(*) FROM settings").fetchall()
open(sys.argv[2], "w").close()
time.sleep(60)' "$T/state/state.db" "$T/reader" &
BG_PIDS+=($!)
wait_for '[ -f "$T/reader" ]' 10
find "$T/state" -type d -exec chmod 755 {} +
find "$T/state" -type f -exec chmod 644 {} +
[ "$(command stat -c %a "$T/state/state.db-wal")" = 644 ] || fail "there is no -wal to loosen"
run_all
check_modes "found loose"
echo "ok: loose files and folders made private again"
