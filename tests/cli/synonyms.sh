#!/bin/bash
# The villagers' words (assets/catalog/synonyms/*.txt): `kioskctl content
# build` refuses mistakes with their file and line and writes nothing;
# `kioskctl check` reports the same in a content folder's sources, a word
# of a target that is a typo, and notes a rule that leads to no procedure
# of the booth's catalog; a good rule changes what a search finds.
set -u
ctl=./build/kioskctl
tmp=$(mktemp -d /tmp/kiosk-cli-synonyms-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0

# A catalog of the demo's procedures and units, with rules of our own.
mkdir -p "$tmp/src/synonyms"
cp -r assets/catalog/procedures assets/catalog/units "$tmp/src/"
cat >"$tmp/src/synonyms/a.txt" <<'TXT'
# comment
đẻ con = khai sinh
sổ đỏ = giấy chứng nhận quyền sử dụng đất | đăng ký đất đai
TXT

# Mistakes, each on its line, across two files.
cat >"$tmp/src/synonyms/b.txt" <<'TXT'
so do = đất đai
khai sinh con
lấy vợ =
a = b = c
cưới = kết hôn | | kết hôn
ket hon = kết hôn
một hai ba bốn năm sáu bảy tám chín = khai tử
TXT
printf 'ho\xcc\x80 = hòa giải\n' >>"$tmp/src/synonyms/b.txt" # decomposed: not NFC
if "$ctl" content build "$tmp/src" "$tmp/bad.db" 2>"$tmp/err"; then
	echo "mistaken synonyms were accepted"
	fail=1
fi
[ ! -e "$tmp/bad.db" ] || { echo "bad.db written"; fail=1; }
for want in \
	"synonyms/b.txt:1: \"so do\" is already in synonyms/a.txt:3" \
	"synonyms/b.txt:2: write one rule a line: what villagers say = what the catalog says" \
	"synonyms/b.txt:3: nothing after =" \
	"synonyms/b.txt:4: write one rule a line" \
	"synonyms/b.txt:5: an empty choice between |" \
	"synonyms/b.txt:5: \"kết hôn\" is given twice" \
	"synonyms/b.txt:6: \"kết hôn\" is given as its own synonym" \
	"synonyms/b.txt:7: too many words in" \
	"synonyms/b.txt:8: \"ho"; do
	grep -qF "$want" "$tmp/err" || { echo "content build did not say: $want"; fail=1; }
done
grep -qF "is not in Unicode NFC" "$tmp/err" || { echo "content build did not say the text is not NFC"; fail=1; }

# Fixed, the build takes them and the search reads them.
rm "$tmp/src/synonyms/b.txt"
"$ctl" content build "$tmp/src" "$tmp/content.db" >/dev/null || { echo "good synonyms refused"; fail=1; }
first() {
	"$ctl" search --content "$tmp/content.db" --json --limit 1 "$@" |
		python3 -c 'import json, sys; r = json.load(sys.stdin)["results"]; print(r[0]["code"] if r else "-")'
}
[ "$(first so do)" = 1.013978 ] || { echo "'so do' does not find the land registration: $(first so do)"; fail=1; }
[ "$(first de con)" = 1.001193 ] || { echo "'de con' does not find the birth registration"; fail=1; }

# kioskctl check in a content folder: the sources, then the targets.
mkdir -p "$tmp/booth/assets/catalog"
cp -r screens locale "$tmp/booth/"
cp assets/vi-syllables.txt "$tmp/booth/assets/"
cp -r "$tmp/src/synonyms" "$tmp/booth/assets/catalog/"
cat >>"$tmp/booth/assets/catalog/synonyms/a.txt" <<'TXT'
khai hải quan = tờ khai hải quan
nhà = giấy phép xây dựnq
TXT
cp -r "$tmp/booth/assets/catalog/synonyms" "$tmp/src/"
"$ctl" content build "$tmp/src" "$tmp/booth/content.db" >/dev/null || { echo "build for the booth failed"; fail=1; }
printf '[paths]\ncontent_dir = %s\nstate_dir = %s\n' "$tmp/booth" "$tmp/var" >"$tmp/k.ini"
if "$ctl" --config "$tmp/k.ini" check >"$tmp/check" 2>&1; then
	echo "check passed a typo in a target"
	fail=1
fi
grep -qF "synonyms/a.txt:5: \"dựnq\" in \"giấy phép xây dựnq\" is no Vietnamese word nor a word of the catalog" "$tmp/check" ||
	{ echo "check did not find the typo:"; cat "$tmp/check"; fail=1; }
grep -qF "note: synonyms/a.txt:4: no procedure of this catalog says \"tờ khai hải quan\"" "$tmp/check" ||
	{ echo "check did not note the rule that leads nowhere:"; cat "$tmp/check"; fail=1; }
echo "so do = x" >>"$tmp/booth/assets/catalog/synonyms/a.txt"
"$ctl" --config "$tmp/k.ini" check >"$tmp/check" 2>&1
grep -qF "$tmp/booth/assets/catalog/synonyms/a.txt:6: \"so do\" is already on line 3" "$tmp/check" ||
	{ echo "check did not read the sources:"; cat "$tmp/check"; fail=1; }
exit $fail
