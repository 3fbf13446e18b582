# Multi-tap on a keypad booth: the letter being tapped is lit, and a pause
# of about a second ends it, so the same key then starts a new letter: 8,
# 4 4, a pause, 4 4 4 4 spells "thg" (without the pause the six taps of 4
# would cycle on as one letter). Nothing sleeps: the test waits for the
# letter to stop being lit.
. tests/screen/lib.bash
write_config "[ui]" "input = keypad" "keypad = multitap" "[keypad]" "layout = phone"

# True once the spelling shows no lit letter.
not_lit() { [ -z "$(lit_on_line "Đang gõ:")" ]; }

start_form "9  Xác nhận thông tin cư trú" "Bước 1/2: Người xin xác nhận"
send 8 4 4
wait_for "Đang gõ: th"
for ((i = 0; i < 200; i++)); do not_lit && break; sleep 0.05; done
not_lit || fail "the tapped letter stayed lit: the pause did not end it"
# A new letter: 4 4 4 is i, and without a pause the same key cycles on,
# so a fourth 4 is g (sent at once: on a loaded machine a separate send
# could itself arrive after a pause).
send 4 4 4 4
wait_for "Đang gõ: thg"
[ "$(lit_on_line "Đang gõ:")" = g ] || fail "the letter being tapped is not lit"
