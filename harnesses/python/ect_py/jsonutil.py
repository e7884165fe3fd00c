"""Strict JSON in and canonical-enough JSON out.

Python's json module is lenient in ways a security token parser must not be: it keeps the
last of two duplicate member names (so two parties can read the same token differently) and
accepts NaN/Infinity (and turns 1e400 into infinity), which are not JSON. Both are closed here.
"""

import json
import math
from typing import Any


class JsonError(ValueError):
    pass


def _reject_duplicates(pairs: list) -> dict:
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise JsonError(f"duplicate member name {key!r}")
        obj[key] = value
    return obj


def _reject_constant(name: str) -> Any:
    raise JsonError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    # float("1e400") is inf, which could never be written back out as JSON.
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JsonError(f"number {text} is out of range")
    return value


def strict_loads(data: bytes) -> Any:
    """Decode UTF-8 JSON text, rejecting duplicate member names and non-JSON constants."""
    try:
        text = data.decode("utf-8")  # strict: invalid UTF-8 raises
        return json.loads(text, object_pairs_hook=_reject_duplicates,
                          parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:
        # Deeper than this interpreter's stack allows; the harness raises the limit so this
        # cannot happen within max_token_bytes, but a library must never crash (PARSE-5).
        raise JsonError("JSON nested too deeply to parse") from None
    except ValueError as exc:
        # Bad UTF-8, bad JSON, our own refusals above, and integers longer than Python's
        # int-to-str digit limit (4300 digits) all land here.
        raise JsonError(str(exc)) from None


def find_non_finite(value: Any) -> bool:
    """True when a decoded tree holds a float that is not finite, as json.loads makes of 1e99999999999."""
    pending = [value]
    while pending:
        item = pending.pop()  # iterative: a caller's tree may be deeper than the recursion limit
        if isinstance(item, float) and not math.isfinite(item):
            return True
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def compact_dumps(value: Any) -> str:
    """The serialization whose byte length EXT-1 measures: no spaces, UTF-8 kept as is."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def is_int(value: Any) -> bool:
    # bool is a subclass of int in Python, but JSON `true` is not a number.
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
