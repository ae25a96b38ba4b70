import secrets
import string

ALPHABET = string.ascii_uppercase + string.digits
_issued = set()


def invite_code(unique=False, length=12):
    """A column default: a random code, not handed out twice by this process when unique."""

    def make():
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(length))
            if not unique or code not in _issued:
                _issued.add(code)
                return code

    return make
