#!/usr/bin/python3
"""Never answers the victim case (and starts a child that would outlive a careless kill).
An optional argument sets the child's sleep, so a test can find exactly its own child."""
import subprocess
import sys
import time

import fixture_harness


def hang(seq, case):
    subprocess.Popen(["sleep", sys.argv[1] if len(sys.argv) > 1 else "300"])
    time.sleep(300)


fixture_harness.serve(on_victim=hang)
