#!/usr/bin/env python3
"""Fills in and sends every form of screens/forms/ at a running kiosk (in
the tmux server named by argv[1], 80x24, Vietnamese, Telex typing), as a
villager would: names and texts typed in Telex, the last option of each
choice, a commune picked for each address. Writes to argv[2] a JSON list
of {"form", "receipt", "fields"} with what each field must hold.

usage: kiosk_forms.py TMUX_SOCKET OUT.json"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kioskdrive import (connect, fail, home_key, load_forms, load_screens,  # noqa: E402
                        screen, send, send_raw, wait_for, wait_gone)

# (keys typed in Telex, what the field then holds), by field type.
TYPED = {
    "name": ("Nguyeenx Thij Bichs Ra", "Nguyễn Thị Bích Ra"),
    "text": ("Giaays khai sinh banr chinhs", "Giấy khai sinh bản chính"),
    "note": ("Ddwowngf lieen thoon bij sajt lowr", "Đường liên thôn bị sạt lở"),
    "number": ("2", "2"),
    "cccd": ("051185000123", "051185000123"),
    "phone": ("0905123456", "0905123456"),
}


def fill(field):
    """Types a value into the focused field, moves on; returns the value."""
    t = field["type"]
    if t in ("choice", "yesno"):
        opts = field["options"] if t == "choice" else ["Có", "Không"]
        send(str(len(opts)), "Enter")
        return opts[-1]
    if t == "address":
        send_raw("Thoon Ddoong")
        wait_for("[Thôn Đông")
        send("Enter")
        wait_for("Gõ tên tỉnh hoặc thành phố, không cần dấu:")
        send_raw("ha tinh")
        wait_for("1  Tỉnh Hà Tĩnh")
        send("1")
        wait_for("· gõ tên xã, phường:")
        send_raw("thach ha")
        wait_for("1  Xã Thạch Hà")
        send("1")
        wait_gone("· gõ tên xã, phường:")
        return "Thôn Đông, Xã Thạch Hà, Tỉnh Hà Tĩnh"
    if t == "date":
        keys = "01012090" if "future" in field["when"] else "02071985"
        value = f"{keys[:2]}/{keys[2:4]}/{keys[4:]}"
    else:
        keys, value = TYPED[t]
    send_raw(keys)
    wait_for(f"[{keys if t == 'date' else value}")
    send("Enter")
    return value


def send_form(screens, forms, form):
    """Opens a form from the home screen, fills it in, sends it; returns
    the receipt code and the values."""
    procs = [f for f in forms if f["kind"] == "procedure"]
    if form["kind"] == "procedure":
        send(home_key(screens, "submit"))
        wait_for(f"1  {procs[0]['title']}")
        send(str(procs.index(form) + 1))
    else:
        send(home_key(screens, "feedback"))
    values = {}
    for s, step in enumerate(form["steps"]):
        wait_for(f"/{len(form['steps'])}: {form['step_titles'][s]}")
        for field in step:
            wait_for(field["label"])
            values[field["id"]] = fill(field)
    wait_for("Xem lại trước khi gửi")
    send("1")
    # Feedback has its own words on the saved screen.
    wait_for("ĐÃ LƯU HỒ SƠ CỦA BẠN" if form["kind"] == "procedure" else "ĐÃ GHI NHẬN Ý KIẾN CỦA BẠN")
    code = re.search(r"[0-9]{3}-[0-9]{6}-[0-9]", screen())
    if code is None:
        fail(f"{form['id']}: no receipt code")
    wait_for("Đã in xong phiếu biên nhận")
    send("0")
    wait_for("Tìm thủ tục, giấy tờ cần mang")
    print(f"ok: {form['id']}: {code.group(0)}")
    return code.group(0), values


def main():
    connect(sys.argv[1])
    screens, forms = load_screens(), load_forms()
    wait_for("Tìm thủ tục, giấy tờ cần mang")
    out = []
    for form in forms:
        receipt, values = send_form(screens, forms, form)
        out.append({"form": form["id"], "receipt": receipt, "fields": values})
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


main()
