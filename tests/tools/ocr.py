#!/usr/bin/env python3
"""Reads a screenshot of the kiosk back with Tesseract's Vietnamese model.

    ocr.py text IMAGE              the text, line by line
    ocr.py has IMAGE PHRASE...     exit 0 when every phrase is read, else
                                   name the missing ones and print the text
    ocr.py find IMAGE PHRASE       "X Y": the pixel at the middle of the
                                   first place the phrase is read

Tesseract misreads a word here and there, and not the same words on the
same screen prepared in different ways: the screenshot is read as it is,
then grey and inverted at twice the size, then black and white at three
times the size, each reading only when the ones before missed a phrase.

A phrase matches a run of words on one line. Words are compared in NFC
without case and without punctuation at their ends ("Lại" and "lại,"
match), but every letter with its marks must be read as it is: a letter
drawn as a hole or a box reads as another word, so the phrase is missing.
"""
import os
import subprocess
import sys
import tempfile
import unicodedata

# How each reading prepares the screenshot (ImageMagick options), and the
# size it is then.
READINGS = [([], 1),
            (["-colorspace", "gray", "-negate", "-resize", "200%"], 2),
            (["-colorspace", "gray", "-threshold", "40%", "-negate", "-resize", "300%"], 3)]
PUNCT = ",.:;()[]|\"'`!?·•●▌"


def words_of(image, reading):
    """The words Tesseract reads: (line key, word, left, top, width, height),
    in the screenshot's pixels."""
    options, scale = READINGS[reading]
    with tempfile.TemporaryDirectory() as tmp:
        prepared = os.path.join(tmp, "prepared.png")
        subprocess.run(["convert", image, *options, prepared], check=True)
        # One thread: tests run side by side.
        tsv = subprocess.run(["tesseract", prepared, "-", "-l", "vie", "tsv"], check=True,
                             capture_output=True, text=True,
                             env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout
    out = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or not f[11].strip():
            continue
        box = [int(v) // scale for v in f[6:10]]
        out.append(((f[1], f[2], f[3], f[4]), f[11], *box))
    return out


def norm(word):
    """A word as compared: NFC, case folded, without end punctuation."""
    return unicodedata.normalize("NFC", word).strip(PUNCT).casefold()


def lines_of(words):
    """The words grouped by line, in reading order."""
    lines = {}
    for w in words:
        lines.setdefault(w[0], []).append(w)
    return list(lines.values())


def find(words, phrase):
    """The words of the first run matching phrase, or None."""
    want = [norm(w) for w in phrase.split() if norm(w)]
    for line in lines_of(words):
        got = [norm(w[1]) for w in line]
        for i in range(len(got) - len(want) + 1):
            if got[i:i + len(want)] == want:
                return line[i:i + len(want)]
    return None


def text(words):
    """The text read, one line per line."""
    return "\n".join(" ".join(w[1] for w in line) for line in lines_of(words))


def main(argv):
    """Runs the command of argv; the exit status says whether it matched."""
    if len(argv) < 3 or argv[1] not in ("text", "has", "find"):
        sys.exit(__doc__)
    image, missing = argv[2], argv[3:]
    if argv[1] == "text":
        print(text(words_of(image, 0)))
        return 0
    for reading in range(len(READINGS)):
        words = words_of(image, reading)
        if argv[1] == "find":
            run = find(words, missing[0])
            if run is not None:
                left, top = run[0][2], min(w[3] for w in run)
                right, bottom = run[-1][2] + run[-1][4], max(w[3] + w[5] for w in run)
                print((left + right) // 2, (top + bottom) // 2)
                return 0
            continue
        missing = [p for p in missing if find(words, p) is None]
        if not missing:
            return 0
    if argv[1] == "has":
        print("not read: " + "; ".join(missing))
        print(text(words_of(image, 0)))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
