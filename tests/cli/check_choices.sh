# kioskctl check (which every content update runs before its switch)
# refuses a form or a screen whose choices cannot all be shown at 80x24 in
# every language: an option too wide in one catalog, a step whose wrapped
# options overflow the rows, a menu label cut in its box; each named by
# file and line. (The kiosk does not measure them at its start.)
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
content=$tmp/content
mkdir -p "$content"
cp -R screens locale "$content/"
printf '[paths]\ncontent_dir = %s\nstate_dir = %s/var\n' "$content" "$tmp" >"$tmp/k.ini"

# expect_refused TEXT: kioskctl check refuses the content, saying TEXT.
expect_refused() {
	local out
	out=$(./build/kioskctl --config "$tmp/k.ini" check </dev/null 2>&1) && fail "check accepted it"
	grep -qF -- "$1" <<<"$out" || fail "check said \"$out\", expected \"$1\""
	echo "ok: $1"
}

./build/kioskctl --config "$tmp/k.ini" check | grep -q '^ok' || fail "check refuses the shipped content"

# An English option longer than the room beside the label.
form=$content/screens/forms/10-khai-sinh.form
line=$(grep -n '^field *relation ' "$form" | cut -d: -f1)
long="Another relative of the child, living in the same house"
sed -i "s/^msgstr \"Other relative\"/msgstr \"$long\"/" "$content/locale/en.po"
expect_refused "$form:$line: option 4 is ${#long} columns in \"en\": room for 47 at 80x24"
cp locale/en.po "$content/locale/en.po"

# A step whose options, wrapped, need more rows than the screen has.
form=$content/screens/forms/feedback.form
line=$(grep -n '^field *topic ' "$form" | cut -d: -f1)
{
	cat screens/forms/feedback.form
	echo "step       Nội dung"
	for i in 1 2 3 4 5; do
		echo "field      extra$i   choice   optional  Về việc gì (lần $i)"
		printf 'option     %s\n' "Thủ tục hành chính" "Thái độ cán bộ" "Đường sá, điện, nước" "Việc khác"
	done
} >"$form"
expect_refused "$form:$(($(wc -l <screens/forms/feedback.form) + 2)): step 3 (\"Nội dung\") does not fit 80x24 in \"vi\""
cp screens/forms/feedback.form "$form"

# A menu label wider than its box in English.
python3 - "$content/locale/en.po" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('msgid "Lấy số thứ tự"\nmsgstr "', 'msgid "Lấy số thứ tự"\nmsgstr "A very long way of saying: ', 1)
open(p, "w", encoding="utf-8").write(s)
PY
line=$(grep -n ' queue ' screens/home.screen | cut -d: -f1)
expect_refused "$content/screens/home.screen:$line: choice 5 is"
cp locale/en.po "$content/locale/en.po"
./build/kioskctl --config "$tmp/k.ini" check | grep -q '^ok' || fail "check refuses the content put back"
