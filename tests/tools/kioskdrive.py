"""Driving a running kiosk in tmux from Python, for the tests that go
through every form or menu (tests/tools/sweep_choices.py,
tests/tools/kiosk_forms.py): the screens and forms read from the files
under screens/, and the pane read back and typed into. connect() names the
tmux server first."""
import glob
import os
import subprocess
import sys
import time

TMUX = []


def connect(socket):
    TMUX[:] = ["tmux", "-L", socket]


def directives(path):
    """(keyword, rest) of each directive line of a screen or form file."""
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            kw, _, rest = line.partition(" ")
            yield kw, rest.strip()


def load_screens():
    screens = {}
    for path in sorted(glob.glob("screens/*.screen")):
        sid = os.path.basename(path)[:-7]
        s = {"choices": [], "title": None}
        for kw, rest in directives(path):
            if kw == "choice":
                key, target, label = rest.split(None, 2)
                s["choices"].append((key, target, label))
            elif kw == "title":
                s["title"] = rest
        screens[sid] = s
    return screens


def load_forms():
    forms = []
    for path in sorted(glob.glob("screens/forms/*.form")):
        f = {"id": os.path.basename(path)[:-5], "steps": [], "step_titles": [], "kind": None,
             "procedure": None}
        for kw, rest in directives(path):
            if kw == "title":
                f["title"] = rest
            elif kw in ("kind", "procedure"):
                f[kw] = rest
            elif kw == "step":
                f["steps"].append([])
                f["step_titles"].append(rest)
            elif kw == "field":
                fid, ftype, _req, label = rest.split(None, 3)
                words = ftype.split(":")
                f["steps"][-1].append({"id": fid, "type": words[0], "when": words[1:],
                                       "label": label, "options": []})
            elif kw == "option":
                f["steps"][-1][-1]["options"].append(rest)
        if f["kind"] is None:
            f["kind"] = "procedure" if f["procedure"] else "feedback"
        forms.append(f)
    return forms


def screen():
    return subprocess.run(TMUX + ["capture-pane", "-p"], capture_output=True,
                          text=True).stdout


def wait_for(text, limit=10):
    end = time.time() + limit
    while time.time() < end:
        if text in screen():
            return
        time.sleep(0.05)
    fail(f'did not see "{text}" within {limit}s')


def wait_gone(text, limit=10):
    end = time.time() + limit
    while time.time() < end:
        if text not in screen():
            return
        time.sleep(0.05)
    fail(f'"{text}" stayed on screen for {limit}s')


def fail(msg):
    print("FAIL: " + msg)
    print("--- screen ---\n" + screen() + "--------------")
    sys.exit(1)


def send(*keys):
    subprocess.run(TMUX + ["send-keys"] + list(keys), check=True)


def send_raw(text):
    subprocess.run(TMUX + ["send-keys", "-l", text], check=True)


def home_key(screens, target):
    for key, t, _label in screens["home"]["choices"]:
        if t == target:
            return key
    return None
