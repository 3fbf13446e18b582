# Saving survives SIGKILL at any moment: 200 submissions through the real
# kiosk, killed at random (tests/crash_submit.py says what is checked).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tests/crash_submit.py "$PWD/build/kiosk" "$PWD/build/content" "$tmp" 200
