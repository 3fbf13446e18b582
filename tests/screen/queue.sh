# Queue numbers: two tickets taken with the keypad and one by touch. Each
# shows its number (in large digits too), its counter and the people
# ahead, and each is printed by the file printer with the same number; a
# helper's `kioskctl ticket call` serves the first. Then a printer that
# cannot print: the villager is told to ask a helper and the number is not
# used up, so the next ticket printed gets it.
. tests/screen/lib.bash
content_always_open # (tests/screen/queue_hours.sh: the hours)
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
CTL=(./build/kioskctl --config "$KIOSK_CONFIG")

# Reads the large digits drawn on screen (blocks of 3x5 cells, each cell
# two columns) back into a number.
big_digits() {
	screen_text | python3 -c '
import sys
glyphs = [("###", "# #", "# #", "# #", "###"), (" # ", "## ", " # ", " # ", "###"),
          ("###", "  #", "###", "#  ", "###"), ("###", "  #", "###", "  #", "###"),
          ("# #", "# #", "###", "  #", "  #"), ("###", "#  ", "###", "  #", "###"),
          ("###", "#  ", "###", "# #", "###"), ("###", "  #", "  #", "  #", "  #"),
          ("###", "# #", "###", "# #", "###"), ("###", "# #", "###", "  #", "###")]
font = {"".join(g): str(d) for d, g in enumerate(glyphs)}
rows = [l for l in sys.stdin.read().split("\n") if "█" in l]
if len(rows) != 5:
    sys.exit("%d rows of blocks" % len(rows))
left = min(len(r) - len(r.lstrip()) for r in rows)
rows = [r[left:].ljust(80) for r in rows]
out = ""
for d in range(0, 80, 8):
    cells = "".join("#" if r[d + 2 * k] == "█" else " " for r in rows for k in range(3))
    if cells.strip() == "":
        break
    out += font.get(cells, "?")
print(out)'
}

# Checks the ticket on screen: number, counter, people ahead, and the big
# digits.
check_ticket() {
	local number=$1 counter=$2 ahead=$3
	wait_for "SỐ THỨ TỰ CỦA BẠN"
	wait_for "Số của bạn: $number"
	wait_for "Quầy $counter"
	if [ "$ahead" -eq 0 ]; then
		wait_for "Không có ai trước bạn"
	else
		wait_for "Trước bạn còn $ahead người"
	fi
	[ "$(big_digits)" = "$number" ] || fail "the large digits read \"$(big_digits)\", not $number"
}

# Checks that print job N (1-based) is a ticket of a number: its bytes and
# picture exist, and the ticket list says the number was printed.
check_printed() {
	local n=$1 number=$2 file
	file=$(printf '%s/printer/%06d-ticket' "$TEST_TMP" "$n")
	[ -s "$file.escpos" ] && [ -s "$file.pbm" ] || fail "print job $n is missing"
	"${CTL[@]}" ticket list --json | python3 -c '
import json, sys
tickets = json.load(sys.stdin)
sys.exit(0 if any(t["number"] == int(sys.argv[1]) and t["status"] != "printing"
                  for t in tickets) else 1)' "$number" || fail "ticket $number is not listed as printed"
}

start_kiosk
wait_for "5  Lấy số thứ tự"
send 5
wait_for "1  Tư pháp - Hộ tịch"
wait_for "2  Đất đai - Xây dựng"
send 1
check_ticket 1001 "Tư pháp - Hộ tịch" 0
check_printed 1 1001
send 0
wait_for "5  Lấy số thứ tự"
send 5
wait_for "1  Tư pháp - Hộ tịch"
send 1
check_ticket 1002 "Tư pháp - Hộ tịch" 1
check_printed 2 1002

# By touch: home's box 5, then the land counter's box.
send 0
wait_for "5  Lấy số thứ tự"
row=$(row_of "5  Lấy số thứ tự")
col=$(col_of "5  Lấy số thứ tự")
tap "$row" "$((col + 4))"
wait_for "2  Đất đai - Xây dựng"
row=$(row_of "2  Đất đai - Xây dựng")
col=$(col_of "2  Đất đai - Xây dựng")
tap "$row" "$((col + 4))"
check_ticket 2001 "Đất đai - Xây dựng" 0
check_printed 3 2001

# The printed ticket's picture is the number, large: the PBM holds ink.
python3 - "$TEST_TMP/printer/000001-ticket.pbm" <<'PY' || fail "the printed ticket is blank"
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 2)
sys.exit(0 if parts[0] == b"P4" and any(parts[2]) else 1)
PY

# A helper calls the first number of the civil status counter.
[ "$("${CTL[@]}" ticket call tu-phap)" = 1001 ] || fail "kioskctl ticket call did not call 1001"
send 0
wait_for "5  Lấy số thứ tự"
close_terminal

# No printer: the villager is told, the number is not used up.
write_config "[printer]" "type = device" "path = $TEST_TMP/no-such-printer"
start_kiosk
wait_for "5  Lấy số thứ tự"
send 5
wait_for "1  Tư pháp - Hộ tịch"
send 1
wait_for "số này chưa được tính. Xin nhờ cán bộ xã giúp."
[ "$("${CTL[@]}" ticket list tu-phap --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] ||
	fail "a ticket that was not printed was counted"
kiosk_running || fail "the kiosk stopped"
close_terminal

# The printer is back: the next ticket gets 1003, with one person ahead
# (1002; 1001 was served).
write_config "[printer]" "type = file" "path = $TEST_TMP/printer"
start_kiosk
wait_for "5  Lấy số thứ tự"
send 5
wait_for "1  Tư pháp - Hộ tịch"
send 1
check_ticket 1003 "Tư pháp - Hộ tịch" 1
check_printed 4 1003
