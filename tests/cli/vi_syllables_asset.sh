#!/bin/bash
# assets/vi-syllables.txt is what deploy/tools/vi-syllables.py makes from the
# installed hunspell-vi dictionary (regenerate it when this fails).
set -eu
dic=/usr/share/hunspell/vi_VN.dic
if [ ! -r "$dic" ]; then
	echo "$dic missing: install hunspell-vi (./deploy/deps.sh test)"
	exit 1
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
python3 deploy/tools/vi-syllables.py "$dic" >"$tmp"
diff -u assets/vi-syllables.txt "$tmp"
[ "$(grep -vc '^#' assets/vi-syllables.txt)" -gt 6000 ]
