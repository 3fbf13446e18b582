# Text that tries to steer the terminal or the printer: a content catalog
# whose procedure name, paper and announcement hold an OSC title change,
# CSI sequences (leave the alternate screen, show the cursor, stop mouse
# reports, blink), a C1 CSI, BEL and a bidi override, and a server whose
# dossier note holds the same. Drawn in tmux, none takes effect: the pane's
# title and modes stay the kiosk's and the text shows with the controls
# removed. Printed (the printer's own font, then raster), the ESC/POS
# stream holds no ESC inside a text run; kioskctl on a terminal passes
# none of it through either.
. tests/screen/lib.bash
evil=$'\e]0;HACKED\a\e[?1049l\e[?25h\e[?1000l\e[?1006l\xc2\x9b5m\e[5m\e[41m\e#8\xe2\x80\xae\a\x7f'
CONTENT_DIR=$TEST_TMP/content
mkdir -p "$CONTENT_DIR"
for d in screens locale assets; do ln -s "$PWD/$d" "$CONTENT_DIR/$d"; done
cp build/content/content.db "$CONTENT_DIR/content.db"
python3 - "$CONTENT_DIR/content.db" "$evil" <<'PY'
import sqlite3, sys
db, evil = sqlite3.connect(sys.argv[1]), sys.argv[2]
pid = db.execute("select id from procedures where code = '1.000894'").fetchone()[0]
db.execute("update procedures set name = name || ? where id = ?", (" XONG" + evil + "HẾT", pid))
db.execute("update search_text set name = name || ? where procedure_id = ?", (" XONG" + evil + "HẾT", pid))
db.execute("update papers set name = ? || name where procedure_id = ? and seq = (select min(seq) from papers where procedure_id = ?)",
           ("GIẤY" + evil + "TỜ ", pid, pid))
db.execute("update announcements set title = ? || title where id = 'demo-cap-doi-can-cuoc'", ("TIN" + evil + "MỚI ",))
db.commit()
PY
SRV=$TEST_TMP/srv
mkdir -p "$SRV"
python3 tests/upload/server.py --dir "$SRV" --token secret &
srv_pid=$!
trap 'kill $srv_pid 2>/dev/null; cleanup' EXIT
for i in $(seq 200); do [ -s "$SRV/port" ] && [ -s "$SRV/ctlport" ] && break; sleep 0.05; done
ready=001-000008-5 # its last digit checks the others (Damm)
python3 -c 'import sys, urllib.request, urllib.parse
q = urllib.parse.urlencode({"receipt": sys.argv[2], "status": "ready", "note": "GHI" + sys.argv[3] + "CHÚ"})
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/status?{q}").read()' \
	"$(cat "$SRV/ctlport")" "$ready" "$evil" || fail "cannot tell the server the status"
write_config "[upload]" "url = http://127.0.0.1:$(cat "$SRV/port")/" "token = secret" \
	"[printer]" "type = file" "path = $TEST_TMP/printer" "codepage = text"

modes() { "${TMUX_CMD[@]}" display -p '#{pane_title}|#{alternate_on}|#{cursor_flag}|#{mouse_standard_flag}#{mouse_sgr_flag}'; }
start_kiosk
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
before=$(modes)
# Checks the pane is as the kiosk set it and nothing blinks or shows red.
unsteered() {
	[ "$(modes)" = "$before" ] || fail "$1 changed the terminal: $(modes), was $before"
	"${TMUX_CMD[@]}" capture-pane -p -e | grep -qE $'\e\\[([0-9;]*;)?(5|41)m' &&
		fail "$1 made text blink or red"
	true
}
send 1
wait_for "Gõ vài chữ, không cần dấu:"
# A keyboard-wedge scanner's burst with escape sequences in it.
send_raw $'ket\e]0;HACKED\a\e[?1049l\e[5m\xc2\x9b41m hon\r'
unsteered "a scanned burst"
for ((i = 0; i < 40; i++)); do send BSpace; done # and back home once empty
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 1
wait_for "Gõ vài chữ, không cần dấu:"
send_raw "ket hon"
wait_for "Thủ tục đăng ký kết hôn XONG]0;HACKED"
unsteered "a procedure name in the results"
send 1
wait_for "Mã 1.000894 · Hộ tịch"
wait_for "GIẤY]0;HACKED"
unsteered "a procedure's page"
# Its checklist printed in the printer's own font.
send 1
wait_for "Đã in xong, mời bạn lấy giấy."
job=$(ls "$TEST_TMP"/printer/*-checklist.escpos | head -n 1)
[ -n "$job" ] || fail "nothing printed"
python3 - "$job" <<'PY' || fail "the printed text holds commands"
import sys
sys.path.insert(0, "tests/cli")
from escpos_check import parse  # exits on any byte that is no known command
job = open(sys.argv[1], "rb").read()
cmds = list(parse(job))
runs = [c[1] for c in cmds if c[0] == "text"]
# Every ESC is one of the printer module's own commands, none inside text.
assert job.count(b"\x1b") == sum(c[0] == "init" or c[0].startswith("esc ") for c in cmds)
hit = [r for r in runs if b"]0;HACKED" in r]
# The injected procedure name is printed, as text without its commands
# (the papers print as short names made at the content build).
assert any(r.lstrip().startswith(b"XONG]0;HACKED") for r in hit), hit
PY
send 0 0 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 7
wait_for "TIN]0;HACKED"
unsteered "an announcement"
send 0
wait_for "1  Tìm thủ tục, giấy tờ cần mang"
send 2
wait_for "Gõ mã biên nhận"
send_raw "${ready//-/}"
send Enter
wait_for "Tình trạng: Đã có kết quả, mời bạn đến nhận"
wait_for "GHI]0;HACKED"
unsteered "a dossier note from the server"
screen_text | grep -qF "CHÚ" || fail "the note lost its end"

# The same papers printed as raster: glyphs only, no text bytes at all.
close_terminal
sed -i 's/^codepage = text$/codepage = raster/' "$KIOSK_CONFIG"
rm -rf "$TEST_TMP/printer"
./build/kioskctl --config "$KIOSK_CONFIG" checklist 1.000894 >/dev/null || fail "kioskctl checklist"
job=$(ls "$TEST_TMP"/printer/*-checklist.escpos | head -n 1)
python3 tests/cli/escpos_check.py raster 1000 "${job%.escpos}" || fail "the raster job is not clean"
grep -qa "HACKED" "$job" && fail "text bytes went to a raster printer"

# kioskctl on a terminal (a pty): search results and the dossier note
# arrive without one control byte (the booth already cleans the server's
# text as it reads it); through a pipe the JSON is left as it was.
python3 - "$KIOSK_CONFIG" "$ready" <<'PY' || fail "kioskctl wrote controls to a terminal"
import os, pty, sys
def run(args):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv("./build/kioskctl", ["kioskctl", "--config", sys.argv[1]] + args)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out
for args in (["search", "ket", "hon"], ["dossier", sys.argv[2]], ["search", "--json", "ket", "hon"]):
    out = run(args)
    assert b"HACKED" in out, (args, out)
    text = out.decode()
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\r\n\t") or 0x7f <= ord(c) < 0xa0 or c == "\u202e"]
    assert not bad, (args, bad)
PY
./build/kioskctl --config "$KIOSK_CONFIG" search --json ket hon | grep -qF $'\xc2\x9b5m' ||
	fail "kioskctl changed what it wrote to a pipe"
