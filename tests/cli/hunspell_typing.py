#!/usr/bin/env python3
"""Types every syllable of the hunspell-vi dictionary the ways a person
would, in Telex and in VNI, and checks that `kioskctl compose` gives the
syllable back.

usage: hunspell_typing.py DICTIONARY.dic KIOSKCTL

For each syllable the key sequences are built here, from the syllable's
own Unicode decomposition (not from the program under test):
  - marks typed right after their letter, the tone at the end of the word,
    right after the vowel that carries it, or right after the first vowel;
  - marks typed after the whole word ("duongw", "vietej"), then the tone;
  - Telex: ươ with one w after the o ("duowng").
Prints how many syllables and key sequences were checked; exits 1 on any
mismatch (listing the first ones) or when the dictionary looks too small.
"""
import re
import subprocess
import sys
import unicodedata

TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
MARKS = {"\u0302": "circ", "\u0306": "breve", "\u031b": "horn"}
VOWELS = "aeiouy"
ONSETS = set("b c ch d g gh gi h k kh l m n ng ngh nh p ph q r s t th tr v x đ".split())
CODAS = set("c ch m n ng nh p t".split())

TELEX_TONE = " sfrxj"
VNI_TONE = " 12345"
VNI_MARK = {"circ": "6", "breve": "8", "horn": "7", "stroke": "9"}


def letters(word):
    """Splits a word into (char, mark) pairs and its tone (0-5)."""
    out, tone = [], 0
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            tone = TONES[ch]
        elif ch in MARKS:
            out[-1] = (out[-1][0], MARKS[ch])
        elif ch in "đĐ":
            out.append(("d" if ch == "đ" else "D", "stroke"))
        else:
            out.append((ch, None))
    return out, tone


def is_syllable(word):
    """True for a Vietnamese syllable: onset, one vowel group, final."""
    base = "".join("đ" if m == "stroke" else c.lower() for c, m in letters(word)[0])
    m = re.fullmatch(r"([b-df-hj-np-tv-xzđ]*)([aeiouy]+)([b-df-hj-np-tv-xz]*)", base)
    if not m:
        return False
    onset, _, coda = m.groups()
    return (onset == "" or onset in ONSETS) and (coda == "" or coda in CODAS)


def carrier(word):
    """Index (in letters) of the vowel that carries the tone, or -1."""
    i = -1
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            return i
        if ch not in MARKS:
            i += 1
    return -1


def typed(word, method, marks_after, tone_where, one_w=False):
    """The keys a person types for word; tone_where is 'end', 'carrier'
    or 'first' (right after the first vowel)."""
    lets, tone = letters(word)
    at = carrier(word)
    first = next(i for i, (c, _) in enumerate(lets) if c.lower() in VOWELS)
    tone_after = {"end": len(lets) - 1, "carrier": at, "first": first}[tone_where]
    if tone == 0:
        tone_after = -2
    tkey = (TELEX_TONE if method == "telex" else VNI_TONE)[tone]
    keys, later = [], []
    for i, (c, mark) in enumerate(lets):
        low = c.lower()
        keys.append(c)
        if method == "telex" and low == "o" and mark is None and i > 0 \
                and lets[i - 1][0].lower() == "o" and lets[i - 1][1] is None:
            keys.append(c)  # "oo" is ô in Telex: a third o undoes it (xooong)
        if mark is not None:
            if method == "telex":
                key = {"circ": low, "breve": "w", "horn": "w", "stroke": "d"}[mark]
            else:
                key = VNI_MARK[mark]
            if one_w and mark == "horn" and low == "u":
                key = ""  # the w after the o marks both
            if marks_after:
                if key and key not in later:
                    later.append(key)
            else:
                keys.append(key)
        if i == tone_after and not marks_after:
            keys.append(tkey)
    keys += later
    if tone and marks_after:
        if tone_where == "first":
            keys.insert(first + 1, tkey)
        else:
            keys.append(tkey)
    return "".join(keys)


def variants(word, method):
    """All the key sequences tried for word in method."""
    seqs = set()
    for where in ("end", "carrier", "first"):
        seqs.add(typed(word, method, False, where))
    for where in ("end", "first"):
        seqs.add(typed(word, method, True, where))
    if method == "telex" and "ươ" in word.lower():
        for where in ("end", "carrier"):
            seqs.add(typed(word, method, False, where, one_w=True))
    return sorted(seqs)


def main():
    dic, kioskctl = sys.argv[1], sys.argv[2]
    with open(dic, encoding="utf-8") as f:
        entries = [line.strip().split("/")[0] for line in f][1:]
    words = [w for w in entries if w and is_syllable(w)]
    skipped = len(entries) - len(words)
    failures, sequences = [], 0
    for method in ("telex", "vni"):
        cases = [(w, k) for w in words for k in variants(w, method)]
        sequences += len(cases)
        run = subprocess.run([kioskctl, "compose", "--method", method],
                             input="\n".join(k for _, k in cases) + "\n",
                             capture_output=True, text=True, check=True)
        got = run.stdout.split("\n")[:-1]
        if len(got) != len(cases):
            print(f"{method}: {len(got)} lines back for {len(cases)} sequences")
            return 1
        for (word, keys), out in zip(cases, got):
            if out != word:
                failures.append(f"{method}: {keys} -> {out} (want {word})")
    print(f"checked {len(words)} syllables of hunspell-vi ({skipped} other entries "
          f"skipped), {sequences} key sequences in Telex and VNI: "
          f"{len(failures)} wrong")
    for line in failures[:40]:
        print("  " + line)
    return 1 if failures or len(words) < 6000 else 0


if __name__ == "__main__":
    sys.exit(main())
