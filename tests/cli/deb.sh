# make deb: the package's control data and files, its programs run from an
# unpacked copy, and, on a machine where systemd is not running and no
# kiosk was ever installed (a container, CI), a real 'apt install' of it:
# the system user, the folders, the packaged content, the enabled units,
# kioskctl as root acting as the kiosk user, a signed bundle installed into
# the real store, then a purge that leaves nothing behind but state.db.
. tests/fleet/lib.sh

make --no-print-directory deb >"$T/make.log" 2>&1 || { cat "$T/make.log"; fail "make deb"; }
deb=$(ls build/kiosk_"$(cat VERSION)"_*.deb) || fail "no package built"

info=$(dpkg-deb -I "$deb")
for want in "Package: kiosk" "Version: $(cat VERSION)" "Depends: .*ncurses-base" \
	"Depends: .*openssh-client" "Depends: .*kbd" "conffiles"; do
	grep -q "$want" <<<"$info" || fail "control: no '$want' in: $info"
done
[ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "architecture"
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/kiosk ./usr/bin/kioskctl ./etc/kiosk/kiosk.ini \
	./lib/systemd/system/kiosk.service ./lib/systemd/system/kiosk-sync.service \
	./lib/systemd/system/kiosk-metrics.service ./lib/systemd/system/kiosk-metrics.timer \
	./usr/share/kiosk/content.db ./usr/share/kiosk/screens/home.screen \
	./usr/share/kiosk/locale/vi.po ./usr/share/doc/kiosk/operations.md \
	./usr/share/kiosk/assets/console/kiosk-16x32.psf ./usr/share/kiosk/assets/console/kiosk-12x24.psf \
	./usr/share/kiosk/assets/console/kiosk-8x16.psf \
	./usr/share/doc/kiosk/examples/sshd-kiosk.conf; do
	grep -qx -- "$f" <<<"$files" || fail "$f is not in the package"
done
dpkg-deb -c "$deb" | grep -v ' root/root ' && fail "files not owned by root"
echo "ok: $deb: control and files"

# The units, as systemd will read them.
dpkg-deb -x "$deb" "$T/x"
unit=$T/x/lib/systemd/system/kiosk.service
for want in "^Conflicts=getty@tty1.service" "^StandardInput=tty$" "^TTYPath=/dev/tty1$" \
	"^Restart=always$" "^User=kiosk$" "^ExecStart=/usr/bin/kiosk --config /etc/kiosk/kiosk.ini$" \
	"^StartLimitIntervalSec=0$" "^WantedBy=multi-user.target$" \
	"^ExecStartPre=-+/bin/sh -c .*/usr/bin/kiosk --config /etc/kiosk/kiosk.ini --console-font.*/usr/bin/setfont -C /dev/tty1 " \
	"^ExecStartPre=-+/bin/sh -c 'exec /usr/bin/setleds -D +num < /dev/tty1'$"; do
	grep -q "$want" "$unit" || fail "kiosk.service has no $want"
done
grep -q "^ExecStart=/usr/bin/kioskctl --config /etc/kiosk/kiosk.ini sync --daemon$" \
	"$T/x/lib/systemd/system/kiosk-sync.service" || fail "kiosk-sync.service ExecStart"
grep -q "^ExecStart=/usr/bin/kioskctl --config /etc/kiosk/kiosk.ini metrics --write$" \
	"$T/x/lib/systemd/system/kiosk-metrics.service" || fail "kiosk-metrics.service ExecStart"
grep -q "Recommends: .*prometheus-node-exporter" <<<"$info" || fail "node_exporter not recommended"
grep -q "Recommends: .*espeak-ng, alsa-utils" <<<"$info" || fail "the voice's espeak-ng and aplay not recommended"
if command -v systemd-analyze >/dev/null; then
	systemd-analyze verify --root="$T/x" "$unit" 2>&1 | grep -i "unknown\|invalid" &&
		fail "systemd-analyze finds problems in kiosk.service"
fi

# The touch booth's package: its session, unit and X settings; it needs the
# same kiosk, and runs instead of kiosk.service.
touch=build/kiosk-touch_$(cat VERSION)_all.deb
[ -f "$touch" ] || fail "no kiosk-touch package built"
dpkg-deb -f "$touch" Depends | grep -q "kiosk (= $(cat VERSION))" || fail "kiosk-touch: Depends"
for want in xserver-xorg-core xserver-xorg-input-libinput xinit xterm fonts-dejavu-core; do
	dpkg-deb -f "$touch" Depends | grep -qw "$want" || fail "kiosk-touch does not depend on $want"
done
dpkg-deb -x "$touch" "$T/t"
for f in usr/lib/kiosk/kiosk-touch-session lib/systemd/system/kiosk-touch.service etc/X11/kiosk-touch.conf; do
	[ -f "$T/t/$f" ] || fail "kiosk-touch lacks $f"
done
[ -x "$T/t/usr/lib/kiosk/kiosk-touch-session" ] || fail "the session is not executable"
dpkg-deb --ctrl-tarfile "$touch" | tar -xO ./conffiles | grep -qx /etc/X11/kiosk-touch.conf ||
	fail "kiosk-touch.conf is not a conffile"
tunit=$T/t/lib/systemd/system/kiosk-touch.service
for want in "^Conflicts=kiosk.service getty@tty1.service$" "^Restart=always$" "^User=kiosk$" \
	"^ExecStart=/usr/bin/xinit /usr/lib/kiosk/kiosk-touch-session /etc/kiosk/kiosk.ini" \
	"-config kiosk-touch.conf" "-nocursor -s 0 -dpms$" "^StartLimitIntervalSec=0$"; do
	grep -q -- "$want" "$tunit" || fail "kiosk-touch.service has no $want"
done
if command -v systemd-analyze >/dev/null; then
	systemd-analyze verify --root="$T/t" "$tunit" 2>&1 | grep -i "unknown\|invalid" &&
		fail "systemd-analyze finds problems in kiosk-touch.service"
fi
echo "ok: $touch: control, files, unit"

# The unpacked programs run, and check the packaged content and config.
"$T/x/usr/bin/kiosk" --version | grep -qx "kiosk $(cat VERSION)" || fail "kiosk --version"
sed -e "s|/var/lib/kiosk/content/current|$T/x/usr/share/kiosk|" -e "s|/var/lib/kiosk|$T/state|" \
	"$T/x/etc/kiosk/kiosk.ini" >"$T/x.ini"
"$T/x/usr/bin/kioskctl" --config "$T/x.ini" check >"$T/out" 2>&1 || fail "check: $(cat "$T/out")"
# The unpacked kiosk names its own packaged font for setfont on tty1.
[ "$(TERM=linux "$T/x/usr/bin/kiosk" --config "$T/x.ini" --console-font)" = \
	"$T/x/usr/share/kiosk/assets/console/kiosk-16x32.psf" ] || fail "kiosk --console-font"
grep -q "drawable with the console font $T/x/usr/share/kiosk/assets/console/kiosk-16x32.psf" "$T/out" ||
	fail "check did not use the packaged console font: $(cat "$T/out")"
"$T/x/usr/bin/kioskctl" --config "$T/x.ini" status --json | json_get software | grep -qx "$(cat VERSION)" ||
	fail "status from the unpacked package"
echo "ok: the unpacked programs run on the packaged config and content"

# A real install, only where it cannot disturb a real system.
if [ -d /run/systemd/system ] || dpkg -s kiosk >/dev/null 2>&1 || getent passwd kiosk >/dev/null ||
	[ -e /var/lib/kiosk ] || [ -e /etc/kiosk ] || [ "$(id -u)" -ne 0 ]; then
	echo "skipped the real install: systemd runs here, or a kiosk was installed before"
	exit 0
fi
exec 9>/tmp/kiosk-deb-test.lock
flock 9
purge() {
	apt-get purge -y -qq kiosk >/dev/null 2>&1
	rm -rf /var/lib/kiosk /etc/kiosk
	userdel kiosk 2>/dev/null
	groupdel kiosk 2>/dev/null
}
trap 'purge; cleanup' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >"$T/apt.log" 2>&1 ||
	{ cat "$T/apt.log"; fail "apt install ./$deb"; }
getent passwd kiosk | grep -q ":/var/lib/kiosk:/bin/sh$" || fail "the kiosk user: $(getent passwd kiosk)"
[ "$(stat -c %U /var/lib/kiosk)" = kiosk ] || fail "/var/lib/kiosk is not the kiosk's"
[ "$(readlink /var/lib/kiosk/content/current)" = /usr/share/kiosk ] || fail "current link"
[ -L /etc/systemd/system/multi-user.target.wants/kiosk.service ] || fail "kiosk.service not enabled"
[ -L /etc/systemd/system/multi-user.target.wants/kiosk-sync.service ] || fail "kiosk-sync not enabled"
kioskctl --config /etc/kiosk/kiosk.ini check >"$T/out" 2>&1 || fail "installed check: $(cat "$T/out")"
kioskctl --config /etc/kiosk/kiosk.ini status --json >"$T/out" || fail "installed status"
[ "$(stat -c %U /var/lib/kiosk/state.db)" = kiosk ] || fail "root's kioskctl made a state.db not the kiosk's"
echo "ok: installed: user, folders, units enabled, kioskctl as root acts as kiosk"

# Metrics: the timer is enabled, node_exporter's textfile folder takes the
# kiosk's file, and the timer's command (as the kiosk user) writes it.
[ -L /etc/systemd/system/timers.target.wants/kiosk-metrics.timer ] || fail "kiosk-metrics.timer not enabled"
[ "$(stat -c '%U:%G %a' /var/lib/prometheus/node-exporter)" = "root:kiosk 1775" ] ||
	fail "textfile folder: $(stat -c '%U:%G %a' /var/lib/prometheus/node-exporter)"
cmd=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/kiosk-metrics.service)
(umask 022 && setpriv --reuid kiosk --regid kiosk --init-groups $cmd) >"$T/out" 2>&1 ||
	fail "the metrics command as kiosk: $(cat "$T/out")"
[ "$(stat -c '%U %a' /var/lib/prometheus/node-exporter/kiosk.prom)" = "kiosk 644" ] ||
	fail "kiosk.prom: $(stat -c '%U %a' /var/lib/prometheus/node-exporter/kiosk.prom)"
echo "ok: installed metrics: timer enabled, the kiosk writes into node_exporter's folder"

# A signed bundle into the real store, as root: the files end up the kiosk's.
make_key province province@test
echo "province@test $(cut -d' ' -f1,2 "$T/province.pub")" >/etc/kiosk/allowed_signers
chmod 644 /etc/kiosk/allowed_signers
make_content "$T/src"
pack "$T/src" province 7.0
kioskctl --config /etc/kiosk/kiosk.ini content install "$T/7.0.bundle" >"$T/out" 2>&1 ||
	fail "install into the real store: $(cat "$T/out")"
[ "$(readlink /var/lib/kiosk/content/current)" = releases/7.0 ] || fail "current after install"
[ "$(stat -c %U /var/lib/kiosk/content/releases/7.0/screens/home.screen)" = kiosk ] ||
	fail "installed files are not the kiosk's"
kioskctl --config /etc/kiosk/kiosk.ini status --json | json_get content.version | grep -qx 7.0 ||
	fail "status after install"
echo "ok: a signed bundle installed on the real booth layout"

apt-get purge -y -qq kiosk >"$T/apt.log" 2>&1 || { cat "$T/apt.log"; fail "purge"; }
[ ! -e /usr/bin/kiosk ] && [ ! -e /var/lib/kiosk/content ] && [ ! -e /etc/kiosk/kiosk.ini ] ||
	fail "purge left files"
[ ! -e /etc/systemd/system/multi-user.target.wants/kiosk.service ] || fail "purge left the unit enabled"
[ -e /var/lib/kiosk/state.db ] || fail "purge removed state.db"
dpkg-statoverride --list /var/lib/prometheus/node-exporter && fail "purge left the statoverride"
[ ! -e /var/lib/prometheus/node-exporter/kiosk.prom ] || fail "purge left kiosk.prom"
echo "ok: purged, state.db kept"
