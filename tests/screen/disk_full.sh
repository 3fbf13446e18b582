# A full disk at "send": the villager is told plainly that the request is
# NOT saved, state.db holds nothing of it (integrity ok, no partial row,
# the receipt number not used), the kiosk stays up and still serves
# lookups, and once space is freed the same request saves.
. tests/screen/lib.bash
. tests/screen/faults.bash
fault_mount 8m
start_kiosk
fill_feedback "Ddeenf hongr"
fault_fill
send_fails "Trạm đang gặp sự cố lưu trữ, ý kiến CHƯA được lưu."
fault_unfill
send_saves
