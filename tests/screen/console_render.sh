# The kiosk's screens as the Linux console draws them: the real kiosk runs
# as on tty1 (TERM=linux, [ui] display = console) at 80x24, in Vietnamese
# and in English; each screen (home, a procedure's page, a request form,
# the saved request with its QR) is captured and drawn glyph by glyph with
# the project's console fonts into a picture (tests/tools/psf_render.py):
# no character falls back to the replacement glyph. Drawn with Debian's
# Vietnamese-TerminusBold16 (console-setup), the home screen has holes
# where ư, ơ, ạ are. The home screen's picture is read back by OCR
# (tesseract, Vietnamese): its marked words come back, and far fewer of
# them from the Terminus picture. Text from outside (here typed) that the
# font lacks is drawn without its mark and saved as typed.
. tests/screen/lib.bash
debian_font=/usr/share/consolefonts/Vietnamese-TerminusBold16.psf.gz
for need in tesseract; do
	command -v "$need" >/dev/null || { echo "skipped: no $need (deploy/deps.sh test)"; exit 77; }
done
tesseract --list-langs 2>/dev/null | grep -qx vie ||
	{ echo "skipped: no Vietnamese OCR data (tesseract-ocr-vie)"; exit 77; }
[ -f "$debian_font" ] || { echo "skipped: no $debian_font (console-setup-linux)"; exit 77; }

shots=$TEST_TMP/shots
mkdir -p "$shots"

# Keeps the pane's text as shots/NAME.txt.
shot() {
	screen_text >"$shots/$1.txt"
}

# A console booth in language $1.
start_console() {
	close_terminal
	write_config "[ui]" "language = $1" "display = console"
	KIOSK_ENV="TERM=linux" start_kiosk
}

# The screens of one language: $1 the code, then the texts to wait for:
# home, the search's prompt, the page's papers, the form's step, the
# review, the saved screen.
screens() {
	local lang=$1 home=$2 prompt=$3 papers=$4 step=$5 review=$6 saved=$7
	start_console "$lang"
	wait_for "$home"
	shot "home-$lang"
	send 1
	wait_for "$prompt"
	send_raw "ket hon"
	wait_for "1  Thủ tục đăng ký kết hôn"
	send 1
	wait_for "$papers"
	shot "procedure-$lang"

	start_console "$lang"
	wait_for "$home"
	send 4
	wait_for "$step"
	shot "form-$lang"
	send 1 Enter
	# Typed text with a letter the font lacks (ğ): drawn as g.
	send_raw "Doğan"
	wait_for "Dogan"
	screen_text | grep -q "ğ" && fail "ğ drawn on a console booth"
	send Enter Enter Enter
	wait_for "$review"
	wait_for "Dogan"
	send 1
	wait_for "$saved"
	shot "saved-$lang"
	check_screen_qr "$(receipt_code)"
}

screens vi "1  Tìm thủ tục, giấy tờ cần mang" "Gõ vài chữ, không cần dấu:" "Giấy tờ cần mang:" \
	"Bước 1/2" "Xem lại trước khi gửi" "ĐÃ GHI NHẬN Ý KIẾN CỦA BẠN"
screens en "1  Procedures and papers to bring" "Type a few letters, no accents needed:" \
	"Papers to bring:" "Step 1/2" "Check before sending" "WE HAVE YOUR FEEDBACK"
# What was typed is saved as typed.
[ "$(./build/kioskctl --config "$KIOSK_CONFIG" export --from 2000-01-01 --to 2100-01-01 2>/dev/null |
	grep -c "Doğan")" = 2 ] ||
	fail "the typed Doğan was not saved as typed: $(./build/kioskctl --config "$KIOSK_CONFIG" export --from 2000-01-01 --to 2100-01-01)"
echo "ok: typed ğ drawn as g on a console booth, saved as ğ"

# Every screen, glyph by glyph, with the three sizes of the project's font.
for txt in "$shots"/*.txt; do
	name=$(basename "$txt" .txt)
	grep -q "──────" "$txt" || fail "$name: the capture is not a screen"
	case $name in
	*-vi) LC_ALL=C.UTF-8 grep -q "[ạảấầậắằặẹếềểệịọỏốồổộơớờởợụủưứừửữự]" "$txt" ||
		fail "$name: the capture has no Vietnamese letters" ;;
	esac
	for size in 16x32 12x24 8x16; do
		out=$TEST_TMP/$name-$size.pgm
		[ "$size" = 16x32 ] || out=""
		holes=$(python3 tests/tools/psf_render.py "assets/console/kiosk-$size.psf" "$txt" $out) ||
			fail "$name: cannot draw with kiosk-$size.psf"
		[ -z "$holes" ] || fail "$name: kiosk-$size.psf has no glyph for: $holes"
	done
	[ -s "$TEST_TMP/$name-16x32.pgm" ] || fail "$name: no picture drawn"
done
echo "ok: $(ls "$shots" | wc -l) screens drawn with every glyph of the project's console fonts"

# Debian's Vietnamese console font: holes on the home screen.
holes=$(python3 tests/tools/psf_render.py "$debian_font" "$shots/home-vi.txt")
for ch in ư ơ ạ ủ ộ; do
	grep -q " $ch$" <<<"$holes" || fail "Vietnamese-TerminusBold16 has $ch now? holes: $holes"
done
echo "ok: Vietnamese-TerminusBold16 has no glyph for $(wc -l <<<"$holes") characters of the home screen"

# OCR of the home screen, its words without the box lines around them,
# soft-edged and enlarged as OCR reads best.
python3 -c '
import sys
t = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.write("".join(" " if 0x2500 <= ord(c) <= 0x257F else c for c in t))' \
	"$shots/home-vi.txt" >"$TEST_TMP/words.txt"
ocr() {
	python3 tests/tools/psf_render.py "$1" "$TEST_TMP/words.txt" "$TEST_TMP/ocr.pgm" \
		--scale 3 --blur 2 >/dev/null
	OMP_THREAD_LIMIT=1 tesseract "$TEST_TMP/ocr.pgm" "$TEST_TMP/ocr" -l vie --psm 6 >/dev/null 2>&1 ||
		fail "tesseract failed"
	python3 tests/tools/ocr_words.py "$shots/home-vi.txt" "$TEST_TMP/ocr.txt"
}
ours=$(ocr assets/console/kiosk-8x16.psf)
theirs=$(ocr "$debian_font")
read_ours=${ours%%/*} total=$(head -1 <<<"$ours" | cut -d/ -f2)
read_theirs=${theirs%%/*}
echo "OCR read $(head -1 <<<"$ours") marked words with the kiosk's font," \
	"$(head -1 <<<"$theirs") with Vietnamese-TerminusBold16"
[ "$total" -ge 30 ] || fail "only $total marked words on the home screen?"
# Pixel fonts are not what OCR was trained on: most words, not all.
[ $((read_ours * 10)) -ge $((total * 7)) ] ||
	fail "OCR read only $(head -1 <<<"$ours") words of the home screen; not read: $(tail -n +2 <<<"$ours" | tr '\n' ' ')"
[ $((read_theirs * 2)) -le "$read_ours" ] ||
	fail "OCR read as much through Terminus's holes ($read_theirs) as with the kiosk's font ($read_ours)"
for word in "thủ" "tục" "hồ" "sơ" "của" "xã"; do
	grep -qx "$word" <<<"$(tail -n +2 <<<"$ours")" && fail "OCR did not read \"$word\" from the kiosk's font"
done
echo "ok: OCR reads the home screen's Vietnamese back"
