#!/usr/bin/env python3
"""Independent checks of what the booth sends to a receipt printer.

usage: escpos_check.py raster BAND JOB...
       escpos_check.py text BAND JOB...
       escpos_check.py words BAND JOB...
       escpos_check.py screen dark|light OUT.pbm < lines

Each JOB names a pair of files of the file printer: JOB.escpos, JOB.pbm.
raster: parses the ESC/POS bytes (ESC @, GS v 0 bands, ESC J feeds, ESC d,
GS V) from the command reference, rebuilds the printed image (a feed is
that many blank dot rows, a band narrower than the paper prints from the
left) and compares it dot for dot with the PBM preview; every band at most
BAND rows and no wider than the PBM (384 or 576 dots).
text: the bytes hold only ASCII text between known commands, and the
raster parts (QR codes) are as wide as the paper.
words: as text, printing the words of a job that may have no QR code.
screen: turns half-block lines (as the kiosk draws a QR code) into a PBM
the way a terminal shows them: dark on light whatever the ink.
Exits 1 with a message on the first difference."""
import sys


def read_pbm(path):
    """Width, height and rows (bytes) of a P4 image."""
    data = open(path, "rb").read()
    magic, dims, rest = data.split(b"\n", 2)
    if magic != b"P4":
        sys.exit(f"{path}: not a P4 PBM")
    w, h = map(int, dims.split())
    stride = (w + 7) // 8
    if len(rest) != stride * h:
        sys.exit(f"{path}: {len(rest)} bytes of dots, expected {stride * h}")
    return w, h, [rest[i * stride:(i + 1) * stride] for i in range(h)]


def parse(job):
    """Yields ("raster", xbytes, rows) for each GS v 0 band, ("text", b"...")
    for printable runs, and (name, args) for the other commands."""
    i, n = 0, len(job)
    while i < n:
        b = job[i]
        if job.startswith(b"\x1d\x76\x30", i):
            m, xl, xh, yl, yh = job[i + 3:i + 8]
            if m != 0:
                sys.exit(f"GS v 0 at {i}: mode {m}, expected 0")
            x, y = xl + 256 * xh, yl + 256 * yh
            data = job[i + 8:i + 8 + x * y]
            if len(data) != x * y:
                sys.exit(f"GS v 0 at {i}: {len(data)} bytes of dots, expected {x * y}")
            yield ("raster", x, [data[r * x:(r + 1) * x] for r in range(y)])
            i += 8 + x * y
        elif job.startswith(b"\x1b@", i):
            yield ("init", b"")
            i += 2
        elif job[i:i + 1] == b"\x1b" and job[i + 1:i + 2] in (b"t", b"3", b"a", b"d", b"J"):
            yield ("esc " + chr(job[i + 1]), job[i + 2:i + 3])
            i += 3
        elif job.startswith(b"\x1d!", i):
            yield ("size", job[i + 2:i + 3])
            i += 3
        elif job.startswith(b"\x1dV", i):
            if job[i + 2] in (65, 66):
                yield ("cut", job[i + 2:i + 4])
                i += 4
            else:
                yield ("cut", job[i + 2:i + 3])
                i += 3
        elif b == 10:
            yield ("lf", b"")
            i += 1
        elif 32 <= b < 127:
            j = i
            while j < n and 32 <= job[j] < 127:
                j += 1
            yield ("text", job[i:j])
            i = j
        else:
            sys.exit(f"unknown byte 0x{b:02x} at {i}")


def check_raster(job_path, pbm_path, band):
    w, h, rows = read_pbm(pbm_path)
    job = open(job_path, "rb").read()
    printed, cmds = [], list(parse(job))
    if cmds[0][0] != "init" or cmds[-1][0] != "cut":
        sys.exit("the job does not start with ESC @ and end with a cut")
    stride = (w + 7) // 8
    for c in cmds:
        if c[0] == "raster":
            _, x, band_rows = c
            if x * 8 > w:
                sys.exit(f"a band is {x * 8} dots wide, the paper {w}")
            if len(band_rows) > band:
                sys.exit(f"a band of {len(band_rows)} rows, more than {band}")
            printed += [r + bytes(stride - x) for r in band_rows]
        elif c[0] == "esc J":
            printed += [bytes(stride)] * c[1][0]
        elif c[0] == "text":
            sys.exit(f"text in a raster job: {c[1]!r}")
    if w not in (384, 576):
        sys.exit(f"paper {w} dots wide")
    if len(printed) != h:
        sys.exit(f"{len(printed)} rows printed, the PBM has {h}")
    for y, (a, b) in enumerate(zip(printed, rows)):
        if a != b:
            sys.exit(f"row {y} differs between the bytes and the PBM")
    print(f"ok: {w}x{h} dots in {sum(c[0] == 'raster' for c in cmds)} bands")


def check_text(job_path, pbm_path, band, need_qr=True):
    w, _, _ = read_pbm(pbm_path)
    text, bands = [], 0
    for c in parse(open(job_path, "rb").read()):
        if c[0] == "text":
            text.append(c[1].decode("ascii"))
        elif c[0] == "raster":
            bands += 1
            if c[1] * 8 > w or len(c[2]) > band:
                sys.exit(f"a band of {c[1] * 8} dots x {len(c[2])} rows on {w}-dot paper")
    if need_qr and not bands:
        sys.exit("no raster part (the QR code)")
    print("\n".join(text))


def screen(ink, out):
    """Half-block lines to a PBM, 4 dots a module, as a terminal shows them."""
    lines = [l.rstrip("\n") for l in sys.stdin]
    halves = {" ": (0, 0), "\u2580": (1, 0), "\u2584": (0, 1), "\u2588": (1, 1)}
    grid = []
    for line in lines:
        top, bottom = [], []
        for ch in line:
            if ch not in halves:
                sys.exit(f"unexpected character {ch!r}")
            t, b = halves[ch]
            # Dark ink draws dark modules; light ink (a console's default)
            # draws the light ones, the dark background showing the rest.
            top.append(t if ink == "dark" else 1 - t)
            bottom.append(b if ink == "dark" else 1 - b)
        grid += [top, bottom]
    scale = 4
    w, h = len(grid[0]) * scale, len(grid) * scale
    stride = (w + 7) // 8
    data = bytearray()
    for row in grid:
        bits = bytearray(stride)
        for x, dark in enumerate(row):
            for k in range(scale):
                if dark:
                    px = x * scale + k
                    bits[px >> 3] |= 0x80 >> (px & 7)
        data += bytes(bits) * scale
    open(out, "wb").write(b"P4\n%d %d\n" % (w, h) + bytes(data))


if __name__ == "__main__":
    if sys.argv[1] in ("raster", "text", "words"):
        for job in sys.argv[3:]:
            args = (job + ".escpos", job + ".pbm", int(sys.argv[2]))
            if sys.argv[1] == "raster":
                check_raster(*args)
            else:
                check_text(*args, need_qr=sys.argv[1] == "text")
    else:
        screen(sys.argv[2], sys.argv[3])
