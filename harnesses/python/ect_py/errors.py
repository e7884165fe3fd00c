"""The one exception type of the library.

Every rejection carries a profile error code (profile section 3) so that a harness can report
it without parsing messages, plus a human message that names the claim or header at fault.
"""


class EctError(Exception):
    """A token, payload or key was rejected; `code` is the profile's error code."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
