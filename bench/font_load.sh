# The printer's glyphs: the booth's subset against the whole GNU Unifont
# (Debian package unifont), loaded the same way in the same run.
full=/usr/share/unifont/unifont.hex
if [ ! -f "$full" ]; then
	echo "skipped: $full is not installed (apt-get install unifont)"
	exit 0
fi
./build/bench/font_load 20 assets/unifont-kiosk.hex "$full"
