"""The search benchmark's articles and claims (``bench/search.py``), written from templates.

``Writer`` makes an article (a headline and paragraphs of sentences about one main person,
place and topic) or a claim (one sentence with its claimant) in English, German or French;
``Slots`` fills a template's ``{slots}``. Words come from ``search_vocabulary`` with Zipf-like
frequencies, sentences from ``search_templates``; English articles also quote the seed
article. Every random choice is made with the ``random.Random`` given, so that a seed gives
the same text on every run.
"""

from __future__ import annotations

import bisect
import itertools
import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Generic, TypeVar

from common import SENTENCE_END, seed_article_text, seeded_random
from search_templates import (
    ADJECTIVES,
    CLAIM_TAILS,
    CLAIM_TEMPLATES,
    EVENTS,
    HEADLINES,
    MONTHS,
    QUOTES,
    SAID,
    SENTENCES,
    WEEKDAYS,
)
from search_vocabulary import (
    CITIES,
    COMMON_SURNAMES,
    FIRST_NAMES,
    INDICATORS,
    ORGS,
    PLACES,
    POLLSTERS,
    PUBLISHERS,
    ROLES,
    SURNAME_PARTS,
    THINGS,
    TOPICS,
)

ARTICLE_LENGTHS = (1_500, 3_000)
CLAIM_WORDS = (8, 25)
LANGUAGE_SHARES = {"en": 0.85, "de": 0.10, "fr": 0.05}
FIRST_DAY = datetime(2022, 1, 1, tzinfo=UTC)
DAYS = 3 * 365
SYNTHETIC_SURNAMES = 3_000
RARE_FROM = 1_000
"""Name queries use generated surnames from this rank on: each occurs in a few dozen rows."""

# Slots filled with one item of a list, whatever the language ...
CHOICES: dict[str, Sequence[str]] = {
    "moved": ("rose", "fell", "climbed", "dropped"),
    "change": ("rise", "fall", "increase", "decline"),
    "adjective": ADJECTIVES,
    "event": EVENTS,
    "affected": ("evacuated", "arrested", "injured", "detained"),
    "pollster": POLLSTERS,
    "currency": ("euro", "pound", "zloty", "lira", "forint", "krona", "yen"),
    "bank": ("Deutsche Bank", "ING", "BNP Paribas", "Nomura", "UBS"),
    "ministry": ("finance", "defence", "health", "interior", "economy"),
    "period": ("week", "month"),
}
# ... or of the language's list.
CHOICES_BY_LANGUAGE: dict[str, Mapping[str, Sequence[str]]] = {
    "said": SAID,
    "weekday": WEEKDAYS,
    "month": MONTHS,
    "indicator": INDICATORS,
}
THOUSANDS_SEPARATOR = {"en": ",", "de": ".", "fr": "\u202f"}

T = TypeVar("T")


class Zipf(Generic[T]):
    """Draws ``items`` with probability proportional to ``1 / rank ** exponent``."""

    def __init__(self, items: Sequence[T], exponent: float = 1.0) -> None:
        self.items = list(items)
        self.cumulative = list(
            itertools.accumulate(1 / rank**exponent for rank in range(1, len(self.items) + 1))
        )

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])
        return self.items[min(index, len(self.items) - 1)]


def by_language(lists: dict[str, list[str]], exponent: float) -> dict[str, Zipf[str]]:
    return {language: Zipf(items, exponent) for language, items in lists.items()}


@dataclass
class Corpus:
    """What the query sets are drawn from: some stored bodies and every claim."""

    bodies: list[tuple[str, str]] = field(default_factory=list)  # (language, body)
    claims: list[tuple[uuid.UUID, str]] = field(default_factory=list)


def generated_surnames(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up surnames, in a random order (their rank)."""
    made = sorted({"".join(parts) for parts in itertools.product(*SURNAME_PARTS)})
    return rng.sample(made, count)


def seed_sentences() -> list[str]:
    paragraphs = seed_article_text().split("\n\n")[2:]  # without the headlines
    return [sentence for paragraph in paragraphs for sentence in SENTENCE_END.split(paragraph)]


class Writer:
    """Articles and claims from templates; every random choice from the ``rng`` given."""

    def __init__(self, seed: int) -> None:
        self.rare_surnames = generated_surnames(seeded_random(seed), SYNTHETIC_SURNAMES)
        self.surname = Zipf(COMMON_SURNAMES + self.rare_surnames)
        self.seed_sentences = seed_sentences()
        self.first = by_language(FIRST_NAMES, 0.7)
        self.place = by_language(PLACES, 0.9)
        self.city = by_language(CITIES, 0.9)
        self.org = by_language(ORGS, 0.8)
        self.topic = by_language(TOPICS, 0.8)
        self.role = by_language(ROLES, 0.7)
        self.publisher = by_language(PUBLISHERS, 0.6)
        # Slots filled with a Zipf-weighted item of the language's list.
        self.weighted = {
            "role": self.role,
            "place": self.place,
            "city": self.city,
            "org": self.org,
            "topic": self.topic,
            "publisher": self.publisher,
        }

    def person(self, rng: random.Random, language: str) -> tuple[str, str]:
        surname = self.surname(rng)
        return f"{self.first[language](rng)} {surname}", surname

    def slots(self, rng: random.Random, language: str, context: dict[str, str]) -> Slots:
        return Slots(self, rng, language, context)

    def article(self, rng: random.Random, language: str) -> tuple[str, str, str]:
        """``(title, body, byline)``: one main person, place and topic recur through it."""
        person, surname = self.person(rng, language)
        context = {
            "person": person,
            "surname": surname,
            "role": self.role[language](rng),
            "place": self.place[language](rng),
            "topic": self.topic[language](rng),
            "city": self.city[language](rng),
        }
        title = capitalised(
            rng.choice(HEADLINES[language]).format_map(self.slots(rng, language, context))
        )
        target = rng.randint(*ARTICLE_LENGTHS)
        paragraphs: list[str] = []
        size = 0
        while size < target:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                if language == "en" and rng.random() < 0.08:
                    sentence = rng.choice(self.seed_sentences)
                else:
                    template = rng.choice(SENTENCES[language])
                    sentence = capitalised(template.format_map(self.slots(rng, language, context)))
                sentences.append(sentence)
                size += len(sentence) + 1
                if size >= target:
                    break
            paragraphs.append(" ".join(sentences))
            size += 1
        byline = self.person(rng, language)[0]
        return title, "\n\n".join(paragraphs), byline

    def claim(self, rng: random.Random, language: str) -> tuple[str, str]:
        """``(text, claimant)`` of ``CLAIM_WORDS`` words."""
        while True:
            person = self.person(rng, language)[0]
            slots = self.slots(rng, language, {})
            slots["person"] = person  # the claimant, wherever the text names someone
            text = rng.choice(CLAIM_TEMPLATES[language]).format_map(slots)
            if rng.random() < 0.4:
                text = text[:-1] + rng.choice(CLAIM_TAILS[language]).format_map(slots) + "."
            text = capitalised(text)
            if CLAIM_WORDS[0] <= len(text.split()) <= CLAIM_WORDS[1]:
                return text, person


class Slots(dict[str, str]):
    """A template's values, each drawn when the template first asks for it."""

    def __init__(
        self, writer: Writer, rng: random.Random, language: str, context: dict[str, str]
    ) -> None:
        super().__init__()
        self.writer, self.rng, self.language, self.context = writer, rng, language, context

    def __missing__(self, key: str) -> str:
        self[key] = value = self.draw(key)
        return value

    def draw(self, key: str) -> str:
        """The article's own person, place, … (``context``) more often than not, else a new
        one; ``person2``, ``place2``, … are drawn as ``person``, ``place``, …"""
        rng, language = self.rng, self.language
        if key in self.context and rng.random() < 0.6:
            return self.context[key]
        kind = key.removesuffix("2")
        if kind in CHOICES:
            return rng.choice(CHOICES[kind])
        if kind in CHOICES_BY_LANGUAGE:
            return rng.choice(CHOICES_BY_LANGUAGE[kind][language])
        if kind in self.writer.weighted:
            return self.writer.weighted[kind][language](rng)
        return self.draw_other(key, kind)

    def draw_other(self, key: str, kind: str) -> str:
        rng, language = self.rng, self.language
        match kind:
            case "person":
                return self.writer.person(rng, language)[0]
            case "surname":
                return self.writer.surname(rng)
            case "year":
                return str(rng.randint(2008, 2024))
            case "years":
                return str(rng.randint(2, 10))
            case "pct":
                return percentage(rng, language)
            case "n":
                return number(rng, language)
            case "money":
                return money(rng, language)
            case "things" | "happened":
                self["things"], self["happened"] = rng.choice(THINGS[language])
                return self[key]
            case "indicator_bare":
                return rng.choice(INDICATORS[language]).removeprefix("the ")
            case "quote":
                return capitalised(rng.choice(QUOTES).format_map(self))
        raise KeyError(key)


def percentage(rng: random.Random, language: str) -> str:
    value = f"{rng.uniform(0.5, 45):.1f}"
    return value if language == "en" else value.replace(".", ",")


def number(rng: random.Random, language: str) -> str:
    """10 to 1,000,000, evenly spread over the orders of magnitude, as the language writes
    it (1,234; 1.234; 1 234)."""
    value = round(10 ** rng.uniform(1, 6))
    return f"{value:,}".replace(",", THOUSANDS_SEPARATOR[language])


def money(rng: random.Random, language: str) -> str:
    amount = rng.randint(1, 950)
    if language == "en":
        scale = rng.choice(["million", "billion"])
        return f"${amount} {scale}" if rng.random() < 0.5 else f"€{amount} {scale}"
    scale = rng.choice(
        ["Millionen", "Milliarden"] if language == "de" else ["millions", "milliards"]
    )
    return f"{amount} {scale} Euro" if language == "de" else f"{amount} {scale} d'euros"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def random_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def pick_language(rng: random.Random) -> str:
    return rng.choices(list(LANGUAGE_SHARES), weights=list(LANGUAGE_SHARES.values()))[0]


def moment(rng: random.Random) -> datetime:
    return FIRST_DAY + timedelta(seconds=rng.randrange(DAYS * 86_400))
