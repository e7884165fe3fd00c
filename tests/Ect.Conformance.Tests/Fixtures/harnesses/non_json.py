#!/usr/bin/python3
"""Prints a log line on stdout instead of a reply (the classic stray print)."""
import fixture_harness


def chatter(seq, case):
    fixture_harness.send("checking the DAG now...")


fixture_harness.serve(on_victim=chatter)
