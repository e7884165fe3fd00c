"""The Execution-Context HTTP field (profile HTTP-1)."""

from typing import Iterable

from .errors import EctError
from .jose import split_segments

# RFC 9110 optional whitespace is space and horizontal tab only.
_OWS = " \t"


def split_field_values(field_values: Iterable) -> list:
    """Every ECT carried by one or more Execution-Context field values, in order.

    A request may repeat the field and a field value may list several ECTs separated by
    commas. Empty members ("a, , b" or a trailing comma) are skipped as RFC 9110 list syntax
    asks; any other member that is not a compact JWS makes the whole field `malformed`,
    because a receiver that dropped it would lose a predecessor without noticing.
    """
    tokens = []
    for value in field_values:
        if not isinstance(value, str):
            raise EctError("malformed", "field value is not a string")
        for member in value.split(","):
            member = member.strip(_OWS)
            if not member:
                continue
            try:
                split_segments(member)
            except EctError as exc:
                raise EctError("malformed", f"Execution-Context member is not a compact JWS: {exc.message}") from None
            tokens.append(member)
    return tokens
