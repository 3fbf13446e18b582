#!/usr/bin/env python3
"""Checks the catalogs in locale/ against the strings the kiosk shows.

Entries with msgctxt "voice" are spoken forms of shown strings (how the
booth's voice says them); each must say something about a string shown.

Message ids come from src/ (N_("...") marks, found by xgettext), from
screens/ (titles, texts, choice labels, hints) and from screens/forms/
(titles, steps, field labels, options) and the counters' labels of
screens/*.counters. vi.po must list exactly
those ids, every other catalog must translate each of them, and GNU
msgfmt must accept every catalog."""
import glob
import re
import subprocess
import sys


def po_entries(path):
    """Returns {msgid: msgstr} of a catalog, read with msgcat's help."""
    out = subprocess.run(["msgcat", "--no-wrap", "--no-location", path],
                         capture_output=True, text=True, check=True).stdout
    entries, key, cur = {}, None, {}
    for line in out.splitlines() + [""]:
        m = re.match(r'^(msgctxt|msgid|msgstr) "(.*)"$', line)
        if m:
            key = m.group(1)
            cur[key] = m.group(2)
        elif line.startswith('"') and key:
            cur[key] += line[1:-1]
        elif not line.strip():
            if "msgid" in cur and cur["msgid"]:
                unesc = lambda s: s.encode().decode("unicode_escape").encode("latin-1").decode()
                key = unesc(cur["msgid"])
                if "msgctxt" in cur:  # a spoken form: "voice\x04MSGID"
                    key = unesc(cur["msgctxt"]) + "\x04" + key
                entries[key] = unesc(cur.get("msgstr", ""))
            cur, key = {}, None
    return entries


def source_ids():
    """Message ids used by the C sources and the screen files."""
    pot = subprocess.run(["xgettext", "-k", "-kN_", "--from-code=UTF-8", "--no-wrap",
                          "-o", "-"] + sorted(glob.glob("src/*.c")),
                         capture_output=True, text=True, check=True).stdout
    ids = set()
    for m in re.finditer(r'^msgid "(.*)"$', pot, re.M):
        if m.group(1):
            ids.add(m.group(1).encode().decode("unicode_escape").encode("latin-1").decode())
    for path in glob.glob("screens/*.screen"):
        for line in open(path, encoding="utf-8"):
            words = line.split(None, 1)
            if not words or words[0].startswith("#"):
                continue
            if words[0] in ("title", "text", "hint"):
                ids.add(words[1].strip())
            elif words[0] == "choice":
                ids.add(line.split(None, 3)[3].strip())
    for path in glob.glob("screens/*.counters"):
        for line in open(path, encoding="utf-8"):
            words = line.split(None, 4)
            if len(words) == 5 and words[0] == "counter":
                ids.add(words[4].strip())
    for path in glob.glob("screens/forms/*.form"):
        for line in open(path, encoding="utf-8"):
            words = line.split(None, 1)
            if not words or words[0].startswith("#"):
                continue
            if words[0] in ("title", "step", "option"):
                ids.add(words[1].strip())
            elif words[0] == "field":
                ids.add(line.split(None, 4)[4].strip())
    return ids


def main():
    bad = 0
    for path in sorted(glob.glob("locale/*.po")):
        r = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr)
            bad += 1
    ids = source_ids()
    vi = po_entries("locale/vi.po")
    # Spoken forms (msgctxt "voice", src/voice.h) say a string the kiosk
    # shows: Vietnamese gives each its words; other catalogs may.
    for path in sorted(glob.glob("locale/*.po")):
        for key, said in po_entries(path).items():
            if "\x04" not in key:
                continue
            ctxt, msgid = key.split("\x04", 1)
            if ctxt != "voice" or msgid not in ids:
                print(f"{path}: spoken form {key!r} is not of a string shown (msgctxt voice)")
                bad += 1
            elif not said:
                print(f"{path}: spoken form of {msgid!r} says nothing")
                bad += 1
    vi = {k: v for k, v in vi.items() if "\x04" not in k}
    for missing in sorted(ids - set(vi)):
        print(f"locale/vi.po: missing msgid {missing!r}")
        bad += 1
    for stale in sorted(set(vi) - ids):
        print(f"locale/vi.po: msgid {stale!r} is no longer used")
        bad += 1
    for path in sorted(glob.glob("locale/*.po")):
        if path.endswith("/vi.po"):
            continue
        tr = po_entries(path)
        for msgid in sorted(ids):
            if not tr.get(msgid):
                print(f"{path}: no translation for {msgid!r}")
                bad += 1
    print(f"{len(ids)} message ids checked in {len(glob.glob('locale/*.po'))} catalogs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
