#!/bin/sh
# A sound player for tests ([voice] player = tests/tools/voice-player.sh LOG):
# instead of sounding the WAV file it is given, it appends a line to LOG with
# its process id and group, the text said ($KIOSK_VOICE_TEXT) and the file,
# then lasts as long as a segment would: the seconds in the file LOG.secs
# (1 when there is none), so that a test can see a long prompt cut off.
# The real player is aplay.
log=$1
secs=$(cat "$log.secs" 2>/dev/null || echo 1)
printf '%s\t%s\t%s\t%s\n' "$$" "$(ps -o pgid= -p $$ | tr -d ' ')" "$KIOSK_VOICE_TEXT" "$2" >>"$log"
exec sleep "$secs"
