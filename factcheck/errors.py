"""Domain exceptions. They say what went wrong in domain terms; the API maps them to HTTP."""


class Conflict(Exception):
    """The request is valid, but the current state of the data does not allow it."""
