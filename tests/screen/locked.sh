# Another program holding state.db (BEGIN EXCLUSIVE) at "send": after the
# short busy timeout the villager is told the request is NOT saved and to
# send again, nothing of it is in state.db, the screen answers at once
# after that (home, a lookup) while the lock is still held, and once the
# other program lets go the same request saves.
. tests/screen/lib.bash
. tests/screen/faults.bash
start_kiosk
fill_feedback "Ddeenf hongr"
fault_lock
send_fails "Trạm đang bận, ý kiến CHƯA được lưu."
fault_unlock
send_saves
