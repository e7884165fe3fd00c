#!/usr/bin/python3
"""Answers the victim case with a valid result whose payload nests arrays just under the reply
depth bound: the runner must read, judge and keep it in time linear in its size.
Usage: deep_reply.py DEPTH"""
import sys

import fixture_harness

DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 24_990


def deep(seq, case):
    payload = "[" * DEPTH + "]" * DEPTH
    fixture_harness.send('{"seq": %d, "results": [{"result": "valid", "payload": %s}]}' % (seq, payload))


fixture_harness.serve(on_victim=deep)
