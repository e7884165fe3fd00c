#!/usr/bin/python3
"""Declines the victim case, and reports its own error on the next one."""
import fixture_harness


def decline(seq, case):
    fixture_harness.send({"seq": seq, "skipped": True, "reason": "not implemented here"})


fixture_harness.serve(on_victim=decline)
