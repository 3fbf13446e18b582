# The console font: the committed fonts are what deploy/tools/psf-font.py
# makes from the Unifont glyphs; kioskctl check says the demo content is
# drawable with it; a signed content bundle bringing a character the font
# lacks (in a screen, or in content.db) is refused on a console booth,
# naming the character, its file and line (or its procedure), and the
# booth keeps its content; a booth that is not on the console takes it.
. tests/fleet/lib.sh

python3 deploy/tools/psf-font.py --check || fail "assets/console/*.psf are stale"
for size in 8x16 12x24 16x32; do
	[ "$(stat -c %s "assets/console/kiosk-$size.psf")" -gt 8000 ] || fail "kiosk-$size.psf is too small"
done

make_key province province@test
make_booth b1
trust b1 province province@test
make_content "$T/good"
pack "$T/good" province 1.0
"$CTL" --config "$T/b1.ini" content install "$T/1.0.bundle" >"$T/out" 2>&1 ||
	fail "install 1.0: $(cat "$T/out")"
"$CTL" --config "$T/b1.ini" check >"$T/out" 2>&1 || fail "check: $(cat "$T/out")"
grep -q "drawable with the console font .*/assets/console/kiosk-16x32.psf$" "$T/out" ||
	fail "check does not name the console font: $(cat "$T/out")"

# A screen with a letter the font lacks (ǖ, U+01D6: Pinyin, not Vietnamese)
# and an announcement with another (ğ, U+011F) in content.db.
make_content "$T/bad"
sed -i 's/^choice   5 queue       Lấy số thứ tự$/choice   5 queue       Lǖy số thứ tự/' \
	"$T/bad/screens/home.screen"
grep -q "Lǖy" "$T/bad/screens/home.screen" || fail "the test could not change home.screen"
line=$(grep -n "Lǖy" "$T/bad/screens/home.screen" | cut -d: -f1)
id=$(sqlite3 "$T/bad/content.db" "SELECT id FROM announcements ORDER BY id LIMIT 1")
sqlite3 "$T/bad/content.db" "UPDATE announcements SET title = title || ' Doğan' WHERE id = '$id'"
pack "$T/bad" province 2.0
"$CTL" --config "$T/b1.ini" content install "$T/2.0.bundle" >"$T/out" 2>&1 &&
	fail "a bundle with ǖ and ğ was installed on a console booth"
grep -q "screens/home.screen:$line: U+01D6 \"ǖ\" cannot be drawn with the console font" "$T/out" ||
	fail "the refusal does not name ǖ in home.screen:$line: $(cat "$T/out")"
grep -q "content.db: announcement $id, title: U+011F \"ğ\" cannot be drawn" "$T/out" ||
	fail "the refusal does not name ğ in the announcement: $(cat "$T/out")"
grep -q "version 2.0 refused; the booth keeps its content" "$T/out" || fail "no refusal: $(cat "$T/out")"
[ "$(current b1)" = 1.0 ] || fail "current moved to $(current b1)"
echo "ok: a bundle with characters the console font lacks is refused, naming them"

# kioskctl check on a content folder holding them names them too.
sed "s|^content_dir = .*|content_dir = $T/bad|" "$T/b1.ini" >"$T/bad.ini"
"$CTL" --config "$T/bad.ini" check >"$T/out" 2>&1 && fail "check passed content with ǖ"
grep -q "home.screen:$line: U+01D6" "$T/out" || fail "check: $(cat "$T/out")"

# The same bundle on a booth that draws in a terminal emulator.
printf '[ui]\ndisplay = terminal\n' >>"$T/b1.ini"
"$CTL" --config "$T/b1.ini" content install "$T/2.0.bundle" >"$T/out" 2>&1 ||
	fail "a terminal booth refused the bundle: $(cat "$T/out")"
echo "ok: a booth with [ui] display = terminal takes it"

# A console font that cannot be read is a problem of the config.
printf '[console]\nfont = %s/none.psf\n' "$T" >>"$T/bad.ini"
"$CTL" --config "$T/bad.ini" check >"$T/out" 2>&1 && fail "check passed without a console font"
grep -q "\[console\] font: $T/none.psf: No such file" "$T/out" || fail "missing font: $(cat "$T/out")"
echo "ok: kioskctl check names a console font it cannot read"
