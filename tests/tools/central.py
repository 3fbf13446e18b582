#!/usr/bin/env python3
"""ODK Central's REST API for the tests (tests/tools/central.bash), as the
administrator of ODK_BASE_URL (ODK_ADMIN_EMAIL, ODK_ADMIN_PASSWORD):

  central.py project NAME                 creates a project, prints its id
  central.py viewer PROJECT EMAIL PASS    creates the account (or reuses it)
                                          and makes it the project's viewer
  central.py review PROJECT FORM ID STATE [COMMENT]
                                          sets a submission's review state
  central.py check STATE_DIR PROJECT      the promise, read back from Central:
      every request of the booth's state.db is sent, Central holds exactly
      one submission for it, byte for byte the OpenRosa bytes frozen when it
      was saved, and every field is what its JSON body says was typed (dates
      as YYYY-MM-DD); each form holds no other submission. Prints
      "N requests, N submissions, every field identical".
  central.py versions PROJECT FORM        prints "instanceID version" of each
                                          submission of FORM"""
import json
import os
import sqlite3
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

BASE = os.environ["ODK_BASE_URL"]


def call(method, path, body=None, token=None, raw=False, ctype="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", ctype)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        out = r.read()
    return out if raw else json.loads(out)


def admin():
    return call("POST", "/v1/sessions", {"email": os.environ["ODK_ADMIN_EMAIL"],
                                         "password": os.environ["ODK_ADMIN_PASSWORD"]})["token"]


def role(tok, system):
    return next(r["id"] for r in call("GET", "/v1/roles", token=tok) if r["system"] == system)


def viewer(project, email, password):
    tok = admin()
    users = call("GET", "/v1/users?q=" + urllib.request.quote(email), token=tok)
    user = next((u for u in users if u["email"] == email), None)
    if user is None:
        user = call("POST", "/v1/users", {"email": email, "password": password}, token=tok)
    try:
        call("POST", f"/v1/projects/{project}/assignments/{role(tok, 'viewer')}/{user['id']}",
             token=tok)
    except urllib.error.HTTPError as e:
        if e.code != 409:
            raise


def field_values(root):
    """{name: text} of the instance's fields (the top level but kiosk, meta)."""
    return {e.tag: e.text or "" for e in root if e.tag not in ("kiosk", "meta")}


def iso(value):
    """A field typed as dd/mm/yyyy, as the submission carries it."""
    if len(value) == 10 and value[2] == "/" and value[5] == "/":
        return f"{value[6:]}-{value[3:5]}-{value[:2]}"
    return value


def check(state_dir, project):
    tok = admin()
    db = sqlite3.connect(os.path.join(state_dir, "state.db"))
    rows = db.execute("select id, receipt, state, body, xml, xform from submissions").fetchall()
    per_form = {}
    for id_, receipt, state, body, xml, xform in rows:
        assert state == "sent", f"{receipt} is {state}"
        assert xml, f"{receipt} has no OpenRosa bytes"
        got = call("GET", f"/v1/projects/{project}/forms/{xform}/submissions/uuid:{id_}.xml",
                   token=tok, raw=True)
        assert got == bytes(xml), f"{receipt}: Central holds other bytes:\n{got}\n{xml}"
        root = ET.fromstring(got)
        doc = json.loads(body)
        typed = {k: iso(v) for k, v in doc["fields"].items()}
        assert field_values(root) == typed, f"{receipt}: {field_values(root)} != {typed}"
        assert root.findtext("kiosk/receipt") == receipt
        assert root.findtext("meta/instanceName") == receipt
        assert root.get("id") == doc["form"] == xform
        per_form[xform] = per_form.get(xform, 0) + 1
    total = 0
    for form, n in per_form.items():
        odata = call("GET", f"/v1/projects/{project}/forms/{form}.svc/Submissions"
                            "?$top=0&$count=true", token=tok)
        assert odata["@odata.count"] == n, f"{form}: {odata['@odata.count']} in Central, {n} saved"
        total += odata["@odata.count"]
    print(f"{len(rows)} requests, {total} submissions, every field identical")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "project":
        print(call("POST", "/v1/projects", {"name": args[0]}, token=admin())["id"])
    elif cmd == "viewer":
        viewer(*args)
    elif cmd == "review":
        project, form, id_, state = args[:4]
        tok = admin()
        path = f"/v1/projects/{project}/forms/{form}/submissions/{id_}"
        call("PATCH", path, {"reviewState": state}, token=tok)
        if len(args) > 4:
            call("POST", path + "/comments", {"body": args[4]}, token=tok)
    elif cmd == "check":
        check(*args)
    elif cmd == "versions":
        out = call("GET", f"/v1/projects/{args[0]}/forms/{args[1]}.svc/Submissions", token=admin())
        for s in out["value"]:
            print(s["__id"], s["__system"]["formVersion"])
    else:
        sys.exit(f"central.py: unknown command {cmd}")


main()
