"""The search benchmark's requests (``bench/search.py``), drawn from what was loaded.

Searches of seven kinds (``SEARCH_KINDS``, with how many of each) at the default page size,
and texts to match against the stored claims: paraphrases of stored claims (words reordered,
one dropped or one inserted) and unrelated texts.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import timedelta

from search_corpus import RARE_FROM, Corpus, Writer, moment, pick_language
from search_vocabulary import CITIES, PLACES, PUBLISHERS, words

SEARCH_KINDS = {
    "name": 35,
    "two words": 35,
    "phrase": 30,
    "exclusion": 25,
    "or": 25,
    "common": 25,
    "filtered": 25,
}
MATCH_LIMIT = 10
UNRELATED_TEMPLATES = (
    "Bake the loaf for {minutes} minutes until the crust turns golden and sounds hollow.",
    "The visitors scored twice in the last ten minutes to win the derby {score}.",
    "Water the tomato seedlings every morning and keep them away from cold draughts.",
    "The new phone has a larger battery and a camera that works better in low light.",
    "Heavy rain is expected across the valley tonight, with temperatures dropping to "
    "{degrees} degrees.",
    "Add a pinch of salt and stir the risotto slowly until the rice turns creamy.",
    "The museum's new wing displays sculptures from the early Renaissance.",
    "The marathon route passes the old harbour before finishing in the city park.",
    "Our cat sleeps for {hours} hours a day and only wakes up for dinner.",
    "The striker signed a {years}-year contract and will wear the number nine shirt.",
)
FILLERS = ("reportedly", "nearly", "about", "some", "allegedly", "actually", "almost", "roughly")
TOPIC_WORDS = words(
    "inflation pension budget sanctions wheat housing migration ceasefire vaccine drought "
    "subsidies unemployment refugees strikes tariffs corruption deficit grain pipeline "
    "election parliament opposition coalition reform"
)
COMMON_WORDS = (
    "government",
    "minister",
    "president",
    "percent",
    "officials",
    "security",
    "election",
    "parliament",
)
FILTERED_WORDS = {
    "en": TOPIC_WORDS,
    "de": words("Regierung Inflation Rentenreform Opposition Energiepreise Umfrage Migration"),
    "fr": ["gouvernement", "chômage", "retraites", "opposition", "inflation", "sondage", "budget"],
}


@dataclass(frozen=True)
class Request:
    kind: str
    params: dict[str, str]
    source: str | None = None  # the paraphrased claim's id


def phrase_from(rng: random.Random, body: str) -> str:
    """3 to 5 consecutive words of one clause of ``body``, in double quotes."""
    clauses = [
        tokens
        for clause in re.split(r"[.,;:!?“”„\"()…\n\u2013\u2014]", body)
        if len(tokens := clause.split()) >= 5
    ]
    tokens = rng.choice(clauses)
    length = rng.randint(3, 5)
    start = rng.randrange(len(tokens) - length + 1)
    return '"' + " ".join(tokens[start : start + length]) + '"'


def search_request(rng: random.Random, writer: Writer, corpus: Corpus, kind: str) -> Request:
    places = PLACES["en"]
    match kind:
        case "name":
            q = rng.choice(writer.rare_surnames[RARE_FROM:])
        case "two words":
            q = f"{rng.choice(TOPIC_WORDS)} {rng.choice(places + CITIES['en'])}"
        case "phrase":
            q = phrase_from(rng, rng.choice(corpus.bodies)[1])
        case "exclusion":
            q = f"{rng.choice(TOPIC_WORDS)} -{rng.choice(places)}"
        case "or":
            pool = rng.choice([TOPIC_WORDS, places])
            q = " OR ".join(rng.sample(pool, 2))
        case "common":
            q = rng.choice(COMMON_WORDS)
        case "filtered":
            return Request(kind, filtered_search(rng))
        case _:
            raise ValueError(kind)
    return Request(kind, {"q": q})


def filtered_search(rng: random.Random) -> dict[str, str]:
    """A word of one language, with that language, a publisher of it, or 90 days (at least
    one of the three)."""
    language = pick_language(rng)
    params = {"q": rng.choice(FILTERED_WORDS[language])}
    if rng.random() < 0.5:
        params["language"] = language
    if rng.random() < 0.5:
        params["publisher"] = rng.choice(PUBLISHERS[language])
    if len(params) == 1 or rng.random() < 0.5:
        since = moment(rng).date()
        params["since"] = since.isoformat()
        params["until"] = (since + timedelta(days=90)).isoformat()
    return params


def search_requests(rng: random.Random, writer: Writer, corpus: Corpus) -> list[Request]:
    requests = [
        search_request(rng, writer, corpus, kind)
        for kind, count in SEARCH_KINDS.items()
        for _ in range(count)
    ]
    rng.shuffle(requests)
    return requests


def paraphrase(rng: random.Random, text: str) -> str:
    """``text`` reworded as a claim reappears: words reordered (two swapped, the last clause
    moved to the front, or all shuffled), and a word dropped or inserted (or both)."""
    tokens = text.rstrip(".").split()
    order = rng.random()
    if order < 0.4:
        at = rng.randrange(len(tokens) - 1)
        tokens[at], tokens[at + 1] = tokens[at + 1], tokens[at]
    elif order < 0.8:
        at = rng.randrange(2, len(tokens) - 1)
        tokens = tokens[at:] + tokens[:at]
    else:
        rng.shuffle(tokens)
    change = rng.random()
    if change < 0.7 and len(tokens) > 6:
        del tokens[rng.randrange(len(tokens))]
    if change >= 0.35:
        tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(FILLERS))
    return " ".join(tokens) + "."


def matching_requests(
    rng: random.Random, corpus: Corpus, paraphrases: int, unrelated: int
) -> list[Request]:
    requests = [
        Request("paraphrase", {"text": paraphrase(rng, text), "limit": str(MATCH_LIMIT)}, str(pk))
        for pk, text in rng.sample(corpus.claims, paraphrases)
    ]
    for _ in range(unrelated):
        text = rng.choice(UNRELATED_TEMPLATES).format(
            minutes=rng.randint(25, 60),
            score=f"{rng.randint(2, 5)}-{rng.randint(0, 1)}",
            degrees=rng.randint(-5, 12),
            hours=rng.randint(12, 20),
            years=rng.randint(2, 5),
        )
        requests.append(Request("unrelated", {"text": text, "limit": str(MATCH_LIMIT)}))
    rng.shuffle(requests)
    return requests
