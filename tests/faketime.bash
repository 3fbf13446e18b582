# libfaketime (the faketime package), for tests that move the clock of the
# programs they run: sets FAKETIME_LIB. Source it after the test's own
# library (it uses fail). Under make test-asan the test is skipped (exit
# 77, see tests/run): libfaketime and AddressSanitizer deadlock when they
# share a process; the clock rules are also unit-tested there.
if [ -n "${SANITIZER_REPORTS:-}" ]; then
	echo "libfaketime and AddressSanitizer cannot share a process"
	exit 77
fi
# The package of this machine's own architecture (there may be others:
# make test-arm64 installs libfaketime:arm64 and sets KIOSK_ARCH).
FAKETIME_LIB=$(dpkg -L "libfaketime:${KIOSK_ARCH:-$(dpkg --print-architecture)}" 2>/dev/null |
	grep '/libfaketime\.so\.1$' | head -n 1)
[ -n "$FAKETIME_LIB" ] || fail "libfaketime is not installed (deploy/deps.sh)"
# Before it, the clock's 64-bit entry points that it lacks (32-bit boards).
[ -f build/tools/faketime64.so ] || fail "no build/tools/faketime64.so (make test-programs)"
FAKETIME_LIB="$PWD/build/tools/faketime64.so:$FAKETIME_LIB"
