"""Token verification (profile sections 4 to 8) with the verifier's state.

The stages run in the order DAG-9 fixes: size, parse, typ, alg, crit, kid/key, signature,
claims, replay, DAG. Each stage raises EctError, so the first broken rule decides the code.
"""

from typing import Iterable

from . import jose
from .claims import check_claims
from .dag import validate_dag
from .errors import EctError
from .migrate import migrate
from .options import TYP_00, Mode, Options, mode_for


class Verifier:
    """One verifier: its mode, options, key set, and what it has accepted so far.

    The state matters: a replayed jti (RPL-1) or a task id already in the store (DAG-1) can
    only be seen by a verifier that remembers. State changes only after a token passes every
    check, so garbage sent under a real task's jti cannot block that task (RPL-2, LDG-2).
    """

    def __init__(self, draft: str, options: Options, keys: Iterable, store: Iterable = ()):
        self.mode: Mode = mode_for(draft)
        self.options = options
        self.keys = list(keys)
        self.store = list(store)       # accepted payloads, oldest first (the ledger)
        self._accepted = []            # (jti, wid, exp) of accepted tokens, for replay

    def verify(self, token: str, now: float) -> dict:
        """Return the payload as read (migrated for a legacy token in mode 01), or raise.

        `now` is passed in rather than read from the clock so that time rules can be tested
        at their exact boundaries.
        """
        payload = self._check(token, now)
        if self.options.replay_check:
            self._accepted.append((payload["jti"], payload.get("wid"), payload["exp"]))
        self.store.append(payload)
        return payload

    def _check(self, token: str, now: float) -> dict:
        opts, mode = self.options, self.mode

        # PARSE-4: measured before any decoding, so an oversized input costs nothing.
        if not isinstance(token, str):
            raise EctError("malformed", "token is not a string")
        size = len(token.encode("utf-8", "surrogatepass"))
        if size > opts.max_token_bytes:
            raise EctError("token_too_large", f"token is {size} bytes, over {opts.max_token_bytes}")

        parts = jose.parse_compact(token)
        header = parts.header

        typ = header.get("typ")
        if not isinstance(typ, str) or typ not in mode.accepted_typs:     # HDR-1
            raise EctError("typ_invalid", f"header typ {typ!r} is not accepted in mode {mode.draft}")
        jose.check_alg(header, opts.allowed_algs)                         # HDR-2
        jose.check_crit(header)                                           # HDR-4
        key = jose.find_key(header, self.keys)                            # HDR-3, SIG-4
        jose.verify_es256(key, parts.signing_input, parts.signature)      # SIG-1..SIG-3

        payload = parts.payload
        if mode.draft == "01" and typ == TYP_00:
            # Section 2: a legacy token is read through the whole migration, so its `par`
            # keeps its meaning as `pred` instead of being ignored as an unknown claim.
            _, payload = migrate(header, payload)
        check_claims(payload, mode, opts, now)

        if opts.replay_check:                                             # RPL-1
            jti, wid = payload["jti"], payload.get("wid")
            for seen_jti, seen_wid, seen_exp in self._accepted:
                in_scope = wid is None or seen_wid == wid
                if seen_jti == jti and in_scope and now < seen_exp + opts.exp_leeway:
                    raise EctError("replay", f"jti {jti} was already accepted")

        validate_dag(payload, self.store, mode, opts)
        return payload
