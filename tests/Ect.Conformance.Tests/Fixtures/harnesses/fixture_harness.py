"""A protocol-v1 harness that answers the robustness fixture cases from a table and lets each
misbehaving script take over on one case. Only for the runner's own tests."""

import json
import sys

ANSWERS = {
    "robust::a-first": [{"result": "valid"}],
    "robust::b-victim": [{"result": "valid"}],
    "robust::c-after": [{"result": "invalid", "error": "dag_pred_not_found", "message": "no such predecessor"}],
    "robust::d-last": [{"result": "valid"}],
}
VICTIM = "robust::b-victim"
IMPLEMENTATION = {"name": "fixture", "language": "python", "version": "0.0.1",
                  "drafts": ["01"], "operations": ["dag"], "features": []}


def send(message) -> None:
    sys.stdout.write((message if isinstance(message, str) else json.dumps(message)) + "\n")
    sys.stdout.flush()


def serve(on_victim=None, on_start=None) -> None:
    """Answers every request; on_victim(seq, case) replaces the answer to the victim case."""
    for line in sys.stdin:
        request = json.loads(line)
        cmd = request.get("cmd")
        if cmd == "start":
            if on_start is not None:
                on_start()
            send({"version": 1, "implementation": IMPLEMENTATION})
        elif cmd == "stop":
            return
        elif cmd == "run":
            seq, case = request["seq"], request["case"]
            print(f"[fixture] case {case['id']} seq {seq}", file=sys.stderr, flush=True)
            if case["id"] == VICTIM and on_victim is not None:
                on_victim(seq, case)
            else:
                send({"seq": seq, "results": ANSWERS[case["id"]]})
