#!/usr/bin/env python3
"""Draws text as the Linux console would with a PSF font, glyph by glyph.

usage: psf_render.py FONT.psf[.gz] TEXT_FILE OUT.pgm [--scale N]

Reads the font's glyphs and Unicode table (PSF1 or PSF2, gzipped or not),
draws every line of TEXT_FILE (UTF-8) into OUT.pgm (a greyscale picture
tesseract and netpbm read), black on white for OCR, one
character per cell as the console does: a character the table lacks gets
the font's glyph for U+FFFD, or '?' when it has none (what the kernel
draws). Prints each character that fell back that way, once, as
"U+XXXX C", and exits 0; exits 2 when the font cannot be read.
--scale N enlarges the picture N times (for OCR of small fonts).
"""
import gzip
import math
import sys


def read_psf(path):
    """(width, height, glyph bitmaps as bytes, {code point: glyph index})."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    if data[:4] == b"\x72\xb5\x4a\x86":
        hsize, flags, count, size, height, width = (
            int.from_bytes(data[o:o + 4], "little") for o in range(8, 32, 4))
        glyphs = [data[hsize + i * size:hsize + (i + 1) * size] for i in range(count)]
        table = data[hsize + count * size:] if flags & 1 else b""
        return width, height, glyphs, parse_table(table, count, utf8=True)
    if data[:2] == b"\x36\x04":
        mode, height = data[2], data[3]
        count = 512 if mode & 1 else 256
        glyphs = [data[4 + i * height:4 + (i + 1) * height] for i in range(count)]
        table = data[4 + count * height:] if mode & 2 else b""
        return 8, height, glyphs, parse_table(table, count, utf8=False)
    sys.exit(f"{path}: not a PSF font")


def parse_table(table, count, utf8):
    """The Unicode table: single code points only (sequences are skipped)."""
    cmap = {}
    pos = 0
    for index in range(count):
        if utf8:
            end = table.find(b"\xff", pos)
            entry = table[pos:end] if end >= 0 else b""
            pos = end + 1
            single = entry.split(b"\xfe")[0]
            for ch in single.decode("utf-8", "replace"):
                cmap.setdefault(ord(ch), index)
        else:
            while pos + 1 < len(table):
                cp = int.from_bytes(table[pos:pos + 2], "little")
                pos += 2
                if cp == 0xFFFF:
                    break
                if cp == 0xFFFE:
                    while pos + 1 < len(table) and table[pos:pos + 2] != b"\xff\xff":
                        pos += 2
                    continue
                cmap.setdefault(cp, index)
    return cmap


def dots(glyph, width, height, scale):
    """The glyph's dots, each scale x scale, as rows of 0.0 / 1.0 ink."""
    stride = (width + 7) // 8
    out = []
    for r in range(height):
        row = int.from_bytes(glyph[r * stride:(r + 1) * stride], "big")
        line = [float(row >> (stride * 8 - 1 - c) & 1) for c in range(width) for _ in range(scale)]
        out += [line] * scale
    return out


def blurred(ink, sigma):
    """ink spread by a Gaussian of sigma dots, on a margin of 3 sigma;
    returns it and the margin."""
    radius = int(3 * sigma + 0.5)
    kernel = [math.exp(-(i * i) / (2 * sigma * sigma)) for i in range(-radius, radius + 1)]
    kernel = [k / sum(kernel) for k in kernel]
    h, w = len(ink) + 2 * radius, len(ink[0]) + 2 * radius
    pad = [[0.0] * w for _ in range(h)]
    for y, row in enumerate(ink):
        pad[y + radius][radius:radius + len(row)] = row

    def spread(get, n, at):
        """The kernel's weighted sum of get(i) around at, within 0..n-1."""
        return sum(k * get(at + i - radius) for i, k in enumerate(kernel)
                   if 0 <= at + i - radius < n)

    across = [[spread(row.__getitem__, w, x) for x in range(w)] for row in pad]
    return [[spread(lambda yy: across[yy][x], h, y) for x in range(w)] for y in range(h)], radius


def write_pgm(path, ink):
    """Writes ink (0.0 paper .. 1.0 black) as a binary PGM, black on white."""
    with open(path, "wb") as f:
        f.write(b"P5 %d %d 255\n" % (len(ink[0]), len(ink)))
        for row in ink:
            f.write(bytes(255 - min(255, int(v * 255 + 0.5)) for v in row))


def option(name, default):
    """The number after --name on the command line (removed), or default."""
    if name not in sys.argv:
        return default
    i = sys.argv.index(name)
    value = sys.argv[i + 1]
    del sys.argv[i:i + 2]
    return float(value)


def main():
    scale = int(option("--scale", 1))
    sigma = option("--blur", 0)
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    font, text_path = sys.argv[1:3]
    width, height, glyphs, cmap = read_psf(font)
    lines = open(text_path, encoding="utf-8").read().rstrip("\n").split("\n")
    cols = max(len(line) for line in lines)
    fallback = cmap.get(0xFFFD, cmap.get(ord("?")))
    missing, cells = [], []
    for y, line in enumerate(lines):
        for x, ch in enumerate(line):
            index = cmap.get(ord(ch))
            if index is None:
                index = fallback
                if ch not in missing:
                    missing.append(ch)
            cells.append((y, x, index))
    for ch in missing:
        print(f"U+{ord(ch):04X} {ch}")
    if len(sys.argv) < 4:
        return
    # Blurring is linear: the picture is the sum of every glyph's blurred
    # dots, each glyph blurred once.
    cw, ch_ = width * scale, height * scale
    ink = [[0.0] * (cols * cw) for _ in range(len(lines) * ch_)]
    patches = {}
    for y, x, index in cells:
        if index not in patches:
            patch = dots(glyphs[index], width, height, scale)
            patches[index] = blurred(patch, sigma) if sigma > 0 else (patch, 0)
        patch, margin = patches[index]
        for r, row in enumerate(patch):
            oy = y * ch_ + r - margin
            if not 0 <= oy < len(ink):
                continue
            out = ink[oy]
            for c, v in enumerate(row):
                ox = x * cw + c - margin
                if v and 0 <= ox < len(out):
                    out[ox] += v
    write_pgm(sys.argv[3], ink)


if __name__ == "__main__":
    main()
