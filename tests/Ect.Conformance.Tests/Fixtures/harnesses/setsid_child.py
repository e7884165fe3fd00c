#!/usr/bin/python3
"""On the victim case, starts a child in a session of its own (setsid) that inherits standard
output and sleeps, then exits: the output stays open, so only the harness's exit says it is gone,
and the child is out of reach of a process-group or process-tree kill.
Usage: setsid_child.py SECONDS (a sleep length no other test uses marks the child)"""
import os
import subprocess
import sys

import fixture_harness

SECONDS = sys.argv[1] if len(sys.argv) > 1 else "283"


def leave_a_child(seq, case):
    child = subprocess.Popen(["sleep", SECONDS], start_new_session=True)
    print(f"[fixture] child pid {child.pid}", file=sys.stderr, flush=True)
    os._exit(5)


fixture_harness.serve(on_victim=leave_a_child)
