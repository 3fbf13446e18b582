#!/bin/bash
# The importer (deploy/tools/import_procedures.py) on real published lines
# kept under tests/fixtures/import: fees, times, papers and legal basis
# split into fields; rows that cannot be split kept whole, never invented;
# misfiled rows skipped; units with their official codes. The output must
# then build with kioskctl.
set -u
tmp=$(mktemp -d /tmp/kiosk-cli-import-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

python3 deploy/tools/import_procedures.py --all \
	--procedures tests/fixtures/import/procedures.jsonl \
	--units tests/fixtures/import/units.json --out "$tmp/src" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }

python3 - "$tmp/src" <<'PY' || exit 1
import json, os, sys, unicodedata
src = sys.argv[1]

def proc(code):
    with open(os.path.join(src, "procedures", code + ".json"), encoding="utf-8") as f:
        return json.load(f)

def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)

names = sorted(os.listdir(os.path.join(src, "procedures")))
# The provincial decision published as a "procedure" is left out.
assert "2.001428.json" not in names, names
assert len(names) == 6, names
for n in names:
    for s in strings(proc(n[:-5])):
        assert unicodedata.normalize("NFC", s) == s, (n, s)
        assert "\u200e" not in s and "\t" not in s, (n, s)

# Birth registration: free, time published as a bare "1", no unit added.
p = proc("1.001193")
assert p["name"] == "Thủ tục đăng ký khai sinh" and p["field"] == "Hộ tịch"
assert [c["way"] for c in p["channels"]] == ["online", "post", "direct"], p["channels"]
for c in p["channels"]:
    assert c["time"] == "1" and c["fee"] == "Miễn phí" and c["fee_vnd"] == 0, c
assert p["results"] == ["Giấy khai sinh"], p["results"]
groups = {x.get("group") for x in p["papers"]}
assert {"Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Lưu ý"} <= groups, groups
birth = [x for x in p["papers"] if x["name"].startswith("- Giấy chứng sinh")]
assert len(birth) == 1 and birth[0]["original"] == 1, birth
# "Luật 60/2014/QH13" followed by its code cell "60/2014/QH13".
law = [x for x in p["legal_basis"] if x.get("code") == "60/2014/QH13"]
assert law and law[0]["name"] == "Luật 60/2014/QH13", law

# Temporary residence: fees with notes, form from the text, garbled file name dropped.
p = proc("1.004194")
online, direct = p["channels"]
assert online == {**online, "way": "online", "time": "3 Ngày làm việc",
                  "fee": "7,000 Việt Nam Đồng", "fee_vnd": 7000}, online
assert direct["fee_vnd"] == 10000 and "10.000 đồng" in direct["fee_note"], direct
assert "Công an cấp xã" in direct["description"], direct
ct01 = [x for x in p["papers"] if x.get("form") == "Mẫu CT01"]
assert ct01, p["papers"]
for x in p["papers"]:
    assert ".doc" not in x["name"] and "MuCT01" not in x["name"], x
    assert "MuCT01" not in x.get("form", ""), x

# Permanent residence: 10,000 online, 20,000 at the office.
p = proc("1.004222")
assert [c["fee_vnd"] for c in p["channels"]] == [10000, 20000], p["channels"]

# Certified copies: no time published (none given), fee per page, a USD fee without dong.
p = proc("2.000815")
assert all("time" not in c for c in p["channels"]), p["channels"]
assert p["channels"][0]["fee"] == "2,000 Việt Nam Đồng" and p["channels"][0]["fee_note"] == "/trang"
assert p["channels"][1]["fee"] == "10 USD" and "fee_vnd" not in p["channels"][1], p["channels"][1]

# Social insurance: the portal cut the steps into the papers field; no papers invented.
p = proc("1.001613")
assert p["papers"] == [], p["papers"]
assert any(s.startswith("Bước 2") for s in p["steps"]), p["steps"]
assert any("nộp cho cơ quan BHXH" in s for s in p["steps"]), p["steps"]

# Customs declaration: "Trực tuyến120 VNĐ" may be time "1" and fee "20", or a fee of 120:
# the row is kept whole, no time and no fee made up.
p = proc("1.000014")
for c in p["channels"]:
    assert set(c) == {"way", "text"} and c["text"].startswith("120 VNĐ"), c

# Units: official codes, kinds, the lower-case "xã Bắc Sơn" given its capital.
with open(os.path.join(src, "units", "20.json"), encoding="utf-8") as f:
    u = json.load(f)
assert (u["code"], u["name"], u["kind"]) == ("20", "Tỉnh Lạng Sơn", "Tỉnh"), u
assert {"code": "06325", "name": "Xã Bắc Sơn", "kind": "Xã"} in u["communes"], u["communes"]
with open(os.path.join(src, "units", "22.json"), encoding="utf-8") as f:
    u = json.load(f)
assert {"code": "06994", "name": "Đặc khu Vân Đồn", "kind": "Đặc khu"} in u["communes"]
PY

# What it writes is a valid source for kioskctl.
./build/kioskctl content build "$tmp/src" "$tmp/content.db" || exit 1
