#!/usr/bin/env python3
"""Time to the first full home screen, and peak memory, of the kiosk
against Debian's dialog showing a menu of the same eight items, in the same
run, on an 80x24 pseudo-terminal.

Each program is started on a fresh pty; the clock stops when the last thing
it draws (the kiosk's footer state, dialog's Cancel button) has been
written. Peak memory is the child's maximum resident set size (wait4).
The figures are medians over the runs; what matters is the ratio. Wall
time on a shared machine is noisy, so when valgrind is there the same start
is also counted in instructions (callgrind), which repeat exactly.

bench/startup.py --kiosk [COMMAND...] PATH measures the kiosk at PATH alone,
on the content folder beside it, run by COMMAND if given, without dialog or
callgrind: a cross build under qemu-user (build/arm64/tree/build/kiosk with
build/arm64/tree/build/content), or this machine's under the same emulator
(--kiosk qemu-x86_64-static build/kiosk) to see what the emulator adds."""
import fcntl
import os
import re
import shutil
import pty
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
ITEMS = [
    "Tìm thủ tục, giấy tờ cần mang", "Xem kết quả hồ sơ", "Nộp hồ sơ, yêu cầu",
    "Phản ánh, kiến nghị", "Lấy số thứ tự", "Nộp phí bằng mã QR", "Thông báo của xã",
    "English",
]


def run_once(argv, marker, env):
    """Starts argv on an 80x24 pty; returns (seconds to marker, max RSS in KiB)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.execvpe(argv[0], argv, env)
    os.close(slave)
    seen, elapsed = b"", None
    while elapsed is None:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen:
            elapsed = time.perf_counter() - start
    os.kill(pid, signal.SIGTERM)
    # Drain until the child is gone so it never blocks on a full pty.
    while True:
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    _, status, usage = os.wait4(pid, 0)
    os.close(master)
    if elapsed is None:
        sys.exit(f"{argv[0]} never drew {marker!r} (status {status})")
    return elapsed, usage.ru_maxrss


def instructions(argv, marker, env, tmp):
    """Instructions run from exec to the full screen and a clean exit."""
    log = os.path.join(tmp, "callgrind.log")
    run_once(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
              f"--log-file={log}"] + argv, marker, env)
    with open(log) as f:
        found = re.findall(r"Collected : (\d+)", f.read())
    return int(found[-1]) if found else None


def kiosk_argv(path, tmp):
    """The kiosk at path on the content folder beside it, its state in tmp."""
    cfg = os.path.join(tmp, "kiosk.ini")
    with open(cfg, "w") as f:
        content = os.path.join(os.path.dirname(os.path.abspath(path)), "content")
        f.write(f"[paths]\nstate_dir = {tmp}/var\ncontent_dir = {content}\n")
    return [path, "--config", cfg]


def kiosk_only(command, env):
    """--kiosk [COMMAND...] PATH: the medians of that kiosk alone."""
    path = command[-1]
    with tempfile.TemporaryDirectory() as tmp:
        kiosk = command[:-1] + kiosk_argv(path, tmp)
        run_once(kiosk, "Chưa có mạng".encode(), env)  # creates state.db once
        runs = [run_once(kiosk, "Chưa có mạng".encode(), env) for _ in range(RUNS)]
    t = statistics.median(r[0] for r in runs)
    m = statistics.median(r[1] for r in runs)
    print(f"startup: {' '.join(command)}: {RUNS} runs, 80x24, medians: full home screen"
          f" in {t * 1000:.1f} ms, peak memory (max RSS) {m:.0f} KiB")


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    if sys.argv[1:2] == ["--kiosk"] and len(sys.argv) > 2:
        return kiosk_only(sys.argv[2:], env)
    with tempfile.TemporaryDirectory() as tmp:
        kiosk = kiosk_argv(os.path.join(top, "build/kiosk"), tmp)
        menu = []
        for i, item in enumerate(ITEMS, 1):
            menu += [str(i), item]
        dialog = ["dialog", "--menu", "TRẠM DỊCH VỤ CÔNG · Xã Hành Đức", "20", "76", "8"] + menu
        run_once(kiosk, "Chưa có mạng".encode(), env)  # creates state.db once
        times = {"kiosk": [], "dialog": []}
        rss = {"kiosk": [], "dialog": []}
        for _ in range(RUNS):  # interleaved, so both see the same machine
            for name, argv, marker in (("kiosk", kiosk, "Chưa có mạng".encode()),
                                       ("dialog", dialog, b"Cancel")):
                t, m = run_once(argv, marker, env)
                times[name].append(t)
                rss[name].append(m)
        counts = {}
        if shutil.which("valgrind"):
            counts["kiosk"] = instructions(kiosk, "Chưa có mạng".encode(), env, tmp)
            counts["dialog"] = instructions(dialog, b"Cancel", env, tmp)
    tk, td = statistics.median(times["kiosk"]), statistics.median(times["dialog"])
    mk, md = statistics.median(rss["kiosk"]), statistics.median(rss["dialog"])
    print(f"startup: {RUNS} runs each, 80x24, medians")
    print(f"  time to full home screen  kiosk {tk * 1000:7.2f} ms   dialog {td * 1000:7.2f} ms"
          f"   ratio kiosk/dialog {tk / td:.2f}")
    print(f"  peak memory (max RSS)     kiosk {mk:7.0f} KiB  dialog {md:7.0f} KiB"
          f"  ratio kiosk/dialog {mk / md:.2f}")
    if counts.get("kiosk") and counts.get("dialog"):
        ik, idl = counts["kiosk"], counts["dialog"]
        print(f"  instructions (callgrind)  kiosk {ik / 1e6:7.2f} M    dialog {idl / 1e6:7.2f} M"
              f"    ratio kiosk/dialog {ik / idl:.2f}")


if __name__ == "__main__":
    main()
