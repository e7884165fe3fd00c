#!/usr/bin/python3
"""Answers the victim case with a valid result of megabytes: a long message and a payload of many
items. It is a correct answer, judged whole; what the runner keeps of it for the reports is bounded.
Usage: huge_reply.py MEGABYTES"""
import json
import sys

import fixture_harness

MEGABYTES = int(sys.argv[1]) if len(sys.argv) > 1 else 8


def huge(seq, case):
    result = {
        "result": "valid",
        "message": "m" * (MEGABYTES * 1024 * 1024),
        "payload": {"items": list(range(200_000)), "x-note": "n" * 100_000},
    }
    fixture_harness.send({"seq": seq, "results": [result]})


fixture_harness.serve(on_victim=huge)
