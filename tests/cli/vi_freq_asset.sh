#!/bin/bash
# assets/vi-freq.txt is what deploy/tools/vi-freq.py makes from the
# procedure catalog, the administrative units and assets/vi-names.txt
# (regenerate it when this fails), and it ranks what a villager expects:
# Nguyễn the commonest surname, Thị and Văn middle names, xã a place word.
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
python3 deploy/tools/vi-freq.py >"$tmp" 2>/dev/null
diff -u assets/vi-freq.txt "$tmp"
python3 - assets/vi-freq.txt <<'PY'
import sys
rows = {l.split()[0]: list(map(int, l.split()[1:])) for l in open(sys.argv[1], encoding="utf-8")
        if not l.startswith("#")}
surname = max(rows, key=lambda w: rows[w][2])
assert surname == "nguyễn", surname
assert rows["thị"][3] > 0 and rows["văn"][3] > 0
assert max(rows, key=lambda w: rows[w][1]) == "xã"
assert len(rows) > 1000, len(rows)
PY
