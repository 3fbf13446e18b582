#!/usr/bin/env python3
"""Drives a running kiosk (in the tmux server named by argv[1], 80x24) in
every language of locale/ through every menu and every form of screens/
and screens/forms/, and fails when a choice the files define is not on
screen: every menu's choices (home, the screens they lead to, the list of
forms, the queue's counters, the helper menu after the PIN), and for
every field of every form, while it has the focus, every option of every
choice field of its step. Everything comes from the files (screens, forms,
counters, catalogs): nothing here names a form, a field or an option.

usage: sweep_choices.py TMUX_SOCKET COMMUNE PIN"""
import glob
import os
import re
import subprocess
import sys
import time

SOCKET, COMMUNE, PIN = sys.argv[1:4]
TMUX = ["tmux", "-L", SOCKET]


def po_entries(path):
    """{msgid: msgstr} of a catalog, and its X-Native-Name."""
    out = subprocess.run(["msgcat", "--no-wrap", "--no-location", path],
                         capture_output=True, text=True, check=True).stdout
    entries, native = {}, None
    # Entries with a msgctxt (the voice's spoken forms) are not shown.
    for m in re.finditer(r'^(msgctxt .*\n)?msgid "(.*)"\nmsgstr "(.*)"$', out, re.M):
        unesc = lambda s: s.encode().decode("unicode_escape").encode("latin-1").decode()
        if m.group(2) and not m.group(1):
            entries[unesc(m.group(2))] = unesc(m.group(3))
    n = re.search(r'X-Native-Name: ([^\\]*)\\n', out)
    return entries, n.group(1) if n else None


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


class Lang:
    def __init__(self, entries):
        self.entries = entries

    def tr(self, msgid):
        return self.entries.get(msgid) or msgid


def home_key(screens, target):
    for key, t, _label in screens["home"]["choices"]:
        if t == target:
            return key
    return None


def check_menu(lang, choices, where, sep="  "):
    """Every (key, label) of a menu is on screen, whole."""
    text = screen()
    for key, label in choices:
        want = f"{key}{sep}{label}"
        if want not in text:
            fail(f'{where}: the choice "{want}" is not on screen')
    print(f"ok: {where}: {len(choices)} choices")


def label_of(lang, label, next_native):
    return lang.tr(label).replace("{commune}", COMMUNE).replace("{language}", next_native)


def sweep_menus(lang, screens, forms, counters, next_native):
    home = screens["home"]
    go_home(lang)
    check_menu(lang, [(k, label_of(lang, l, next_native)) for k, _t, l in home["choices"]],
               "home")
    for key, target, label in home["choices"]:
        if target in screens and target not in ("home", "helper"):
            send(key)
            wait_for(label_of(lang, screens[target]["title"], next_native).split(" · ")[0])
            check_menu(lang, [(k, label_of(lang, l, next_native))
                              for k, _t, l in screens[target]["choices"]], target)
            go_home(lang)
        elif target == "submit":
            send(key)
            procs = [f for f in forms if f["kind"] == "procedure"][:9]
            wait_for(f"1  {lang.tr(procs[0]['title'])}")
            check_menu(lang, [(str(i + 1), lang.tr(f["title"])) for i, f in enumerate(procs)],
                       "the list of forms")
            go_home(lang)
        elif target == "queue" and counters:
            send(key)
            wait_for(f"1  {lang.tr(counters[0])}")
            check_menu(lang, [(str(i + 1), lang.tr(c)) for i, c in enumerate(counters[:9])],
                       "the queue's counters")
            go_home(lang)
    if "helper" in screens:
        for k in "*/*/":
            send(k)
        send_raw(PIN)
        send("Enter")
        helper = screens["helper"]
        wait_for(label_of(lang, helper["title"], next_native))
        check_menu(lang, [(k, label_of(lang, l, next_native)) for k, _t, l in helper["choices"]],
                   "helper")
        send("0")
        go_home(lang)


def go_home(lang):
    """Back to the home screen with 0 (or Backspace) from a menu."""
    want = lang.tr("Tìm thủ tục, giấy tờ cần mang")
    for _ in range(6):
        if want in screen():
            return
        send("0")
        time.sleep(0.1)
    wait_for(want)


def value_for(field):
    """A right value for a field of this type (keys to type)."""
    t = field["type"]
    if t == "date":
        return "01012090" if "future" in field["when"] else "02071985"
    return {"name": "Lan", "cccd": "051185000123", "phone": "0905123456", "number": "2",
            "text": "abc", "note": "abc"}.get(t)


def check_options(lang, step, focus, where):
    text = screen()
    for f in step:
        opts = f["options"] if f["type"] == "choice" else ["Có", "Không"] if f["type"] == "yesno" else []
        for k, o in enumerate(opts):
            want = f"{k + 1} {lang.tr(o)}"
            if want not in text:
                fail(f'{where}: with "{focus["id"]}" focused, the option "{want}" of '
                     f'"{f["id"]}" is not on screen')


def fill(lang, field):
    """Types a right value into the focused field and moves on."""
    t = field["type"]
    if t in ("choice", "yesno"):
        send("1", "Enter")
        return
    if t == "address":
        send("Enter")
        wait_for(lang.tr("Gõ tên tỉnh hoặc thành phố, không cần dấu:"))
        send_raw("ha tinh")
        wait_for("1  ")
        send("1")
        wait_for(lang.tr("· gõ tên xã, phường:"))
        send_raw("thach ha")
        wait_for("1  ")
        send("1")
        wait_gone(lang.tr("· gõ tên xã, phường:"))
        return
    value = value_for(field)
    send_raw(value)
    wait_for(f"[{value}▌")
    send("Enter")


def sweep_form(lang, screens, forms, form):
    procs = [f for f in forms if f["kind"] == "procedure"]
    if form["kind"] == "procedure":
        if form not in procs[:9]:
            return
        send(home_key(screens, "submit"))
        wait_for(f"1  {lang.tr(procs[0]['title'])}")
        send(str(procs.index(form) + 1))
    else:
        send(home_key(screens, "feedback"))
    nsteps = len(form["steps"])
    for s, step in enumerate(form["steps"]):
        wait_for(f"{lang.tr(form['title'])} · ")
        wait_for(f"/{nsteps}: {lang.tr(form['step_titles'][s])}")
        for field in step:
            where = f"{form['id']} ({lang.tr('Bước {n}').replace('{n}', str(s + 1))})"
            wait_for(lang.tr(field["label"]))
            check_options(lang, step, field, where)
            fill(lang, field)
    wait_for(lang.tr("Xem lại trước khi gửi"))
    # Back from the review to the last step, then home without sending.
    send("0")
    wait_for(f"/{nsteps}: {lang.tr(form['step_titles'][-1])}")
    send("*")
    wait_for(lang.tr("Bỏ hồ sơ đang nhập?"))
    send("1")
    go_home(lang)
    print(f"ok: {form['id']}: {sum(len(s) for s in form['steps'])} fields in {nsteps} steps")


def main():
    screens = load_screens()
    forms = load_forms()
    counters = []
    for path in glob.glob("screens/*.counters"):
        for kw, rest in directives(path):
            if kw == "counter":
                counters.append(rest.split(None, 3)[3])
    catalogs = {}
    for path in sorted(glob.glob("locale/*.po")):
        catalogs[os.path.basename(path)[:-3]] = po_entries(path)
    order = ["vi"] + sorted(c for c in catalogs if c != "vi")
    vi = Lang({})
    go_home(vi)
    for i, code in enumerate(order):
        entries, _native = catalogs[code]
        lang = Lang(entries if code != "vi" else {})
        next_native = catalogs[order[(i + 1) % len(order)]][1]
        print(f"--- {code}")
        sweep_menus(lang, screens, forms, counters, next_native)
        for form in forms:
            sweep_form(lang, screens, forms, form)
        # The next language, from home.
        send(home_key(screens, "language"))
        nxt = order[(i + 1) % len(order)]
        go_home(Lang(catalogs[nxt][0] if nxt != "vi" else {}))


main()
