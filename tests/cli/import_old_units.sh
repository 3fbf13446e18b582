#!/bin/bash
# The converter of the pre-2025 communes (deploy/tools/import_old_units.py)
# on a few wards of the published mapping: names normalised (tone
# placement, hyphens, kind words), 2025 units matched by name within their
# province, a unit whose kind changed matched and listed, one that matches
# nothing listed and left out, the licence kept beside the output, which
# then builds with kioskctl and is found by kioskctl search --units.
set -u
tmp=$(mktemp -d /tmp/kiosk-cli-oldunits-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/procedures"
cp -r assets/catalog/units "$tmp/src/units"

python3 deploy/tools/import_old_units.py tests/fixtures/old-units/new_to_old.json \
	--out "$tmp/src" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
fail() { echo "FAIL: $*"; cat "$tmp/log"; exit 1; }
grep -qF "kind changed, matched by name: Tỉnh Đồng Nai -> Thành phố Đồng Nai" "$tmp/log" || fail "province kind change not listed"
grep -qF "kind changed, matched by name: Xã Lộc Ninh -> Phường Lộc Ninh" "$tmp/log" || fail "commune kind change not listed"
grep -qF "not in the 2025 units, left out: Xã Không Có Thật, Tỉnh Quảng Ngãi" "$tmp/log" || fail "unmatched unit not listed"
grep -qF "tanthuan031/vnadministrative" "$tmp/src/old-units/LICENSE" || fail "no source in LICENSE"
grep -qF "Permission is hereby granted" "$tmp/src/old-units/LICENSE" || fail "the MIT text is not kept"

python3 - "$tmp/src/old-units" <<'PY' || fail "converted entries"
import json, os, sys
d = sys.argv[1]
def load(code):
    with open(os.path.join(d, code + ".json"), encoding="utf-8") as f:
        return json.load(f)
qn = load("51")
assert qn["name"] == "Tỉnh Quảng Ngãi", qn["name"]
olds = {c["commune"]: c for c in qn["communes"]}
assert olds["Xã Hành Đức"]["district"] == "Huyện Nghĩa Hành", olds["Xã Hành Đức"]
assert [n["name"] for n in olds["Xã Hành Đức"]["now"]] == ["Xã Đình Cương"]
assert "Xã Thử" not in olds, "an old commune of an unmatched unit was kept"
kh = load("56")
assert kh["name"] == "Tỉnh Khánh Hoà"
# Modern tone placement and kind words in sentence case in every name.
names = [c[k] for c in kh["communes"] for k in ("commune", "district", "province")]
assert all("òa" not in n and "Hòa" not in n for n in names), names
assert any("Hoà" in n for n in names), names
assert all(not n.startswith(("Thị Xã", "Thành Phố", "Thị Trấn")) for n in names), names
hn = load("01")
vm = [c for c in hn["communes"] if any(n["name"] == "Phường Văn Miếu - Quốc Tử Giám" for n in c["now"])]
assert vm, "the hyphenated ward was not matched"
dn = load("75")
assert any(n["name"] == "Phường Lộc Ninh" for c in dn["communes"] for n in c["now"]), dn
PY

ctl=./build/kioskctl
"$ctl" content build "$tmp/src" "$tmp/content.db" >"$tmp/log" 2>&1 || fail "the converted mapping does not build"
"$ctl" search --content "$tmp/content.db" --units hanh duc | grep -qF "Xã Đình Cương  [Tỉnh Quảng Ngãi]  (was Xã Hành Đức, Huyện Nghĩa Hành, Tỉnh Quảng Ngãi)" ||
	fail "kioskctl search --units does not find the old name"

# No licence beside the mapping: nothing converted.
mkdir -p "$tmp/nolicence"
cp tests/fixtures/old-units/new_to_old.json "$tmp/nolicence/"
if python3 deploy/tools/import_old_units.py "$tmp/nolicence/new_to_old.json" --out "$tmp/src" 2>"$tmp/log"; then
	fail "converted without a licence"
fi
grep -qF "LICENSE: missing" "$tmp/log" || fail "no message about the licence"

# kioskctl check reads content.db's mapping: a 2025 commune of another
# province, or an old-style name, is named.
cfg=$tmp/kiosk.ini
mkdir -p "$tmp/content"
cp "$tmp/content.db" "$tmp/content/content.db"
printf '[paths]\ncontent_dir = %s\nstate_dir = %s/var\n[ui]\ndisplay = terminal\n' "$tmp/content" "$tmp" >"$cfg"
for d in screens locale assets; do ln -s "$PWD/$d" "$tmp/content/$d"; done
"$ctl" --config "$cfg" check >"$tmp/log" 2>&1 || fail "kioskctl check refuses a good mapping"
python3 - "$tmp/content/content.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE old_communes SET name = 'Xã Hòa Trí Cũ' WHERE name = 'Xã Hành Đức'")
db.execute("UPDATE old_targets SET commune = '00004' WHERE old_id = (SELECT min(id) FROM old_communes WHERE province = '56')")
db.commit()
PY
if "$ctl" --config "$cfg" check >"$tmp/log" 2>&1; then
	fail "kioskctl check passes a broken mapping"
fi
grep -qF "2025 commune 00004 is in another province" "$tmp/log" || fail "target in another province not named"
grep -qF "Xã Hòa Trí Cũ" "$tmp/log" && grep -qF '"Xã Hoà Trí Cũ"' "$tmp/log" || fail "old tone placement not named"
exit 0
