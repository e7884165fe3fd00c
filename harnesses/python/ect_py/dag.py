"""DAG validation against an ECT store (profile section 7).

The store is a list of payloads accepted earlier. Checks run in the profile's order
(DAG-9): 6 list length, 1 jti uniqueness, 2 existence, 8 workflow, 3 time, 4 cycle; the
optional duplicate-predecessor rejection (DAG-7) comes last so that it never hides the code
of a MUST rule.
"""

from collections import deque
from typing import Iterable

from .errors import EctError
from .jsonutil import is_number
from .options import Mode, Options


def validate_dag(payload: dict, store: Iterable, mode: Mode, opts: Options) -> None:
    """Raise EctError for the first DAG rule `payload` breaks against `store`."""
    jti, preds = _task(payload, mode)
    wid = payload.get("wid")
    index = _index(store)

    check_pred_length(preds, mode, opts)                                      # DAG-6

    if any(_in_scope(entry, wid) for entry in index.get(jti, ())):            # DAG-1
        scope = f"workflow {wid}" if wid is not None else "the store"
        raise EctError("dag_duplicate_jti", f"jti {jti} is already in {scope}")

    parents = []
    for pred_id in preds:                                                     # DAG-2
        entry = _lookup(index, pred_id, wid)
        if entry is None:
            raise EctError("dag_pred_not_found", f"{mode.pred_claim} entry {pred_id} is not in the store")
        parents.append((pred_id, entry))

    if mode.draft == "01" and wid is not None:                                # DAG-8
        for pred_id, entry in parents:
            if entry.get("wid") != wid:
                raise EctError("dag_workflow_mismatch", f"predecessor {pred_id} is not in workflow {wid}")

    iat = payload.get("iat")
    if is_number(iat):                                                        # DAG-3
        for pred_id, entry in parents:
            pred_iat = entry.get("iat")
            if is_number(pred_iat) and pred_iat > iat + opts.dag_clock_skew:
                raise EctError("dag_temporal_order",
                               f"predecessor {pred_id} was issued after this task (iat {pred_iat} > {iat} + skew)")

    _check_acyclic(jti, preds, index, wid, mode, opts.max_ancestors)         # DAG-4, DAG-5

    if len(set(preds)) != len(preds):                                         # DAG-7
        raise EctError("dag_duplicate_pred", f"{mode.pred_claim} lists a predecessor twice")


def check_pred_length(preds: list, mode: Mode, opts: Options) -> None:
    """DAG-6, also used by create (CRT-3). 0 means no limit."""
    if opts.max_pred_length and len(preds) > opts.max_pred_length:
        raise EctError("dag_too_many_preds",
                       f"{mode.pred_claim} has {len(preds)} entries, over {opts.max_pred_length}")


def _task(payload: dict, mode: Mode) -> tuple:
    """The two claims every DAG rule needs; a `dag` case receives bare payloads, unchecked."""
    for name in ("jti", mode.pred_claim):
        if name not in payload:
            raise EctError("claim_missing", f"claim {name} is missing")
    jti, preds = payload["jti"], payload[mode.pred_claim]
    if not isinstance(jti, str):
        raise EctError("claim_invalid", "claim jti must be a string")
    if not (isinstance(preds, list) and all(isinstance(p, str) for p in preds)):
        raise EctError("claim_invalid", f"claim {mode.pred_claim} must be an array of strings")
    return jti, preds


def _index(store: Iterable) -> dict:
    """jti -> every stored payload with that jti (one per workflow at most, normally)."""
    index: dict = {}
    for entry in store:
        if isinstance(entry, dict) and isinstance(entry.get("jti"), str):
            index.setdefault(entry["jti"], []).append(entry)
    return index


def _in_scope(entry: dict, wid) -> bool:
    """jti uniqueness is per workflow when the task has a `wid`, store-wide when not."""
    return wid is None or entry.get("wid") == wid


def _lookup(index: dict, jti: str, wid):
    """The stored task `jti`, preferring the one in the child's workflow.

    Falling back to another workflow's task (rather than "not found") is what lets DAG-8
    report a cross-workflow reference as such.
    """
    candidates = index.get(jti, ())
    for entry in candidates:
        if _in_scope(entry, wid):
            return entry
    return candidates[0] if candidates else None


def _edges(entry: dict, mode: Mode) -> list:
    """A stored task's predecessors. Stores are not validated, so be lenient in reading them
    (either draft's claim name) and ignore what is not a string."""
    for name in (mode.pred_claim, "par" if mode.pred_claim == "pred" else "pred"):
        if isinstance(entry.get(name), list):
            return [p for p in entry[name] if isinstance(p, str)]
    return []


def _check_acyclic(jti: str, preds: list, index: dict, wid, mode: Mode, limit: int) -> None:
    """Breadth-first walk of the ancestors, looking for the task itself (DAG-4).

    Only needed because a store may hold dangling references: a stored task can name this
    jti as its predecessor before this task exists. The walk is bounded (DAG-5); at the
    bound the verdict is a rejection, since "no cycle found yet" proves nothing.

    Tasks are walked, not jtis: the same jti names another task in another workflow, so each
    reference is looked up from the workflow of the task that makes it. A reference to this
    task's jti is this task when it is made from this task's workflow, or when no stored task
    answers it; another workflow that holds a task of that jti means its own task.
    """
    visited = set()
    queue = deque((pred_id, wid) for pred_id in preds)
    while queue:
        pred_id, origin = queue.popleft()
        entry = _lookup(index, pred_id, origin)
        if pred_id == jti and (entry is None or origin == wid):
            raise EctError("dag_cycle", f"task {jti} is its own ancestor")
        if entry is None or id(entry) in visited:
            # Only stored tasks are ancestors (DAG-5): a dangling reference names none, so it is not counted.
            continue
        visited.add(id(entry))
        if len(visited) > limit:
            raise EctError("dag_traversal_limit", f"more than {limit} ancestors; cycle check stopped")
        queue.extend((ancestor, entry.get("wid")) for ancestor in _edges(entry, mode))
