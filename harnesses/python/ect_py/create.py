"""Token creation (profile section 10)."""

import copy

from .claims import check_claims
from .dag import check_pred_length
from .errors import EctError
from .jose import load_p256_key, sign_es256
from .jsonutil import is_number
from .options import Options, mode_for


def create(payload: dict, private_jwk: dict, draft: str, now: float, options: Options) -> str:
    """Fill the defaults (CRT-2), refuse what a verifier would refuse (CRT-3), sign (CRT-1).

    Works on a deep copy: a caller that reuses its payload object for several tokens must
    not find `iat` from the first one in the second.
    """
    mode = mode_for(draft)
    if not isinstance(payload, dict):
        raise EctError("claim_invalid", "payload must be a JSON object")
    claims = copy.deepcopy(payload)

    claims.setdefault("iat", now)
    if "exp" not in claims and is_number(claims["iat"]):
        claims["exp"] = claims["iat"] + options.default_expiry
    other = "par" if mode.pred_claim == "pred" else "pred"
    if mode.pred_claim not in claims and other not in claims:
        claims[mode.pred_claim] = []
    # A payload with only the other draft's DAG claim is left alone: defaulting the right
    # one to [] would silently turn a dependent task into a root, so check_claims reports
    # the missing claim instead.

    # Everything verification checks on the claims alone; `aud` is not matched because
    # the creator does not know which of the audiences will verify, and the time windows
    # are the verifier's (a token may be created for later or as a record of the past).
    check_claims(claims, mode, options, now, verifying=False)
    check_pred_length(claims[mode.pred_claim], mode, options)

    kid = private_jwk.get("kid") if isinstance(private_jwk, dict) else None
    if not isinstance(kid, str) or not kid:
        raise EctError("kid_missing", "the signing key has no kid")
    if "d" not in private_jwk:
        raise EctError("key_unknown", f"key {kid!r} has no private part (d)")
    key = load_p256_key(private_jwk, kid)

    header = {"alg": "ES256", "typ": mode.create_typ, "kid": kid}
    return sign_es256(key, header, claims)
