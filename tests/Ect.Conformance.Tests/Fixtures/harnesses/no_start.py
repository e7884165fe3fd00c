#!/usr/bin/python3
"""Reads start and never answers it."""
import sys
import time

import fixture_harness


def stall():
    print("fixture: thinking about start forever", file=sys.stderr, flush=True)
    time.sleep(300)


fixture_harness.serve(on_start=stall)
