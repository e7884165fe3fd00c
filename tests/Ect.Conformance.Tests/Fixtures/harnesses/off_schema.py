#!/usr/bin/python3
"""Answers the victim case with the right verdict in a reply the protocol schema refuses (a payload that is no object)."""
import fixture_harness


def off_schema(seq, case):
    fixture_harness.send({"seq": seq, "results": [{"result": "valid", "payload": "not an object"}]})


fixture_harness.serve(on_victim=off_schema)
