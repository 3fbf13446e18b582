#!/usr/bin/env python3
"""Writes assets/vi-freq.txt, how often each Vietnamese syllable is used,
for the keypad's predictive entry (src/predict.c).

usage: python3 deploy/tools/vi-freq.py [TOP] > assets/vi-freq.txt

TOP is the top of the checkout (default: two folders above this script).
Counts the syllables of the procedure catalog (assets/catalog/procedures:
names, fields, papers, steps, results: the words villagers write about)
and of the administrative units (assets/catalog/units: province and
commune names, for places), and reads the personal names' weights from
assets/vi-names.txt (surnames, middle names, given names). Each column is
scaled to parts per 100,000 of its total (at least 1 when the syllable is
seen), so the columns weigh alike. Only syllables of assets/vi-syllables.txt
and names are kept.
"""
import json
import os
import re
import sys
import unicodedata

COLUMNS = ("text", "place", "surname", "middle", "given")
HEADER = """\
# How often each syllable is used, for the keypad's predictive entry:
# SYLLABLE TEXT PLACE SURNAME MIDDLE GIVEN, parts per 100,000 of each
# column (lower case, NFC). TEXT counts the procedure catalog's words,
# PLACE the administrative units' names, and the last three come from
# assets/vi-names.txt. Generated; remake it with:
#   python3 deploy/tools/vi-freq.py > assets/vi-freq.txt
"""


def words(text):
    """The lower-case NFC words of text."""
    text = unicodedata.normalize("NFC", text.lower())
    return re.findall(r"[^\W\d_]+", text)


def strings(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("code", "source", "decision", "fee_vnd"):
                yield from strings(v)


def count_folder(folder, pick, counts):
    """Adds the words of every JSON file in folder (what pick returns)."""
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for text in pick(json.load(f)):
                    for w in words(text):
                        counts[w] = counts.get(w, 0) + 1


def unit_names(unit):
    """A province's name and its communes' names."""
    yield unit["name"]
    for c in unit.get("communes", []):
        yield c["name"]


def scale(counts):
    """counts as parts per 100,000 of their total, at least 1."""
    total = sum(counts.values()) or 1
    return {w: max(1, round(n * 100000 / total)) for w, n in counts.items()}


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    with open(os.path.join(top, "assets", "vi-syllables.txt"), encoding="utf-8") as f:
        known = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    text, place = {}, {}
    count_folder(os.path.join(top, "assets", "catalog", "procedures"), strings, text)
    count_folder(os.path.join(top, "assets", "catalog", "units"), unit_names, place)
    names = {k: {} for k in COLUMNS[2:]}
    with open(os.path.join(top, "assets", "vi-names.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, name, weight = line.split()
                name = unicodedata.normalize("NFC", name.lower())
                names[kind][name] = names[kind].get(name, 0) + float(weight)
    cols = [scale(text), scale(place)] + [scale(names[k]) for k in COLUMNS[2:]]
    named = set().union(*(names[k] for k in COLUMNS[2:]))
    every = sorted(w for w in set().union(*cols) if w in known or w in named)
    sys.stdout.write(HEADER)
    for w in every:
        print(w, *(c.get(w, 0) for c in cols))
    print(f"{len(every)} syllables written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
