#!/usr/bin/env python3
"""Reads a screen (80x24 text, on stdin) that the kiosk drew in English and
fails when it shows a Vietnamese message for which locale/en.po has an
English one. Data-driven: every msgid of en.po translated into other words
is looked for on screen, each part between {placeholders}, as whole words.
What the content shows as it is (procedure names and papers, communes,
announcements: content.db, Vietnamese in every language) is no message:
a match inside a piece of the screen (a line's text between runs of
spaces or " · ") that is itself a text of content.db, or part of one, is
left alone; but a piece that is a whole message ("Số điện thoại") is
content only when a text of content.db is exactly that. Words only said
aloud (src/voice.c: "không" is how a 0 is said) are not shown, so not
looked for.

usage: english_only.py CONTENT_DB WHERE < screen"""
import glob
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata


def po_entries(path):
    """{msgid: msgstr} of a catalog."""
    out = subprocess.run(["msgcat", "--no-wrap", "--no-location", path],
                         capture_output=True, text=True, check=True).stdout
    unesc = lambda s: s.encode().decode("unicode_escape").encode("latin-1").decode()
    return {unesc(m.group(1)): unesc(m.group(2))
            for m in re.finditer(r'^msgid "(.*)"\nmsgstr "(.*)"$', out, re.M) if m.group(1)}


def c_ids(paths):
    """Message ids (N_) of C sources."""
    pot = subprocess.run(["xgettext", "-k", "-kN_", "--from-code=UTF-8", "--no-wrap", "-o", "-"]
                         + paths, capture_output=True, text=True, check=True).stdout
    return {m.group(1) for m in re.finditer(r'^msgid "(.+)"$', pot, re.M)}


def spoken_only():
    """Message ids of src/voice.c that no other source has: said, not shown."""
    others = [p for p in sorted(glob.glob("src/*.c")) if p != "src/voice.c"]
    voice = c_ids(["src/voice.c"]) if os.path.exists("src/voice.c") else set()
    return voice - c_ids(others)


def content_texts(path):
    """Every text of content.db, its spaces made single: what the booth
    shows as published. Returns them joined, and as a set."""
    db = sqlite3.connect(path)
    texts = []
    for (table,) in db.execute("select name from sqlite_master where type = 'table'"):
        cols = [r[1] for r in db.execute(f"pragma table_info({table})")]
        for row in db.execute(f"select * from {table}"):
            texts += [" ".join(v.split()) for v in row if isinstance(v, str)]
    return "\n".join(texts), set(texts)


def parts(msgid):
    """The fixed parts of a msgid worth looking for: those with two letters
    or more, without their leading and trailing punctuation."""
    out = []
    for p in re.split(r"\{[a-z]+\}", msgid):
        p = p.strip(" .:·,;!?()-–")
        if sum(ch.isalpha() for ch in p) >= 2:
            out.append(p)
    return out


def pieces(line):
    """A screen line's pieces: its text between runs of two spaces or more
    and " · ", each without a leading number, bullet or arrow, nor the "…"
    of a text cut short."""
    for piece in re.split(r" {2,}| · ", line):
        piece = re.sub(r"^(\d+|[•▶◀▲▼])\s+", "", piece.strip()).strip().rstrip("…")
        if piece:
            yield piece


def main():
    content, whole = content_texts(sys.argv[1])
    where = sys.argv[2]
    screen = unicodedata.normalize("NFC", sys.stdin.read())
    # The screen's lines, boxes' borders read as spaces.
    lines = [re.sub(r"[│┌┐└┘─▌]", "  ", l) for l in screen.split("\n")]
    bad = 0
    spoken = spoken_only()
    for msgid, msgstr in po_entries("locale/en.po").items():
        if msgid in spoken:
            continue
        for p in parts(msgid):
            if p in msgstr:
                continue
            pat = re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)")
            for line in lines:
                for piece in pieces(line):
                    if not pat.search(piece) or piece in whole:
                        continue
                    if piece not in content or piece == msgid:
                        print(f"{where}: Vietnamese \"{p}\" (of \"{msgid}\", English "
                              f"\"{msgstr}\") on screen: {line.strip()}")
                        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
