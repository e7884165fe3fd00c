#!/usr/bin/python3
"""Dies in the middle of the run, leaving a last word on stderr."""
import os
import sys

import fixture_harness


def die(seq, case):
    print("fixture: crashing on purpose", file=sys.stderr, flush=True)
    os._exit(3)


fixture_harness.serve(on_victim=die)
