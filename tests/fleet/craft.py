"""Makes bad content bundles out of a good one, for the refusal tests.

usage: craft.py GOOD OUT KEY MODE

GOOD is a bundle made by kioskctl content pack; OUT gets the bad one; KEY
is the private key to sign a changed manifest with (ssh-keygen -Y sign, the
real tool). MODE says what is wrong: unsigned, namespace, manifest-edit,
tampered, resized, dotdot, absolute, symlink, symlink-in, hardlink, device,
fifo, extra, missing, truncated. Standard library only.
"""
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

NAMESPACE = "kiosk-content@booth"


def sign(manifest, key, namespace=NAMESPACE):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "manifest.json")
        with open(path, "wb") as f:
            f.write(manifest)
        subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", key, "-n", namespace, path],
                       check=True, stdin=subprocess.DEVNULL)
        with open(path + ".sig", "rb") as f:
            return f.read()


def member(name, data=b"", kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    info.linkname = link
    info.mode = 0o644
    if kind in (tarfile.CHRTYPE, tarfile.BLKTYPE):
        info.devmajor, info.devminor = 1, 3
    return info, (data if kind == tarfile.REGTYPE else None)


def main():
    good, out, key, mode = sys.argv[1:5]
    with tarfile.open(good) as t:
        members = [(m, t.extractfile(m).read() if m.isfile() else None) for m in t.getmembers()]
    manifest = json.loads(members[0][1])
    sig = members[1][1]
    files = members[2:]
    extra = []  # (info, data) added after the files
    resign = True

    if mode == "unsigned":
        members = [members[0]] + files
        resign = False
    elif mode == "namespace":
        sig = sign(members[0][1], key, namespace="file")
        resign = False
    elif mode == "manifest-edit":
        # The manifest changes, the signature stays the old one.
        manifest["files"][0]["sha256"] = hashlib.sha256(b"other").hexdigest()
        members[0] = (members[0][0], json.dumps(manifest).encode())
        resign = False
    elif mode in ("tampered", "resized"):
        for i, (info, data) in enumerate(files):
            if info.name.startswith("screens/"):
                new = bytes([data[0] ^ 1]) + data[1:] if mode == "tampered" else data + b"\n# more\n"
                files[i] = (member(info.name, new)[0], new)
                break
        resign = False
    elif mode in ("dotdot", "absolute"):
        name = "../evil.txt" if mode == "dotdot" else os.path.join(os.path.dirname(out), "evil-abs.txt")
        data = b"planted\n"
        manifest["files"].append({"path": name, "size": len(data),
                                  "sha256": hashlib.sha256(data).hexdigest()})
        extra.append(member(name, data))
    elif mode == "symlink":
        extra.append(member("assets/passwd", kind=tarfile.SYMTYPE, link="/etc/passwd"))
    elif mode == "symlink-in":
        extra.append(member("assets/up", kind=tarfile.SYMTYPE, link="../../../../evil"))
    elif mode == "hardlink":
        extra.append(member("assets/shadow", kind=tarfile.LNKTYPE, link="/etc/shadow"))
    elif mode == "device":
        extra.append(member("assets/mem", kind=tarfile.CHRTYPE))
    elif mode == "fifo":
        extra.append(member("assets/pipe", kind=tarfile.FIFOTYPE))
    elif mode == "extra":
        extra.append(member("assets/unlisted.txt", b"not in the manifest\n"))
    elif mode == "missing":
        files = files[:-1]
        resign = False
    elif mode != "truncated":
        sys.exit("unknown mode " + mode)

    if resign:
        text = json.dumps(manifest, indent=1).encode()
        members[0] = (members[0][0], text)
        sig = sign(text, key)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        head = [members[0]] if mode == "unsigned" else [members[0], (members[1][0], sig)]
        for info, data in head + files + extra:
            if data is not None:
                info = member(info.name, data)[0]
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    raw = buf.getvalue()
    if mode == "truncated":
        raw = raw[: len(raw) // 2]
    with open(out, "wb") as f:
        f.write(raw)


if __name__ == "__main__":
    main()
