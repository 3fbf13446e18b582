#!/bin/bash
# The request body as docs/API.md describes it: one request of every form
# of the demo content, saved the way the kiosk saves them, goes to a server
# under a base URL with a path (/kiosk/v1, as the document's example), and
# every body the server received is valid against
# docs/submission.schema.json (python3-jsonschema, draft 2020-12), whose
# members are the ones API.md's table lists; a body with a member the
# schema does not know is not. A url with a query is refused.
. tests/upload/lib.sh
"$PY" -c 'import jsonschema' 2>/dev/null || fail "python3-jsonschema is not installed (deploy/deps.sh test)"
server_start --prefix /kiosk/v1
config
sed -i 's|^url = \(.*\)/$|url = \1/kiosk/v1|' "$T/kiosk.ini"
forms=0
for f in screens/forms/*.form; do
	./build/tools/form_fill "$T/kiosk.ini" "$(basename "$f" .form)" 1 >>"$T/ids" || fail "form_fill $f"
	forms=$((forms + 1))
done
kctl sync --once --json >"$T/out" 2>"$T/log" || fail "sync --once: $(cat "$T/out" "$T/log")"
grep -q "\"ok\":true,\"sent\":$forms," "$T/out" || fail "sync: $(cat "$T/out")"
check
# A lookup goes under the path too.
kctl dossier "$(req 1 2)" --json | grep -q '"source":"server"' || fail "dossier under /kiosk/v1"

"$PY" - docs/submission.schema.json docs/API.md "$SRV/store" <<'PY' || fail "the bodies and the schema disagree"
import json, os, re, sys, unicodedata
import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

# API.md's table of members is the schema's list.
api = open(sys.argv[2]).read()
table = api[api.index("The body is a JSON object"):api.index("The bytes are frozen")]
documented = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))
assert documented == set(schema["properties"]), (documented, set(schema["properties"]))

bodies = sorted(os.listdir(sys.argv[3]))
kinds, forms = set(), set()
for name in bodies:
    raw = open(os.path.join(sys.argv[3], name), "rb").read()
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text), name
    doc = json.loads(text)
    errors = [e.message for e in check.iter_errors(doc)]
    assert not errors, (name, errors)
    assert list(doc)[:8] == schema["required"], list(doc)  # the documented order
    kinds.add(doc["kind"])
    forms.add(doc["form"])
print(f"{len(bodies)} bodies of {len(forms)} forms ({', '.join(sorted(kinds))}) valid")
assert kinds == {"procedure", "feedback"}, kinds

# The schema can fail: a member it does not list, a receipt of another shape.
doc = json.loads(open(os.path.join(sys.argv[3], bodies[0])).read())
assert not check.is_valid(dict(doc, extra=1))
assert not check.is_valid(dict(doc, receipt="K7M2Q9"))
assert not check.is_valid({k: v for k, v in doc.items() if k != "form"})
PY

# A query would swallow the paths the booth appends.
sed -i 's|^url = \(.*\)$|url = \1?x=1|' "$T/kiosk.ini"
if kctl sync --once 2>"$T/err"; then fail "a url with a query was taken"; fi
grep -q "no query or fragment" "$T/err" || fail "$(cat "$T/err")"
