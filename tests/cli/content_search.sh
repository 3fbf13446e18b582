#!/bin/bash
# Builds the demo catalog with kioskctl and checks that real searches, typed
# the way villagers and helpers type them, give the expected procedure
# first; that --json parses; that broken sources are refused by name.
set -u
ctl=./build/kioskctl
tmp=$(mktemp -d /tmp/kiosk-cli-content-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0

"$ctl" content build assets/catalog "$tmp/content.db" >"$tmp/out" || { cat "$tmp/out"; exit 1; }
grep -q 'procedures' "$tmp/out" || { echo "no summary: $(cat "$tmp/out")"; exit 1; }

# first CODE QUERY...: the first result of the search is CODE.
first() {
	local want=$1 got
	shift
	got=$("$ctl" search --content "$tmp/content.db" --json --limit 5 "$@" |
		python3 -c 'import json, sys; r = json.load(sys.stdin)["results"]; print(r[0]["code"] if r else "-")')
	if [ "$got" != "$want" ]; then
		echo "search '$*': first is $got, expected $want"
		fail=1
	fi
}

first 1.001193 khai si                           # typing, unfinished word
first 1.001193 dang ky khai sinh
first 1.001193 "Đăng ký khai sinh"               # with marks
first 1.001193 KHAI SINH
first 1.000894 ket hon
first 1.000894 hon ket                           # any order
first 1.004222 dang ky thuong tru
first 1.004873 xac nhan tinh trang hon nhan
first 1.000656 khai tu
first 1.014063 cap doi the can cuoc
first 2.000815 chung thuc ban sao
first 1.011607 ho ngheo thuong xuyen
first 2.001263 nuoi con nuoi
first 1.002211 hoa giai vien
first 1.004194 "1.004194"                        # by official code

# --json parses and carries what a helper needs.
"$ctl" search --content "$tmp/content.db" --json khai sinh >"$tmp/json"
python3 - "$tmp/json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["query"] == "khai sinh", d["query"]
assert d["total"] >= len(d["results"]) >= 5, d["total"]
for r in d["results"]:
    assert set(r) == {"code", "name", "field"}, r
assert d["results"][0]["name"] == "Thủ tục đăng ký khai sinh", d["results"][0]
PY

# Nothing found is an empty list, not an error.
out=$("$ctl" search --content "$tmp/content.db" --json qqqq xyzzy) || fail=1
python3 -c 'import json, sys; d = json.loads(sys.argv[1]); assert d["total"] == 0 and d["results"] == []' "$out" || fail=1

# The address picker's search: communes by name, limited to a province.
code=$("$ctl" search --content "$tmp/content.db" --units --json ba dinh |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["results"][0]["code"])')
[ "$code" = 00004 ] || { echo "commune 'ba dinh': $code"; fail=1; }
# In one province, the 2025 commune of that name first; then the communes
# that wards named so before 2025 went into, saying so.
n=$("$ctl" search --content "$tmp/content.db" --units --province 38 --json ba dinh |
	python3 -c 'import json, sys; d = json.load(sys.stdin); r = d["results"]
print(r[0]["name"], "was" in r[0], {x["province_code"] for x in r},
      all("Ba Đình" in x["was"] for x in r[1:]) and len(r) > 1)')
[ "$n" = "Xã Ba Đình False {'38'} True" ] || { echo "commune 'ba dinh' in 38: $n"; fail=1; }

# Help for both commands.
"$ctl" search --help | grep -q 'usage: kioskctl search' || { echo "search --help"; fail=1; }
"$ctl" content build --help | grep -q 'usage: kioskctl content build' || { echo "content build --help"; fail=1; }
"$ctl" --help | grep -q '^  search' || { echo "search missing from kioskctl --help"; fail=1; }

# Broken sources: named problems, non-zero exit, nothing written.
mkdir -p "$tmp/src/procedures" "$tmp/src/units"
printf '{"code": "1.000001", "name": "Thử", "field": "Hộ tịch", "channels": [], "papers": [], "fee": 1}\n' \
	>"$tmp/src/procedures/1.000001.json"
if "$ctl" content build "$tmp/src" "$tmp/bad.db" 2>"$tmp/err"; then
	echo "a broken source was accepted"
	fail=1
fi
grep -q "^$tmp/src/procedures/1.000001.json: unknown key \"fee\"" "$tmp/err" || { cat "$tmp/err"; fail=1; }
[ ! -e "$tmp/bad.db" ] || { echo "bad.db written"; fail=1; }
"$ctl" search --content "$tmp/nothing.db" khai 2>"$tmp/err" && fail=1
grep -q 'nothing.db' "$tmp/err" || { echo "no file named: $(cat "$tmp/err")"; fail=1; }

exit $fail
