"""The JOSE layer: compact serialization, JWK keys, ES256.

PyJWT is used for what it does well (turning a JWK into a `cryptography` key object, and
producing a raw r||s signature). Verification is done by hand because the profile asks for
checks PyJWT does not make, in an order PyJWT does not follow: the `alg` allowlist before any
key is touched, `crit`, key lookup by `kid` only, and r/s range checks.
"""

import base64
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from jwt.algorithms import ECAlgorithm

from .errors import EctError
from .jsonutil import JsonError, compact_dumps, strict_loads

# Order of the P-256 group (SEC 2); valid ECDSA r and s lie in [1, N-1] (SIG-2).
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

_B64URL = re.compile(r"[A-Za-z0-9_-]*")

# Header parameters this verifier understands, for `crit` (RFC 7515 4.1.11). ECTs define no
# extension header parameters, so every name listed in `crit` is one we do not understand.
UNDERSTOOD_CRIT: frozenset = frozenset()


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(segment: str) -> bytes:
    """Strict RFC 4648 section 5 decoding: URL alphabet, no padding, no whitespace.

    A non-canonical encoding (non-zero unused bits in the last character) is rejected too:
    the profile allows either choice (PARSE-1), and refusing it keeps one token = one byte
    string, which matters when tokens are compared or cached.
    """
    if not _B64URL.fullmatch(segment) or len(segment) % 4 == 1:
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    if b64url_encode(data) != segment:
        raise ValueError("non-canonical base64url")
    return data


@dataclass
class Compact:
    """A compact JWS split into its parts; nothing here has been verified yet."""

    header: dict
    payload: dict
    signing_input: bytes
    signature: bytes


def split_segments(token: str) -> list:
    """Check the shape of a compact JWS and decode its three segments (PARSE-1).

    The signature segment may be empty so that `alg: none` tokens reach the `alg` check and
    are reported as such rather than as `malformed`.
    """
    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3:
        raise EctError("malformed", f"expected 3 dot-separated segments, got {len(parts) or 'none'}")
    if not parts[0] or not parts[1]:
        raise EctError("malformed", "empty header or payload segment")
    decoded = []
    for name, part in zip(("header", "payload", "signature"), parts):
        try:
            decoded.append(b64url_decode(part))
        except ValueError as exc:
            raise EctError("malformed", f"{name} segment: {exc}") from None
    return decoded


def parse_compact(token: str) -> Compact:
    """Split, decode and JSON-parse a compact JWS (PARSE-1 to PARSE-3)."""
    header_bytes, payload_bytes, signature = split_segments(token)
    header = _json_object(header_bytes, "header")
    _check_header_text(header)
    payload = _json_object(payload_bytes, "payload")
    head, body, _ = token.split(".")
    return Compact(header, payload, f"{head}.{body}".encode("ascii"), signature)


def _json_object(data: bytes, name: str) -> dict:
    try:
        value = strict_loads(data)
    except JsonError as exc:
        raise EctError("malformed", f"{name}: {exc}") from None
    if not isinstance(value, dict):
        raise EctError("malformed", f"{name} is not a JSON object")
    return value


def _check_header_text(header: dict) -> None:
    """A lone surrogate escape ("\\ud800") in typ, alg or kid is malformed (PARSE-2, parse stage).

    It is valid JSON text but no Unicode string (RFC 8259 section 8.2). json.loads keeps it as a
    lone surrogate code point, which would then fail the typ, alg or kid check under that rule's
    code instead; a valid escaped pair is joined into one character and so never remains.
    """
    for name in ("typ", "alg", "kid"):
        value = header.get(name)
        if isinstance(value, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise EctError("malformed", f"header {name} holds a lone surrogate escape")


def check_alg(header: dict, allowed_algs: list) -> None:
    """HDR-2: the allowlist, checked before any key is looked at.

    Only ES256 is implemented, so an algorithm the caller allows but this library cannot
    verify is refused here too; `none` and HMAC are refused whatever the allowlist says,
    because with a public key as the "secret" they are forgeable by anyone.
    """
    alg = header.get("alg")
    if not isinstance(alg, str):
        raise EctError("alg_not_allowed", "header alg is missing or not a string")
    if alg not in allowed_algs or alg != "ES256":
        raise EctError("alg_not_allowed", f"header alg {alg!r} is not allowed")


def check_crit(header: dict) -> None:
    """HDR-4: any `crit` we cannot honour means the token must not be processed."""
    if "crit" not in header:
        return
    crit = header["crit"]
    if not isinstance(crit, list) or not crit or not all(isinstance(c, str) for c in crit):
        raise EctError("crit_unsupported", "header crit must be a non-empty array of names")
    unknown = [name for name in crit if name not in UNDERSTOOD_CRIT]
    if unknown:
        raise EctError("crit_unsupported", f"header crit names unsupported {unknown}")


def find_key(header: dict, keys: list) -> ec.EllipticCurvePublicKey:
    """HDR-3/SIG-4: resolve `kid` through the verifier's key set, and nowhere else.

    `jwk`, `jku`, `x5c` and `x5u` in the header are never consulted: a key that travels
    with the token proves only that someone holds *a* key.
    """
    if "kid" not in header:
        raise EctError("kid_missing", "header kid is missing")
    kid = header["kid"]
    matches = [k for k in keys if isinstance(k, dict) and k.get("kid") == kid] if isinstance(kid, str) else []
    if not matches:
        raise EctError("key_unknown", f"header kid {kid!r} is not in the key set")
    if len(matches) > 1:
        # Two keys under one kid: picking one would make the verdict depend on list order.
        raise EctError("key_unknown", f"header kid {kid!r} names {len(matches)} keys")
    jwk = matches[0]
    reason = unsuitable_for_es256(jwk)
    if reason:
        raise EctError("key_unknown", f"key {kid!r} is not meant for ES256 signatures: {reason}")
    key = load_p256_key(jwk, kid)
    # A private JWK in the key set still verifies through its public half.
    return key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key


def unsuitable_for_es256(jwk: dict) -> str:
    """SIG-5 (RFC 7517 4.2-4.4): what the JWK says against verifying ES256 with it, or ''.

    Each member only restricts when it is there; there but of the wrong JSON type, it
    cannot be understood, so the key is not trusted either.
    """
    if "use" in jwk and jwk["use"] != "sig":
        return f"use is {jwk['use']!r}, not 'sig'"
    if "key_ops" in jwk:
        ops = jwk["key_ops"]
        if not isinstance(ops, list) or not all(isinstance(op, str) for op in ops):
            return "key_ops is not an array of strings"
        if "verify" not in ops:
            return f"key_ops {ops!r} lacks 'verify'"
    if "alg" in jwk and jwk["alg"] != "ES256":
        return f"alg is {jwk['alg']!r}, not the token's 'ES256'"
    return ""


def load_p256_key(jwk: dict, kid: str = ""):
    """A JWK as a `cryptography` P-256 key (private when it has `d`), or key_unknown."""
    if jwk.get("kty") != "EC" or jwk.get("crv") != "P-256":
        raise EctError("key_unknown", f"key {kid!r} is not an EC P-256 key")
    try:
        # PyJWT checks coordinate lengths and `cryptography` checks the point is on the curve.
        return ECAlgorithm.from_jwk(jwk)
    except Exception as exc:  # PyJWT raises several types for bad key material
        raise EctError("key_unknown", f"key {kid!r} is unusable: {exc}") from None


def verify_es256(public_key: ec.EllipticCurvePublicKey, signing_input: bytes, signature: bytes) -> None:
    """SIG-1..SIG-3: exactly 64 bytes of r||s, both in range, and a matching signature."""
    if len(signature) != 64:
        raise EctError("signature_invalid", f"ES256 signature is {len(signature)} bytes, not 64")
    r = int.from_bytes(signature[:32], "big")
    s = int.from_bytes(signature[32:], "big")
    # The explicit range check guards against "psychic signatures" (r = s = 0) even if a
    # future backend forgot to; OpenSSL rejects them today as well.
    if not (0 < r < P256_ORDER and 0 < s < P256_ORDER):
        raise EctError("signature_invalid", "ES256 signature r or s is out of range")
    try:
        public_key.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise EctError("signature_invalid", "signature does not verify") from None


def sign_es256(private_key: ec.EllipticCurvePrivateKey, header: dict, payload: dict) -> str:
    """Serialize and sign; PyJWT's ECAlgorithm returns the JWS r||s form directly."""
    head = b64url_encode(compact_dumps(header).encode("utf-8"))
    body = b64url_encode(compact_dumps(payload).encode("utf-8"))
    signing_input = f"{head}.{body}".encode("ascii")
    signature = ECAlgorithm(ECAlgorithm.SHA256).sign(signing_input, private_key)
    return f"{head}.{body}.{b64url_encode(signature)}"


def generate_jwk(kid: str) -> dict:
    """A fresh P-256 private JWK (with `d`), for tests and demos.

    Written by hand because PyJWT 2.6's `to_jwk` drops leading zero bytes from coordinates,
    producing keys its own `from_jwk` then refuses about once in 128 tries.
    """
    numbers = ec.generate_private_key(ec.SECP256R1()).private_numbers()

    def b64_32(n: int) -> str:
        return b64url_encode(n.to_bytes(32, "big"))

    return {"kty": "EC", "crv": "P-256", "kid": kid,
            "x": b64_32(numbers.public_numbers.x), "y": b64_32(numbers.public_numbers.y),
            "d": b64_32(numbers.private_value)}


def public_jwk(jwk: dict) -> dict:
    """The same JWK without its private part."""
    return {k: v for k, v in jwk.items() if k != "d"}
