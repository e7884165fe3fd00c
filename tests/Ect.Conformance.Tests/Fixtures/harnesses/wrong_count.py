#!/usr/bin/python3
"""Answers the victim case (one payload, so one result expected) with two results."""
import fixture_harness


def twice(seq, case):
    fixture_harness.send({"seq": seq, "results": [{"result": "valid"}, {"result": "valid"}]})


fixture_harness.serve(on_victim=twice)
