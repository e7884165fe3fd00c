#!/usr/bin/python3
"""Closes its standard output on the victim case but keeps running."""
import os
import sys
import time

import fixture_harness


def close(seq, case):
    sys.stdout.flush()
    os.close(1)
    time.sleep(300)


fixture_harness.serve(on_victim=close)
