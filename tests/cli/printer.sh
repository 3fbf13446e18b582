# kioskctl printer test on each kind of printer: a file printer writes the
# test page whose QR reads back; a missing device, a device that fails
# writes, a command that fails and no printer at all each end with exit
# status 1 and the reason, never a crash. kioskctl due shows working days.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ctl() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }
conf() { printf '[printer]\ntimeout = 2\n%s\n' "$1" >"$tmp/k.ini"; }

# refused SETTINGS REASON: printer test fails with exit 1 naming REASON.
refused() {
	conf "$1"
	out=$(ctl printer test 2>&1)
	rc=$?
	[ $rc -eq 1 ] || fail "'$1': exit status $rc ($out)"
	grep -qF -- "$2" <<<"$out" || fail "'$1' said '$out', expected '$2'"
	echo "ok: $2"
}

conf "type = file
path = $tmp/out"
out=$(ctl printer test) || fail "file printer: $out"
grep -q "printed the test page: file printer $tmp/out, 58 mm, raster" <<<"$out" || fail "said: $out"
ctl printer --help | grep -q "Nguyễn Thị Kim Thư" || fail "help lacks the QR text"
want=$(ctl printer --help | sed -n 's/^"\(.*\)"$/\1/p')
[ "$(zbarimg --raw -q -Sbinary "$tmp"/out/000001-test.pbm 2>/dev/null)" = "$want" ] ||
	fail "the test page's QR does not read '$want'"
ctl printer test --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["ok"] and d["type"] == "file"' ||
	fail "--json"

refused "type = device
path = $tmp/no-such-lp0" "printer device $tmp/no-such-lp0 not found"
refused "type = device
path = /dev/full" "write error"
mkfifo "$tmp/fifo"
refused "type = device
path = $tmp/fifo" "nothing is connected"
refused "type = command
command = echo 'lp: printer receipt is disabled' >&2; exit 1" "exited with status 1: lp: printer receipt is disabled"
refused "type = command
command = /nonexistent/lp -o raw" "status 127"
refused "type = none" "this booth has no printer"
refused "type = file
path = $tmp/out
width = 70" "width must be 58 or 80"
ctl printer test --json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin)' 2>/dev/null &&
	fail "--json of a refused printer"
conf "type = command
command = exit 2"
ctl printer test --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert not d["ok"] and "status 2" in d["error"]' ||
	fail "--json of a failing printer"

# kioskctl due: Friday 27/11/2026 + 1 working day is Monday 30/11.
[ "$(./build/kioskctl due --from 2026-11-27 1 | head -1)" = 30/11/2026 ] || fail "due over a weekend"
./build/kioskctl due --from 2026-02-12 3 | grep -q "16/02/2026  Tết Nguyên đán" || fail "due over Tết"
./build/kioskctl due --from 2026-02-12 3 --json | python3 -c 'import json,sys; assert json.load(sys.stdin)["due"] == "24/02/2026"' ||
	fail "due --json"
./build/kioskctl due --from 2026-02-30 1 2>&1 | grep -q "YYYY-MM-DD" || fail "a bad date accepted"
echo "ok: kioskctl due"
