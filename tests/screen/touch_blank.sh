# The touch session keeps the screen lit: on an X server whose screen saver
# is set to blank after 2 seconds (as a server's default of 10 minutes
# would, later), the session turns it off; once the pointer and keys have
# been still for well past that time, the screenshot is not black and the
# home screen still reads back. Then, as a check that this test can see
# blanking at all, the saver is set again and the screen goes black.
# Also: the [touch] font_size of the config is the xterm's letter size.
# (Xvfb has no DPMS, so the session's `xset -dpms` is not tried here.)
. tests/screen/lib.bash
. tests/screen/xsession.bash
write_config "[ui]" "input = touch"
write_touch_config "[touch]" "font_size = 22"
start_x 1280 720
xset s 2 0 s noblank || fail "cannot set the screen saver"
start_session
wait_read "Tìm thủ tục, giấy tờ cần mang" "Nộp phí bằng mã QR"
pgrep -f "xterm .*DejaVu Sans Mono:pixelsize=22 " >/dev/null ||
	fail "the xterm does not use [touch] font_size: $(pgrep -af xterm)"
read -r rows cols <<<"$(touch_size)"
[ "$rows" -ge 24 ] && [ "$cols" -ge 80 ] || fail "the kiosk's terminal is ${cols}x$rows, under 80x24"

# Nothing touched for three times the saver's time.
while [ "$(xprintidle)" -lt 6000 ]; do sleep 0.2; done
lit=$(brightness)
python3 -c "import sys; sys.exit(float(sys.argv[1]) < 0.01)" "$lit" ||
	fail "the screen went black ($lit) with the session running"
wait_read "Tìm thủ tục, giấy tờ cần mang" "Nộp phí bằng mã QR"
xset q | grep -q "timeout: *0 " || fail "the screen saver is still on: $(xset q | grep timeout)"
echo "ok: still lit after $(xprintidle) ms idle (mean brightness $lit)"

# The saver set again (what the session undid) blanks this screen.
xset s 2 0
end=$((SECONDS + 20))
while [ "$SECONDS" -lt "$end" ]; do
	python3 -c "import sys; sys.exit(float(sys.argv[1]) >= 0.01)" "$(brightness)" && break
	sleep 0.2
done
[ "$SECONDS" -lt "$end" ] || fail "the screen saver never blanked this X server: the check above proves nothing"
echo "ok: without the session's settings the screen goes black"
