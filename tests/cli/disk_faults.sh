#!/bin/bash
# kioskctl's writes on a full disk, a read-only disk and a state.db held by
# another program (each folder on its own small tmpfs: root needed, as the
# booth's tests run): set-pin, the file printer and content install fail
# with a message that names the cause, leave nothing half-written (the old
# PIN still opens, no partial print job, the old content still current),
# and work once the fault is gone.
set -u
tmp=$(mktemp -d)
mounts=()
# Unmounts what the test mounted and removes its folder.
cleanup() {
	local m
	for m in "${mounts[@]}"; do umount -l "$m"; done
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Mounts a tmpfs of SIZE at DIR.
mount_small() {
	mkdir -p "$2"
	mount -t tmpfs -o "size=$1" tmpfs "$2" || fail "cannot mount a tmpfs (root needed)"
	mounts+=("$2")
}
# Fills DIR's file system to the last byte; unfill frees it.
fill() {
	dd if=/dev/zero of="$1/fill" bs=64k 2>/dev/null
	dd if=/dev/zero of="$1/fill2" bs=1 2>/dev/null
	[ "$(df --output=avail "$1" | tail -n 1 | tr -d ' ')" = 0 ] || fail "$1 is not full"
}
unfill() { rm -f "$1/fill" "$1/fill2"; }
# The stored PIN hash and an integrity check of state.db.
pin_hash() {
	python3 - "$tmp/var/state.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
print(db.execute("select value from settings where key = 'helper_pin'").fetchone()[0])
PY
}
# Runs kioskctl, its messages in $tmp/out; fails unless it exits non-zero
# saying WHY (an extended regular expression, any case).
refused() {
	local why=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then fail "$* worked despite the fault"; fi
	grep -qiE "$why" "$tmp/out" || fail "$*: no \"$why\" in: $(cat "$tmp/out")"
}

ssh-keygen -q -t ed25519 -N '' -C signer -f "$tmp/key"
echo "signer namespaces=\"kiosk-content@booth\" $(cat "$tmp/key.pub")" >"$tmp/allowed"
mount_small 4m "$tmp/var"
mount_small 1m "$tmp/printer"
mount_small 24m "$tmp/store"
cat >"$tmp/k.ini" <<INI
[booth]
commune = Xã Nghĩa Hành
[paths]
state_dir = $tmp/var
content_dir = $tmp/store/current
[printer]
type = file
path = $tmp/printer
[content]
allowed_signers = $tmp/allowed
INI
k() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }
setpin() { echo "$1" | k set-pin; }

# Content install: the first version goes in, the second meets a full disk.
mkdir -p "$tmp/src"
cp -rL build/content/. "$tmp/src/"
for v in 1 2; do
	./build/kioskctl content pack "$tmp/src" "$tmp/key" --version "$v" --output "$tmp/v$v.bundle" >/dev/null ||
		fail "cannot pack version $v"
done
k content install "$tmp/v1.bundle" >/dev/null || fail "content install on a free disk"
fill "$tmp/store"
refused "No space left on device" k content install "$tmp/v2.bundle"
[ "$(readlink "$tmp/store/current")" = releases/1 ] || fail "current moved on a failed install"
[ -z "$(ls -A "$tmp/store/releases" | grep -vx 1)" ] || fail "a partial version was left"
ls -a "$tmp/store" | grep -q incoming && fail "the unpacked files were left behind"
unfill "$tmp/store"
k content install "$tmp/v2.bundle" >/dev/null || fail "content install after the disk was freed"
[ "$(readlink "$tmp/store/current")" = releases/2 ] || fail "version 2 is not current"

# The helper PIN.
setpin 2468 >/dev/null || fail "set-pin on a free disk"
old=$(pin_hash)
fill "$tmp/var"
refused "disk is full|no space left" setpin 1357
unfill "$tmp/var"
[ "$(pin_hash)" = "$old" ] || fail "the PIN changed on a full disk"
mount -o remount,ro "$tmp/var" || fail "cannot remount read-only"
refused "read-?only" setpin 1357
mount -o remount,rw "$tmp/var" || fail "cannot remount writable"
[ "$(pin_hash)" = "$old" ] || fail "the PIN changed on a read-only disk"
# Held by another program: refused after the short busy timeout.
rm -f "$tmp/locked" "$tmp/unlock"
python3 tests/tools/hold_db.py "$tmp/var/state.db" "$tmp" &
locker=$!
for ((i = 0; i < 200; i++)); do [ -e "$tmp/locked" ] && break; sleep 0.05; done
[ -e "$tmp/locked" ] || fail "could not lock state.db"
refused "locked" setpin 1357
touch "$tmp/unlock"
wait "$locker"
[ "$(pin_hash)" = "$old" ] || fail "the PIN changed while state.db was held"
setpin 1357 >/dev/null || fail "set-pin once the faults were gone"
[ "$(pin_hash)" != "$old" ] || fail "the new PIN was not stored"

# The file printer: a full folder fails the job and keeps no part of it.
fill "$tmp/printer"
refused "No space left on device" k printer test
ls "$tmp/printer" | grep -qv '^fill' && fail "a partial print job was left: $(ls "$tmp/printer")"
unfill "$tmp/printer"
k printer test >/dev/null || fail "printing after the folder was freed"
ls "$tmp/printer"/*-test.escpos >/dev/null 2>&1 || fail "no print job after the folder was freed"
true
