#!/bin/bash
# make deb ARCH=arm64 and ARCH=armhf: each board's package says its
# architecture, its two programs are ELF for that board's processor (64-bit
# AArch64; 32-bit ARM with the hard-float EABI that Debian's armhf boards
# run), and they run (under qemu-user here) and say the version. The
# architectures are DEB_ARCHS (default both; make test-arm64 names its own).
# Skipped when no cross toolchain is installed (deploy/deps.sh cross-ARCH,
# which make test does not run: installing it takes minutes).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*"
	exit 1
}
version=$(cat VERSION)
# Under make test-asan the sanitizer flags would reach the cross compiler.
[ -z "${SANITIZER_REPORTS:-}" ] || { echo "skip: the boards' packages are built without sanitizers"; exit 77; }

archs=""
for arch in ${DEB_ARCHS:-arm64 armhf}; do
	if ./deploy/deps.sh --check "cross-$arch" >"$T/deps" 2>&1; then
		archs="$archs $arch"
	else
		echo "no $arch toolchain: $(tr '\n' ' ' <"$T/deps")"
	fi
done
[ -n "$archs" ] || { echo "skip: no cross toolchain (make cross-arm64 or cross-armhf installs one)"; exit 77; }

# check_elf FILE CLASS MACHINE [FLAG]: readelf -h of FILE names them.
check_elf() {
	local head
	head=$(readelf -h "$1") || fail "$1 is not ELF"
	grep -qE "^ *Class: +$2$" <<<"$head" || fail "$1 is not $2: $head"
	grep -qE "^ *Machine: +$3$" <<<"$head" || fail "$1 is not for $3: $head"
	[ -z "${4:-}" ] || grep -qE "^ *Flags: .*$4" <<<"$head" || fail "$1 lacks '$4': $head"
}

for arch in $archs; do
	make --no-print-directory deb ARCH="$arch" >"$T/make.log" 2>&1 ||
		{ cat "$T/make.log"; fail "make deb ARCH=$arch"; }
	deb=build/$arch/tree/build/kiosk_${version}_$arch.deb
	[ -f "$deb" ] || fail "no $deb after make deb ARCH=$arch: $(cat "$T/make.log")"
	grep -qx "$deb" "$T/make.log" || fail "make deb ARCH=$arch did not name $deb: $(cat "$T/make.log")"
	[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "$deb: Architecture $(dpkg-deb -f "$deb" Architecture)"
	# The board's shared libraries, as dpkg-shlibdeps found them for it.
	for lib in "libc6 (" "libqrencode4 (" "libcurl4 ("; do
		dpkg-deb -f "$deb" Depends | grep -qF "$lib" || fail "$deb: no $lib in Depends $(dpkg-deb -f "$deb" Depends)"
	done
	dpkg-deb -x "$deb" "$T/$arch"
	for prog in kiosk kioskctl; do
		bin=$T/$arch/usr/bin/$prog
		case $arch in
		arm64) check_elf "$bin" ELF64 AArch64 ;;
		armhf) check_elf "$bin" ELF32 ARM "Version5 EABI, hard-float ABI" ;;
		esac
		out=$("$bin" --version 2>&1) || fail "$arch $prog --version: $out"
		[ "$out" = "$prog $version" ] || fail "$arch $prog --version said: $out"
	done
	echo "ok: $deb: Architecture $arch, ELF for $arch, runs and says $version"
done
