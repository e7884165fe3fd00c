"""ect_py: a small, independent verifier and issuer of Execution Context Tokens.

It follows the conformance profile of the ECT suite (drafts -00 and -01) and is the example
behind the suite's Python harness. Public API:

    Verifier(draft, Options, keys, store).verify(token, now) -> payload
    validate_dag(payload, store, mode_for(draft), Options)
    create(payload, private_jwk, draft, now, Options) -> compact token
    migrate(header, payload) -> (header, payload)
    split_field_values([field_value, ...]) -> [token, ...]

Every rejection is an EctError whose `code` is one of the profile's error codes.
"""

from .create import create
from .dag import validate_dag
from .errors import EctError
from .http import split_field_values
from .jose import generate_jwk, public_jwk
from .migrate import migrate
from .options import MODES, Options, mode_for
from .verify import Verifier

__all__ = ["EctError", "MODES", "Options", "Verifier", "create", "generate_jwk", "migrate",
           "mode_for", "public_jwk", "split_field_values", "validate_dag"]
__version__ = "0.1.0"
