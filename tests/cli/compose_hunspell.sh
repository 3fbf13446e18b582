#!/bin/bash
# Every syllable of Debian's hunspell-vi dictionary, typed in Telex and in
# VNI (marks inline or after the word, tone at the end or in the middle),
# composes back to itself through kioskctl compose.
set -eu
dic=/usr/share/hunspell/vi_VN.dic
if [ ! -r "$dic" ]; then
	echo "$dic missing: install hunspell-vi (./deploy/deps.sh test)"
	exit 1
fi
python3 tests/cli/hunspell_typing.py "$dic" build/kioskctl
