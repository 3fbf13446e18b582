#!/bin/sh
# Installs the Debian packages the kiosk needs to build (and, with "test",
# to run its tests; with "fuzz", to fuzz; with "central", to run ODK Central
# for the tests against it; with "fresh", what `make test-fresh` needs on this
# machine to make a Debian root and drive it). As root it runs apt-get;
# otherwise it prints the exact command to run. Exits 0 only when everything
# needed is present. With --check first it installs nothing: it says what
# is missing and exits 1 (tests/cli/deb_arch.sh skips so without the cross
# toolchain).
set -eu
check=""
if [ "${1:-}" = --check ]; then
	check=1
	shift
fi

# zlib1g-dev: the kiosk links SQLite statically, and `pkg-config --static
# --libs sqlite3` asks for -lz. `make test-fresh` proves these lists complete.
# console-setup-linux (Debian's console fonts) and tesseract-ocr(-vie): the
# console font test draws screens with fonts and reads them back. The X
# tools: the touch booth's session under Xvfb (tests/screen/touch_*.sh).
# prometheus (promtool) and prometheus-node-exporter: the metrics test.
# espeak-ng and sox: the voice tests synthesise prompts and measure them;
# alsa-utils: aplay, the default [voice] player. python3-jsonschema: the
# request bodies checked against docs/submission.schema.json.
build="gcc make pkg-config libncurses-dev libsqlite3-dev libqrencode-dev
libcurl4-openssl-dev libunistring-dev libinih-dev libcrypt-dev libjansson-dev nettle-dev dpkg-dev
zlib1g-dev"
test="libcmocka-dev tmux zbar-tools dialog gettext python3 hunspell-vi openssl curl sqlite3 valgrind faketime
openssh-server openssh-client ansible console-setup-linux tesseract-ocr tesseract-ocr-vie
xvfb xterm xdotool imagemagick x11-utils x11-xserver-utils x11-xkb-utils fonts-dejavu-core xprintidle
prometheus prometheus-node-exporter espeak-ng sox alsa-utils python3-jsonschema"
fuzz="clang libclang-rt-14-dev"
# central: what ../shared/peers/odk-central/setup.sh needs to run ODK Central
# for the tests against it (tests/tools/central.bash): PostgreSQL 15, npm
# (which fetches Node 24 and Central's packages), git, curl, python3.
central="postgresql-15 postgresql-contrib npm git curl python3"
# An npm that came with another Node.js package (NodeSource's nodejs, which
# conflicts with Debian's npm) serves as well: setup.sh needs the command.
if command -v npm >/dev/null 2>&1; then central=$(echo "$central" | sed 's/ npm / /'); fi
fresh="debootstrap tmux git"

# cross-arm64, cross-armhf (make cross-ARCH, test-ARCH, deb-ARCH): Debian's
# cross compiler, the build libraries (and cmocka) of that architecture
# beside this machine's own (multiarch), and qemu-user registered with
# binfmt_misc so that its programs run here.
cross_libs="libc6-dev libncurses-dev libsqlite3-dev libqrencode-dev libcurl4-openssl-dev
libunistring-dev libinih-dev libcrypt-dev libjansson-dev nettle-dev zlib1g-dev libcmocka-dev
libfaketime"

want=$build
arch=""
case "${1:-}" in
test) want="$build $test" ;;
fuzz) want="$build $fuzz" ;;
central) want=$central ;;
fresh) want=$fresh ;;
cross-arm64) arch=arm64 triplet=aarch64-linux-gnu qemu=qemu-aarch64 ;;
cross-armhf) arch=armhf triplet=arm-linux-gnueabihf qemu=qemu-arm ;;
esac
if [ -n "$arch" ]; then
	want="$build gcc-$triplet qemu-user-static binfmt-support"
	for l in $cross_libs; do
		want="$want $l:$arch"
	done
fi

# Lets dpkg install packages of the cross architecture.
add_arch() {
	dpkg --print-foreign-architectures | grep -qx "$arch" && return 0
	if [ -n "$check" ] || [ "$(id -u)" -ne 0 ]; then
		echo "Run as root: dpkg --add-architecture $arch" >&2
		exit 1
	fi
	dpkg --add-architecture "$arch"
}

# Makes the kernel run the cross architecture's programs with qemu.
register_qemu() {
	[ -e "/proc/sys/fs/binfmt_misc/$qemu" ] && return 0
	if [ -n "$check" ] || [ "$(id -u)" -ne 0 ]; then
		echo "Run as root: update-binfmts --enable $qemu" >&2
		exit 1
	fi
	[ -e /proc/sys/fs/binfmt_misc/register ] ||
		mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
	update-binfmts --enable "$qemu"
}

[ -z "$arch" ] || add_arch

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
if [ -z "$missing" ]; then
	[ -z "$arch" ] || register_qemu
	exit 0
fi

if [ -n "$check" ] || [ "$(id -u)" -ne 0 ]; then
	echo "Missing Debian packages:$missing" >&2
	echo "Install them with:" >&2
	echo "  sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends$missing'" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# Waits for another apt-get (a second make in parallel) instead of failing.
lock="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
apt-get $lock update -qq
# shellcheck disable=SC2086
apt-get $lock install -y -qq --no-install-recommends $missing >/dev/null
[ -z "$arch" ] || register_qemu
