# Helpers for the storage fault tests: a state folder on its own small
# tmpfs (this needs root, as the booth's tests run), a request filled in on
# the feedback form up to its review, and checks of state.db.
FAULT_MNT="$TEST_TMP/var"

# Mounts a tmpfs of SIZE (e.g. 4m) as the state folder.
fault_mount() {
	mkdir -p "$FAULT_MNT"
	mount -t tmpfs -o "size=$1,mode=0700" tmpfs "$FAULT_MNT" || fail "cannot mount a tmpfs (root needed)"
	trap 'close_terminal; umount -l "$FAULT_MNT" 2>/dev/null; rm -rf "$TEST_TMP"' EXIT
}

# Makes the state folder's file system read-only (no program may have a
# file open on it for writing) or writable again.
fault_readonly() {
	mount -o remount,ro "$FAULT_MNT" || fail "cannot remount the state folder read-only"
	FAULT_RO=1
}
fault_writable() {
	mount -o remount,rw "$FAULT_MNT" || fail "cannot remount the state folder writable"
	FAULT_RO=
}

# Fills the state folder's file system to the last byte.
fault_fill() {
	dd if=/dev/zero of="$FAULT_MNT/filler" bs=64k 2>/dev/null
	dd if=/dev/zero of="$FAULT_MNT/filler2" bs=1 2>/dev/null
	[ "$(df --output=avail "$FAULT_MNT" | tail -n 1 | tr -d ' ')" = 0 ] || fail "the disk is not full"
}

# Frees the space again.
fault_unfill() {
	rm -f "$FAULT_MNT/filler" "$FAULT_MNT/filler2"
}

# From home, fills the feedback form with TEXT and stops at its review.
fill_feedback() {
	wait_for "4  Phản ánh, kiến nghị"
	send 4
	wait_for "Phản ánh, kiến nghị · Bước 1/2"
	send 1 Enter
	send_raw "$1"
	# Typed text and Enter in one read would look like a scanner's burst.
	wait_for "$(./build/kioskctl compose "$1")"
	send Enter Enter Enter
	wait_for "Xem lại trước khi gửi"
}

# Prints the number of requests in state.db after an integrity check
# (fails the test when the check does not say ok or a request is partial).
db_requests() {
	python3 - "$FAULT_MNT/state.db" "${FAULT_RO:-}" <<'PY' || fail "state.db is damaged or holds a partial request"
import sqlite3, sys, json
# A read-only disk: nothing can change the file, so it is read as it is.
db = sqlite3.connect(f"file:{sys.argv[1]}?immutable=1" if sys.argv[2] else sys.argv[1], uri=True)
assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
rows = db.execute("select id, receipt, body from submissions").fetchall()
for id_, receipt, body in rows:
    doc = json.loads(body)
    assert doc["id"] == id_ and doc["receipt"] == receipt, (id_, receipt)
seq = db.execute("select value from settings where key = 'receipt_seq'").fetchone()
assert (int(seq[0]) if seq else 0) == len(rows), (seq, len(rows))
print(len(rows))
PY
}

# From a form's review back to the home screen, by its back buttons.
leave_form() {
	local i
	send 0
	wait_gone "Xem lại trước khi gửi"
	for ((i = 0; i < 4; i++)); do
		screen_text | grep -qF "1  Tìm thủ tục, giấy tờ cần mang" && return 0
		if screen_text | grep -qF "◀ Quay lại"; then
			tap_key "◀ Quay lại"
		else
			send 0
		fi
		sleep 0.3
	done
	wait_for "1  Tìm thủ tục, giấy tờ cần mang"
}

# A lookup still works: search a procedure by name, open its page, go home.
lookup_works() {
	wait_for "1  Tìm thủ tục, giấy tờ cần mang"
	send 1
	wait_for "Gõ vài chữ, không cần dấu:"
	send_raw "ket hon"
	wait_for "1  Thủ tục đăng ký kết hôn"
	send 1
	wait_for "Mã 1.000894 · Hộ tịch"
	wait_for "Giấy tờ cần mang:"
	send 0
	wait_for "1  Thủ tục đăng ký kết hôn"
	send 0
	wait_for "1  Tìm thủ tục, giấy tờ cần mang"
}

# Holds state.db with BEGIN EXCLUSIVE in another process until
# fault_unlock; returns once the lock is held.
fault_lock() {
	rm -f "$TEST_TMP/locked" "$TEST_TMP/unlock"
	python3 tests/tools/hold_db.py "$FAULT_MNT/state.db" "$TEST_TMP" &
	FAULT_LOCKER=$!
	local i
	for ((i = 0; i < 200; i++)); do
		[ -e "$TEST_TMP/locked" ] && return 0
		sleep 0.05
	done
	fail "could not lock state.db"
}

# Lets the other process go.
fault_unlock() {
	touch "$TEST_TMP/unlock"
	wait "$FAULT_LOCKER"
}

# With the fault in place and a review on screen: "send" shows MESSAGE and
# saves nothing, the answers stay, the kiosk (same process) goes home and
# serves a lookup, and the same request filled in again fails the same way.
send_fails() {
	local pid
	pid=$(kiosk_pid)
	send 1
	wait_for "$1"
	screen_text | grep -qF "ĐÃ GHI NHẬN" && fail "the screen says saved"
	[ "$(db_requests)" = 0 ] || fail "a request was saved despite the fault"
	screen_text | grep -qF "Đền hỏng" || fail "the answers are gone"
	leave_form
	lookup_works
	[ "$(kiosk_pid)" = "$pid" ] || fail "the kiosk was restarted"
	fill_feedback "Ddeenf hongr"
	send 1
	wait_for "$1"
}

# Once the fault is gone, the review on screen saves: exactly one request.
send_saves() {
	send 1
	wait_for "ĐÃ GHI NHẬN Ý KIẾN CỦA BẠN"
	[ "$(db_requests)" = 1 ] || fail "the request was not saved once the fault was gone"
}
