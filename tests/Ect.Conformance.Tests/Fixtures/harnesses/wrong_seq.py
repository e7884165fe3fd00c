#!/usr/bin/python3
"""Answers the victim case with someone else's seq."""
import fixture_harness


def wrong(seq, case):
    fixture_harness.send({"seq": seq + 100, "results": [{"result": "valid"}]})


fixture_harness.serve(on_victim=wrong)
