#!/usr/bin/python3
"""A deliberately broken implementation for the results-site check: the Python example harness
behind a proxy that answers every signature case "valid" (a verifier that forgot to check
signatures), reports a vague error code on hash cases and skips the ledger cases, so the site
has accepted forgeries, pass-verdict runs and skips to show. Usage: lax_harness.py HARNESS.PY"""
import json
import subprocess
import sys

inner = subprocess.Popen([sys.executable, sys.argv[1]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    inner.stdin.write(line)
    inner.stdin.flush()
    if request.get("cmd") == "stop":
        break
    reply = json.loads(inner.stdout.readline())
    if request.get("cmd") == "start":
        reply["implementation"]["name"] = "ect-py-lax"
        reply["implementation"]["version"] = "0.0.1-lax"
    elif request.get("cmd") == "run":
        case_id = request["case"]["id"]
        if case_id.startswith("signature::") and "results" in reply:
            reply["results"] = [{"result": "valid"} for _ in reply["results"]]
        elif case_id.startswith("hash::") and "results" in reply:
            reply["results"] = [dict(r, error="unknown") if r.get("result") == "invalid" else r for r in reply["results"]]
        elif case_id.startswith("ledger::"):
            reply = {"seq": request["seq"], "skipped": True, "reason": "no ledger in this build"}
    send(reply)
inner.wait()
