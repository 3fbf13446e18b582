# Saving survives SIGKILL at any moment: 200 submissions through the real
# kiosk (1000 with STRESS=1, as CI runs it), killed at random
# (tests/crash_submit.py says what is checked).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=200
[ "${STRESS:-0}" = 1 ] && n=1000
python3 tests/crash_submit.py "$PWD/build/kiosk" "$PWD/build/content" "$tmp" "$n"
