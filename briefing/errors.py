"""Errors named after the condition; the CLI turns them into one-line messages."""


class BriefingError(Exception):
    """A problem the user can fix; its message says how."""


class InputError(BriefingError):
    """One input article cannot be used (the others still make the brief)."""


class NoArticlesError(BriefingError):
    """No input article could be used, so no brief can be made."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []  # why each input was skipped


class OutputError(BriefingError):
    """The brief cannot be written where it was asked to go."""


class UsageError(BriefingError):
    """An option has a value the tool does not accept."""
