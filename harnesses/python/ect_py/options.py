"""Verifier parameters (profile section 1) and the two verifier modes (profile section 2)."""

from dataclasses import dataclass, field, fields
from typing import Any, Mapping

from .jsonutil import is_int, is_number


@dataclass
class Options:
    """Every knob the profile names, with the profile's defaults.

    The conformance runner always sends every value explicitly; the defaults matter only for
    people who use the library directly.
    """

    verifier_id: str = ""
    allowed_algs: list = field(default_factory=lambda: ["ES256"])
    iat_max_age: float = 900
    iat_max_future: float = 30
    exp_leeway: float = 0
    default_expiry: float = 600
    max_pred_length: int = 100
    dag_clock_skew: float = 30
    max_ancestors: int = 10_000
    ext_max_bytes: int = 4096
    ext_max_depth: int = 5
    validate_uuids: bool = True
    replay_check: bool = True
    max_token_bytes: int = 65_536

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> "Options":
        """Build options from a case's `options` object.

        Unknown keys are ignored so that a newer runner can add parameters without breaking
        this harness. `max_par_length` is the -00 name of `max_pred_length` (MIG-7).
        """
        raw = dict(raw or {})
        if "max_par_length" in raw and "max_pred_length" not in raw:
            raw["max_pred_length"] = raw["max_par_length"]
        known = {f.name for f in fields(cls)}
        opts = cls(**{k: v for k, v in raw.items() if k in known})
        # A wrong type here is a broken case, not a broken token: fail loudly (the harness
        # turns the exception into an `errored` reply) instead of guessing.
        for name in ("max_pred_length", "max_ancestors", "ext_max_bytes", "ext_max_depth",
                     "max_token_bytes"):
            if not is_int(getattr(opts, name)):
                raise ValueError(f"option {name} must be an integer")
        for name in ("iat_max_age", "iat_max_future", "exp_leeway", "default_expiry",
                     "dag_clock_skew"):
            if not is_number(getattr(opts, name)):
                raise ValueError(f"option {name} must be a number")
        if not isinstance(opts.allowed_algs, list):
            raise ValueError("option allowed_algs must be a list")
        return opts


@dataclass(frozen=True)
class Mode:
    """What differs between a -00 and a -01 verifier (profile section 2)."""

    draft: str
    create_typ: str          # the typ `create` writes
    accepted_typs: frozenset  # the typs `verify` accepts (exact string comparison, HDR-1)
    pred_claim: str          # the DAG claim: `par` in -00, `pred` in -01
    ext_claim: str           # the extension object: `ext` in -00, `ect_ext` in -01
    top_level_policy: bool   # -00 only: `pol`/`pol_decision` pairing and `sub` == `iss`
    prefixed_hashes: bool    # -00 also accepts `sha-256:`/`sha-384:`/`sha-512:` hashes


TYP_00 = "wimse-exec+jwt"
TYP_01 = "exec+jwt"

MODES = {
    "00": Mode("00", TYP_00, frozenset({TYP_00}), "par", "ext", True, True),
    "01": Mode("01", TYP_01, frozenset({TYP_01, TYP_00}), "pred", "ect_ext", False, False),
}


def mode_for(draft: str) -> Mode:
    try:
        return MODES[draft]
    except KeyError:
        raise ValueError(f"unsupported draft {draft!r}; expected one of {sorted(MODES)}") from None

