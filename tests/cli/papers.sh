# kioskctl papers: what the content build made of every procedure's
# published list and processing time, listed for review. On the demo
# catalog: every procedure listed once, its short names those content.db
# keeps, each short enough for two receipt lines and free of the legal
# paragraphs' openings; the times of the nine request forms read. Then, on
# the national catalog (../shared/data/procedures/national.jsonl beside
# the checkout, when there), imported and built as a whole: how many
# procedures get an expected date from their published time (docs/
# printing.md states the figure); that part is skipped when the file is
# absent.
set -u
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
printf '[paths]\nstate_dir = %s/var\ncontent_dir = %s\n' "$tmp" "$PWD/build/content" >"$tmp/k.ini"
ctl() { ./build/kioskctl --config "$tmp/k.ini" "$@"; }

ctl papers --help | grep -q "usage: kioskctl papers" || fail "--help"
ctl papers --json >"$tmp/demo.json" || fail "papers --json"
python3 - "$tmp/demo.json" build/content/content.db screens/forms <<'PY' || exit 1
import glob, json, re, sqlite3, sys
out = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
procs = {p["code"]: p for p in out["procedures"]}
codes = [r[0] for r in db.execute("SELECT code FROM procedures ORDER BY code")]
assert sorted(procs) == codes and len(out["procedures"]) == len(codes), "not every procedure listed once"
assert out["counts"]["procedures"] == len(codes)
for code, p in procs.items():
    kept = [r[0] for r in db.execute("SELECT n.text FROM paper_names n JOIN procedures p ON p.id ="
                                     " n.procedure_id WHERE p.code = ? ORDER BY n.seq", (code,))]
    assert p["papers"] == kept, (code, p["papers"], kept)
    for name in p["papers"]:
        assert len(name) <= 64, (code, name)
        assert not re.match(r"[-+*]|Trường hợp|Đối với|Lưu ý|Ví dụ", name), (code, name)
    assert p["papers"] == [] or not p["papers"][0].startswith("- "), code
named = sum(1 for p in procs.values() if p["papers"])
assert out["counts"]["all_named"] + out["counts"]["some_named"] == named
# The nine forms: each procedure's published time is read into days.
for form in glob.glob(sys.argv[3] + "/*.form"):
    m = re.search(r"^procedure\s+(\S+)", open(form).read(), re.M)
    if not m:
        continue
    p = procs[m.group(1)]
    assert (p["time"] is None) == (p["days"] is None), (m.group(1), p["time"], p["days"])
print(f"demo: {len(codes)} procedures, {out['counts']['timed']} with a time, {named} with paper names")
PY
# The birth registration's names, as a villager reads them.
ctl papers 1.001193 >"$tmp/birth.txt" || fail "papers 1.001193"
for want in "Tờ khai đăng ký khai sinh" "Giấy chứng sinh (bản chính)" "CCCD hoặc giấy tờ tùy thân" \
	"time: 1 ngày làm việc (published: 1)"; do
	grep -qF -- "$want" "$tmp/birth.txt" || fail "papers 1.001193 lacks '$want': $(cat "$tmp/birth.txt")"
done
ctl papers 9.999999 2>&1 | grep -q "no procedure with code 9.999999" || fail "an unknown code"

national=../shared/data/procedures/national.jsonl
if [ ! -f "$national" ]; then
	echo "skipped the national catalog: $national is not beside this checkout"
	exit 0
fi
python3 deploy/tools/import_procedures.py --all --procedures "$national" --out "$tmp/national" \
	>"$tmp/import.log" 2>&1 || fail "import: $(tail -3 "$tmp/import.log")"
mkdir -p "$tmp/national/units" "$tmp/national/announcements"
./build/kioskctl content build "$tmp/national" "$tmp/national.db" >"$tmp/build.log" 2>&1 ||
	fail "build: $(tail -3 "$tmp/build.log")"
printf '[paths]\nstate_dir = %s/var\ncontent_dir = %s/nc\n' "$tmp" "$tmp" >"$tmp/k.ini"
mkdir -p "$tmp/nc" && mv "$tmp/national.db" "$tmp/nc/content.db"
ctl papers >"$tmp/national.txt" || fail "papers on the national catalog"
summary=$(tail -n 1 "$tmp/national.txt")
echo "national: $summary"
n=$(sed -n 's/^\([0-9]*\) procedures: \([0-9]*\) with a processing time.*/\1 \2/p' <<<"$summary")
read -r total timed <<<"$n"
[ "${total:-0}" -gt 2000 ] || fail "only '$total' procedures in the national catalog"
# Every published time the booth can read gets a date: at least the ones
# written "N Ngày làm việc", "N Ngày" or a bare number.
plain=$(python3 - "$tmp/national" <<'PY'
import glob, json, re, sys
n = 0
for f in glob.glob(sys.argv[1] + "/procedures/*.json"):
    times = [c.get("time", "") for c in json.load(open(f))["channels"]]
    n += any(re.fullmatch(r"\d+( Ngày( làm việc)?)?", t or "") for t in times)
print(n)
PY
)
[ "$timed" -ge "$plain" ] || fail "$timed procedures get a date, $plain publish a plain time"
echo "ok: $timed of $total national procedures get an expected date"
