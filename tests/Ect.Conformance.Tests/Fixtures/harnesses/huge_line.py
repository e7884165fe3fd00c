#!/usr/bin/python3
"""Prints one line of megabytes without a newline on the victim case, then hangs: the runner must
read it in linear time and keep no more of it than its line limit.
Usage: huge_line.py MEGABYTES"""
import sys
import time

import fixture_harness

MEGABYTES = int(sys.argv[1]) if len(sys.argv) > 1 else 12


def huge(seq, case):
    sys.stdout.write('{"seq": %d, "results": [{"result": "valid", "message": "' % seq)
    chunk = "x" * (1024 * 1024)
    for _ in range(MEGABYTES):
        sys.stdout.write(chunk)
    sys.stdout.flush()
    time.sleep(300)


fixture_harness.serve(on_victim=huge)
