"""Exceptions and warnings. Imports no other summarykit module."""

from __future__ import annotations


class SummaryKitError(Exception):
    """Base class of every error summarykit raises on purpose."""


class InputError(SummaryKitError, ValueError):
    """An input could not be read or is not a report (names the file where there is one)."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class ResourceError(SummaryKitError):
    """A packaged or user lexicon is missing or malformed (cites file and line)."""


class NotFittedError(SummaryKitError, AttributeError):
    """A model was used before ``fit``."""


class SummaryKitWarning(UserWarning):
    """Recoverable problems: a skipped file, a missing font, a fallback taken."""


def type_error(name: str, expected: str, got: object) -> TypeError:
    """``TypeError`` that says what was expected and what arrived."""
    return TypeError(f"{name} must be {expected}, got {type(got).__name__}: {got!r:.80}")
