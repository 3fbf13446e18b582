# Durable submissions per second (the kiosk's saving path) against the
# sqlite3 shell making the same writes with the same pragmas (WAL,
# synchronous=FULL, one transaction per request: the receipt number and the
# row with the same body) in the same run. Target: at least the shell's
# rate.
set -eu
n=${BENCH_SUBMISSIONS:-2000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/kiosk" "$tmp/shell"
./build/bench/submit "$tmp/shell" 0 >/dev/null # the same empty schema
ours=$(./build/bench/submit "$tmp/kiosk" "$n")
body=$(sqlite3 "$tmp/kiosk/state.db" "SELECT body FROM submissions LIMIT 1" | sed "s/'/''/g")
python3 - "$n" "$body" >"$tmp/shell.sql" <<'PY'
import sys, uuid
n, body = int(sys.argv[1]), sys.argv[2]
print("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
for i in range(1, n + 1):
    rid = str(uuid.uuid4())
    print("BEGIN IMMEDIATE;")
    print(f"INSERT OR REPLACE INTO settings (key, value) VALUES ('receipt_seq', '{i}');")
    print("INSERT INTO submissions (id, receipt, kind, procedure_code, created_at, body) "
          f"VALUES ('{rid}', '001-{i:06d}-0', 'feedback', NULL, {i}, '{body}');")
    print("COMMIT;")
PY
start=$(date +%s.%N)
sqlite3 "$tmp/shell/state.db" <"$tmp/shell.sql" >/dev/null
end=$(date +%s.%N)
python3 - "$n" "$ours" "$start" "$end" <<'PY'
import sys
n, ours, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
shell = end - start
print(f"submit: {n} durable submissions")
print(f"  kiosk (submit_request)  {n / ours:8.0f} per second")
print(f"  sqlite3 shell           {n / shell:8.0f} per second")
print(f"  ratio kiosk/shell       {shell / ours:8.2f}  (target at least 1.00)")
PY
