#!/usr/bin/env python3
"""A provincial server for the upload tests and benchmark (docs/API.md).

Serves POST /submissions and GET /dossiers/CODE over HTTP, or HTTPS with
--cert/--key, on 127.0.0.1. Stores what it acknowledges, exactly once per
Idempotency-Key, as DIR/store/ID.json (the exact bytes) and logs every POST
to DIR/log.jsonl, so a test can check that each request arrived once and
byte-identical. A second, plain-HTTP control port (written to DIR/ctlport)
tells it to misbehave:

  /fault?mode=M&count=N[&secs=S][&retry_after=R]   the next N POSTs get M:
      500, 503, 429, 408 (with Retry-After R when given), html (a captive
      portal's 200 page), wrongid (200 JSON echoing another id), echo (a 400
      whose error quotes the form's fields, as a careless server might): nothing
      stored; stall (no answer for S seconds, body unread): nothing stored;
      reset (connection reset), empty (closed without a reply), drip (the
      reply one byte every half second), hang (no answer for S seconds):
      stored first, so the booth's retry finds it already there.
  /reject?id=ID   POSTs of ID get a 400 until /accept?id=ID
  /status?receipt=R&status=S[&note=N][&updated_at=T][&procedure=P][&submitted=D][&due=D]
                                  a dossier's status; procedure, submitted and due
                                  only when given (an older server has none)
  /lookupstall?secs=S[&count=N]   the next N GET /dossiers wait S seconds
  /stats          JSON counts: connections, posts, stored, duplicates,
                  mismatches, lookups, faults_left

--memory keeps the store in memory only (for the benchmark).
"""
import argparse
import hashlib
import http.server
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.dir = args.dir
        self.token = args.token
        self.memory = args.memory
        self.faults = []
        self.lookup_stalls = []
        self.rejected = set()
        self.statuses = {}
        self.stored = {}          # id -> (sha256, receipt, time)
        self.counts = dict(connections=0, posts=0, stored=0, duplicates=0,
                           mismatches=0, lookups=0)
        self.log = None
        if not self.memory:
            os.makedirs(os.path.join(self.dir, "store"), exist_ok=True)
            for name in os.listdir(os.path.join(self.dir, "store")):
                with open(os.path.join(self.dir, "store", name), "rb") as f:
                    data = f.read()
                doc = json.loads(data)
                self.stored[name[:-5]] = (hashlib.sha256(data).hexdigest(),
                                          doc.get("receipt"), time.time())
            self.log = open(os.path.join(self.dir, "log.jsonl"), "a")

    def note(self, **entry):
        if self.log:
            entry["t"] = time.time()
            self.log.write(json.dumps(entry) + "\n")
            self.log.flush()

    def take_fault(self):
        with self.lock:
            return self.faults.pop(0) if self.faults else None

    def store(self, key, body, receipt):
        """Returns stored, duplicate or mismatch."""
        digest = hashlib.sha256(body).hexdigest()
        with self.lock:
            if key in self.stored:
                if self.stored[key][0] == digest:
                    self.counts["duplicates"] += 1
                    return "duplicate"
                self.counts["mismatches"] += 1
                return "mismatch"
            if not self.memory:
                path = os.path.join(self.dir, "store", key + ".json")
                with open(path + ".tmp", "wb") as f:
                    f.write(body)
                os.rename(path + ".tmp", path)
            self.stored[key] = (digest, receipt, time.time())
            self.counts["stored"] += 1
            return "stored"


STATE = None
PORTAL = ("<!DOCTYPE html><html><head><title>Wi-Fi miễn phí</title></head>"
          "<body><h1>Đăng nhập để dùng Internet</h1></body></html>").encode()


class Api(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def setup(self):
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()
        with STATE.lock:
            STATE.counts["connections"] += 1

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="application/json", headers=()):
        if not isinstance(body, bytes):
            body = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def authorized(self):
        if self.headers.get("Authorization") == "Bearer " + STATE.token:
            return True
        self.send(401, {"error": "wrong or missing token"})
        return False

    def do_GET(self):
        prefix = "/dossiers/"
        if not self.path.startswith(prefix):
            return self.send(404, {"error": "no such path"})
        if not self.authorized():
            return
        code = urllib.parse.unquote(self.path[len(prefix):])
        with STATE.lock:
            STATE.counts["lookups"] += 1
            stall = STATE.lookup_stalls.pop(0) if STATE.lookup_stalls else 0
        time.sleep(stall)
        with STATE.lock:
            status = STATE.statuses.get(code)
            if status is None:
                for digest, receipt, when in STATE.stored.values():
                    if receipt == code:
                        status = {"receipt": code, "status": "received",
                                  "updated_at": time.strftime(
                                      "%Y-%m-%dT%H:%M:%SZ", time.gmtime(when)),
                                  "note": None}
        if status is None:
            return self.send(404, {"error": "unknown receipt code"})
        self.send(200, status)

    def do_POST(self):
        if self.path != "/submissions":
            return self.send(404, {"error": "no such path"})
        fault = STATE.take_fault()
        mode = fault["mode"] if fault else "ok"
        if mode == "stall":
            time.sleep(fault["secs"])
            self.close_connection = True
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        key = self.headers.get("Idempotency-Key", "")
        with STATE.lock:
            STATE.counts["posts"] += 1
        STATE.note(id=key, sha256=hashlib.sha256(body).hexdigest(), mode=mode)
        if not self.authorized():
            return
        try:
            doc = json.loads(body.decode("utf-8"))
        except ValueError:
            return self.send(400, {"error": "the body is not UTF-8 JSON"})
        if not isinstance(doc, dict) or doc.get("id") != key:
            return self.send(400, {"error": "Idempotency-Key differs from the id"})
        retry = [("Retry-After", str(fault["retry_after"]))] \
            if fault and fault.get("retry_after") is not None else []
        if mode in ("500", "503", "429", "408"):
            return self.send(int(mode), {"error": "fault " + mode}, headers=retry)
        if mode == "html":
            return self.send(200, PORTAL, "text/html; charset=utf-8")
        if mode == "wrongid":
            return self.send(200, {"id": "not-" + key})
        if mode == "echo":
            return self.send(400, {"error": "bad fields: " + json.dumps(
                doc.get("fields"), ensure_ascii=False)})
        if key in STATE.rejected:
            return self.send(400, {"error": "trường ngày sinh không hợp lệ (birth_date)"})
        outcome = STATE.store(key, body, doc.get("receipt"))
        STATE.note(id=key, outcome=outcome)
        if outcome == "mismatch":
            return self.send(422, {"error": "different bytes for a known Idempotency-Key"})
        if mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if mode in ("empty", "hang"):
            if mode == "hang":
                time.sleep(fault["secs"])
            self.close_connection = True
            return
        if outcome == "duplicate":
            reply = {"id": key, "error": "already have it"}
            code = 409
        else:
            reply = {"id": key, "receipt": doc.get("receipt"), "status": "received"}
            code = 201
        if mode == "drip":
            data = json.dumps(reply).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    time.sleep(0.5)
            except OSError:
                pass
            self.close_connection = True
            return
        self.send(code, reply)


class Control(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        with STATE.lock:
            if url.path == "/fault":
                f = {"mode": q["mode"], "secs": float(q.get("secs", "60")),
                     "retry_after": q.get("retry_after")}
                STATE.faults.extend(dict(f) for _ in range(int(q.get("count", "1"))))
            elif url.path == "/lookupstall":
                STATE.lookup_stalls.extend(
                    [float(q["secs"])] * int(q.get("count", "1")))
            elif url.path == "/reject":
                STATE.rejected.add(q["id"])
            elif url.path == "/accept":
                STATE.rejected.discard(q["id"])
            elif url.path == "/status":
                STATE.statuses[q["receipt"]] = {
                    "receipt": q["receipt"], "status": q["status"],
                    "updated_at": q.get("updated_at", "2025-07-01T08:30:00+07:00"),
                    "note": q.get("note")}
                for k in ("procedure", "submitted", "due"):
                    if k in q:
                        STATE.statuses[q["receipt"]][k] = q[k]
            elif url.path != "/stats":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            out = dict(STATE.counts, faults_left=len(STATE.faults))
        data = json.dumps(out).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def handle_error(self, request, client_address):
        pass  # resets and broken pipes are what the faults are for


def write_atomic(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.rename(path + ".tmp", path)


def main():
    global STATE
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--token", default="secret")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--memory", action="store_true")
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    STATE = State(args)
    api = Server(("127.0.0.1", args.port), Api)
    if args.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.cert, args.key)
        api.socket = ctx.wrap_socket(api.socket, server_side=True,
                                     do_handshake_on_connect=False)
    control = Server(("127.0.0.1", 0), Control)
    threading.Thread(target=control.serve_forever, daemon=True).start()
    write_atomic(os.path.join(args.dir, "ctlport"), str(control.server_address[1]))
    write_atomic(os.path.join(args.dir, "port"), str(api.server_address[1]))
    try:
        api.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
