#!/usr/bin/env python3
"""How much of a screen's Vietnamese OCR read back, word for word.

usage: ocr_words.py SCREEN.txt OCR.txt

The words that matter are those of SCREEN.txt (the text the kiosk drew)
holding a letter with a Vietnamese mark (ă â đ ê ô ơ ư or a tone): a font
that draws them as holes loses exactly these. A word counts as read when
OCR.txt has it exactly, marks included (case and punctuation aside), so
the comparison tolerates OCR's misreadings elsewhere but not a lost mark.
Prints "READ/TOTAL" on the first line, then each word not read.
"""
import re
import sys
import unicodedata


def words(text):
    """The lower-case NFC words of text, punctuation and box lines aside."""
    text = unicodedata.normalize("NFC", text).lower()
    return re.findall(r"[^\W\d_]+", text)


def marked(word):
    """True when word has a letter with a Vietnamese mark."""
    return any(ord(c) > 0x7F for c in word)


def main():
    screen = [w for w in words(open(sys.argv[1], encoding="utf-8").read()) if marked(w)]
    read = set(words(open(sys.argv[2], encoding="utf-8").read()))
    lost = [w for w in screen if w not in read]
    print(f"{len(screen) - len(lost)}/{len(screen)}")
    for w in lost:
        print(w)


if __name__ == "__main__":
    main()
