#!/usr/bin/python3
"""Prints half a reply without a newline, then hangs."""
import sys
import time

import fixture_harness


def half(seq, case):
    sys.stdout.write('{"seq": %d, "resu' % seq)
    sys.stdout.flush()
    time.sleep(300)


fixture_harness.serve(on_victim=half)
