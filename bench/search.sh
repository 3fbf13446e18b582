#!/bin/bash
# Search as you type over the national catalog (2,642 published procedures)
# with the villagers' words (assets/catalog/synonyms/),
# imported from the data folder when it is there (KIOSK_DATA, default
# ../shared/data beside the checkout); skipped with a message when not.
set -eu
data=${KIOSK_DATA:-../shared/data}
national=$data/procedures/national.jsonl
if [ ! -f "$national" ]; then
	echo "search: skipped: no national catalog at $national (set KIOSK_DATA to the data folder)"
	exit 0
fi
tmp=$(mktemp -d /tmp/kiosk-bench-search-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp -r assets/catalog/units "$tmp/units"
cp -r assets/catalog/synonyms "$tmp/synonyms" # the villagers' words, as a booth has them
python3 deploy/tools/import_procedures.py --all --procedures "$national" --out "$tmp" >/dev/null 2>&1
./build/kioskctl content build "$tmp" "$tmp/content.db"
./build/bench/search "$tmp/content.db"
