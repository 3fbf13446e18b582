#!/bin/bash
# The kiosk's own memory with the national catalog (2,642 published
# procedures) loaded, against the same kiosk on the demo catalog and the
# sqlite3 shell holding the same procedures in an FTS5 index, in the same
# run. The national catalog is imported from the data folder when it is
# there (KIOSK_DATA, default ../shared/data beside the checkout); skipped
# with a message when not.
#
# Each kiosk runs in an 80x24 tmux pane like a booth; a villager's search
# ("khai sinh", typed key by key) and a procedure's page are shown, then
# the peak resident set (VmHWM) is read from /proc.
data=${KIOSK_DATA:-../shared/data}
national=$data/procedures/national.jsonl
if [ ! -f "$national" ]; then
	echo "memory: skipped: no national catalog at $national (set KIOSK_DATA to the data folder)"
	exit 0
fi
. tests/screen/lib.bash
set -e

# The national content folder, laid out like an installed release.
content=$TEST_TMP/national
mkdir -p "$content/src"
cp -r assets/catalog/units "$content/src/units"
python3 deploy/tools/import_procedures.py --all --procedures "$national" --out "$content/src" >/dev/null 2>&1
./build/kioskctl content build "$content/src" "$content/content.db" >/dev/null
for d in screens locale assets; do ln -s "$PWD/$d" "$content/$d"; done

# Peak resident memory (kB) of the kiosk on CONTENT after a search and a
# page, written to the file OUT.
kiosk_peak() {
	CONTENT_DIR=$1 write_config
	start_kiosk
	wait_for "1  Tìm thủ tục, giấy tờ cần mang" 30
	send 1
	wait_for "Gõ vài chữ, không cần dấu:"
	local word=khai\ sinh i
	for ((i = 0; i < ${#word}; i++)); do send_raw "${word:i:1}"; done
	wait_for "khai sinh" 30
	wait_for "1  "
	send 1
	wait_for "Giấy tờ cần mang" 30
	awk '/^VmHWM:/ { print $2 }' "/proc/$(kiosk_pid)/status" >"$2"
	close_terminal
	rm -rf "$TEST_TMP/var"
}

# Peak resident memory (kB) of the sqlite3 shell indexing the same rows in
# FTS5 and answering the same search (the largest child waited for).
shell_peak() {
	python3 - "$1" <<'PY'
import resource, subprocess, sys
sql = f"""ATTACH '{sys.argv[1]}' AS c;
CREATE VIRTUAL TABLE f USING fts5(name, field, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO f (rowid, name, field, body) SELECT procedure_id, name, field, body FROM c.search_text;
SELECT count(*) FROM f WHERE f MATCH 'khai* sinh*';
"""
subprocess.run(["sqlite3", ":memory:"], input=sql.encode(), stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}

kiosk_peak "$content" "$TEST_TMP/national.kb"
kiosk_peak "$PWD/build/content" "$TEST_TMP/demo.kb"
national_kb=$(cat "$TEST_TMP/national.kb")
demo_kb=$(cat "$TEST_TMP/demo.kb")
shell_kb=$(shell_peak "$content/content.db")
procs=$(sqlite3 "$content/content.db" "SELECT count(*) FROM search_text")
echo "memory: national catalog: $procs procedures"
printf 'memory: kiosk, national catalog  %6d kB peak resident\n' "$national_kb"
printf 'memory: kiosk, demo catalog      %6d kB peak resident\n' "$demo_kb"
printf 'memory: sqlite3 shell, FTS5      %6d kB peak resident (same rows, same search)\n' "$shell_kb"
awk -v n="$national_kb" -v d="$demo_kb" -v s="$shell_kb" 'BEGIN {
	printf "memory: national/demo x%.2f  national/sqlite3-fts5 x%.2f  the catalog costs %d kB\n",
		n / d, n / s, n - d }'
