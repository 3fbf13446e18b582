# A malformed screen file never crashes the kiosk: it refuses to start with
# file:line messages, the same ones `kioskctl check` lists, both non-zero.
. tests/screen/lib.bash
content="$TEST_TMP/content"
mkdir -p "$content"
cp -R screens locale "$content/"
sed -i '/^choice *9 /d' "$content/screens/home.screen" # 9 is free for the bad choice below
n=$(wc -l <"$content/screens/home.screen")
cat >>"$content/screens/home.screen" <<'SCREEN'
choice 9 nowhere   Đi đâu đó
colour   red
choice 3 news      Trùng số
SCREEN
printf 'title Dòng \xff hỏng\n' >"$content/screens/broken.screen"
CONTENT_DIR=$content write_config

./build/kioskctl --config "$KIOSK_CONFIG" check >"$TEST_TMP/check.out" 2>&1
[ $? -ne 0 ] || fail "kioskctl check passed a broken screen"
cat "$TEST_TMP/check.out"
for want in "$content/screens/home.screen:$((n + 2)): unknown directive \"colour\"" \
	"$content/screens/home.screen:$((n + 3)): choice 3 is already used on line" \
	"$content/screens/home.screen:$((n + 1)): choice 9 leads to \"nowhere\"" \
	"$content/screens/broken.screen: not valid UTF-8"; do
	grep -qF "$want" "$TEST_TMP/check.out" || fail "kioskctl check did not say: $want"
done

# The kiosk refuses to start, before taking the terminal, with the same list.
start_kiosk
status=$(wait_exit)
[ "$status" != 0 ] || fail "the kiosk started on a broken screen"
KIOSK_ENV= ./build/kiosk --config "$KIOSK_CONFIG" </dev/null >/dev/null 2>"$TEST_TMP/kiosk.err"
grep -F "$content/screens/" "$TEST_TMP/kiosk.err" | sed 's/^/  /'
diff <(grep -F "$content/screens/" "$TEST_TMP/check.out") <(grep -F "$content/screens/" "$TEST_TMP/kiosk.err") ||
	fail "the kiosk and kioskctl check disagree"

# Fixed, both accept it.
cp screens/home.screen "$content/screens/home.screen"
rm "$content/screens/broken.screen"
./build/kioskctl --config "$KIOSK_CONFIG" check | grep -q '^ok' || fail "check refuses good screens"
close_terminal
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
