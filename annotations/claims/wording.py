"""Text as it arrives, read for claim matching: a social-media post or a news sentence becomes
groups of words, each with the weight its kind deserves.

Posts carry much that is not the claim: links, @handles, hashtags, an embedded post's
"— Name (@handle) June 1, 2016" signature. None of it is deleted blindly (a signature can name
the claimant, a hashtag often names the topic, a link's slug its headline): each is recognised
and weighed. Pure functions (no Django): ``annotations.claims.matching`` turns the groups into
the database's terms, and ``tests/claims`` measure the choices.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

TEXT = 1.0
"""The words of the text itself."""
HASHTAG = 1.0
"""A hashtag's words (#PizzaVendingMachine: pizza vending machine) name the topic."""
LINK = 0.4
"""Words of a link's path (a headline's slug) say what it points to, not what is claimed."""
HANDLE = 0.3
"""An @handle's words name who is addressed or quoted, rarely what is claimed."""
SIGNATURE = 0.3
"""The name in an embedded post's signature: it may be the claimant, or only who posted it."""
NUMBER = 0.8
"""A number or year: kept (3% is not 30%), but one shared date must not decide a match."""
SIGNATURE_DATE = 0.1
"""The date an embedded post was posted: nearly never what the claim is about."""

SHORTENERS = frozenset(
    {
        "t.co",
        "bit.ly",
        "buff.ly",
        "ow.ly",
        "tinyurl.com",
        "goo.gl",
        "dlvr.it",
        "ift.tt",
        "fb.me",
        "pic.twitter.com",
        "youtu.be",
        "lnkd.in",
        "trib.al",
        "wp.me",
        "is.gd",
    }
)
"""Hosts whose paths are opaque codes: their links carry no words."""

_URL = re.compile(
    r"(?:https?://|www\.|pic\.twitter\.com/)\S+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co|ly|me|it|gl|be|in|al|io)/\S*",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    "(?:^|\\s)[\u2014\u2013-]{1,2}\\s*(?P<name>[^\n()\u2014\u2013]{1,80}?)\\s*"
    r"\(@(?P<handle>\w{1,30})\)"
    r"\s*(?P<date>[A-Za-z]{3,9}\.? \d{1,2},? \d{4})?\s*$"
)
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
_HASHTAG = re.compile(r"(?<![\w#])#(\w{1,100})")
_WORD = re.compile("\\w+(?:[.,'\u2019]\\w+)*")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class WordGroup:
    """Words of one kind, as plain text, and their weight in a match."""

    text: str
    weight: float


def read_text(text: str, split_tag: Callable[[str], str] = lambda tag: tag) -> list[WordGroup]:
    """``text`` as groups of weighted words: its own words and numbers, its hashtags', its
    links' and handles', and an embedded post's signature. Empty groups are left out.
    ``split_tag`` splits a hashtag of one case (#pizzavendingmachine) into words."""
    text = unicodedata.normalize("NFKC", text)
    groups: dict[float, list[str]] = {}

    def add(weight: float, words: str) -> None:
        if words.strip():
            groups.setdefault(weight, []).append(words)

    signature = _SIGNATURE.search(text)
    if signature:
        text = text[: signature.start()]
        add(SIGNATURE, signature["name"])
        add(HANDLE, split_name(signature["handle"]))
        add(SIGNATURE_DATE, signature["date"] or "")
    for link in _URL.findall(text):
        add(LINK, link_words(link))
    text = _URL.sub(" ", text)
    for handle in _HANDLE.findall(text):
        add(HANDLE, split_name(handle))
    text = _HANDLE.sub(" ", text)
    for hashtag in _HASHTAG.findall(text):
        add(HASHTAG, split_tag(hashtag) if one_case(hashtag) else split_name(hashtag))
    text = _HASHTAG.sub(" ", text)
    for word in _WORD.findall(text):
        if _DIGIT.search(word):
            add(NUMBER, number(word))
        else:
            add(TEXT, word)
    return [WordGroup(" ".join(words), weight) for weight, words in groups.items()]


def number(word: str) -> str:
    """A number as claims write it: thousands grouped (20000 → 20,000), so that it reads as
    the same terms; years and other short numbers as they are."""
    if not word.isdigit() or word.startswith("0") or len(word) < 4:
        return word
    if len(word) == 4 and 1000 <= int(word) < 2100:  # a year
        return word
    return f"{int(word):,}"


def split_name(name: str) -> str:
    """A hashtag's or handle's words: split at underscores, at changes of case and between
    letters and digits (``PizzaVendingMachine2024`` → ``Pizza Vending Machine 2024``)."""
    return " ".join(word for part in name.split("_") for word in (_CAMEL.findall(part) or [part]))


def one_case(tag: str) -> bool:
    """Whether a hashtag's words cannot be told by case: all letters lower or upper case."""
    letters = [char for char in tag if char.isalpha()]
    return len(letters) >= MIN_SPLIT and (tag.islower() or tag.isupper())


MIN_SPLIT = 6
"""Hashtags of one case and at least this many letters are split by a word list."""


def one_case_hashtags(text: str) -> list[str]:
    """The hashtags of ``text`` whose words cannot be told by case."""
    return [tag for tag in _HASHTAG.findall(unicodedata.normalize("NFKC", text)) if one_case(tag)]


def pieces(tag: str) -> set[str]:
    """Every part of a hashtag that could be a word of it (two letters or more)."""
    tag = tag.lower()
    return {tag[start:end] for start in range(len(tag)) for end in range(start + 2, len(tag) + 1)}


def split_by_words(tag: str, is_word: Callable[[str], bool]) -> str:
    """``tag`` split into words ``is_word`` knows, preferring fewer and longer words
    (#pizzavendingmachine: pizza vending machine); as it is when it cannot be."""
    tag = tag.lower()
    # best[i]: the best split of tag[:i] and its worth (the sum of its words' squared lengths).
    best: list[tuple[int, list[str]] | None] = [(0, [])] + [None] * len(tag)
    for end in range(1, len(tag) + 1):
        for start in range(end):
            before = best[start]
            word = tag[start:end]
            if before is None or not (word.isdigit() or (len(word) > 1 and is_word(word))):
                continue
            worth = before[0] + len(word) ** 2
            current = best[end]
            if current is None or worth > current[0]:
                best[end] = (worth, [*before[1], word])
    found = best[-1]
    return " ".join(found[1]) if found else tag


def link_words(link: str) -> str:
    """The words of a link's path, when its host is not a shortener: a slug such as
    ``/2024/06/stoltenberg-ukraine-nato`` says what the page is about. Path parts that look
    like codes (letters mixed with digits) are left out, and so is the host."""
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", link, flags=re.IGNORECASE)
    host, _, path = address.partition("/")
    if host.lower() in SHORTENERS or not path:
        return ""
    words = re.split(r"[/\-_.?=&#+%]+", path)
    return " ".join(
        word
        for word in words
        if word.isalpha() and len(word) > 2 and word.lower() not in {"html", "htm", "php"}
    )


def fold(word: str) -> str:
    """``word`` in lower case without diacritics (as SQLite's FTS5 index reads words)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
