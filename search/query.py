"""Reading what a reader typed into the search box.

The syntax is the one of web search engines (and PostgreSQL's `websearch_to_tsquery`): words
must all match, `"quoted words"` form a phrase, `-word` or `-"a phrase"` excludes, and `or`
between two terms accepts either. Anything else (punctuation, operators of the underlying
engines such as `NEAR(`, `col:term`, `*`, `^`) is treated as plain text, so no input can
produce an invalid engine query.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 200

# Marks the start and end of a match in snippets before escaping; private-use characters,
# removed from every indexed text and every query, so nobody can forge them.
MARK_START = "\ue000"
MARK_STOP = "\ue001"

_CHUNK = re.compile(r'(-?)"([^"]*)(?:"|$)|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


def clean_text(text: str) -> str:
    """Text with control characters and the snippet markers replaced by spaces."""
    return "".join(
        " " if ch in (MARK_START, MARK_STOP) or unicodedata.category(ch) in {"Cc", "Cs"} else ch
        for ch in text
    )


@dataclass(frozen=True)
class SearchQuery:
    """All `groups` must match (each group is one term, or several joined by `or`) and no
    `excluded` term may. A term is a word or a phrase: words separated by single spaces."""

    text: str
    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]

    def as_fts5(self) -> str:
        """An SQLite FTS5 query: every term is quoted, so it is only ever text."""
        expression = " AND ".join(
            "(" + " OR ".join(_fts5_string(term) for term in group) + ")" for group in self.groups
        )
        for term in self.excluded:
            expression = f"({expression}) NOT {_fts5_string(term)}"
        return expression

    def wanted_websearch(self) -> str:
        """What must match, in `websearch_to_tsquery` syntax."""
        return " ".join(" or ".join(f'"{term}"' for term in group) for group in self.groups)

    def any_word_websearch(self) -> str:
        """Any of the wanted terms, in `websearch_to_tsquery` syntax: what ranking looks for."""
        return " or ".join(f'"{term}"' for group in self.groups for term in group)

    def unwanted_websearch(self) -> str:
        """Any of the excluded terms, in `websearch_to_tsquery` syntax; empty when nothing is
        excluded."""
        return " or ".join(f'"{term}"' for term in self.excluded)


def _fts5_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class QueryProblem(ValueError):
    """The text cannot be searched; `reason` says why, for a friendly answer."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


EMPTY = "empty"
TOO_LONG = "too_long"
NO_WORDS = "no_words"


def parse(text: str) -> SearchQuery:
    """Read a search; raise QueryProblem when there is nothing (or too much) to search for."""
    text = " ".join(clean_text(text).split())
    if not text:
        raise QueryProblem(EMPTY)
    if len(text) > MAX_LENGTH:
        raise QueryProblem(TOO_LONG)
    groups: list[list[str]] = []
    excluded: list[str] = []
    want_or = False
    for match in _CHUNK.finditer(text):
        quoted = match.group(2) is not None
        negated = bool(match.group(1) if quoted else match.group(3))
        raw = match.group(2) if quoted else match.group(4)
        if not quoted and not negated and raw.lower() == "or":
            want_or = bool(groups)
            continue
        term = " ".join(_WORD.findall(raw)).lower()
        if not term:
            continue
        if negated:
            excluded.append(term)
        elif want_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        want_or = False
    if not groups:
        raise QueryProblem(NO_WORDS)
    return SearchQuery(
        text=text,
        groups=tuple(tuple(dict.fromkeys(group)) for group in groups),
        excluded=tuple(dict.fromkeys(excluded)),
    )
