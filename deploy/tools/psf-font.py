#!/usr/bin/env python3
"""Writes the kiosk's Linux console fonts (PSF2 with a Unicode table) from
the Unifont glyphs the project ships.

usage: python3 deploy/tools/psf-font.py [--check] [HEX [OUTDIR]]

HEX defaults to assets/unifont-kiosk.hex, OUTDIR to assets/console. Writes
kiosk-8x16.psf, kiosk-12x24.psf and kiosk-16x32.psf there (width x height
of a character cell), each of exactly 512 glyphs, the most a Linux console
font holds. With --check, writes nothing and exits 1 when the files in
OUTDIR differ from what it would write (the committed fonts are stale).

What the fonts hold: ASCII, Latin-1, the 134 precomposed Vietnamese letters
(a ă â e ê i o ô ơ u ư y with each of the six tones, both cases, less the
plain a e i o u y of ASCII, and đ Đ), punctuation, the đồng sign, arrows,
box drawing, blocks and the shapes and bullets the screens use, U+FFFD, and
every other character found in locale/*.po, screens/ (forms included) and
the demo catalog assets/catalog (the sources of content.db). It stops with
an error when one of those has no Unifont glyph or when it comes to more
than 512 glyphs. Characters the console cannot hold in a glyph of their
own share one (hyphens and minus with "-", spaces with " ").

Sizes: 8x16 is Unifont's own glyph; 16x32 doubles every dot; 12x24 scales
by 1.5 through a 3x pixel-art upscale (Scale3x, which keeps diagonals
smooth) reduced by half. A 16x16 (wide) Unifont glyph is kept only when a
text above needs it; it is doubled in height only at 16x32 and squeezed to
one cell's width otherwise, since a console cell has one width.

The glyphs are GNU Unifont's: GPL-2 or later with the GNU font embedding
exception, or the SIL Open Font License 1.1 (see assets/console/README).
"""
import glob
import os
import sys
import unicodedata

MAX_GLYPHS = 512
SIZES = [(8, 16), (12, 24), (16, 32)]

# Blocks taken whole (narrow glyphs only), then single characters.
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x1EA0, 0x1EF9),  # Latin Extended Additional: Vietnamese letters
    (0x2500, 0x254B),  # box drawing: light and heavy lines, corners, tees
    (0x2550, 0x2570),  # box drawing: double lines, rounded corners
    (0x2580, 0x2593),  # blocks and shades
]
SINGLES = (
    "ĂăĐđĨĩŨũƠơƯư"          # the Vietnamese letters outside U+1EA0-1EF9
    "–—‘’‚“”„†‡•…‰‹›′″"      # punctuation
    "₫€№™"                   # đồng sign and symbols
    "←↑→↓↔↕↵⇐⇑⇒⇓"            # arrows
    "■□▪▫▬▲△►▶▷▼▽◄◀◁◆◇○◎●◐◑◒◓★☆☎♪"  # shapes and bullets
    "\ufffd"                 # the replacement character
)
# Characters drawn with another's glyph: (glyph's character, the others).
ALIASES = [
    ("-", "\u2010\u2011\u2012\u2212"),
    (" ", "\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"),
]
# Where the project's texts are: every character in them must be drawable.
TEXTS = ["locale/*.po", "screens/**/*", "assets/catalog/**/*.json"]

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def vietnamese_letters():
    """The 134 precomposed Vietnamese letters, lower and upper case."""
    out = []
    for v in VOWELS + VOWELS.upper():
        for t in TONES:
            ch = unicodedata.normalize("NFC", v + t)
            if len(ch) == 1 and ord(ch) > 0x7F:
                out.append(ch)
    out += ["đ", "Đ"]
    if len(out) != 134 or len(set(out)) != 134:
        sys.exit(f"psf-font: {len(out)} Vietnamese letters, not 134")
    return out


def read_hex(path):
    """Code point -> (width, rows as ints) of every glyph in a .hex file."""
    glyphs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or ":" not in line:
                continue
            code, _, bits = line.strip().partition(":")
            width = len(bits) // 4  # 32 hex digits: 8x16, 64: 16x16
            digits = width // 4
            rows = [int(bits[i:i + digits], 16) for i in range(0, len(bits), digits)]
            glyphs[int(code, 16)] = (width, rows)
    return glyphs


def project_chars(top):
    """Every character of the project's texts, with a file it is in."""
    found = {}
    for pattern in TEXTS:
        for path in sorted(glob.glob(os.path.join(top, pattern), recursive=True)):
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as f:
                for ch in f.read():
                    if ch >= " " and ch != "\x7f":
                        found.setdefault(ch, os.path.relpath(path, top))
    return found


def repertoire(glyphs, top):
    """The characters to give glyphs, in glyph order (ASCII at its codes)."""
    chars = []
    for lo, hi in RANGES:
        chars += [chr(c) for c in range(lo, hi + 1) if c in glyphs and glyphs[c][0] == 8]
    chars += [c for c in SINGLES if glyphs.get(ord(c), (16,))[0] == 8]
    chars += vietnamese_letters()
    aliased = {a for _, others in ALIASES for a in others}
    for ch, path in sorted(project_chars(top).items()):
        if ch in aliased:
            continue
        if ord(ch) not in glyphs:
            sys.exit(f"psf-font: {path}: U+{ord(ch):04X} {ch!r} has no Unifont glyph")
        chars.append(ch)
    for ch in vietnamese_letters() + list(SINGLES):
        if ord(ch) not in glyphs:
            sys.exit(f"psf-font: U+{ord(ch):04X} {ch!r} has no Unifont glyph")
    seen, order = set(), []
    for ch in chars:
        if ch not in seen:
            seen.add(ch)
            order.append(ch)
    if len(order) > MAX_GLYPHS:
        sys.exit(f"psf-font: {len(order)} glyphs, a console font holds {MAX_GLYPHS}")
    return order


def bitmap(width, rows):
    """A glyph as a list of rows of 0/1 dots."""
    return [[(r >> (width - 1 - x)) & 1 for x in range(width)] for r in rows]


def squeeze(bm):
    """Halves a bitmap's width, a dot where either of two dots was."""
    return [[row[x] | row[x + 1] for x in range(0, len(row), 2)] for row in bm]


def scale(bm, fx, fy):
    """Repeats every dot fx times across and fy times down."""
    return [[d for d in row for _ in range(fx)] for row in bm for _ in range(fy)]


def scale3x(bm):
    """The Scale3x pixel-art upscale: 3x3 dots per dot, diagonals smoothed."""
    h, w = len(bm), len(bm[0])

    def p(y, x):
        return bm[min(max(y, 0), h - 1)][min(max(x, 0), w - 1)]

    out = [[0] * (w * 3) for _ in range(h * 3)]
    for y in range(h):
        for x in range(w):
            a, b, c = p(y - 1, x - 1), p(y - 1, x), p(y - 1, x + 1)
            d, e, f = p(y, x - 1), p(y, x), p(y, x + 1)
            g, hh, i = p(y + 1, x - 1), p(y + 1, x), p(y + 1, x + 1)
            m = [e] * 9
            if b != hh and d != f:
                m[0] = d if d == b else e
                m[1] = b if (d == b and e != c) or (b == f and e != a) else e
                m[2] = f if b == f else e
                m[3] = d if (d == b and e != g) or (d == hh and e != a) else e
                m[5] = f if (b == f and e != i) or (hh == f and e != c) else e
                m[6] = d if d == hh else e
                m[7] = hh if (d == hh and e != i) or (hh == f and e != g) else e
                m[8] = f if hh == f else e
            for k in range(9):
                out[y * 3 + k // 3][x * 3 + k % 3] = m[k]
    return out


def halve(bm):
    """Halves both sides: a dot where at least two of four dots were."""
    return [[int(bm[y][x] + bm[y][x + 1] + bm[y + 1][x] + bm[y + 1][x + 1] >= 2)
             for x in range(0, len(bm[0]), 2)] for y in range(0, len(bm), 2)]


def glyph_at(glyphs, ch, width, height):
    """The glyph of ch as a bitmap of width x height dots."""
    w, rows = glyphs[ord(ch)]
    bm = bitmap(w, rows)
    if width == 16:
        return scale(bm, 2 if w == 8 else 1, 2)
    if w == 16:
        bm = squeeze(bm)
    if width == 8:
        return bm
    return halve(scale3x(bm))


def psf2(glyphs, chars, width, height):
    """The bytes of a PSF2 font of MAX_GLYPHS glyphs with a Unicode table."""
    stride = (width + 7) // 8
    slots = [None] * MAX_GLYPHS
    others = iter(i for i in range(MAX_GLYPHS) if not 0x20 <= i <= 0x7E)
    for ch in chars:
        slots[ord(ch) if " " <= ch <= "~" else next(others)] = ch
    header = (b"\x72\xb5\x4a\x86" + (0).to_bytes(4, "little") + (32).to_bytes(4, "little")
              + (1).to_bytes(4, "little") + MAX_GLYPHS.to_bytes(4, "little")
              + (stride * height).to_bytes(4, "little") + height.to_bytes(4, "little")
              + width.to_bytes(4, "little"))
    data, table = bytearray(), bytearray()
    alias = {main: others for main, others in ALIASES}
    for ch in slots:
        bm = glyph_at(glyphs, ch, width, height) if ch else [[0] * width] * height
        for row in bm:
            bits = int("".join(map(str, row)), 2) << (stride * 8 - width)
            data += bits.to_bytes(stride, "big")
        if ch:
            table += (ch + alias.get(ch, "")).encode("utf-8")
        table += b"\xff"
    return header + bytes(data) + bytes(table)


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    top = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
    hex_path = args[0] if args else os.path.join(top, "assets/unifont-kiosk.hex")
    outdir = args[1] if len(args) > 1 else os.path.join(top, "assets/console")
    glyphs = read_hex(hex_path)
    chars = repertoire(glyphs, top)
    stale = []
    for width, height in SIZES:
        path = os.path.join(outdir, f"kiosk-{width}x{height}.psf")
        font = psf2(glyphs, chars, width, height)
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != font:
                        stale.append(path)
            except OSError:
                stale.append(path)
            continue
        os.makedirs(outdir, exist_ok=True)
        with open(path, "wb") as f:
            f.write(font)
        print(f"{path}: {len(chars)} characters in {MAX_GLYPHS} glyphs of {width}x{height}")
    if stale:
        sys.exit("psf-font: stale (regenerate with deploy/tools/psf-font.py): " + " ".join(stale))


if __name__ == "__main__":
    main()
