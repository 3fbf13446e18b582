#!/usr/bin/env python3
"""Holds an SQLite database the way another program could: BEGIN EXCLUSIVE
and a write, until told to let go. Creates DIR/locked once the lock is held,
then waits for DIR/unlock and rolls back.
usage: hold_db.py DB DIR"""
import os
import sqlite3
import sys
import time

db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
db.execute("UPDATE settings SET value = value")
open(os.path.join(sys.argv[2], "locked"), "w").close()
while not os.path.exists(os.path.join(sys.argv[2], "unlock")):
    time.sleep(0.05)
db.execute("ROLLBACK")
