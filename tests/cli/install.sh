# make install puts both programs and the content files under DESTDIR and
# PREFIX, and the installed kiosk checks its installed content.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make --no-print-directory install DESTDIR="$tmp/root" PREFIX=/opt/kiosk >/dev/null || exit 1
for f in bin/kiosk bin/kioskctl share/kiosk/screens/home.screen share/kiosk/locale/vi.po share/kiosk/locale/en.po; do
	[ -f "$tmp/root/opt/kiosk/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
printf '[paths]\nstate_dir = %s/var\ncontent_dir = %s/root/opt/kiosk/share/kiosk\n' "$tmp" "$tmp" >"$tmp/k.ini"
"$tmp/root/opt/kiosk/bin/kioskctl" --config "$tmp/k.ini" check
