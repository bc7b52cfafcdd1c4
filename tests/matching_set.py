"""A reproducible evaluation set for claim matching ("has this claim been checked before?"),
and the one implementation of its metrics.

``build(seed=...)`` writes, from a seed and in pure Python (about a second):

- **claims** (6,000 by default) as a fact-checking site publishes them, from the templates of
  ``tests/matching_templates.py`` ("Photo shows X doing Y in Z", "X said unemployment in Y
  fell to 3% in 2023", "Z vaccines contain microchips", giveaways, bans, election and health
  claims…), each with its claimant (the person quoted, or "Facebook posts", "Viral video"…),
  date and rating. Claims come in **families**: a claim and its near-duplicates, each of
  which changes one slot (another person, often with the same surname; another number or
  year; the opposite direction or the negation): the hard negatives. A few families also hold
  the same claim checked again, in other words, later (a *recheck*): both are relevant.
- **queries** about one claim each, written as they arrive: social-media **posts** (the claim
  in other words: synonyms, a person's surname, title or @handle instead of their name,
  numbers written out, clauses reordered; hedged or asked as a question; with t.co and
  pic.twitter.com links, @mentions of other people, topic hashtags such as
  ``#PizzaVendingMachine``, "— Name (@handle) Month D, YYYY" signatures, emoji, typos, lower
  case; some posted by the claimant themselves, whose signature then names them) and **news**
  sentences (the claim reported inside a sentence with other people, places and outlets).
  Each names its relevant claim ids: the claim, and its recheck if any.
- **unrelated** queries: posts and news about the same people, places and companies that
  make no claim of the set; no claim is relevant.

A query never gives the words of a near-duplicate for the slot in which they differ (a
post about "unemployment fell" never says "rose"), so each query has one right answer; a
ranking that reads synonyms, handles and hashtags can find it, one that counts shared words
often cannot tell the claim from its near-duplicates.

``evaluate(ranking, matching_set)`` runs every query through ``ranking`` (text → claim ids
and scores, best first) and returns MAP@5, MRR, R@1/5/10, latency, the scores unrelated
queries reach and how a duplicate threshold divides true matches from the rest.
"""

from __future__ import annotations

import logging
import math
import random
import re
import statistics
import string
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tests.matching_templates import (
    AGENCIES,
    CITIES,
    COMPANIES,
    MONTHS,
    PLACES,
    Choice,
    People,
    Person,
    Template,
    Value,
    make_people,
    templates,
    words,
)

CLAIMS = 6_000
QUERIES = 600
UNRELATED = 150
NEWS_SHARE = 0.35
FAMILY_SIZES = {1: 0.45, 2: 0.25, 3: 0.15, 4: 0.10, 5: 0.05}
"""How many claims a family holds: a claim and its near-duplicates."""
RECHECK_SHARE = 0.08
"""Families whose claim was checked again, in other words."""
PARAPHRASE = 0.6
"""The chance that a query gives a slot in other words than its usual ones."""
REWORDING = 0.2
"""The chance that a claim gives a slot (not a name or a number) in other words than its
usual ones: fact-checkers word claims their own way too."""
COMMENTS_PER_POST = {0: 0.3, 1: 0.4, 2: 0.3}
"""How many sentences of comment a post adds to the claim (a post is as long as a
fact-checked claim two to four times over, as on social media)."""
VAGUE_SHARE = 0.3
"""The chance that a query says a detail vaguely, where no near-duplicate differs in it."""
VAGUE = {
    "year": ("recently", "last year", "a few years ago", "this year"),
    "month": ("recently", "last month", "this spring", "over the summer"),
    "place": ("here", "around here", "in our area", "in this country"),
    "city": ("here", "in our city", "downtown"),
    "n": ("thousands of", "hundreds of", "so many"),
}
"""How posts say a year, a month, a place, a city or a count vaguely."""
PEOPLE = 400
FIRST_DAY, LAST_DAY = date(2016, 1, 1), date(2024, 12, 31)

KINDS = ("post", "news", "unrelated")


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    claimant: str
    date: date
    rating: str | None
    template: str
    family: int
    """Claims of a family are near-duplicates of each other (or rechecks of one claim)."""


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    relevant: tuple[str, ...]
    kind: str
    """``post``, ``news`` or ``unrelated`` (no relevant claim)."""
    traits: tuple[str, ...] = ()
    """What the query is made of: ``link``, ``hashtag``, ``signature``, ``typo``, ``own``
    (posted by the claimant), ``handle``, ``surname``, ``paraphrase``, ``near-duplicates``
    (the claim has some in the set)…"""


@dataclass(frozen=True)
class MatchingSet:
    seed: int
    claims: tuple[Claim, ...]
    queries: tuple[Query, ...]

    @property
    def related(self) -> tuple[Query, ...]:
        return tuple(query for query in self.queries if query.relevant)

    @property
    def unrelated(self) -> tuple[Query, ...]:
        return tuple(query for query in self.queries if not query.relevant)


# --- What posts and news stories are made of ------------------------------------------------

VIRAL_CLAIMANTS = (
    "Facebook posts",
    "Viral image",
    "Instagram posts",
    "Tweets",
    "TikTok video",
    "Viral video",
    "Social media users",
    "WhatsApp message",
    "YouTube video",
    "Bloggers",
    "Telegram channels",
    "Chain email",
)
RATINGS_VIRAL = {
    "False": 50,
    "Pants on Fire": 10,
    "Misleading": 12,
    "Missing context": 8,
    "Altered": 5,
    "Mostly False": 7,
    "True": 5,
    "Satire": 3,
}
RATINGS_QUOTED = {
    "True": 12,
    "Mostly True": 12,
    "Half True": 18,
    "Mostly False": 20,
    "False": 28,
    "Pants on Fire": 10,
}
PLATFORMS = ("Facebook", "Instagram", "TikTok", "X", "Twitter", "WhatsApp", "Telegram", "YouTube")
OUTLETS = (
    ("The Daily Ledger", "@DailyLedger", "dailyledger.com"),
    ("Global Wire", "@GlobalWire", "globalwire.net"),
    ("The Morning Post", "@MorningPost", "morningpost.com"),
    ("Metro Observer", "@MetroObserver", "metroobserver.com"),
    ("Capital Gazette", "@CapGazette", "capitalgazette.news"),
    ("World Report", "@WorldReport", "worldreport.org"),
    ("Harbour News", "@HarbourNews", "harbournews.co.uk"),
    ("National Tribune", "@NatTribune", "nationaltribune.com"),
)
EMOJI = tuple(words("😳 🤔 😡 🙄 😂 🔥 👇 ⚠️ 🚨 💉 🇺🇸 🙏 😱 🤯 💯 👀 🤡 ❗ 😭 🤬"))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
JOBS = ("nurse", "teacher", "farmer", "retired engineer", "pastor", "student", "truck driver")
POSTERS_FIRST = words(
    "Sandy Mike Debbie Gary Tina Kevin Crystal Dale Amber Rick Lori Wayne Becky Travis Joy "
    "Kyle Shelly Duane Misty Cody Trish Brad Angie Lonnie"
)
POSTERS_LAST = words("J. T. Rivers Hart Moss Fields Stone Wood Brooks Banks Lane Rhodes")
PSEUDONYMS = (
    "Truth Seeker",
    "Patriot Mom",
    "Wide Awake",
    "Just Asking",
    "Red Pill Rita",
    "Freedom Fighter",
    "Concerned Citizen",
    "Real News Now",
)
POST_FRAMES = (
    "{Fact}.",
    "Just found out {fact}",
    "Apparently {fact}.",
    "Can someone confirm {fact}?",
    "Is it true that {fact}?",
    "I can't believe {fact}!!",
    "They don't want you to know {fact}.",
    "{Fact}. Let that sink in.",
    "So {fact}. Cool cool cool.",
    "Reminder: {fact}.",
    "Fact check this: {fact}",
    "Heard on the radio that {fact}",
    "{Fact}?!",
    "My uncle keeps saying {fact}. Is that true?",
    "Not sure if this is true but {fact}",
    "lol {fact}",
    "This is why I don't trust them: {fact}.",
    "The mainstream media won't report that {fact}.",
)
PREFIXES = (
    "BREAKING:",
    "JUST IN:",
    "🚨🚨",
    "Thread:",
    "WOW.",
    "Unbelievable.",
    "Read this:",
    "Wait what.",
)
SUFFIXES = (
    "Is this true?",
    "Share before they delete it!",
    "Wake up people!",
    "Unreal.",
    "Thoughts?",
    "smh",
    "Fake news or not?",
    "RT if you agree",
    "Can't make this up.",
    "Please share",
    "Do your own research.",
    "Not a joke.",
)
GENERIC_TAGS = (
    "#FakeNews",
    "#Breaking",
    "#News",
    "#Truth",
    "#Politics",
    "#FactCheck",
    "#WakeUp",
    "#MSM",
    "#Viral",
    "#ThisIsNotNormal",
)
COMMENTS = (
    "The government has been lying to us for years.",
    "Same people who told us to trust the experts.",
    "This is what happens when nobody checks the facts.",
    "Voters in {place} deserve better.",
    "{other} said the same thing last week.",
    "Funny how {agency} never mentions this.",
    "First {place}, now this.",
    "And they wonder why nobody trusts the media.",
    "My neighbour in {city} saw it too.",
    "Wait until {other} hears about this.",
    "Remember this in November.",
    "Meanwhile prices keep going up.",
    "This has been going on since {year}.",
    "Nobody in {city} is surprised.",
    "My family has done this for generations and we are perfectly fine.",
    "When will the government stop lying to us about our health and our money?",
    "I saw this on the news last night and I still can't believe it.",
    "If this is true then everyone involved should resign immediately.",
    "Share this with everyone you know before it gets taken down again.",
    "The same thing happened in {place} a few years ago and nobody was held accountable.",
    "Ask yourself who benefits from keeping you in the dark.",
    "Not one journalist in {city} has asked a single question about this.",
    "{other} warned us about this back in {year} and everyone laughed.",
    "I called my representative's office and nobody picked up.",
    "Follow the money. It always leads back to the same people.",
    "Our kids deserve the truth, and so do our parents.",
    "Imagine if {other} had done this instead. The outrage would never end.",
    "I'm not saying it's true, I'm just asking questions.",
    "Everyone I know in {place} is talking about this.",
    "This is the third time this month. Coincidence?",
)
NEWS_FRAMES = (
    "A post shared more than {n} times on {platform} claims that {fact}.",
    "Social media users have been sharing claims that {fact}.",
    "{outlet} reported on {weekday} that {fact}, citing unnamed sources.",
    "Speaking to reporters in {city} on {weekday}, {other} dismissed reports that {fact}.",
    "Posts circulating on {platform} since {month} say that {fact}, though {other}, a "
    "spokesperson for {agency}, called the claim misleading.",
    "Rumours that {fact} spread quickly online this week.",
    "{other}, a {job} from {city}, told {outlet} that {fact}.",
    "The claim that {fact} has been viewed {n} times on {platform}.",
    "According to a widely shared video, {fact}.",
    "{Fact}, a viral {platform} post claimed on {weekday}.",
    "Several readers asked us whether {fact}.",
    "In a {platform} video viewed {n} times, a man claims that {fact}.",
    "{other} told a rally in {city} on {weekday} that {fact}.",
)
NEWS_TAILS = (
    "{other} did not respond to a request for comment.",
    "The post links to an article on {domain}.",
    "The claim first appeared in {month}.",
    "{agency} has not commented.",
    "Similar posts have circulated in {place} and {place2}.",
    "{other} shared the post on {weekday}.",
    "A spokesperson for {agency} said the agency was aware of the posts.",
    "The same claim circulated in {place} in {month}, when {other} repeated it in a speech.",
    "Fact-checkers in {place} have examined similar posts before.",
    "The account that first shared it has since been suspended.",
)
UNRELATED_POSTS = (
    "Happy birthday to my amazing sister! #blessed",
    "{person} will hold a town hall in {city} on {weekday}. Details below",
    "Traffic on I-{small} near {city} is a nightmare again",
    "Congrats to {person} on the new job at {company}!",
    "Watching the game tonight in {city} with friends #GameDay",
    "Who else thinks {city} has the best tacos?",
    "{person} just followed me back!!",
    "Rain all week in {city}. Great.",
    "My {company} order arrived two weeks late and nobody answers the phone",
    "Thank you {place} for an amazing tour! See you next year",
    "Looking for a good dentist in {city}, any recommendations?",
    "Finally finished my first marathon in {city}!",
    "{person} on TV tonight at 9, don't miss it",
    "Our school bake sale raised ${small}0 for the library. Thank you {city}!",
    "Can't wait for the concert in {city} this {weekday}!!",
    "Lost dog near the park in {city}, brown and white, answers to Max. Please share",
    "The sunset in {place} tonight was unreal",
    "Reading {person}'s new book on leadership. Highly recommend",
    "Anyone else's {company} app down this morning?",
    "Proud of my daughter, she graduated today in {city}!",
    "Best pizza I've had in years, right here in {city}",
    "Who's watching the debate tonight? {person} vs {person2}",
)
UNRELATED_NEWS = (
    "{person} is expected to visit {city} next month to meet local business leaders.",
    "The {city} city council approved a budget for road repairs on {weekday}.",
    "{company} reported quarterly results slightly above analysts' expectations.",
    "Heavy snow is forecast for {place} this weekend, the weather service said.",
    "{person} announced a book tour that will start in {city} in {month}.",
    "The museum in {city} reopened on {weekday} after a two-year renovation.",
    "A new ferry route between {city} and {city2} opens in {month}.",
    "Tickets for the {city} jazz festival sold out within two hours.",
    "{agency} opened applications for its summer internship programme.",
    "{company} named a new chief executive on {weekday}.",
    "{person} and {person2} will debate in {city} on {weekday}.",
    "The marathon in {city} drew {small}00 runners despite the heat.",
)


# --- Building -------------------------------------------------------------------------------


@dataclass
class Drafted:
    """A claim being built: its template, slots and family."""

    template: Template
    slots: dict[str, Value]
    family: int
    text: str = ""
    claimant: str = ""
    when: date = FIRST_DAY
    rating: str | None = None

    @property
    def key(self) -> tuple[str, ...]:
        return (self.template.name, *(self.slots[name].text for name in self.template.slots))


@dataclass
class Builder:
    rng: random.Random
    people: list[Person]
    templates: tuple[Template, ...]
    drafts: list[Drafted] = field(default_factory=list)
    keys: dict[tuple[str, ...], list[Drafted]] = field(default_factory=dict)
    texts: set[str] = field(default_factory=set)
    persons: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.persons = {person.name: person for person in self.people}

    # claims

    def family(self, number: int) -> list[Drafted]:
        rng = self.rng
        template = rng.choices(self.templates, [t.weight for t in self.templates])[0]
        base = self.slots(template)
        if base is None:
            return []
        size = rng.choices(list(FAMILY_SIZES), list(FAMILY_SIZES.values()))[0]
        members = [base]
        for _ in range(size - 1):
            varied = rng.choice(template.vary)
            slots = dict(base)
            slots[varied] = template.slots[varied].other(rng, base[varied])
            if self.allowed(template, slots):
                members.append(slots)
        drafted = [
            draft for slots in members if (draft := self.draft(template, slots, number)) is not None
        ]
        if drafted and rng.random() < RECHECK_SHARE:
            recheck = self.draft(template, drafted[0].slots, number, after=drafted[0].when)
            if recheck is not None:
                drafted.append(recheck)
        return drafted

    def slots(self, template: Template) -> dict[str, Value] | None:
        for _ in range(20):
            slots = {name: slot.draw(self.rng) for name, slot in template.slots.items()}
            if self.allowed(template, slots):
                return slots
        return None

    def allowed(self, template: Template, slots: dict[str, Value]) -> bool:
        if template.distinct and slots[template.distinct[0]] == slots[template.distinct[1]]:
            return False
        key = (template.name, *(slots[name].text for name in template.slots))
        return key not in self.keys

    def draft(
        self, template: Template, slots: dict[str, Value], family: int, after: date | None = None
    ) -> Drafted | None:
        rng = self.rng
        draft = Drafted(template, slots, family)
        patterns = list(template.claims)
        if template.says and rng.random() < 0.15:
            patterns = list(template.says)
        rng.shuffle(patterns)
        words = claim_words(rng, template, slots)
        texts = [capitalised(pattern.format_map(words)) for pattern in patterns]
        texts = [text for text in texts if text not in self.texts]
        if after is not None and len(texts) > 1:
            # A recheck is worded otherwise than the first check.
            texts = [text for text in texts if text != self.keys[draft.key][0].text]
        if not texts:
            return None
        draft.text = texts[0]
        self.texts.add(draft.text)
        if template.claimant == "viral":
            draft.claimant = rng.choice(VIRAL_CLAIMANTS)
            ratings = RATINGS_VIRAL
        else:
            draft.claimant = slots[template.claimant].text
            ratings = RATINGS_QUOTED
        draft.rating = rng.choices(list(ratings), list(ratings.values()))[0]
        if rng.random() < 0.03:
            draft.rating = None
        draft.when = claim_date(rng, slots, after)
        self.keys.setdefault(draft.key, []).append(draft)
        self.drafts.append(draft)
        return draft


def claim_words(rng: random.Random, template: Template, slots: dict[str, Value]) -> dict[str, str]:
    """The words of each slot in a claim: usually its ``text``; in other words now and then
    (a thing; not a person's name, a number or a direction: those a fact-checker writes in
    full)."""
    words = {}
    for name, value in slots.items():
        # Not an abbreviation (TX, NYC) either: a fact-checker spells it out.
        alts = [alt for alt in value.alts if not alt.isupper()]
        rewordable = isinstance(template.slots[name], Choice) and not value.person and alts
        words[name] = rng.choice(alts) if rewordable and rng.random() < REWORDING else value.text
    return words


def capitalised(text: str) -> str:
    for index, character in enumerate(text):
        if character.isalpha():
            if character.islower():
                return text[:index] + character.upper() + text[index + 1 :]
            return text
        if character not in "\"'":
            return text
    return text


def claim_date(rng: random.Random, slots: dict[str, Value], after: date | None) -> date:
    """When the claim was checked: within a year after the year it names, or after the month
    it names; a recheck months after the first check."""
    if after is not None:
        start, days = after + timedelta(days=60), 600
    elif "month" in slots:
        month, year = slots["month"].text.split()
        start, days = date(int(year), MONTHS.index(month) + 1, 1), 60
    elif "year" in slots:
        start, days = date(int(slots["year"].text), 1, 1), 540
    else:
        start, days = FIRST_DAY, (LAST_DAY - FIRST_DAY).days
    start = min(start, LAST_DAY)
    return start + timedelta(days=rng.randrange(max(1, min(days, (LAST_DAY - start).days))))


# --- Queries --------------------------------------------------------------------------------


@dataclass
class Writer:
    """Queries: a claim's slots in the words of a post or a news story."""

    rng: random.Random
    builder: Builder
    neighbours: dict[int, dict[str, set[str]]]
    """For each draft (by ``id``), per slot, the forms of the values its near-duplicates have
    there: the words a query about it must not use."""
    traits: list[str] = field(default_factory=list)

    def query(self, target: Drafted, news: bool) -> tuple[str, tuple[str, ...]]:
        self.traits = []
        rng = self.rng
        avoid = self.neighbours.get(id(target), {})
        if avoid:
            self.traits.append("near-duplicates")
        words = {
            name: self.form(name, value, avoid.get(name, set()))
            for name, value in target.slots.items()
        }
        template = target.template
        poster: tuple[str, str] | None = None
        choice = rng.random()
        if news:
            text = self.news(self.vague(rng.choice(template.facts), avoid).format_map(words))
        else:
            if template.own and choice < 0.15:
                person = self.builder.persons[target.slots[template.claimant].text]
                pattern = rng.choice(template.own)
                poster = (person.name, person.handle)
                self.traits.append("own")
            elif choice < 0.6:
                pattern = rng.choice(template.posts)
            else:
                fact = rng.choice(template.facts)
                pattern = rng.choice(POST_FRAMES).replace("{fact}", fact).replace("{Fact}", fact)
            text = capitalised(self.vague(pattern, avoid).format_map(words))
            text = self.decorate(text, target.slots, template, poster, target.when)
        return text, tuple(self.traits)

    def vague(self, pattern: str, avoid: dict[str, set[str]]) -> str:
        """``pattern`` with at most one detail said vaguely ("in 2021" as "recently", "in
        Texas" as "here", "3,000 people" as "thousands of people"), as posts do: only a detail
        in which no near-duplicate differs, so that the query still names one claim."""
        rng = self.rng
        for slot, phrases in VAGUE.items():
            needle = f"in {{{slot}}}" if slot != "n" else "{n}"
            if needle in pattern and slot not in avoid and rng.random() < VAGUE_SHARE:
                self.traits.append("vague")
                return pattern.replace(needle, rng.choice(phrases), 1).replace(
                    f"{{{slot}}}", rng.choice(phrases)
                )
        return pattern

    def unrelated(self, news: bool) -> tuple[str, tuple[str, ...]]:
        self.traits = []
        rng = self.rng
        people = rng.sample(self.builder.people[:150], 2)
        fill = {
            "person": people[0].name,
            "person2": people[1].name,
            "city": rng.choice(CITIES).text,
            "city2": rng.choice(CITIES).text,
            "place": rng.choice(PLACES).text,
            "company": rng.choice(COMPANIES).text,
            "agency": rng.choice(AGENCIES).text,
            "weekday": rng.choice(WEEKDAYS),
            "month": rng.choice(MONTHS),
            "small": str(rng.randint(2, 95)),
        }
        if news:
            return capitalised(rng.choice(UNRELATED_NEWS).format_map(fill)), ("news",)
        text = capitalised(rng.choice(UNRELATED_POSTS).format_map(fill))
        return self.decorate(text, {}, None, None, None), ("post", *self.traits)

    # the claim in other words

    def form(self, name: str, value: Value, avoid: set[str]) -> str:
        """``value`` as this query writes it: often in other words, never in the words of a
        near-duplicate's value."""
        rng = self.rng
        if value.person:
            forms = list(value.forms)  # name, surname, handle, title and surname
            weights = [0.45, 0.25, 0.15, 0.15][: len(forms)]
            chosen = rng.choices(forms, weights)[0]
        elif value.alts and rng.random() < PARAPHRASE:
            chosen = rng.choice(value.alts)
        else:
            chosen = value.text
        if chosen.lower() in avoid:
            allowed = [form for form in value.forms if form.lower() not in avoid]
            chosen = allowed[0] if allowed else value.text
        if chosen != value.text:
            if not value.person:
                self.traits.append("paraphrase")
            elif chosen.startswith("@"):
                self.traits.append("handle")
            elif chosen == value.alts[0]:
                self.traits.append("surname")
        return chosen

    def news(self, fact: str) -> str:
        rng = self.rng
        other = rng.choice(self.builder.people)
        outlet = rng.choice(OUTLETS)
        fill = {
            "fact": fact,
            "Fact": capitalised(fact),
            "n": f"{rng.randint(2, 900) * 100:,}",
            "platform": rng.choice(PLATFORMS),
            "outlet": outlet[0],
            "domain": outlet[2],
            "weekday": rng.choice(WEEKDAYS),
            "city": rng.choice(CITIES).text,
            "month": rng.choice(MONTHS),
            "other": f"{other.title} {other.name}".strip() if other.title else other.name,
            "agency": rng.choice(AGENCIES).text,
            "job": rng.choice(JOBS),
            "place": rng.choice(PLACES).text,
            "place2": rng.choice(PLACES).text,
        }
        text = capitalised(rng.choice(NEWS_FRAMES).format_map(fill))
        self.traits.append("mention")
        for _ in range(rng.choices((0, 1, 2), (0.35, 0.4, 0.25))[0]):
            fill["other"] = rng.choice(self.builder.people).name
            text += " " + capitalised(rng.choice(NEWS_TAILS).format_map(fill))
        if rng.random() < 0.2:
            city = rng.choice(CITIES).text.upper()
            text = f"{city} ({outlet[0]}) \u2014 {text}"
        return text

    # what a post carries around the claim

    def decorate(
        self,
        text: str,
        slots: dict[str, Value],
        template: Template | None,
        poster: tuple[str, str] | None,
        when: date | None,
    ) -> str:
        rng = self.rng
        comments = rng.choices(list(COMMENTS_PER_POST), list(COMMENTS_PER_POST.values()))[0]
        for _ in range(comments):
            text = self.comment(text)
        if rng.random() < 0.12:
            text = f"{rng.choice(PREFIXES)} {text}"
        if rng.random() < 0.3:
            text = f"{text} {rng.choice(SUFFIXES)}"
        if rng.random() < 0.35:
            text = self.mention(text)
        if rng.random() < 0.3:
            text = self.typos(text)
        if rng.random() < 0.5:
            text = self.hashtags(text, slots, template)
        if rng.random() < 0.4:
            text = self.emoji(text)
        text = self.case(text)
        if rng.random() < 0.6:
            text = f"{text} {self.link(text)}"
            self.traits.append("link")
        if poster is not None or rng.random() < 0.4:
            text = f"{text} {self.signature(poster, when)}"
            self.traits.append("signature")
        return text

    def comment(self, text: str) -> str:
        rng = self.rng
        self.traits.append("comment")
        fill = {
            "place": rng.choice(PLACES).text,
            "city": rng.choice(CITIES).text,
            "agency": rng.choice(AGENCIES).text,
            "other": rng.choice(self.builder.people).name,
            "year": str(rng.randint(2010, 2024)),
        }
        said = capitalised(rng.choice(COMMENTS).format_map(fill))
        return f"{said} {text}" if rng.random() < 0.3 else f"{text} {said}"

    def mention(self, text: str) -> str:
        rng = self.rng
        self.traits.append("mention")
        other = rng.choice(self.builder.people)
        handles = [person.handle for person in rng.sample(self.builder.people, 2)]
        outlet = rng.choice(OUTLETS)[1]
        choice = rng.randrange(6)
        if choice == 0:
            return f"{' '.join(handles)} {text}"  # a reply
        if choice == 1:
            return f"RT {handles[0]}: {text}"
        if choice == 2:
            return f"{text} cc {handles[0]} {outlet}"
        if choice == 3:
            return f"{text} Even {other.name} admits it."
        if choice == 4:
            return f"{text} h/t {handles[0]}"
        return f"{text} {other.name} needs to see this."

    def hashtags(self, text: str, slots: dict[str, Value], template: Template | None) -> str:
        rng = self.rng
        self.traits.append("hashtag")
        tags: list[str] = []
        if template is not None:
            for pattern in rng.sample(template.tags, min(len(template.tags), rng.randint(1, 2))):
                words = {name: value.tag or value.text for name, value in slots.items()}
                tags.append(hashtag(pattern.format_map(words), lower=rng.random() < 0.15))
            generic = template.generic_tags or GENERIC_TAGS
        else:
            generic = GENERIC_TAGS
        if rng.random() < 0.5:
            tags.append(rng.choice(generic))
        if template is not None and rng.random() < 0.25:
            # One of the post's own words made a hashtag, where it stands.
            candidates = re.findall(r"\b[A-Za-z][a-z]{3,}\b", text)
            if candidates:
                word = rng.choice(candidates)
                text = re.sub(rf"\b{word}\b", f"#{word}", text, count=1)
        rng.shuffle(tags)
        return f"{text} {' '.join(tags)}" if tags else text

    def emoji(self, text: str) -> str:
        rng = self.rng
        self.traits.append("emoji")
        marks = "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.7:
            return f"{text} {marks}"
        return f"{marks} {text}"

    def typos(self, text: str) -> str:
        rng = self.rng
        words = text.split(" ")
        changed = False
        for index, word in enumerate(words):
            if len(word) >= 4 and word.isalpha() and rng.random() < 0.12:
                words[index] = typo(rng, word)
                changed = True
        if changed:
            self.traits.append("typo")
        return " ".join(words)

    def case(self, text: str) -> str:
        rng = self.rng
        choice = rng.random()
        if choice < 0.1:
            self.traits.append("lower case")
            return text.lower()
        if choice < 0.15:
            words = [word for word in text.split() if len(word) > 4 and word.isalpha()]
            if words:
                word = rng.choice(words)
                self.traits.append("capitals")
                return text.replace(word, word.upper(), 1)
        return text

    def link(self, text: str) -> str:
        rng = self.rng
        choice = rng.random()
        if choice < 0.45:
            return " ".join(f"https://t.co/{token(rng, 10)}" for _ in range(rng.randint(1, 2)))
        if choice < 0.75:
            return f"pic.twitter.com/{token(rng, 10)}"
        if choice < 0.85:
            outlet = rng.choice(OUTLETS)
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
            slug = "-".join(words[: rng.randint(3, 6)]) or token(rng, 8).lower()
            year, month = rng.randint(2016, 2024), rng.randint(1, 12)
            return f"https://www.{outlet[2]}/{year}/{month:02d}/{slug}"
        if choice < 0.93:
            return f"bit.ly/{token(rng, 7)}"
        return f"https://youtu.be/{token(rng, 11)}"

    def signature(self, poster: tuple[str, str] | None, when: date | None) -> str:
        """A signature, "— Name (@handle) Month D, YYYY": posted in the weeks before the
        claim was checked (any day, for an unrelated post)."""
        rng = self.rng
        if poster is None:
            choice = rng.random()
            if choice < 0.25:
                person = rng.choice(self.builder.people)
                poster = (person.name, person.handle)
            elif choice < 0.4:
                name = rng.choice(PSEUDONYMS)
                poster = (name, "@" + name.replace(" ", "") + str(rng.randint(1, 99)))
            else:
                first, last = rng.choice(POSTERS_FIRST), rng.choice(POSTERS_LAST)
                squashed = last.strip(".")
                handle = rng.choice(
                    [
                        f"@{first.lower()}_{squashed.lower()}{rng.randint(70, 99)}",
                        f"@{first}{squashed}",
                        f"@{first}{rng.randint(1, 9999)}",
                    ]
                )
                poster = (f"{first} {last}", handle)
        if when is None:
            day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
        else:
            day = max(when - timedelta(days=rng.randrange(45)), FIRST_DAY)
        return f"\u2014 {poster[0]} ({poster[1]}) {day:%B} {day.day}, {day.year}"


def hashtag(words: str, *, lower: bool = False) -> str:
    """``pizza vending machine`` as ``#PizzaVendingMachine`` (or ``#pizzavendingmachine``)."""
    parts = [part for part in re.split(r"[^0-9A-Za-z]+", words) if part]
    if parts and parts[0].lower() in {"the", "a", "an"} and len(parts) > 1:
        parts = parts[1:]
    tag = "".join(part[0].upper() + part[1:] for part in parts)
    return "#" + (tag.lower() if lower else tag)


KEYBOARD_NEIGHBOURS = dict(
    zip(
        "qwertyuiopasdfghjklzxcvbnm",
        words("wa qe wr et ry tu yi uo ip o qs ad sf dg fh gj hk jl k zx xc cv vb bn nm m"),
        strict=True,
    )
)


def typo(rng: random.Random, word: str) -> str:
    """``word`` with one slip of the fingers: two letters swapped, one dropped, doubled or
    replaced by a neighbour on the keyboard."""
    index = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:index] + word[index + 1] + word[index] + word[index + 2 :]
    if kind == 1:
        return word[:index] + word[index + 1 :]
    if kind == 2:
        return word[:index] + word[index] + word[index:]
    neighbours = KEYBOARD_NEIGHBOURS.get(word[index].lower(), "e")
    return word[:index] + rng.choice(neighbours) + word[index + 1 :]


def token(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(length))


def near_duplicates(drafts: Sequence[Drafted]) -> dict[int, dict[str, set[str]]]:
    """For each draft (by ``id``), per slot, the lower-cased forms of the values of the claims
    that differ from it in that slot alone."""
    by_rest: dict[tuple[str, str, tuple[str, ...]], list[Drafted]] = defaultdict(list)
    for draft in drafts:
        for name in draft.template.slots:
            rest = tuple(v.text for n, v in draft.slots.items() if n != name)
            by_rest[(draft.template.name, name, rest)].append(draft)
    found: dict[int, dict[str, set[str]]] = {}
    for (_, name, _), group in by_rest.items():
        values = {draft.slots[name].text: draft.slots[name] for draft in group}
        if len(values) < 2:
            continue
        for draft in group:
            avoid = found.setdefault(id(draft), {}).setdefault(name, set())
            for text, value in values.items():
                if text != draft.slots[name].text:
                    avoid.update(form.lower() for form in value.forms)
    return found


def build(
    seed: int = 2016,
    *,
    claims: int = CLAIMS,
    queries: int = QUERIES,
    unrelated: int = UNRELATED,
) -> MatchingSet:
    """The evaluation set of this seed: ``claims`` claims, ``queries`` queries about them and
    ``unrelated`` queries about none."""
    rng = random.Random(seed)
    people = make_people(rng, PEOPLE)
    builder = Builder(rng, people, templates(People(tuple(p.value() for p in people), 0.8)))
    number = 0
    while len(builder.drafts) < claims:
        builder.family(number)
        number += 1
    drafts = builder.drafts[:claims]
    order = list(range(len(drafts)))
    rng.shuffle(order)  # a family's claims apart, so that no tie-break favours the first
    ids = {id(drafts[index]): f"c{position:05d}" for position, index in enumerate(order)}
    made = tuple(
        sorted(
            (
                Claim(
                    ids[id(draft)],
                    draft.text,
                    draft.claimant,
                    draft.when,
                    draft.rating,
                    draft.template.name,
                    draft.family,
                )
                for draft in drafts
            ),
            key=lambda claim: claim.id,
        )
    )
    writer = Writer(rng, builder, near_duplicates(drafts))
    written: list[Query] = []
    for position, target in enumerate(rng.sample(drafts, queries)):
        news = rng.random() < NEWS_SHARE
        text, traits = writer.query(target, news)
        relevant = tuple(
            sorted(ids[id(draft)] for draft in builder.keys[target.key] if id(draft) in ids)
        )
        written.append(
            Query(f"q{position:04d}", text, relevant, "news" if news else "post", traits)
        )
    for position in range(queries, queries + unrelated):
        text, traits = writer.unrelated(news=rng.random() < NEWS_SHARE)
        written.append(Query(f"q{position:04d}", text, (), "unrelated", traits))
    return MatchingSet(seed, made, tuple(written))


# --- Loading -------------------------------------------------------------------------------


def load_claims(matching_set: MatchingSet, workspace: Any, user: Any) -> dict[uuid.UUID, str]:
    """The set's claims as ``Claim`` rows of ``workspace`` (one ``bulk_create``; primary keys
    from the seed); the set's claim id of each row, by primary key. The database's triggers
    index them as they arrive."""
    from annotations.claims.models import Claim as ClaimRow

    rng = random.Random(matching_set.seed)
    rows = [
        ClaimRow(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            workspace=workspace,
            created_by=user,
            text=claim.text,
            claimant=claim.claimant,
            claim_date=claim.date,
            language="en",
        )
        for claim in matching_set.claims
    ]
    ClaimRow.objects.bulk_create(rows, batch_size=1_000)
    return {row.pk: claim.id for row, claim in zip(rows, matching_set.claims, strict=True)}


# --- Metrics --------------------------------------------------------------------------------

Ranking = Callable[[str], Sequence[tuple[str, float | None]]]
"""Text → ``(claim id, score)`` best first; the score may be ``None`` (a stage that orders
without scoring)."""


def average_precision(ranked: Sequence[str], relevant: Iterable[str], k: int = 5) -> float:
    """AP@k: the mean, over the first ``k`` places holding a relevant claim, of the precision
    at that place, divided by ``min(k, relevant)``."""
    wanted = set(relevant)
    hits, total = 0, 0.0
    for place, claim in enumerate(ranked[:k], start=1):
        if claim in wanted:
            hits += 1
            total += hits / place
    return total / min(k, len(wanted))


def percentile(values: Sequence[float], wanted: int) -> float:
    """The ``wanted``-th percentile, interpolated (``statistics.quantiles``, inclusive)."""
    if not values:
        return math.nan
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[wanted - 1]


def quality(ranks: dict[str, list[str]], queries: Sequence[Query]) -> dict[str, float]:
    """MAP@5, MRR, R@1, R@5 and R@10 of the ranked ids of ``queries``."""
    if not queries:
        return {}
    metrics = {"map@5": 0.0, "mrr": 0.0, "r@1": 0.0, "r@5": 0.0, "r@10": 0.0}
    for query in queries:
        ranked, relevant = ranks[query.id], set(query.relevant)
        metrics["map@5"] += average_precision(ranked, relevant)
        first = next((place for place, pk in enumerate(ranked, 1) if pk in relevant), None)
        metrics["mrr"] += 1 / first if first else 0.0
        for k in (1, 5, 10):
            metrics[f"r@{k}"] += len(relevant.intersection(ranked[:k])) / len(relevant)
    return {name: total / len(queries) for name, total in metrics.items()}


def evaluate(
    ranking: Ranking,
    matching_set: MatchingSet,
    *,
    threshold: float | None = None,
    queries: Sequence[Query] | None = None,
) -> dict[str, Any]:
    """Every query (or those given) through ``ranking``; see ``quality`` for the metrics of
    the related queries (overall and by kind). Also: latency of a call (p50, p95 ms); the
    best score of each unrelated query (max, p95, median: the false-positive level); the
    relevant claim's score (median); and, with a ``threshold``, how many true matches reach it
    (a relevant claim listed at or above it), how many unrelated queries do, and the precision
    of everything listed at or above it."""
    chosen = matching_set.queries if queries is None else queries
    ranks: dict[str, list[str]] = {}
    scores: dict[str, list[float | None]] = {}
    latencies: list[float] = []
    for query in chosen:
        began = time.perf_counter()
        hits = list(ranking(query.text))
        latencies.append((time.perf_counter() - began) * 1000)
        ranks[query.id] = [pk for pk, _ in hits]
        scores[query.id] = [score for _, score in hits]
    related = [query for query in chosen if query.relevant]
    unrelated = [query for query in chosen if not query.relevant]
    report: dict[str, Any] = {
        "queries": len(related),
        "unrelated_queries": len(unrelated),
        **quality(ranks, related),
        "by_kind": {
            kind: quality(ranks, [query for query in related if query.kind == kind])
            for kind in ("post", "news")
        },
        "latency_ms": {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95)},
    }
    scored = all(score is not None for query in chosen for score in scores[query.id])
    if scored:
        report.update(score_levels(related, unrelated, ranks, scores, threshold))
    report["ranks"] = {
        query.id: next(
            (place for place, pk in enumerate(ranks[query.id], 1) if pk in query.relevant), None
        )
        for query in related
    }
    return report


def score_levels(
    related: Sequence[Query],
    unrelated: Sequence[Query],
    ranks: dict[str, list[str]],
    scores: dict[str, list[float | None]],
    threshold: float | None,
) -> dict[str, Any]:
    def best(query: Query) -> float:
        return max((score or 0.0 for score in scores[query.id]), default=0.0)

    def relevant_score(query: Query) -> float:
        found = [
            score or 0.0
            for pk, score in zip(ranks[query.id], scores[query.id], strict=True)
            if pk in query.relevant
        ]
        return max(found, default=0.0)

    unrelated_best = sorted(best(query) for query in unrelated)
    levels: dict[str, Any] = {
        "unrelated_best": {
            "max": max(unrelated_best, default=math.nan),
            "p95": percentile(unrelated_best, 95),
            "median": percentile(unrelated_best, 50),
        },
        "relevant_score_median": percentile([relevant_score(query) for query in related], 50),
        "top_score_median": percentile([best(query) for query in related], 50),
    }
    if threshold is not None:
        listed = relevant_listed = 0
        for query in related:
            for pk, score in zip(ranks[query.id], scores[query.id], strict=True):
                if (score or 0.0) >= threshold:
                    listed += 1
                    relevant_listed += pk in query.relevant
        listed += sum(
            (score or 0.0) >= threshold for query in unrelated for score in scores[query.id]
        )
        reaching = sum(relevant_score(query) >= threshold for query in related)
        levels["threshold"] = {
            "value": threshold,
            "true_matches_reaching": reaching,
            "recall": reaching / len(related) if related else math.nan,
            "unrelated_reaching": sum(value >= threshold for value in unrelated_best),
            "listed": listed,
            "precision": relevant_listed / listed if listed else math.nan,
        }
    return levels


# --- The reference ----------------------------------------------------------------------------

BM25 = {"k1": 1.2, "b": 0.75, "method": "lucene"}
"""Plain BM25 as the issue measured it: Lucene's form, k1 1.2, b 0.75."""
WORD_SPLIT = re.compile(r"\W+")


def tokens(text: str, stop_words: frozenset[str]) -> list[str]:
    """BM25's words: lower case, split on non-word characters, stop words out."""
    return [word for word in WORD_SPLIT.split(text.lower()) if word and word not in stop_words]


def bm25_ranking(texts: list[tuple[str, str]], limit: int = 50) -> Ranking:
    """Plain BM25 (``bm25s``) over ``texts`` (id, text): the reference."""
    import bm25s  # type: ignore[import-untyped]
    import numpy as np
    from bm25s.stopwords import STOPWORDS_EN  # type: ignore[import-untyped]

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG when imported
    stop_words = frozenset(STOPWORDS_EN)
    ids = [pk for pk, _ in texts]
    retriever = bm25s.BM25(**BM25)
    retriever.index([tokens(text, stop_words) for _, text in texts], show_progress=False)
    vocabulary = retriever.vocab_dict

    def rank(text: str) -> list[tuple[str, float | None]]:
        words = [word for word in tokens(text, stop_words) if word in vocabulary]
        if not words:
            return []
        scores = retriever.get_scores(words)
        best = np.argpartition(-scores, min(limit, len(ids) - 1))[:limit]
        best = best[np.lexsort((best, -scores[best]))]
        return [(ids[index], float(scores[index])) for index in best if scores[index] > 0]

    return rank
