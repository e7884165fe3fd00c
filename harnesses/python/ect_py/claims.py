"""Claim checks shared by verify and create (profile section 6).

The order of the checks follows the profile's error table: presence and JSON types first,
then audience, time, identifiers, hashes, extension limits and the -00 policy claims. The
profile fixes the order only between stages (DAG-9), so within this stage the table's order
is the most predictable choice for a vector that breaks two claims at once.
"""

import re
from typing import Any

from .errors import EctError
from .jsonutil import compact_dumps, is_number
from .options import Mode, Options

# RFC 9562 textual form, any version or variant, either case (CLM-4).
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

# Unpadded base64url of a digest. A digest of n bits needs ceil(n/6) characters; the bits
# left over in the last character must be zero, which limits the last character to the
# letters whose 6-bit value is a multiple of 2**(unused bits) (HASH-1).
_SHA256 = r"[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]"   # 256 bits -> 43 chars, 2 unused bits
_SHA384 = r"[A-Za-z0-9_-]{64}"                     # 384 bits -> 64 chars, none unused
_SHA512 = r"[A-Za-z0-9_-]{85}[AQgw]"               # 512 bits -> 86 chars, 4 unused bits
_HASH_01 = re.compile(_SHA256)
_HASH_00 = re.compile(f"{_SHA256}|sha-256:{_SHA256}|sha-384:{_SHA384}|sha-512:{_SHA512}")

POL_DECISIONS = frozenset({"approved", "rejected", "pending_human_review"})


def check_claims(payload: dict, mode: Mode, opts: Options, now: float, *, verifying: bool = True) -> None:
    """Raise EctError for the first claim rule the payload breaks.

    `verifying` is off for `create`, which refuses only what the claims alone break (CRT-3):
    it has no verifier whose identity `aud` must name, and the time windows are the verifier's.
    """
    _check_shapes(payload, mode)
    if verifying:
        _check_aud(payload["aud"], opts.verifier_id)
    _check_times(payload["iat"], payload["exp"], opts, now, windows=verifying)
    _check_ids(payload, opts)
    for name in ("inp_hash", "out_hash"):
        if name in payload:
            _check_hash(name, payload[name], mode)
    if mode.ext_claim in payload:
        _check_ext(mode.ext_claim, payload[mode.ext_claim], opts)
    if mode.top_level_policy:
        _check_policy_and_sub(payload)


def uuid_ok(value: str) -> bool:
    return _UUID.fullmatch(value) is not None


def _non_empty_string(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _audience(value: Any) -> bool:
    return isinstance(value, str) or _string_list(value)


def _check_shapes(p: dict, mode: Mode) -> None:
    """claim_missing / claim_invalid for every claim the profile types (CLM-1..CLM-7)."""
    required = (
        ("iss", _non_empty_string, "a non-empty string"),
        ("aud", _audience, "a string or an array of strings"),
        ("iat", is_number, "a number (NumericDate)"),
        ("exp", is_number, "a number (NumericDate)"),
        ("jti", _non_empty_string, "a non-empty string"),
        ("exec_act", _non_empty_string, "a non-empty string"),
        (mode.pred_claim, _string_list, "an array of strings"),
    )
    for name, valid, what in required:
        if name not in p:
            raise EctError("claim_missing", f"claim {name} is missing{_other_draft_hint(p, name)}")
        if not valid(p[name]):
            raise EctError("claim_invalid", f"claim {name} must be {what}")

    optional_strings = ["wid", "inp_hash", "out_hash"] + (["sub", "pol"] if mode.top_level_policy else [])
    for name in optional_strings:
        if name in p and not isinstance(p[name], str):
            raise EctError("claim_invalid", f"claim {name} must be a string")
    if mode.ext_claim in p and not isinstance(p[mode.ext_claim], dict):
        raise EctError("claim_invalid", f"claim {mode.ext_claim} must be a JSON object")  # EXT-2


def _other_draft_hint(p: dict, name: str) -> str:
    # The section 2 hole: reading a -00 `par` as "no predecessors" would turn a dependent
    # task into a root, so a claim under the other draft's name is reported, never defaulted.
    other = {"pred": "par", "par": "pred"}.get(name)
    return f" ({other} is present, but it is the other draft's name)" if other in p else ""


def _check_aud(aud: Any, verifier_id: str) -> None:
    """CLM-2: exact match against the string or any element; `[]` never matches."""
    audiences = [aud] if isinstance(aud, str) else aud
    if verifier_id not in audiences:
        raise EctError("aud_mismatch", f"aud does not contain verifier {verifier_id!r}")


def _check_times(iat: float, exp: float, opts: Options, now: float, *, windows: bool = True) -> None:
    """TIME-1 and TIME-2 (the windows only when verifying). Window boundaries are inclusive-valid, `exp` itself is not."""
    if exp <= iat:
        raise EctError("claim_invalid", "claim exp must be after iat")
    if not windows:
        return
    if now >= exp + opts.exp_leeway:
        raise EctError("expired", f"exp {exp} has passed (now {now})")
    if now - iat > opts.iat_max_age:
        raise EctError("iat_too_old", f"iat {iat} is more than {opts.iat_max_age} s old")
    if iat - now > opts.iat_max_future:
        raise EctError("iat_in_future", f"iat {iat} is more than {opts.iat_max_future} s ahead")


def _check_ids(p: dict, opts: Options) -> None:
    """CLM-4/CLM-5: `jti` and `wid` are UUIDs when the verifier is asked to check."""
    if not opts.validate_uuids:
        return
    if not uuid_ok(p["jti"]):
        raise EctError("jti_invalid", f"jti {p['jti']!r} is not a UUID")
    if "wid" in p and not uuid_ok(p["wid"]):
        raise EctError("wid_invalid", f"wid {p['wid']!r} is not a UUID")


def _check_hash(name: str, value: str, mode: Mode) -> None:
    pattern = _HASH_00 if mode.prefixed_hashes else _HASH_01
    if not pattern.fullmatch(value):
        raise EctError("hash_invalid", f"{name} is not in the -{mode.draft} hash format")


def _check_ext(name: str, ext: dict, opts: Options) -> None:
    """EXT-1, applied in both modes.

    In -00 the limits are a SHOULD and either verdict is acceptable; enforcing them in both
    modes keeps one code path and refuses the same denial-of-service input everywhere.
    """
    try:
        size = len(compact_dumps(ext).encode("utf-8", "surrogatepass"))
    except RecursionError:
        # Too deep for this interpreter to even serialize: certainly over any depth limit.
        raise EctError("ext_too_deep", f"{name} nests deeper than {opts.ext_max_depth} levels") from None
    if size > opts.ext_max_bytes:
        raise EctError("ext_too_large", f"{name} is {size} bytes, over {opts.ext_max_bytes}")
    depth = json_depth(ext, stop_after=opts.ext_max_depth)
    if depth > opts.ext_max_depth:
        raise EctError("ext_too_deep", f"{name} nests deeper than {opts.ext_max_depth} levels")


def json_depth(value: Any, stop_after: int | None = None) -> int:
    """Nesting depth: each object or array is one level, scalars add none.

    Iterative, so a hostile nesting depth cannot exhaust the interpreter's stack; it stops
    as soon as `stop_after` is exceeded because the exact depth no longer matters.
    """
    deepest = 0
    pending = [(value, 1)] if isinstance(value, (dict, list)) else []
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        if stop_after is not None and deepest > stop_after:
            break
        children = node.values() if isinstance(node, dict) else node
        pending.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return deepest


def _check_policy_and_sub(p: dict) -> None:
    """CLM-9, -00 only: `pol`/`pol_decision` come as a pair, and `sub` repeats `iss`."""
    if ("pol" in p) != ("pol_decision" in p):
        missing = "pol_decision" if "pol" in p else "pol"
        raise EctError("pol_pair", f"pol and pol_decision must appear together ({missing} is missing)")
    decision = p.get("pol_decision")
    if "pol_decision" in p and not (isinstance(decision, str) and decision in POL_DECISIONS):
        raise EctError("pol_pair", f"pol_decision {decision!r} is not a known decision")
    if "sub" in p and p["sub"] != p["iss"]:
        raise EctError("sub_mismatch", "sub differs from iss")
