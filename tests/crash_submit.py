#!/usr/bin/env python3
"""Crash safety of saving: the real kiosk on a pseudo-terminal sends the
feedback form again and again and is killed (SIGKILL) at random moments,
also while saving. Afterwards state.db must pass PRAGMA integrity_check,
hold every request whose receipt code the screen showed exactly once, and
hold no half request (each row a whole JSON body that echoes its id).

usage: crash_submit.py KIOSK CONTENT_DIR WORKDIR [SUBMISSIONS]"""
import fcntl
import json
import os
import pty
import random
import re
import signal
import sqlite3
import struct
import sys
import termios
import time

KEYS = [b"4", b"1", b"\r", b"Gop y ve duong lang", b"\r", b"\r", b"\r", b"1"]
CODE = re.compile(rb"(\d{3}-\d{6}-\d)")
SAVED = "ĐÃ GHI NHẬN".encode()


def start(kiosk, config):
    """Starts the kiosk on a new 80x24 pty; returns (pid, master fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(kiosk, [kiosk, "--config", config],
                  dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8"))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def read_until(fd, want, limit):
    """Reads the terminal until want (bytes) shows or limit seconds pass."""
    seen, end = b"", time.time() + limit
    while time.time() < end:
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            time.sleep(0.005)
            continue
        if not chunk:
            break
        seen += chunk
        if want in seen:
            return seen
    return seen


def saved_code(out):
    """The receipt code the saved screen showed in out, or None."""
    at = out.find(SAVED)
    m = CODE.search(out, at) if at >= 0 else None
    return m.group(1).decode() if m else None


def wait_saved(fd, out, limit):
    """Reads on until out shows the saved screen with its receipt code, or
    limit seconds pass; returns out with what was read."""
    end = time.time() + limit
    while saved_code(out) is None and time.time() < end:
        out += read_until(fd, b"\x00", 0.01)
    return out


def main():
    kiosk, content, work = sys.argv[1:4]
    target = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    rng = random.Random(int(os.environ.get("CRASH_SEED", "4711")))
    config = os.path.join(work, "kiosk.ini")
    with open(config, "w") as f:
        f.write(f"[paths]\nstate_dir = {work}/var\ncontent_dir = {content}\n")
    shown, kills, attempts = set(), 0, 0
    pid, fd = start(kiosk, config)
    os.set_blocking(fd, False)
    read_until(fd, "Bấm số hoặc".encode(), 10)
    while attempts < target:
        attempts += 1
        # Kill during this submission at a random moment, or let it finish.
        kill_at = rng.random() * 0.4 if rng.random() < 0.6 else None
        t0, out = time.time(), b""
        for k in KEYS:
            os.write(fd, k)
            # After typed text a person's pause: text and Enter within
            # milliseconds are a scanner's burst (src/burst.h).
            out += read_until(fd, b"\x00", 0.06 if len(k) > 1 else 0.01)
            if kill_at is not None and time.time() - t0 > kill_at:
                break
        if kill_at is None or time.time() - t0 <= kill_at:
            out = wait_saved(fd, out, 3)
            if kill_at is not None:
                time.sleep(max(0.0, kill_at - (time.time() - t0)))
                out += read_until(fd, b"\x00", 0.01)
        code = saved_code(out)
        if code:
            shown.add(code)
        if kill_at is not None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)
            kills += 1
            pid, fd = start(kiosk, config)
            os.set_blocking(fd, False)
            read_until(fd, "Bấm số hoặc".encode(), 10)
        else:
            os.write(fd, b"0")  # home for the next one (redrawn in part only)
            read_until(fd, b"\x00", 0.15)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)

    db = sqlite3.connect(os.path.join(work, "var", "state.db"))
    problems = []
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    rows = db.execute("SELECT id, receipt, body FROM submissions").fetchall()
    receipts = [r[1] for r in rows]
    for code in shown:
        if receipts.count(code) != 1:
            problems.append(f"{code} shown as saved, stored {receipts.count(code)} times")
    if len(set(receipts)) != len(receipts):
        problems.append("a receipt code is used twice")
    for id_, receipt, body in rows:
        try:
            doc = json.loads(body)
            if doc.get("id") != id_ or doc.get("receipt") != receipt:
                problems.append(f"{receipt}: body does not echo its id")
        except ValueError:
            problems.append(f"{receipt}: half a body")
    print(f"{attempts} submissions, {kills} killed, {len(shown)} shown saved, "
          f"{len(rows)} stored")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems or not shown else 0


if __name__ == "__main__":
    sys.exit(main())
