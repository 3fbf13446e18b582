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


def write_pgm(path, pixels, scale):
    """Writes rows of grey bytes as a binary PGM, each dot scale x scale."""
    with open(path, "wb") as f:
        f.write(b"P5 %d %d 255\n" % (len(pixels[0]) * scale, len(pixels) * scale))
        for row in pixels:
            wide = bytes(b for b in row for _ in range(scale))
            f.write(wide * scale)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--scale")]
    scale = 1
    if "--scale" in sys.argv:
        scale = int(sys.argv[sys.argv.index("--scale") + 1])
        args.remove(str(scale))
    font, text_path, out = args
    width, height, glyphs, cmap = read_psf(font)
    stride = (width + 7) // 8
    lines = open(text_path, encoding="utf-8").read().rstrip("\n").split("\n")
    cols = max(len(line) for line in lines)
    pixels = [bytearray(b"\xff" * (cols * width)) for _ in range(len(lines) * height)]
    fallback = cmap.get(0xFFFD, cmap.get(ord("?")))
    missing = []
    for y, line in enumerate(lines):
        for x, ch in enumerate(line):
            index = cmap.get(ord(ch))
            if index is None:
                index = fallback
                if ch not in missing:
                    missing.append(ch)
            glyph = glyphs[index]
            for r in range(height):
                row = int.from_bytes(glyph[r * stride:(r + 1) * stride], "big")
                for c in range(width):
                    if row >> (stride * 8 - 1 - c) & 1:
                        pixels[y * height + r][x * width + c] = 0
    write_pgm(out, pixels, scale)
    for ch in missing:
        print(f"U+{ord(ch):04X} {ch}")


if __name__ == "__main__":
    main()
