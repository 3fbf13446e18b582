#!/usr/bin/env python3
"""Converts the mapping of pre-2025 communes to the 2025 communes into the
kiosk's content sources: one file per 2025 province under OUT/old-units/
(see docs/content.md, "Communes before the 2025 reform").

Input: the mapping (new_to_old_*.json of tanthuan031/vnadministrative, MIT:
its LICENSE must lie beside it and is copied beside the output) and the
2025 units already converted into the content sources (OUT/units/*.json).
The mapping's ids are its own, not the official codes: each 2025 unit it
names is matched by name within its province, after normalising

  - the case of the kind words ("Thành Phố" = "Thành phố"),
  - tone placement ("Hòa" = "Hoà": old and modern style, oa oe uy),
  - hyphens ("Văn Miếu-Quốc Tử Giám" = "Văn Miếu - Quốc Tử Giám").

A unit whose kind changed after the mapping was made ("Tỉnh Đồng Nai" is
"Thành phố Đồng Nai" in the 2025 list, and ten of its "Xã" are "Phường") is
matched by the name after the kind word only when exactly one unit of that
province has that name and no other unit of the mapping took it; every such
match is printed. Whatever still does not match is printed and left out:
nothing is guessed. The pre-2025 names are written normalised the same way
(modern tone placement, " - ", kind words in sentence case).

Standard library only.
"""
import argparse
import collections
import json
import os
import re
import shutil
import sys
import unicodedata

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
VOWELS = set("aeiouy")
# Kind words, longest first, in the case they are written.
KINDS = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]


def base_and_marks(ch):
    """(lower-case base letter, set of its combining marks)."""
    d = unicodedata.normalize("NFD", ch.lower())
    return d[0], set(d[1:])


def modern_word(word):
    """A word with modern tone placement: an open oa, oe or uy carries its
    tone on the second vowel (hoà, khoẻ, thuỷ), not the first (hòa)."""
    if len(word) < 2:
        return word
    b1, m1 = base_and_marks(word[-2])
    b2, m2 = base_and_marks(word[-1])
    before = base_and_marks(word[-3])[0] if len(word) >= 3 else ""
    pair = (b1 == "o" and b2 in "ae") or (b1 == "u" and b2 == "y" and before != "q")
    tone = m1 & TONES
    if not pair or not tone or m1 - TONES or m2 or before in VOWELS:
        return word
    t = tone.pop()
    first = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word[-2])[0])
    second = unicodedata.normalize("NFC", word[-1] + t)
    return word[:-2] + first + second


def tidy(name):
    """NFC, single spaces, " - " between hyphenated parts, modern tone
    placement, the kind word in sentence case ("Thị Trấn" -> "Thị trấn")."""
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"\s*-\s*", " - ", name.strip())
    name = re.sub(r"\s+", " ", name)
    name = " ".join(modern_word(w) for w in name.split(" "))
    for kind in KINDS:
        if name.lower().startswith(kind.lower() + " "):
            return kind + name[len(kind):]
    return name


def split_kind(name):
    """(kind, rest) of a tidy name; kind is "" when it has none."""
    for kind in KINDS:
        if name.startswith(kind + " "):
            return kind, name[len(kind) + 1:]
    return "", name


def key(name):
    """What two spellings of one name share: tidy, then lower case."""
    return tidy(name).lower()


def load_units(folder):
    """The 2025 provinces of the content sources, by key of their name."""
    provinces = {}
    for fn in sorted(os.listdir(folder)):
        if fn.endswith(".json"):
            with open(os.path.join(folder, fn), encoding="utf-8") as f:
                p = json.load(f)
            provinces[key(p["name"])] = p
    return provinces


class Matcher:
    """Finds 2025 units by name, and remembers how each was found."""

    def __init__(self, provinces):
        self.provinces = provinces
        self.by_rest = collections.defaultdict(list)   # (None, rest) or (prov, rest)
        for p in provinces.values():
            self.by_rest[(None, key(split_kind(p["name"])[1]))].append(p)
            for c in p["communes"]:
                self.by_rest[(p["code"], key(split_kind(c["name"])[1]))].append(c)
        self.kind_changed = {}   # (old name, 2025 name) for the report
        self.unmatched = set()

    def province(self, name, exact_names):
        """The 2025 province named so, or None; exact_names: the keys of the
        2025 provinces the mapping names as they are."""
        p = self.provinces.get(key(name))
        return p if p is not None else self.by_kind_change(None, name, exact_names)

    def commune(self, prov, name, exact_names):
        """The commune of prov named so, or None (then listed as unmatched)."""
        for c in prov["communes"]:
            if key(c["name"]) == key(name):
                return c
        c = self.by_kind_change(prov["code"], name, exact_names)
        if c is None:
            self.unmatched.add((prov["name"], tidy(name)))
        return c

    def by_kind_change(self, scope, name, exact_names):
        """The one unit of scope whose name after the kind word is the same
        and that no exact match took; None when none or several."""
        found = self.by_rest.get((scope, key(split_kind(tidy(name))[1])), [])
        found = [u for u in found if key(u["name"]) not in exact_names]
        if len(found) != 1:
            return None
        self.kind_changed[(tidy(name), found[0]["name"])] = True
        return found[0]


def convert(mapping, matcher):
    """{2025 province code: {old unit tuple: [2025 communes]}}."""
    out = collections.defaultdict(lambda: collections.defaultdict(list))
    wards = mapping["wards"]
    provs = {key(w["new_province_name"]) for w in wards.values()} & set(matcher.provinces)
    names_in = collections.defaultdict(set)   # province code -> keys the mapping names
    for w in wards.values():
        p = matcher.province(w["new_province_name"], provs)
        if p is not None:
            names_in[p["code"]].add(key(w["new_ward_name"]))
    for w in sorted(wards.values(), key=lambda w: (w["new_province_name"], w["new_ward_name"])):
        p = matcher.province(w["new_province_name"], provs)
        if p is None:
            matcher.unmatched.add(("", tidy(w["new_province_name"])))
            continue
        exact = {key(c["name"]) for c in p["communes"]} & names_in[p["code"]]
        c = matcher.commune(p, w["new_ward_name"], exact)
        if c is None:
            continue
        for o in w["old_wards"]:
            old = (tidy(o["old_ward_name"]), tidy(o["old_district_name"]),
                   tidy(o["old_province_name"]))
            now = {"code": c["code"], "name": c["name"]}
            if now not in out[p["code"]][old]:
                out[p["code"]][old].append(now)
    return out


def write_province(path, prov, olds):
    """One file: the province, then one old commune a line (easy to diff)."""
    lines = [f'{{\n "code": {json.dumps(prov["code"])},\n "name": {json.dumps(prov["name"], ensure_ascii=False)},\n "communes": [']
    items = []
    for (commune, district, province), now in sorted(olds.items()):
        items.append("  " + json.dumps({"commune": commune, "district": district,
                                        "province": province,
                                        "now": sorted(now, key=lambda c: c["code"])},
                                       ensure_ascii=False))
    lines.append(",\n".join(items))
    lines.append(" ]\n}\n")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mapping", help="the mapping, new_to_old_*.json (its LICENSE beside it)")
    ap.add_argument("--out", required=True,
                    help="content source folder (assets/catalog), with units/ already converted")
    args = ap.parse_args()
    licence = os.path.join(os.path.dirname(os.path.abspath(args.mapping)), "LICENSE")
    if not os.path.isfile(licence):
        sys.exit(f"{licence}: missing; the mapping's licence must be shipped with it")
    with open(args.mapping, encoding="utf-8") as f:
        mapping = json.load(f)
    matcher = Matcher(load_units(os.path.join(args.out, "units")))
    result = convert(mapping, matcher)
    folder = os.path.join(args.out, "old-units")
    os.makedirs(folder, exist_ok=True)
    for fn in os.listdir(folder):
        if fn.endswith(".json"):
            os.remove(os.path.join(folder, fn))
    olds = links = 0
    for p in matcher.provinces.values():
        if p["code"] in result:
            write_province(os.path.join(folder, p["code"] + ".json"), p, result[p["code"]])
            olds += len(result[p["code"]])
            links += sum(len(v) for v in result[p["code"]].values())
    with open(licence, encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(folder, "LICENSE"), "w", encoding="utf-8") as f:
        f.write("The files of this folder are converted from new_to_old_2026-01-09.json of\n"
                "https://github.com/tanthuan031/vnadministrative (commit 7f7ac8f5), under\n"
                "this licence:\n\n" + text)
    print(f"{olds} pre-2025 communes, {links} links to 2025 communes, written to {folder}")
    for old, new in sorted(matcher.kind_changed):
        print(f"kind changed, matched by name: {old} -> {new}")
    for prov, name in sorted(matcher.unmatched):
        print(f"not in the 2025 units, left out: {name}{', ' + prov if prov else ''}")
    covered = {c["code"] for v in result.values() for now in v.values() for c in now}
    for p in sorted(matcher.provinces.values(), key=lambda p: p["code"]):
        for c in p["communes"]:
            if c["code"] not in covered:
                print(f"2025 unit no pre-2025 commune maps to: {c['code']} {c['name']}, {p['name']}")


if __name__ == "__main__":
    main()
