"""The query syntax of a search box, as ``websearch_to_tsquery`` reads it: words (all must
occur), ``"quoted phrases"``, ``-excluded`` words and ``OR`` between alternatives."""

from __future__ import annotations

import re
from dataclasses import dataclass


class QuerySyntaxError(ValueError):
    """A search query that asks for nothing to be found."""


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    excluded: bool = False


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse(query: str) -> list[list[Term]]:
    """The query as clauses that must all hold, each a list of alternatives (``OR``).

    ``-word`` and ``-"a phrase"`` exclude; ``OR`` joins the terms on either side; a quote left
    open runs to the end, as ``websearch_to_tsquery`` reads it."""
    clauses: list[list[Term]] = []
    join_next = False
    for match in _TOKEN.finditer(query):
        negation, quoted, word = match.groups()
        if word is not None and word.upper() == "OR":
            join_next = bool(clauses)
            continue
        if quoted is not None:
            term = Term(quoted, phrase=True, excluded=bool(negation))
        else:
            excluded = word.startswith("-") and len(word) > 1
            term = Term(word[1:] if excluded else word, excluded=excluded)
        if not re.search(r"\w", term.text):
            continue
        if join_next and not term.excluded and not clauses[-1][0].excluded:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    if not any(not clause[0].excluded for clause in clauses):
        raise QuerySyntaxError("Give at least one word to find; excluded words only narrow.")
    return clauses


def fts5_query(query: str) -> str:
    """``query`` in FTS5's query language: each term a string, clauses joined by ``AND``,
    exclusions by ``NOT``."""

    def string(term: Term) -> str:
        return '"' + term.text.replace('"', '""') + '"'

    clauses = parse(query)
    kept = [
        "(" + " OR ".join(string(term) for term in clause) + ")"
        for clause in clauses
        if not clause[0].excluded
    ]
    excluded = [string(clause[0]) for clause in clauses if clause[0].excluded]
    return " AND ".join(kept) + "".join(f" NOT {term}" for term in excluded)
