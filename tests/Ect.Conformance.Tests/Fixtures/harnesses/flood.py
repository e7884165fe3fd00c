#!/usr/bin/python3
"""Answers the victim case correctly, then prints lines without end and reads nothing more: the
runner must stop reading once a line waits for it, not queue the flood in memory."""
import sys

import fixture_harness


def answer_then_flood(seq, case):
    fixture_harness.send({"seq": seq, "results": fixture_harness.ANSWERS[case["id"]]})
    lines = "{}\n" * (256 * 1024)
    try:
        while True:
            sys.stdout.write(lines)
    except BrokenPipeError:
        pass


fixture_harness.serve(on_victim=answer_then_flood)
