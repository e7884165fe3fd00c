#!/usr/bin/python3
"""Protocol-v1 harness for ect_py: JSON lines on stdin, one JSON reply per line on stdout.

    -> {"cmd": "start", "version": 1}          <- {"version": 1, "implementation": {...}}
    -> {"cmd": "run", "seq": N, "case": {...}} <- {"seq": N, "results": [...]}
                                                   or {"seq": N, "skipped": true, "reason": ...}
                                                   or {"seq": N, "errored": true, "message": ...}
    -> {"cmd": "stop"}                         (no reply; exit 0)

stdout carries protocol replies only; everything else goes to stderr, which the runner keeps
in its report. The harness reports what the library observed and never judges: the runner
holds the expected results and decides.
"""

import json
import os
import sys
import threading
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ect_py import (EctError, Options, Verifier, create, migrate, mode_for,  # noqa: E402
                    split_field_values, validate_dag)

IMPLEMENTATION = {
    "name": "ect-py-example",
    "language": "python",
    "version": "0.1.0",
    # No public URL yet: point at the README inside the suite.
    "homepage": "harnesses/python/README.md",
    "drafts": ["00", "01"],
    "operations": ["verify", "dag", "create", "migrate", "http-header"],
    # Assurance levels (profile section 12) are not implemented, so `levels` is not declared.
    "features": ["http-header"],
}
FEATURES = frozenset(IMPLEMENTATION["features"])


def log(message: str) -> None:
    print(f"[ect-py] {message}", file=sys.stderr, flush=True)


def invalid(exc: EctError) -> dict:
    return {"result": "invalid", "error": exc.code, "message": exc.message}


# One handler per operation. Each takes the case's `input` and returns the list of results;
# an EctError means the implementation rejected the input, anything else is a harness bug
# reported as `errored`.

def op_verify(inp: dict) -> list:
    verifier = Verifier(inp["draft"], Options.from_dict(inp.get("options")),
                        inp.get("keys", []), inp.get("store", []))
    results = []
    for token in inp["tokens"]:
        try:
            results.append({"result": "valid", "payload": verifier.verify(token, inp["now"])})
        except EctError as exc:
            results.append(invalid(exc))
    return results


def op_dag(inp: dict) -> list:
    validate_dag(inp["payload"], inp.get("store", []), mode_for(inp["draft"]),
                 Options.from_dict(inp.get("options")))
    return [{"result": "valid"}]


def op_create(inp: dict) -> list:
    token = create(inp["payload"], inp["key"], inp["draft"], inp["now"],
                   Options.from_dict(inp.get("options")))
    return [{"result": "valid", "token": token}]


def op_migrate(inp: dict) -> list:
    header, payload = migrate(inp["header"], inp["payload"])
    return [{"result": "valid", "header": header, "payload": payload}]


def op_http_header(inp: dict) -> list:
    return [{"result": "valid", "tokens": split_field_values(inp["field_values"])}]


OPERATIONS = {"verify": op_verify, "dag": op_dag, "create": op_create,
              "migrate": op_migrate, "http-header": op_http_header}


def run_case(seq, case: dict) -> dict:
    operation = case.get("operation")
    handler = OPERATIONS.get(operation)
    if handler is None:
        return {"seq": seq, "skipped": True, "reason": f"operation {operation!r} not implemented"}
    missing = [f for f in case.get("features") or [] if f not in FEATURES]
    if missing:
        return {"seq": seq, "skipped": True, "reason": f"features not implemented: {missing}"}
    try:
        return {"seq": seq, "results": handler(case["input"])}
    except EctError as exc:
        # Single-result operations reject by raising; verify catches per token instead.
        return {"seq": seq, "results": [invalid(exc)]}
    except Exception as exc:  # a bug or a malformed case must not take the harness down
        log(f"case {case.get('id')!r} errored:\n{traceback.format_exc()}")
        return {"seq": seq, "errored": True, "message": f"{type(exc).__name__}: {exc}"}


def reply(message: dict) -> None:
    # ASCII output keeps the pipe encoding-independent; flush because the runner waits for
    # each line before it sends the next case.
    try:
        line = json.dumps(message, allow_nan=False)  # Infinity and NaN are not JSON
    except (ValueError, RecursionError) as exc:  # e.g. a payload too deep to write back
        line = json.dumps({"seq": message.get("seq"), "errored": True, "message": f"reply not serializable: {exc}"})
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def handle(line: str) -> bool:
    """Answer one request line; return False when the harness should stop."""
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise ValueError("request is not a JSON object")
    except (ValueError, RecursionError) as exc:
        reply({"seq": None, "errored": True, "message": f"unreadable request: {exc}"})
        return True
    cmd = request.get("cmd")
    if cmd == "start":
        if request.get("version") != 1:
            log(f"runner asked for protocol version {request.get('version')!r}; speaking 1")
        reply({"version": 1, "implementation": IMPLEMENTATION})
    elif cmd == "run":
        case = request.get("case")
        if isinstance(case, dict):
            reply(run_case(request.get("seq"), case))
        else:
            reply({"seq": request.get("seq"), "errored": True, "message": "run without a case"})
    elif cmd == "stop":
        return False
    else:
        reply({"seq": request.get("seq"), "errored": True, "message": f"unknown cmd {cmd!r}"})
    return True


def main() -> None:
    sys.stdin.reconfigure(encoding="utf-8", errors="replace")
    while True:
        line = sys.stdin.readline()
        if not line:          # the runner closed our input: same as stop
            return
        if line.strip() and not handle(line):
            return


if __name__ == "__main__":
    # Hostile vectors nest JSON tens of thousands of levels deep inside max_token_bytes, and
    # Python's json module recurses once per level. A worker thread with a large stack and
    # a raised recursion limit parses them instead of dying (PARSE-5).
    sys.setrecursionlimit(200_000)
    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=main, name="harness")
    worker.start()
    worker.join()
    sys.exit(0)
