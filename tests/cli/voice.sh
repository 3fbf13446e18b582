#!/bin/bash
# kioskctl voice: every prompt of every screen and form of the demo content,
# in every language, is synthesised into a WAV file that is not silent and
# lasts about as long as its words take; a second build synthesises nothing
# (the cache); a recording shipped with the content replaces synthesis; a
# booth without espeak-ng (a PATH without it) is told so with its own exit
# status, as is a player that fails; the helper call's chime is a sound;
# `kioskctl check` refuses a screen with nothing to say and a recording that
# is not a WAV file.
set -u
command -v espeak-ng >/dev/null && command -v sox >/dev/null ||
	{ echo "skip: espeak-ng or sox is not installed (deploy/deps.sh test)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ctl() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }
mkdir -p "$tmp/content"
for d in screens locale assets; do ln -s "$PWD/$d" "$tmp/content/$d"; done
conf() {
	printf '[paths]\nstate_dir = %s\ncontent_dir = %s\n[voice]\nenabled = yes\nvoice = vi-vn-x-central\nplayer = %s\n' \
		"$tmp/var" "$tmp/content" "$1" >"$tmp/k.ini"
}
conf "$PWD/tests/tools/voice-player.sh $tmp/said"

# Every prompt synthesised, then listed as cached.
ctl voice build >"$tmp/build" || fail "voice build: $(cat "$tmp/build")"
made=$(grep -oE '^[0-9]+' "$tmp/build")
[ "${made:-0}" -gt 100 ] || fail "voice build made ${made:-no} prompts"
ctl voice list >"$tmp/list" || fail "voice list"
grep -v $'\tcached\t' "$tmp/list" && fail "prompts not in the cache after a build"
for lang in vi en; do
	for f in screens/home.screen screens/forms/10-khai-sinh.form screens/forms/feedback.form; do
		grep -q "^$lang	$tmp/content/$f	" "$tmp/list" || fail "no $lang prompt of $f"
	done
done
grep -q $'\tTRẠM DỊCH VỤ CÔNG, Xã Nghĩa Hành$' "$tmp/list" || fail "the home title is not said"
grep -q $'\tPress nine: Call a helper$' "$tmp/list" || fail "the English choices are not said in English"
grep -q $'\tSố căn cước công dân$' "$tmp/list" || fail "CCCD is not said in words"
echo "ok: $made prompts synthesised, $(wc -l <"$tmp/list") listed"

# Each file: a WAV sound (not silence) as long as its words take: at the
# configured 140 words a minute, roughly 0.15 to 1.2 s a word (syllable).
cut -f5,6 "$tmp/list" | sort -u | while IFS=$'\t' read -r wav text; do
	sox "$wav" -n stat 2>"$tmp/stat" || fail "sox cannot read $wav ($text)"
	len=$(awk -F: '/^Length/ { print $2 + 0 }' "$tmp/stat")
	rms=$(awk -F: '/^RMS +amplitude/ { print $2 + 0 }' "$tmp/stat")
	words=$(echo "$text" | wc -w)
	awk -v l="$len" -v r="$rms" -v w="$words" 'BEGIN { exit !(r > 0.01 && l >= 0.15 * w && l <= 1.2 * w + 0.5) }' ||
		fail "\"$text\" ($words words) is $len s long, RMS $rms: $wav"
done || exit 1
echo "ok: every prompt is a sound as long as its words"

# A second build finds everything in the cache.
ctl voice build | grep -qx "0 prompts synthesised" || fail "a second build synthesised again"

# Saying: the player gets each segment's file and text, in order.
ctl voice say --lang vi -- "Xin chào" "Bấm số một: Tìm thủ tục, giấy tờ cần mang" || fail "voice say"
[ "$(cut -f3 "$tmp/said")" = $'Xin chào\nBấm số một: Tìm thủ tục, giấy tờ cần mang' ] ||
	fail "said: $(cat "$tmp/said")"
sox "$(head -n 1 "$tmp/said" | cut -f4)" -n stat 2>/dev/null || fail "the player got no WAV"
: >"$tmp/said"

# The chime of a helper call, alone (a booth whose voice is off).
ctl voice say --chime --quiet -- "Không nói" || fail "the chime"
[ "$(cut -f3 "$tmp/said")" = "(chime)" ] || fail "chime: $(cat "$tmp/said")"
sox "$(cut -f4 "$tmp/said")" -n stat 2>"$tmp/stat" || fail "the chime is no WAV"
awk -F: '/^Length/ { l = $2 } /^RMS +amplitude/ { r = $2 } END { exit !(l > 0.5 && l < 2 && r > 0.05) }' "$tmp/stat" ||
	fail "the chime: $(cat "$tmp/stat")"
: >"$tmp/said"

# No espeak-ng: a PATH with everything the player needs but it.
mkdir -p "$tmp/bin"
for t in sh sleep cat ps tr printf; do ln -sf "$(command -v $t)" "$tmp/bin/$t"; done
noespeak() { PATH="$tmp/bin" ./build/kioskctl --config "$tmp/k.ini" "$@"; }
noespeak voice say -- "Một câu chưa từng nói" 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] || fail "voice say without espeak-ng exits $rc"
grep -q "espeak-ng is not installed" "$tmp/err" || fail "without espeak-ng: $(cat "$tmp/err")"
[ -s "$tmp/said" ] && fail "something was played without espeak-ng"
rm -rf "$tmp/var/voice"
noespeak voice build >/dev/null 2>&1
[ $? -eq 3 ] || fail "voice build without espeak-ng"
# ... a cached prompt is still said,
ctl voice say -- "Xin chào" && noespeak voice say -- "Xin chào" || fail "a cached prompt without espeak-ng"
# ... and a recording of the content replaces synthesis.
key=$(ctl voice list | awk -F'\t' '$1 == "vi" && $6 == "Gọi cán bộ hỗ trợ" { print $3; exit }')
mkdir -p "$tmp/content/voice/vi"
sox -n -r 16000 -b 16 -c 1 "$tmp/content/voice/vi/$key.wav" synth 1.2 sine 440
: >"$tmp/said"
noespeak voice say -- "Gọi cán bộ hỗ trợ" || fail "a recorded prompt without espeak-ng"
[ "$(cut -f4 "$tmp/said")" = "$tmp/content/voice/vi/$key.wav" ] || fail "the recording was not played: $(cat "$tmp/said")"
ctl voice list | grep -q $'\trecorded\t'"$tmp/content/voice/vi/$key.wav"$'\tGọi cán bộ hỗ trợ$' || fail "list: not recorded"
echo "ok: without espeak-ng: exit 3, cached and recorded prompts still said"

# A player that fails (no sound device): exit 4.
conf "false"
ctl voice say -- "Xin chào" 2>"$tmp/err"
[ $? -eq 4 ] || fail "a failing player"
grep -q "the player failed" "$tmp/err" || fail "failing player: $(cat "$tmp/err")"

# kioskctl check: every screen has words; a recording must be a WAV.
ctl check >"$tmp/out" || fail "check: $(cat "$tmp/out")"
echo "not a sound" >"$tmp/content/voice/vi/0000000000000000.wav"
ctl check >"$tmp/out" && fail "check took a recording that is no WAV"
grep -q "0000000000000000.wav: not a WAV file" "$tmp/out" || fail "check: $(cat "$tmp/out")"
rm "$tmp/content/voice/vi/0000000000000000.wav" "$tmp/content/locale"
mkdir "$tmp/content/locale"
cp locale/vi.po "$tmp/content/locale/"
sed '/^msgid "Thông báo của xã"$/{n;s/.*/msgstr "· · ·"/}' locale/en.po >"$tmp/content/locale/en.po"
ctl check >"$tmp/out" && fail "check took a choice with nothing to say"
grep -q "home.screen:$(grep -n 'Thông báo của xã' screens/home.screen | cut -d: -f1): a choice says nothing aloud in \"en\"" "$tmp/out" ||
	fail "check: $(cat "$tmp/out")"
echo "ok: check wants something to say on every screen, WAV recordings"
