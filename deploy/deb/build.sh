#!/bin/sh
# Builds build/kiosk_VERSION_ARCH.deb with dpkg-deb from a 'make install'
# into a staging root (run by 'make deb' after the programs are built):
#   /usr/bin/kiosk, /usr/bin/kioskctl
#   /usr/share/kiosk/        the packaged content (first version on a booth),
#                            with the console fonts in assets/console/
#   /etc/kiosk/kiosk.ini     the default config (a conffile)
#   /lib/systemd/system/     kiosk.service (tty1), kiosk-sync.service,
#                            kiosk-metrics.service and .timer (Prometheus)
#   /usr/share/doc/kiosk/    operations and config docs, sshd example
# and build/kiosk-touch_VERSION_all.deb, the touch booth's session:
#   /lib/systemd/system/kiosk-touch.service, /usr/lib/kiosk/kiosk-touch-session,
#   /etc/X11/kiosk-touch.conf (a conffile)
set -eu
cd "$(dirname "$0")/../.."

version=$(cat VERSION)
arch=${DEB_ARCH:-$(dpkg --print-architecture)}  # make deb-arm64 builds another
root=build/deb/root
out=build/kiosk_${version}_${arch}.deb

rm -rf build/deb
mkdir -p "$root/DEBIAN"
make --no-print-directory install DESTDIR="$PWD/$root" PREFIX=/usr >/dev/null
install -m 644 build/content/content.db "$root/usr/share/kiosk/content.db"
install -d "$root/etc/kiosk" "$root/lib/systemd/system" "$root/usr/share/doc/kiosk/examples"
install -m 644 deploy/kiosk.ini "$root/etc/kiosk/kiosk.ini"
install -m 644 deploy/kiosk.service deploy/kiosk-sync.service deploy/kiosk-metrics.service \
	deploy/kiosk-metrics.timer "$root/lib/systemd/system/"
install -m 644 docs/operations.md docs/config.md "$root/usr/share/doc/kiosk/"
install -m 644 deploy/sshd-kiosk.conf "$root/usr/share/doc/kiosk/examples/"
install -m 755 deploy/deb/postinst deploy/deb/prerm deploy/deb/postrm "$root/DEBIAN/"
echo /etc/kiosk/kiosk.ini >"$root/DEBIAN/conffiles"

# Library dependencies as dpkg-shlibdeps finds them for the two programs.
mkdir -p build/deb/debian
printf 'Source: kiosk\n\nPackage: kiosk\nArchitecture: any\n' >build/deb/debian/control
depends=$(cd build/deb && dpkg-shlibdeps -O -e"root/usr/bin/kiosk" -e"root/usr/bin/kioskctl" 2>/dev/null |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
	-e "s/@SIZE@/$size/" deploy/deb/control.in >"$root/DEBIAN/control"

chmod -R u+rwX,go+rX,go-w "$root"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"

# The touch session: a package of its own, so that a booth without a touch
# screen installs no X server.
root=build/deb/touch-root
out=build/kiosk-touch_${version}_all.deb
install -d "$root/DEBIAN" "$root/lib/systemd/system" "$root/usr/lib/kiosk" "$root/etc/X11"
install -m 644 deploy/kiosk-touch.service "$root/lib/systemd/system/"
install -m 755 deploy/kiosk-touch-session "$root/usr/lib/kiosk/"
install -m 644 deploy/kiosk-touch.conf "$root/etc/X11/"
for s in postinst prerm postrm; do
	install -m 755 "deploy/deb/touch-$s" "$root/DEBIAN/$s"
done
echo /etc/X11/kiosk-touch.conf >"$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/g" -e "s/@SIZE@/$size/" deploy/deb/touch-control.in >"$root/DEBIAN/control"
chmod -R u+rwX,go+rX,go-w "$root"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"
