#!/usr/bin/env python3
"""A protocol-v1 harness that spends a fixed time per case and answers "invalid, unknown" for
every token: the load of an implementation with real work to do, without its variance. The
delay comes from ECT_BENCH_DELAY_MS (0: the runner's own cost alone). Only for bench/jobs.sh."""

import json
import os
import sys
import time

DELAY = float(os.environ.get("ECT_BENCH_DELAY_MS", "10")) / 1000.0
DECLARATION = {"name": "timed", "language": "python", "version": "0",
               "drafts": ["00", "01"], "operations": ["verify", "dag", "create", "migrate", "http-header"],
               "features": ["http-header", "levels"]}

for line in sys.stdin:
    request = json.loads(line)
    if request["cmd"] == "start":
        reply = {"version": 1, "implementation": DECLARATION}
    elif request["cmd"] == "stop":
        break
    else:
        case = request["case"]
        if DELAY:
            time.sleep(DELAY)
        count = len(case["input"].get("tokens", [])) if case["operation"] == "verify" else 1
        reply = {"seq": request["seq"], "results": [{"result": "invalid", "error": "unknown"}] * max(count, 1)}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
