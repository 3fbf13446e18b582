#!/usr/bin/env python3
"""An independent reader of VietQR payloads (EMVCo merchant-presented QR,
NAPAS): reads ID LEN VALUE fields, checks the CRC with Python's own
CRC-16/CCITT-FALSE (binascii.crc_hqx with 0xFFFF), and prints the fields
as JSON. usage: vietqr_parse.py PAYLOAD. Exits 1 on any fault."""
import binascii
import json
import sys


def fields(s):
    """The ID LEN VALUE fields of s, in order, refusing anything else."""
    out, i = [], 0
    while i < len(s):
        if i + 4 > len(s) or not s[i:i + 4].isdigit():
            sys.exit(f"bad field header at {i}: {s[i:i + 4]!r}")
        fid, n = s[i:i + 2], int(s[i + 2:i + 4])
        if i + 4 + n > len(s):
            sys.exit(f"field {fid} runs past the end")
        out.append((fid, s[i + 4:i + 4 + n]))
        i += 4 + n
    return out


def main():
    s = sys.argv[1]
    top = fields(s)
    ids = [f for f, _ in top]
    if ids[-1] != "63" or not s.endswith(top[-1][1]) or len(top[-1][1]) != 4:
        sys.exit("the CRC is not the last field")
    crc = "%04X" % binascii.crc_hqx(s[:-4].encode("ascii"), 0xFFFF)
    if crc != top[-1][1]:
        sys.exit(f"CRC {top[-1][1]}, computed {crc}")
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        sys.exit(f"fields out of order or repeated: {ids}")
    f = dict(top)
    merchant = dict(fields(f["38"]))
    account = dict(fields(merchant["01"]))
    extra = dict(fields(f.get("62", "")))
    print(json.dumps({
        "format": f["00"], "method": f["01"], "guid": merchant["00"],
        "bin": account["00"], "account": account["01"], "service": merchant["02"],
        "currency": f["53"], "amount": f.get("54"), "country": f["58"],
        "purpose": extra.get("08"), "crc": f["63"],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
