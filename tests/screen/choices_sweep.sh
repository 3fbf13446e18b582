# Every choice the content defines is on screen at 80x24, in every
# language of locale/: every menu's choices, and every option of every
# form field while each field of its step has the focus, driven from the
# files themselves (tests/tools/sweep_choices.py: screens/*.screen,
# screens/forms/*.form, the counters and the catalogs).
. tests/screen/lib.bash
content_always_open # the counters show at any hour
write_config
set_pin 4321
start_kiosk
wait_for "TRẠM DỊCH VỤ CÔNG"
commune=$(sed -n 's/^commune = //p' "$KIOSK_CONFIG")
python3 tests/tools/sweep_choices.py "kiosk-test-$$" "$commune" 4321 || exit 1
