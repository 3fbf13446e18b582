#!/bin/bash
# A scanned card's pre-2025 address turned into the 2025 commune (the goal:
# under 1 ms at p99), against the same lookup in SQLite, over every old
# commune of the repository's mapping (assets/catalog/old-units); the
# address picker's search by old names; and the memory the mapping adds to
# the kiosk's catalog: the resident set after opening content.db with the
# mapping, against the same content.db built without it, and the time to
# open it.
set -eu
tmp=$(mktemp -d /tmp/kiosk-bench-oldaddr-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
make --no-print-directory build/kioskctl build/bench/oldaddr >/dev/null
./build/kioskctl content build assets/catalog "$tmp/with.db" >/dev/null
mkdir -p "$tmp/without"
cp -r assets/catalog/procedures assets/catalog/units "$tmp/without/"
./build/kioskctl content build "$tmp/without" "$tmp/without.db" >/dev/null
./build/bench/oldaddr "$tmp/with.db"
read -r with with_ms < <(./build/bench/oldaddr --open "$tmp/with.db")
read -r without without_ms < <(./build/bench/oldaddr --open "$tmp/without.db")
echo "oldaddr: memory of the catalog: $with kB with the mapping, $without kB without: the mapping adds $((with - without)) kB"
echo "oldaddr: opening the catalog (once, on first use): $with_ms ms with the mapping, $without_ms ms without"
echo "oldaddr: content.db: $(($(stat -c %s "$tmp/with.db") / 1024)) kB with the mapping, $(($(stat -c %s "$tmp/without.db") / 1024)) kB without"
