#!/usr/bin/python3
"""A deliberately wrong protocol-v1 harness: the Python example implementation with planted bugs,
so that a report shows every kind of failure (.ci/check-report-browser.sh renders it). Never use
it to judge anything.

    header::alg::none-*      accepted (valid): an accepted forgery, flag AlgNone (AUTH_BYPASS)
    header::typ::upper-case* rejected with an unknown code: a diagnosis-only mismatch
    header::typ::exec-jwt-in-01 rejected although valid: a wrong verdict
    header::typ::missing     the harness reports an error
    header::typ::null-00     the harness exits (a crash)
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "harnesses", "python"))

import harness  # noqa: E402

honest_run_case = harness.run_case
harness.IMPLEMENTATION = dict(harness.IMPLEMENTATION, name="ect-py-planted-bugs", version="0.0.0-wrong")


def planted_run_case(seq, case: dict) -> dict:
    case_id = case.get("id", "")
    honest = honest_run_case(seq, case)
    if case_id.startswith("header::alg::none-"):
        return {"seq": seq, "results": [{"result": "valid", "payload": {}} for _ in honest.get("results", [])]}
    if case_id.startswith("header::typ::upper-case"):
        return {"seq": seq, "results": [{"result": "invalid", "error": "unknown", "message": "typ looked odd"}]}
    if case_id == "header::typ::exec-jwt-in-01":
        return {"seq": seq, "results": [{"result": "invalid", "error": "typ_invalid", "message": "exec+jwt refused"}]}
    if case_id == "header::typ::missing":
        return {"seq": seq, "errored": True, "message": "KeyError: 'typ'"}
    if case_id == "header::typ::null-00":
        print("planted crash on header::typ::null-00", file=sys.stderr, flush=True)
        os._exit(3)
    return honest


harness.run_case = planted_run_case

if __name__ == "__main__":
    sys.setrecursionlimit(200_000)
    harness.main()
