# A new content version (the `current` link switched to another folder)
# is picked up between villagers, never in the middle of one: while a
# villager is on a form, the old screens stay; back home, the new ones come.
. tests/screen/lib.bash
for v in 1 2; do
	mkdir -p "$TEST_TMP/content/v$v"
	cp -R screens locale assets "$TEST_TMP/content/v$v/"
	cp build/content/content.db "$TEST_TMP/content/v$v/"
done
sed -i 's/^title    TRẠM DỊCH VỤ CÔNG · {commune}$/title    TRẠM DỊCH VỤ CÔNG MỚI · {commune}/' "$TEST_TMP/content/v2/screens/home.screen"
python3 - "$TEST_TMP/content/v2/locale" <<'PY'
import sys
for lang, text in (("vi", ""), ("en", "NEW PUBLIC SERVICE BOOTH · {commune}")):
    with open(f"{sys.argv[1]}/{lang}.po", "a") as f:
        f.write(f'\nmsgid "TRẠM DỊCH VỤ CÔNG MỚI · {{commune}}"\nmsgstr "{text}"\n')
PY
ln -sfn v1 "$TEST_TMP/content/current"
CONTENT_DIR=$TEST_TMP/content/current write_config
./build/kioskctl --config "$KIOSK_CONFIG" check >/dev/null || fail "the test content does not pass check"
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG · Xã Nghĩa Hành"
pid=$(kiosk_pid)
send 4
wait_for "Phản ánh, kiến nghị · Bước 1/2"
send 2
ln -sfn v2 "$TEST_TMP/content/current.new" && mv -T "$TEST_TMP/content/current.new" "$TEST_TMP/content/current"
# Several polls pass while the villager is busy: nothing changes under them.
for i in $(seq 60); do
	screen_text | grep -qF "Phản ánh, kiến nghị · Bước 1/2" || fail "the form went away"
	sleep 0.1
done
screen_text | grep -qF "Thái độ cán bộ" || fail "the form lost its state"
send BSpace
wait_for "TRẠM DỊCH VỤ CÔNG MỚI · Xã Nghĩa Hành" 15
[ "$(kiosk_pid)" = "$pid" ] || fail "the kiosk is a new process, not the same one started again"
