"""Migration of a -00 token's parts to -01 names (profile section 9, MIG-1..MIG-6).

A pure function: it never changes its arguments, and migrating an already -01 payload gives
it back unchanged (MIG-8). Whenever the -01 shape cannot hold what the -00 token says
without dropping or contradicting something, it refuses with `migration_conflict` rather than
pick a winner: a verifier that silently chose would read a different token than its issuer
wrote.
"""

import copy

from .errors import EctError
from .jsonutil import find_non_finite
from .options import TYP_00, TYP_01

_HASH_PREFIX_KEPT = "sha-256:"          # -01 hashes are SHA-256 without a prefix
_HASH_PREFIXES_LOST = ("sha-384:", "sha-512:")  # no -01 form exists for these


def _conflict(message: str) -> EctError:
    return EctError("migration_conflict", message)


def migrate(header: dict, payload: dict) -> tuple:
    """Return the -01 (header, payload) for a -00 header and payload."""
    if find_non_finite(header) or find_non_finite(payload):
        # A number past the double range (1e99999999999) was read as infinity: it can be neither
        # compared as written nor written back as JSON, so it is refused (RFC 8259 section 6).
        raise EctError("malformed", "a number is out of the range this implementation reads")
    new_header = dict(header)
    if new_header.get("typ") == TYP_00:  # MIG-1
        new_header["typ"] = TYP_01
    return new_header, migrate_payload(payload)


def migrate_payload(payload: dict) -> dict:
    p = copy.deepcopy(payload)

    # MIG-2: par -> pred. Equal values collapse; different ones cannot both be true.
    if "par" in p:
        par = p.pop("par")
        if "pred" in p and p["pred"] != par:
            raise _conflict("par and pred are both present and differ")
        p["pred"] = par

    # MIG-3: ext -> ect_ext, with the same rule for a payload that already has both.
    if "ext" in p:
        ext = p.pop("ext")
        if "ect_ext" in p and p["ect_ext"] != ext:
            raise _conflict("ext and ect_ext are both present and differ")
        p["ect_ext"] = ext

    # MIG-4: top-level policy claims move into the extension object under the same names.
    moved = {name: p.pop(name) for name in ("pol", "pol_decision") if name in p}
    if moved:
        ext = p.setdefault("ect_ext", {})
        if not isinstance(ext, dict):
            raise _conflict("pol/pol_decision cannot move into an ect_ext that is not an object")
        for name, value in moved.items():
            if name in ext and ext[name] != value:
                raise _conflict(f"{name} differs from ect_ext.{name}")
            ext[name] = value

    # MIG-5: -01 has no `sub`; dropping it loses nothing only when it repeats `iss`.
    if "sub" in p:
        if "iss" not in p or p["sub"] != p["iss"]:
            raise _conflict("sub differs from iss and would be lost")
        del p["sub"]

    # MIG-6: only SHA-256 survives, by losing its prefix.
    for name in ("inp_hash", "out_hash"):
        value = p.get(name)
        if not isinstance(value, str):
            continue
        if value.startswith(_HASH_PREFIX_KEPT):
            p[name] = value[len(_HASH_PREFIX_KEPT):]
        elif value.startswith(_HASH_PREFIXES_LOST):
            raise _conflict(f"{name} uses {value.split(':')[0]}, which -01 cannot express")
    return p
