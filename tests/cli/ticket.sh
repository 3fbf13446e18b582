# kioskctl ticket: numbers from each counter's band, printed by the file
# printer; a ticket that a missing or failing printer could not print is
# not counted (the next one printed gets its number); a band used up is
# refused with the reason and no ticket; `call` serves numbers in order;
# a wrong counter or counters file is refused with the reason.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ctl() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }
conf() {
	printf '[booth]\ncommune = Xã Nghĩa Hành\n[paths]\nstate_dir = %s\ncontent_dir = %s\n[printer]\ntimeout = 2\n%s\n' \
		"$tmp/var" "$tmp/content" "$1" >"$tmp/k.ini"
}
file_printer="type = file
path = $tmp/out"
mkdir -p "$tmp/content/screens"
ln -s "$PWD/assets" "$tmp/content/assets"
cat >"$tmp/content/screens/queue.counters" <<'COUNTERS'
counter  tu-phap  1001 1999  Tư pháp - Hộ tịch
counter  nho      7 8        Tiếp công dân
COUNTERS

# field JSON KEY: one field of a JSON object.
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
# printed: the number of print jobs the file printer wrote.
printed() { ls "$tmp/out" 2>/dev/null | grep -c -- '-ticket\.pbm$'; }

conf "$file_printer"
ctl ticket --help | grep -q "kioskctl ticket issue COUNTER" || fail "no usage"
out=$(ctl ticket issue tu-phap --json) || fail "issue: $out"
[ "$(field "$out" number)" = 1001 ] && [ "$(field "$out" ahead)" = 0 ] || fail "first ticket: $out"
[ "$(printed)" = 1 ] || fail "the first ticket was not printed"

# A missing printer, then a printer command that fails: not issued.
for printer in "type = device
path = $tmp/no-such-printer" "type = command
command = false"; do
	conf "$printer"
	out=$(ctl ticket issue tu-phap --json 2>"$tmp/err")
	[ $? -eq 1 ] || fail "a ticket not printed exited 0 ($printer)"
	[ "$(field "$out" error)" = printer ] || fail "said $out"
	grep -q "ticket 1002 not printed, not issued" "$tmp/err" || fail "stderr: $(cat "$tmp/err")"
done
conf "$file_printer"
[ "$(ctl ticket list tu-phap --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ] ||
	fail "a ticket not printed is listed"
out=$(ctl ticket issue tu-phap --json) || fail "issue: $out"
[ "$(field "$out" number)" = 1002 ] && [ "$(field "$out" ahead)" = 1 ] || fail "after the failures: $out"
[ "$(printed)" = 2 ] || fail "not two tickets printed"

# A band of two numbers: the third is refused, nothing printed or counted.
ctl ticket issue nho >/dev/null && ctl ticket issue nho >/dev/null || fail "the small band"
out=$(ctl ticket issue nho --json 2>"$tmp/err")
[ $? -eq 1 ] && [ "$(field "$out" error)" = exhausted ] || fail "a used-up band said $out"
grep -q "counter nho has given all its numbers (7-8)" "$tmp/err" || fail "stderr: $(cat "$tmp/err")"
[ "$(printed)" = 4 ] || fail "a ticket was printed for a used-up band"

# Calling serves in order, then says nobody waits.
[ "$(ctl ticket call tu-phap)" = 1001 ] || fail "call 1"
[ "$(field "$(ctl ticket call tu-phap --json)" number)" = 1002 ] || fail "call 2"
ctl ticket call tu-phap | grep -q "nobody waits" || fail "call 3"
ctl ticket list | grep -q "tu-phap.*1001  served" || fail "list: $(ctl ticket list)"

# Wrong counters and a broken counters file.
ctl ticket issue nope 2>&1 | grep -q 'no counter "nope"' || fail "an unknown counter"
ctl ticket call nope >/dev/null 2>&1 && fail "called an unknown counter"
ctl ticket frobnicate >/dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown subcommand"
echo "counter  x  5 1  Sai" >"$tmp/content/screens/queue.counters"
out=$(ctl ticket list 2>&1) && fail "a broken counters file was used"
grep -q "queue.counters:1: the band is two numbers" <<<"$out" || fail "said $out"
echo ok
