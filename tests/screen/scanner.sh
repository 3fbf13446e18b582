# A serial/USB-CDC scanner named in the config ([scanner] device) delivers
# the raw UTF-8 of an ID card's QR: the kiosk offers to fill the form with
# it, as it does for a keyboard-wedge scanner. A pseudo-terminal stands in
# for the scanner's serial port.
. tests/screen/lib.bash
python3 - "$TEST_TMP" <<'PY' &
import os, pty, sys, time
master, slave = pty.openpty()
link = os.path.join(sys.argv[1], "scanner")
os.symlink(os.ttyname(slave), link)
# Wait until the test asks for a scan, then send it as the scanner would.
go = os.path.join(sys.argv[1], "scan-now")
for _ in range(600):
    if os.path.exists(go):
        break
    time.sleep(0.05)
os.write(master, "093186002237|362499103|Nguyễn Thị Kim Thư|11011986|Nữ|56 Trần Hoàng Na, Kv6, An Khánh, Ninh Kiều, Cần Thơ|04102024||||\r\n".encode())
time.sleep(30)
PY
scanner_pid=$!
for ((i = 0; i < 100; i++)); do [ -e "$TEST_TMP/scanner" ] && break; sleep 0.05; done
write_config "[scanner]" "device = $TEST_TMP/scanner"
start_form "1  Đăng ký khai sinh" "Bước 1/2: Người đi khai"
touch "$TEST_TMP/scan-now"
wait_for "Đã đọc thẻ CCCD. Điền những thông tin này vào đơn?"
send 1
wait_for "[Nguyễn Thị Kim Thư"
wait_for "[093186002237"
kill "$scanner_pid" 2>/dev/null
