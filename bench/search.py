"""Benchmark: full-text search and claim matching through the API, on PostgreSQL, at the scale
of a newsroom's archive (100,000 articles, 300,000 claims).

Measures the wall time (``time.perf_counter`` around ``APIClient.get``) of
``GET /api/v1/search/?q=…`` and ``GET /api/v1/claims/similar/?text=…&limit=10`` for an editor
of the one workspace that holds everything. Requests go through the whole Django/DRF stack in
this process (middleware, authentication by ``force_authenticate``, throttling, serializers, the
SQL, JSON rendering); the figures exclude the network, the WSGI server and a separate server
process.

Data, seeded and reproducible (``random.Random(SEED)``):

- 100,000 articles of 1,500 to 3,000 characters, written by a sentence generator: English
  (85%), German (10%) and French (5%) templates whose subjects, roles, places, organisations,
  topics, numbers and names are drawn with Zipf-like frequencies, English ones mixed with the
  sentences of the seed article (``annotations/fixtures/demo/stoltenberg-nato-membership.txt``).
  Surnames come from a pool of real ones and 3,000 generated ones, so the rarest names occur in
  a few dozen rows and selective queries exist. 30 publishers, publication dates over 2022-2024;
  each article was added (``created_at``) when it was published.
- 300,000 claims of 8 to 25 words from templates ("<person> said <quantity> <things> <verb> in
  <place> in <year>", …) in the same languages, with claimant and claim date, added that day.

The rows are inserted with COPY in batches of 2,000 (``--load bulk_create``: the ORM's
``bulk_create``, measured 1.6 times slower: 20,000 articles in 44 s against 28 s, 60,000 claims
in 29 s against 17 s). Neither calls ``Article.save``, so the articles have no
``ArticleRevision`` row and no history record: search reads neither. The database's row
triggers (migration 0013) fill ``search_vector`` on COPY as on INSERT, and the GIN
indexes are maintained as rows arrive, as in production. ``VACUUM ANALYZE`` of the whole
database follows (statistics for every table, the small workspace and membership tables
included, and the GIN pending list flushed).

Queries, seeded: 200 searches of seven kinds (a rare surname; two words; a "quoted phrase" from
a stored article; a word and an -excluded word; two words joined by OR; a common word such as
"government"; a word with language, publisher or date filters), at the default page size (50);
and 250 matching texts: 200 paraphrases of stored claims (words reordered, one dropped or one
inserted) and 50 unrelated texts. 20 warm-up requests to each endpoint, then each request is
timed once. Printed: median, p95, p99 and max per kind and overall beside the goals (search
p95 < 50 ms, matching p95 < 100 ms), the SQL statements of one request of each kind
(``CaptureQueriesContext``), and, for a missed goal, EXPLAIN (ANALYZE, BUFFERS) of the two
slowest statements of the slowest request of the slowest kind (and of the fastest kind, when it
misses too). A request that does not answer 200 (a statement timeout answers 500) is reported,
counted with its time in the figures, and makes the script exit with status 1 at the end.
Results also go to ``bench/results/search-<timestamp>.json``.

For the run only: the user throttle rate is raised (``FACTCHECK_THROTTLE_USER``) so that the
~500 requests are not answered 429, the request log is kept at WARNING, ``testserver`` is added
to ``DJANGO_ALLOWED_HOSTS``, and requests are made as HTTPS (``secure=True``) so that
``SECURE_SSL_REDIRECT`` does not answer 301. The rest is ``factcheck.settings`` as deployed
(debug off, psycopg connection pool, 5 s statement timeout; the load and EXPLAIN lift the
timeout for their own transactions).

PostgreSQL only (``DATABASE_URL``); the work happens in a throw-away database,
``test_<name>_search``, dropped at the end. Run from the project root:
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench .venv/bin/python bench/search.py``
(``--articles``/``--claims`` give a smaller data set for a trial run).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import logging
import os
import platform
import random
import re
import statistics
import sys
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any, Generic, TypeVar

import django

SEED = 20240613
ARTICLES = 100_000
CLAIMS = 300_000
BATCH = 2_000
ARTICLE_LENGTHS = (1_500, 3_000)
CLAIM_WORDS = (8, 25)
LANGUAGE_SHARES = {"en": 0.85, "de": 0.10, "fr": 0.05}
FIRST_DAY = datetime(2022, 1, 1, tzinfo=UTC)
DAYS = 3 * 365
SEARCH_KINDS = {
    "name": 35,
    "two words": 35,
    "phrase": 30,
    "exclusion": 25,
    "or": 25,
    "common": 25,
    "filtered": 25,
}
PARAPHRASES = 200
UNRELATED = 50
WARMUP = 20
MATCH_LIMIT = 10
GOALS = {"search": 0.050, "matching": 0.100}
EXPLAINED_STATEMENTS = 2
EXPLAIN_TIMEOUT_MS = 300_000
PLAN_LINES_PRINTED = 60
RESULTS = Path(__file__).resolve().parent / "results"
SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[“A-Z])")

T = TypeVar("T")


def words(text: str) -> list[str]:
    return text.split()


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


# --- Vocabulary -------------------------------------------------------------------------------

FIRST_NAMES = {
    "en": words(
        "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Susan "
        "Richard Jessica Thomas Sarah Daniel Karen Mark Nancy Paul Lisa Andrew Emily Peter "
        "Helen Simon Rachel Olga Jens Ursula Volodymyr Kaja Mette Pedro Giorgia Donald Keir"
    ),
    "de": words(
        "Anna Jonas Lena Felix Katrin Matthias Sabine Tobias Julia Stefan Claudia Markus "
        "Annalena Olaf Friedrich Christian Robert Nancy Boris Karl"
    ),
    "fr": words(
        "Marie Jean Camille Pierre Sophie Nicolas Claire Julien Élise Antoine Isabelle Thomas "
        "Manon François Gabriel Élisabeth Bruno Ségolène"
    ),
}
COMMON_SURNAMES = words(
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas Moore "
    "Martin Jackson Thompson White Harris Clark Lewis Walker Hall Young King Wright Green "
    "Baker Adams Nelson Carter Mitchell Müller Schmidt Schneider Fischer Weber Meyer "
    "Wagner Becker Schulz Hoffmann Dubois Bernard Moreau Laurent Lefebvre Girard Bonnet "
    "Dupont Stoltenberg Zelensky Kuleba Stefanishina Rutte Macron Scholz Meloni Sánchez "
    "Tusk Orbán Kallas Frederiksen Borrell Michel Lagarde Guterres Erdoğan Sunak Starmer "
    "Habeck Lindner"
)
SURNAME_PARTS = (
    words(
        "Ba Be Bo Da De Dra Fa Fe Ga Gri Ha Ka Ke Ko Kra La Le Lo Ma Me Mo Na Ne No Pa Pe Po "
        "Ra Re Ro Sa Se So Sta Ta Te To Va Ve Vo Wa Za Ze Zo"
    ),
    words("li ri na no va vi ko ra le lo sa ta ne mi du be ga ro si"),
    words("nen ski vic ardt ello ova ez ssen ic oux berg mann sson zek ani escu idis ard ov enko"),
)
SYNTHETIC_SURNAMES = 3_000
RARE_FROM = 1_000
"""Name queries use generated surnames from this rank on: each occurs in a few dozen rows."""

ROLES = {
    "en": [
        "Prime Minister",
        "President",
        "Foreign Minister",
        "Finance Minister",
        "Defence Minister",
        "opposition leader",
        "Health Minister",
        "central bank governor",
        "government spokesperson",
        "Interior Minister",
        "mayor",
        "senator",
        "union leader",
        "chief economist",
        "Energy Minister",
        "party chair",
    ],
    "de": words(
        "Bundeskanzler Außenministerin Finanzminister Verteidigungsminister Oppositionsführer "
        "Gesundheitsminister Regierungssprecher Bürgermeisterin Wirtschaftsminister "
        "Parteichef"
    ),
    "fr": [
        "le Premier ministre",
        "le président",
        "la ministre des Affaires étrangères",
        "le ministre de l'Économie",
        "le ministre des Armées",
        "la porte-parole du gouvernement",
        "le maire",
        "la députée",
        "le chef de l'opposition",
    ],
}
PLACES = {
    "en": words(
        "Ukraine Russia Germany France Poland Britain Italy Spain China India Brazil Turkey "
        "Hungary Romania Sweden Finland Norway Denmark Austria Greece Portugal Ireland "
        "Belgium Netherlands Canada Mexico Japan Israel Iran Egypt Nigeria Kenya Georgia "
        "Moldova Serbia Lithuania Latvia Estonia Slovakia Czechia Bulgaria Croatia Argentina "
        "Chile Colombia Indonesia Vietnam Pakistan Morocco Tunisia Armenia Azerbaijan "
        "Kazakhstan"
    ),
    "de": [
        "Deutschland",
        "Frankreich",
        "Polen",
        "Österreich",
        "die Schweiz",
        "Italien",
        "Spanien",
        "die Ukraine",
        "Russland",
        "China",
        "die USA",
        "Ungarn",
        "Tschechien",
        "Dänemark",
        "die Niederlande",
    ],
    "fr": [
        "la France",
        "l'Allemagne",
        "la Belgique",
        "l'Italie",
        "l'Espagne",
        "la Pologne",
        "l'Ukraine",
        "la Russie",
        "les États-Unis",
        "la Chine",
        "le Maroc",
        "l'Algérie",
        "la Suisse",
    ],
}
CITIES = {
    "en": words(
        "Washington London Brussels Berlin Paris Kyiv Moscow Warsaw Rome Madrid Beijing "
        "Ankara Vienna Geneva Budapest Bucharest Stockholm Helsinki Oslo Copenhagen Athens "
        "Lisbon Dublin Amsterdam Ottawa Tokyo Delhi Cairo Lagos Nairobi Tbilisi Chisinau "
        "Belgrade Vilnius Riga Tallinn Prague Sofia Zagreb Kharkiv Odesa Lviv Gdansk Krakow "
        "Munich Hamburg Lyon Marseille Milan Barcelona Istanbul Davos Strasbourg Luxembourg"
    ),
    "de": words(
        "Berlin München Hamburg Köln Frankfurt Wien Zürich Brüssel Leipzig Dresden Stuttgart "
        "Hannover Bremen Düsseldorf Erfurt Kiel Mainz Potsdam"
    ),
    "fr": words(
        "Paris Lyon Marseille Toulouse Bordeaux Lille Nantes Strasbourg Bruxelles Genève "
        "Montpellier Rennes Nice Grenoble"
    ),
}
ORGS = {
    "en": [
        "NATO",
        "the European Union",
        "the United Nations",
        "the IMF",
        "the World Bank",
        "the World Health Organization",
        "the European Commission",
        "the central bank",
        "the OECD",
        "the Kremlin",
        "the White House",
        "the Pentagon",
        "the European Central Bank",
        "Amnesty International",
        "the Red Cross",
        "the statistics office",
    ],
    "de": [
        "die Bundesregierung",
        "die EU-Kommission",
        "die Nato",
        "die Bundesbank",
        "das Statistische Bundesamt",
        "die Bundesagentur für Arbeit",
        "der Bundestag",
        "das Kanzleramt",
    ],
    "fr": [
        "l'Élysée",
        "Matignon",
        "la Commission européenne",
        "l'Otan",
        "l'Insee",
        "la Banque de France",
        "l'Assemblée nationale",
        "le Sénat",
    ],
}
TOPICS = {
    "en": [
        "inflation",
        "energy prices",
        "the budget",
        "military aid",
        "the ceasefire",
        "unemployment",
        "the pension reform",
        "housing costs",
        "migration",
        "the election",
        "climate targets",
        "the trade deal",
        "sanctions",
        "interest rates",
        "public debt",
        "healthcare spending",
        "the minimum wage",
        "gas supplies",
        "wheat exports",
        "the tax plan",
        "defence spending",
        "border controls",
        "the refugee crisis",
        "food prices",
        "the nuclear programme",
        "vaccine supplies",
        "the peace talks",
        "corruption",
        "press freedom",
        "rail strikes",
        "the housing shortage",
        "fuel subsidies",
        "cyber attacks",
        "drought relief",
        "the grain corridor",
        "arms exports",
    ],
    "de": [
        "die Energiepreise",
        "die Rentenreform",
        "die Inflation",
        "die Arbeitslosigkeit",
        "die Migration",
        "die Militärhilfe",
        "die Mietpreise",
        "die Schuldenbremse",
        "die Wehrpflicht",
        "die Gaspreise",
        "die Klimaziele",
        "die Sanktionen",
        "die Zinsen",
        "die Krankenhausreform",
        "die Grundsteuer",
        "die Bahnstreiks",
        "die Waffenlieferungen",
        "die Lebensmittelpreise",
    ],
    "fr": [
        "la réforme des retraites",
        "l'inflation",
        "le chômage",
        "les prix de l'énergie",
        "l'immigration",
        "l'aide militaire",
        "le budget",
        "la dette publique",
        "les sanctions",
        "les taux d'intérêt",
        "le pouvoir d'achat",
        "la crise du logement",
        "les grèves",
        "la sécurité sociale",
    ],
}
SAID = {
    "en": (
        "said",
        "told reporters",
        "announced",
        "warned",
        "insisted",
        "claimed",
        "argued",
        "stressed",
        "told a news conference",
        "wrote on social media",
    ),
    "de": ("sagte", "erklärte", "betonte", "warnte", "kündigte an", "behauptete"),
    "fr": ("a déclaré", "a affirmé", "a souligné", "a averti", "a annoncé", "a assuré"),
}
WEEKDAYS = {
    "en": [f"on {day}" for day in words("Monday Tuesday Wednesday Thursday Friday Saturday")]
    + ["last week", "earlier this month", "on Sunday"],
    "de": [f"am {day}" for day in words("Montag Dienstag Mittwoch Donnerstag Freitag Samstag")],
    "fr": words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
}
MONTHS = {
    "en": words(
        "January February March April May June July August September October November December"
    ),
    "de": words(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    ),
    "fr": words(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
}
THINGS = {
    "en": [
        ("jobs", "were created"),
        ("jobs", "were lost"),
        ("migrants", "arrived"),
        ("homes", "were built"),
        ("soldiers", "were deployed"),
        ("tonnes of grain", "were exported"),
        ("vaccine doses", "were administered"),
        ("teachers", "were hired"),
        ("nurses", "left the health service"),
        ("refugees", "were registered"),
        ("wind turbines", "were installed"),
        ("electric cars", "were sold"),
        ("burglaries", "were reported"),
        ("schools", "were closed"),
        ("hospital beds", "were cut"),
        ("businesses", "went bankrupt"),
        ("flights", "were cancelled"),
        ("police officers", "were recruited"),
        ("asylum applications", "were rejected"),
        ("new companies", "were founded"),
    ],
    "de": [
        ("Arbeitsplätze", "geschaffen"),
        ("Wohnungen", "gebaut"),
        ("Soldaten", "stationiert"),
        ("Asylanträge", "abgelehnt"),
        ("Windräder", "errichtet"),
        ("Lehrer", "eingestellt"),
        ("Krankenhausbetten", "abgebaut"),
        ("Schulen", "geschlossen"),
    ],
    "fr": [
        ("emplois", "créés"),
        ("logements", "construits"),
        ("soldats", "déployés"),
        ("demandes d'asile", "rejetées"),
        ("éoliennes", "installées"),
        ("enseignants", "recrutés"),
        ("lits d'hôpital", "supprimés"),
        ("écoles", "fermées"),
    ],
}
INDICATORS = {
    "en": [
        "unemployment",
        "inflation",
        "the murder rate",
        "child poverty",
        "the budget deficit",
        "youth unemployment",
        "the birth rate",
        "public debt",
        "the minimum wage",
        "energy imports",
    ],
    "de": ["die Arbeitslosigkeit", "die Inflation", "die Kinderarmut", "die Staatsverschuldung"],
    "fr": ["le chômage", "l'inflation", "la pauvreté", "la dette publique", "le déficit"],
}
PUBLISHERS = {
    "en": [
        "The Daily Ledger",
        "Global Wire",
        "The Morning Post",
        "Continental Times",
        "The Evening Standard-Herald",
        "Metro Observer",
        "Capital Gazette",
        "The Northern Chronicle",
        "World Report",
        "Atlantic Dispatch",
        "The Independent Monitor",
        "City Review",
        "The Weekly Courier",
        "National Tribune",
        "East Europe Today",
        "The Policy Journal",
        "Harbour News",
        "The Sentinel",
        "Riverside Press",
        "Open Source Bulletin",
    ],
    "de": [
        "Berliner Tagesblatt",
        "Rheinische Rundschau",
        "Süddeutscher Kurier",
        "Hamburger Abendpost",
        "Wiener Zeitung am Sonntag",
        "Mitteldeutsche Nachrichten",
    ],
    "fr": ["Le Quotidien", "La Gazette de Lyon", "Le Courrier du Nord", "L'Observateur"],
}
POLLSTERS = ("YouGov", "Ipsos", "Gallup", "Forsa", "Infratest dimap", "Ifop", "Elabe")
ADJECTIVES = (
    "unacceptable",
    "a step in the right direction",
    "long overdue",
    "deeply worrying",
    "a historic opportunity",
    "irresponsible",
    "necessary but painful",
    "a betrayal of voters",
)
EVENTS = (
    "the floods",
    "the explosion",
    "the protests",
    "the storm",
    "clashes with police",
    "the earthquake",
    "the drone attack",
    "the wildfires",
)
QUOTES = (
    "We will not accept any compromise on {topic}",
    "This is a decisive moment for {place}",
    "Nobody can say that {topic} is under control",
    "The figures speak for themselves",
    "We need a serious plan for {topic}, and we need it now",
    "Our partners in {city} understand what is at stake",
)
HEADLINES = {
    "en": (
        "{surname} warns {topic} could {change} by {pct} percent",
        "{place} to spend {money} on {topic}",
        "Protests in {city} over {topic}",
        "{org} says {topic} is {adjective}",
        "{place} and {place2} resume talks on {topic}",
        "{surname} under pressure over {topic}",
        "{surname}: “{quote}”",
        "{n} {things} {happened} in {place}, figures show",
    ),
    "de": (
        "{surname} warnt vor steigenden Kosten",
        "Streit um {topic} in {city}",
        "{org} legt neue Zahlen vor",
        "{surname} will {topic} neu regeln",
    ),
    "fr": (
        "{surname} défend {topic}",
        "Manifestations à {city} contre {topic}",
        "{org} publie de nouveaux chiffres",
        "Polémique autour de {topic}",
    ),
}
SENTENCES = {
    "en": (
        "{role} {person} {said} {weekday} that {topic} would {change} by {pct} percent next year.",
        "The government in {place} plans to spend {money} on {topic} over the next {years} years.",
        "According to figures published by {org}, {topic} rose by {pct} percent in {month}.",
        "{person}, who has served as {role} since {year}, {said} the measures were {adjective}.",
        "Critics in {place} argued that the plan would do little to address {topic}.",
        "Officials in {city} confirmed that {n} people had been {affected} after {event}.",
        "{org} said in a statement that it was monitoring the situation in {place} closely.",
        "The talks between {place} and {place2} are expected to resume in {month}.",
        "In an interview with {publisher}, {person} described {topic} as {adjective}.",
        "{pct} percent of voters in {place} support the government's approach to {topic}, "
        "a poll by {pollster} found.",
        "“{quote},” {person} {said}.",
        "The opposition accused the government of misleading the public about {topic}.",
        "Markets in {city} fell {pct} percent after the announcement, while the {currency} "
        "weakened against the dollar.",
        "Analysts at {bank} expect {topic} to remain a key issue ahead of the {year} election.",
        "Protesters gathered outside parliament in {city} {weekday}, demanding action on {topic}.",
        "The {ministry} ministry said that {n} {things} {happened} in {place} since {month}.",
        "{person} is due to meet {role2} {person2} in {city} later this {period}.",
        "Neither {org} nor the government in {place} responded to a request for comment.",
        "Last year, {place} recorded {n} {things}, up from {n2} a year earlier.",
        "{role} {person} has repeatedly called for more cooperation with {place2} on {topic}.",
        "The proposal still needs the approval of parliament, where the governing coalition "
        "holds a narrow majority.",
        "Diplomats in {city} said privately that a deal on {topic} was unlikely before {month}.",
        "{surname} rejected the criticism, saying the government had inherited {topic} from "
        "its predecessors.",
        "The report by {org} estimated the cost of {topic} at {money}.",
    ),
    "de": (
        "{role} {person} {said} {weekday}, die Regierung werde {topic} im nächsten Jahr "
        "grundlegend überprüfen.",
        "Die Regierung in {place} will in den kommenden {years} Jahren {money} für {topic} "
        "ausgeben.",
        "Wie {org} mitteilte, stieg die Zahl im {month} um {pct} Prozent.",
        "Kritiker werfen der Regierung vor, die Öffentlichkeit über {topic} getäuscht zu haben.",
        "{person} trifft sich später in dieser Woche in {city} mit {role2} {person2}.",
        "Die Opposition forderte {weekday} einen Untersuchungsausschuss über {topic}.",
        "In {city} demonstrierten am Wochenende rund {n} Menschen gegen {topic}.",
        "Weder das Ministerium noch {org} wollten sich zu den Vorwürfen äußern.",
        "Laut einer Umfrage von {pollster} unterstützen {pct} Prozent der Befragten {topic}.",
        "Die Gespräche zwischen {place} und {place2} sollen im {month} fortgesetzt werden.",
        "„Wir werden keine Kompromisse eingehen“, {said} {person} in {city}.",
        "Nach Angaben der Behörden wurden seit {month} {n} {things} {happened}.",
    ),
    "fr": (
        "{role} {person} {said} {weekday} que le gouvernement réexaminerait {topic} l'an prochain.",
        "Le gouvernement prévoit de consacrer {money} pour {topic} au cours des {years} "
        "prochaines années.",
        "Selon {org}, {topic} a progressé de {pct} % en {month}.",
        "Les critiques reprochent au gouvernement d'avoir trompé l'opinion sur {topic}.",
        "{person} doit rencontrer {role2} {person2} à {city} plus tard cette semaine.",
        "Des milliers de manifestants se sont rassemblés à {city} {weekday} pour protester "
        "contre {topic}.",
        "Ni le ministère ni {org} n'ont souhaité commenter ces informations.",
        "Selon un sondage {pollster}, {pct} % des personnes interrogées soutiennent {topic}.",
        "Les négociations entre {place} et {place2} doivent reprendre en {month}.",
        "L'opposition a demandé {weekday} la création d'une commission d'enquête sur {topic}.",
        "Selon les autorités, {n} {things} ont été {happened} depuis {month}.",
    ),
}
CLAIM_TEMPLATES = {
    "en": (
        "{person} said {n} {things} {happened} in {place} in {year}.",
        "{n} {things} {happened} in {place} last year, {person} claimed.",
        "{place} spends more on {topic} than {place2}, according to {person}.",
        "{indicator} in {place} {moved} to {pct} percent in {year}.",
        "{org} has sent {n} {things} to {place} since {year}.",
        "{person} claimed that {place} has the highest {indicator_bare} in Europe.",
        "Only {pct} percent of {things} in {place} {happened} in {year}, {person} said.",
        "Under {person}, {indicator} in {place} doubled between {year} and {year2}.",
        "The government of {place} cut spending on {topic} by {money} in {year}.",
        "{person} said {place} received {money} from {org} for {topic} in {year}.",
    ),
    "de": (
        "{person} sagte, {n} {things} seien {year} in {place} {happened} worden.",
        "{indicator} in {place} sei {year} auf {pct} Prozent gestiegen, behauptete {person}.",
        "{place} gebe mehr für {topic} aus als {place2}, sagte {person}.",
    ),
    "fr": (
        "{person} affirme que {n} {things} ont été {happened} en {year} en {place}.",
        "Selon {person}, {indicator} a atteint {pct} % en {year} en {place}.",
        "{place} dépense plus pour {topic} que {place2}, selon {person}.",
    ),
}
CLAIM_TAILS = {
    "en": (
        ", according to official figures",
        " despite warnings from {org}",
        " during the {year} campaign",
        ", a figure disputed by the opposition",
    ),
    "de": (", so die Regierung", " trotz Warnungen von {org}"),
    "fr": (", selon les chiffres officiels", " malgré les avertissements de {org}"),
}
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


def generated_surnames(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up surnames, in a random order (their rank)."""
    made = sorted({"".join(parts) for parts in itertools.product(*SURNAME_PARTS)})
    return rng.sample(made, count)


def seed_sentences() -> list[str]:
    path = resources.files("annotations") / "fixtures" / "demo" / "stoltenberg-nato-membership.txt"
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")[2:]  # without the headlines
    return [sentence for paragraph in paragraphs for sentence in SENTENCE_END.split(paragraph)]


def german_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def french_number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


class Writer:
    """Articles and claims from templates; every random choice from the ``rng`` given."""

    def __init__(self, seed: int) -> None:
        names_rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
        self.rare_surnames = generated_surnames(names_rng, SYNTHETIC_SURNAMES)
        self.surname = Zipf(COMMON_SURNAMES + self.rare_surnames)
        self.seed_sentences = seed_sentences()
        self.first = {language: Zipf(names, 0.7) for language, names in FIRST_NAMES.items()}
        self.place = {language: Zipf(places, 0.9) for language, places in PLACES.items()}
        self.city = {language: Zipf(cities, 0.9) for language, cities in CITIES.items()}
        self.org = {language: Zipf(orgs, 0.8) for language, orgs in ORGS.items()}
        self.topic = {language: Zipf(topics, 0.8) for language, topics in TOPICS.items()}
        self.role = {language: Zipf(roles, 0.7) for language, roles in ROLES.items()}
        self.publisher = {language: Zipf(names, 0.6) for language, names in PUBLISHERS.items()}

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
        rng, language, writer = self.rng, self.language, self.writer
        if key in self.context and rng.random() < 0.6:
            return self.context[key]
        match key:
            case "person" | "person2":
                return writer.person(rng, language)[0]
            case "surname":
                return writer.surname(rng)
            case "role" | "role2":
                return writer.role[language](rng)
            case "place" | "place2":
                return writer.place[language](rng)
            case "city":
                return writer.city[language](rng)
            case "org":
                return writer.org[language](rng)
            case "topic":
                return writer.topic[language](rng)
            case "said":
                return rng.choice(SAID[language])
            case "weekday":
                return rng.choice(WEEKDAYS[language])
            case "month":
                return rng.choice(MONTHS[language])
            case "year" | "year2":
                return str(rng.randint(2008, 2024))
            case "years":
                return str(rng.randint(2, 10))
            case "pct":
                value = f"{rng.uniform(0.5, 45):.1f}"
                return value if language == "en" else value.replace(".", ",")
            case "n" | "n2":
                number = round(10 ** rng.uniform(1, 6))
                if language == "de":
                    return german_number(number)
                return french_number(number) if language == "fr" else f"{number:,}"
            case "money":
                amount = rng.randint(1, 950)
                if language == "en":
                    scale = rng.choice(["million", "billion"])
                    return f"${amount} {scale}" if rng.random() < 0.5 else f"€{amount} {scale}"
                scale = rng.choice(
                    ["Millionen", "Milliarden"] if language == "de" else ["millions", "milliards"]
                )
                return f"{amount} {scale} Euro" if language == "de" else f"{amount} {scale} d'euros"
            case "things" | "happened":
                things, happened = rng.choice(THINGS[language])
                self["things"], self["happened"] = things, happened
                return self[key]
            case "indicator":
                return rng.choice(INDICATORS[language])
            case "indicator_bare":
                return rng.choice(INDICATORS[language]).removeprefix("the ")
            case "moved":
                return rng.choice(["rose", "fell", "climbed", "dropped"])
            case "change":
                return rng.choice(["rise", "fall", "increase", "decline"])
            case "adjective":
                return rng.choice(ADJECTIVES)
            case "event":
                return rng.choice(EVENTS)
            case "affected":
                return rng.choice(["evacuated", "arrested", "injured", "detained"])
            case "quote":
                return capitalised(rng.choice(QUOTES).format_map(self))
            case "pollster":
                return rng.choice(POLLSTERS)
            case "publisher":
                return writer.publisher[language](rng)
            case "currency":
                return rng.choice(["euro", "pound", "zloty", "lira", "forint", "krona", "yen"])
            case "bank":
                return rng.choice(["Deutsche Bank", "ING", "BNP Paribas", "Nomura", "UBS"])
            case "ministry":
                return rng.choice(["finance", "defence", "health", "interior", "economy"])
            case "period":
                return rng.choice(["week", "month"])
        raise KeyError(key)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def random_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def pick_language(rng: random.Random) -> str:
    return rng.choices(list(LANGUAGE_SHARES), weights=list(LANGUAGE_SHARES.values()))[0]


def moment(rng: random.Random) -> datetime:
    return FIRST_DAY + timedelta(seconds=rng.randrange(DAYS * 86_400))


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    table: str
    rows: int
    method: str
    generate_seconds: float
    insert_seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.insert_seconds


@dataclass
class Corpus:
    """What the query sets are drawn from: some stored bodies and every claim."""

    bodies: list[tuple[str, str]] = field(default_factory=list)  # (language, body)
    claims: list[tuple[uuid.UUID, str]] = field(default_factory=list)


ARTICLE_COLUMNS = words(
    "id created_by_id created_at updated_at workspace_id url title publisher byline "
    "published_at language body revision"
)
CLAIM_COLUMNS = [
    "id",
    "created_by_id",
    "created_at",
    "updated_at",
    "workspace_id",
    "text",
    "claimant",
    "claim_date",
    "review_url",
    "language",
    '"group"',
]


def insert(method: str, model: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """``rows`` (values of ``columns``) into ``model``'s table in one transaction, without the
    statement timeout."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
        if method == "copy":
            table = model._meta.db_table
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            names = [column.strip('"') for column in columns]
            model.objects.bulk_create(
                [model(**dict(zip(names, row, strict=True))) for row in rows], batch_size=BATCH
            )


def load(
    writer: Writer, method: str, articles: int, claims: int, workspace: Any, user: Any
) -> tuple[list[LoadResult], Corpus]:
    from annotations.articles.models import Article
    from annotations.articles.text import normalize_text
    from annotations.claims.models import Claim

    rng = random.Random(SEED)  # noqa: S311 -- reproducible test data, not secrets
    corpus = Corpus()
    results = []
    for table, model, columns, count in (
        ("article", Article, ARTICLE_COLUMNS, articles),
        ("claim", Claim, CLAIM_COLUMNS, claims),
    ):
        generating = inserting = 0.0
        for start in range(0, count, BATCH):
            began = time.perf_counter()
            rows: list[tuple[Any, ...]] = []
            for number in range(start, min(start + BATCH, count)):
                language = pick_language(rng)
                pk = random_uuid(rng)
                if model is Article:
                    title, body, byline = writer.article(rng, language)
                    body = normalize_text(body)
                    publisher = writer.publisher[language](rng)
                    published = moment(rng)
                    slug = "-".join(re.findall(r"\w+", title.lower())[:8])
                    url = f"https://news.example/{published:%Y/%m}/{slug}-{number}"
                    rows.append(
                        (
                            pk,
                            user.pk,
                            published,  # added when published, as an archive is
                            published,
                            workspace.pk,
                            url,
                            title,
                            publisher,
                            byline,
                            published,
                            language,
                            body,
                            1,
                        )
                    )
                    if number % 50 == 0:
                        corpus.bodies.append((language, body))
                else:
                    text, claimant = writer.claim(rng, language)
                    made = moment(rng)
                    rows.append(
                        (
                            pk,
                            user.pk,
                            made,
                            made,
                            workspace.pk,
                            text,
                            claimant,
                            made.date(),
                            "",
                            language,
                            None,
                        )
                    )
                    corpus.claims.append((pk, text))
            generated = time.perf_counter()
            insert(method, model, columns, rows)
            generating += generated - began
            inserting += time.perf_counter() - generated
            done = min(start + BATCH, count)
            if done % (BATCH * 10) == 0 or done == count:
                print(
                    f"  {table}s: {done:,}/{count:,}, generating {generating:.1f} s, "
                    f"inserting {inserting:.1f} s",
                    flush=True,
                )
        results.append(LoadResult(table, count, method, generating, inserting))
    return results, corpus


def vacuum_analyze() -> float:
    from django.db import connection

    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("RESET statement_timeout")
    return time.perf_counter() - began


def table_sizes() -> dict[str, dict[str, int]]:
    from django.db import connection

    sizes = {}
    with connection.cursor() as cursor:
        for table in ("annotations_article", "annotations_claim"):
            cursor.execute(
                "SELECT pg_table_size(%s), pg_indexes_size(%s), pg_total_relation_size(%s)",
                [table, table, table],
            )
            table_bytes, index_bytes, total = cursor.fetchone()
            sizes[table] = {"table": table_bytes, "indexes": index_bytes, "total": total}
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) "
                "FROM pg_index WHERE indrelid = %s::regclass",
                [table],
            )
            for name, size in cursor.fetchall():
                sizes[table][name] = size
    return sizes


# --- Query sets -------------------------------------------------------------------------------


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
            language = pick_language(rng)
            q = rng.choice(FILTERED_WORDS[language])
            params = {"q": q}
            if rng.random() < 0.5:
                params["language"] = language
            if rng.random() < 0.5:
                params["publisher"] = rng.choice(PUBLISHERS[language])
            if len(params) == 1 or rng.random() < 0.5:
                since = moment(rng).date()
                params["since"] = since.isoformat()
                params["until"] = (since + timedelta(days=90)).isoformat()
            return Request(kind, params)
        case _:
            raise ValueError(kind)
    return Request(kind, {"q": q})


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


# --- Timing -----------------------------------------------------------------------------------


@dataclass
class Timed:
    kind: str
    params: dict[str, str]
    seconds: float
    status: int
    hits: int | None = None  # search: the count; matching: claims listed
    best_score: float | None = None
    source_rank: int | None = None  # 1-based rank of the paraphrased claim, None if not listed


@dataclass
class Summary:
    label: str
    requests: int
    failed: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    median_hits: float | None


def percentile(values: Sequence[float], wanted: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[wanted - 1]


def summary(label: str, timed: Sequence[Timed]) -> Summary:
    """Latencies of all of ``timed``, failed requests included (they took that long too)."""
    seconds = [request.seconds for request in timed]
    hits = [request.hits for request in timed if request.hits is not None]
    return Summary(
        label=label,
        requests=len(timed),
        failed=sum(request.status != 200 for request in timed),
        median_ms=statistics.median(seconds) * 1000,
        p95_ms=percentile(seconds, 95) * 1000,
        p99_ms=percentile(seconds, 99) * 1000,
        max_ms=max(seconds) * 1000,
        median_hits=statistics.median(hits) if hits else None,
    )


PATHS = {"search": "/api/v1/search/", "matching": "/api/v1/claims/similar/"}


def get(client: Any, endpoint: str, request: Request) -> tuple[float, int, Any]:
    """Seconds taken, status and decoded body (``None`` unless 200) of one request."""
    began = time.perf_counter()
    response = client.get(PATHS[endpoint], request.params, secure=True)
    seconds = time.perf_counter() - began
    if response.status_code != 200:
        print(
            f"  ! {endpoint} {request.params} answered {response.status_code} after "
            f"{seconds * 1000:,.0f} ms: {response.content[:200].decode(errors='replace')}",
            flush=True,
        )
        return seconds, response.status_code, None
    return seconds, response.status_code, response.json()


def run(client: Any, endpoint: str, requests: list[Request]) -> list[Timed]:
    timed = []
    for request in requests:
        seconds, status, body = get(client, endpoint, request)
        result = Timed(request.kind, request.params, seconds, status)
        if body is not None and endpoint == "search":
            result.hits = body["count"]
        elif body is not None:
            ids = [match["id"] for match in body]
            result.hits = len(body)
            result.best_score = body[0]["score"] if body else None
            result.source_rank = ids.index(request.source) + 1 if request.source in ids else None
        timed.append(result)
    return timed


@dataclass
class Statement:
    milliseconds: float
    sql: str


def statements_of(client: Any, endpoint: str, request: Request) -> list[Statement]:
    """The SQL statements of one request, with their times as Django measured them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get(client, endpoint, request)
    return [Statement(float(query["time"]) * 1000, query["sql"]) for query in captured]


def explain(sql: str) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of ``sql``, rolled back, allowed ``EXPLAIN_TIMEOUT_MS``
    instead of the application's statement timeout; past that, the plain EXPLAIN."""
    from django.db import OperationalError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {EXPLAIN_TIMEOUT_MS}")
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [line for (line,) in cursor.fetchall()]
            transaction.set_rollback(True)
    except OperationalError:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            note = (
                f"(EXPLAIN ANALYZE stopped after {EXPLAIN_TIMEOUT_MS / 1000:.0f} s: estimates only)"
            )
            return [note] + [line for (line,) in cursor.fetchall()]
    return plan


def condensed(plan: list[str], width: int = 170) -> list[str]:
    """``plan`` for reading: long lines cut, runs of alike lines (the same but for numbers,
    such as one index scan per text search configuration) counted instead of repeated."""
    shown: list[str] = []
    recent: list[str] = []
    skipped = 0
    for line in plan:
        shape = re.sub(r"'[^']*'|[\d.]+", "#", line)
        if shape in recent[-6:]:
            skipped += 1
        else:
            if skipped:
                shown.append(f"{' ' * (len(line) - len(line.lstrip()))}… {skipped} alike lines")
                skipped = 0
            shown.append(line if len(line) <= width else line[: width - 2] + " …")
        recent.append(shape)
    if skipped:
        shown.append(f"… {skipped} alike lines")
    return shown


def server_settings() -> dict[str, str]:
    from django.db import connection

    names = words(
        "server_version shared_buffers work_mem effective_cache_size random_page_cost "
        "max_parallel_workers_per_gather jit"
    )
    with connection.cursor() as cursor:
        found = {}
        for name in names:
            cursor.execute(f"SHOW {name}")
            found[name] = cursor.fetchone()[0]
    return found


# --- Report -----------------------------------------------------------------------------------


def print_summaries(title: str, goal: float, summaries: list[Summary]) -> None:
    header = (
        f"{title:<16} {'requests':>8} {'failed':>6} {'median':>9} {'p95':>9} {'p99':>9} "
        f"{'max':>9} {'hits (median)':>13}  goal: p95 < {goal * 1000:.0f} ms"
    )
    print(header)
    print("-" * len(header))
    for index, row in enumerate(summaries):
        verdict = ""
        if index == 0:
            verdict = "met" if row.p95_ms < goal * 1000 else "MISSED"
        label = row.label if index == 0 else f"  {row.label}"
        hits = "-" if row.median_hits is None else f"{row.median_hits:g}"
        print(
            f"{label:<16} {row.requests:>8} {row.failed:>6} {row.median_ms:>7.1f}ms "
            f"{row.p95_ms:>7.1f}ms {row.p99_ms:>7.1f}ms {row.max_ms:>7.1f}ms {hits:>13}  "
            f"{verdict}"
        )


def summaries_by_kind(timed: list[Timed], kinds: Sequence[str]) -> list[Summary]:
    return [summary("overall", timed)] + [
        summary(kind, [request for request in timed if request.kind == kind]) for kind in kinds
    ]


def diagnose(client: Any, endpoint: str, timed: list[Timed], kind: str, why: str) -> dict[str, Any]:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest statements of the slowest request of
    ``kind``, replayed."""
    slowest = max((request for request in timed if request.kind == kind), key=lambda r: r.seconds)
    statements = statements_of(client, endpoint, Request(slowest.kind, slowest.params))
    print(
        f"\n{endpoint}, {why} '{kind}': its slowest request {slowest.params} "
        f"({slowest.seconds * 1000:,.1f} ms) replayed: {len(statements)} statements, ms: "
        + ", ".join(f"{statement.milliseconds:,.1f}" for statement in statements)
    )
    explained = []
    for statement in sorted(statements, key=lambda s: -s.milliseconds)[:EXPLAINED_STATEMENTS]:
        plan = explain(statement.sql)
        explained.append(
            {"milliseconds": statement.milliseconds, "sql": statement.sql, "plan": plan}
        )
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) of the {statement.milliseconds:,.1f} ms statement")
        print(f"  {statement.sql[:400]}{' …' if len(statement.sql) > 400 else ''}")
        shown = condensed(plan)
        for line in shown[:PLAN_LINES_PRINTED]:
            print(f"  {line}")
        if len(shown) > PLAN_LINES_PRINTED:
            print(f"  … {len(shown) - PLAN_LINES_PRINTED} more lines in the results file")
    return {
        "kind": kind,
        "why": why,
        "params": slowest.params,
        "seconds": slowest.seconds,
        "statement_milliseconds": [statement.milliseconds for statement in statements],
        "explained": explained,
    }


def print_load(loaded: list[LoadResult], vacuum_seconds: float, sizes: dict[str, Any]) -> None:
    for result in loaded:
        print(
            f"Loaded {result.rows:,} {result.table}s by {result.method}: generating "
            f"{result.generate_seconds:.1f} s, inserting {result.insert_seconds:.1f} s "
            f"({result.rows_per_second:,.0f} rows/s, triggers and indexes included)"
        )
    print(f"VACUUM ANALYZE (whole database): {vacuum_seconds:.1f} s")
    for table, size in sizes.items():
        print(
            f"{table}: {size['total'] / 2**20:,.0f} MiB ({size['table'] / 2**20:,.0f} MiB "
            f"table and TOAST, {size['indexes'] / 2**20:,.0f} MiB indexes)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--claims", type=int, default=CLAIMS)
    parser.add_argument("--load", choices=["copy", "bulk_create"], default="copy")
    arguments = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    hosts = os.environ.get("DJANGO_ALLOWED_HOSTS", "")
    if "testserver" not in hosts.split(","):
        os.environ["DJANGO_ALLOWED_HOSTS"] = ",".join(filter(None, [hosts, "testserver"]))
    os.environ.setdefault("FACTCHECK_THROTTLE_USER", "1000000/minute")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
    django.setup()
    # A failed request is reported by this script, not by Django's traceback log.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from rest_framework.test import APIClient

    from annotations.workspaces.models import Membership, Role, Workspace

    if connection.vendor != "postgresql":
        sys.exit(
            "bench/search.py measures PostgreSQL's search: set DATABASE_URL to a PostgreSQL "
            "server, e.g. postgres://postgres@127.0.0.1:5432/factcheck_bench (make bench)."
        )
    connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_search"
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    failures = 0
    try:
        user = get_user_model().objects.create(username="bench-editor")
        workspace = Workspace.objects.create(slug="bench", name="Bench newsroom")
        Membership.objects.create(workspace=workspace, user=user, role=Role.EDITOR)
        writer = Writer(SEED)
        print(
            f"Loading {arguments.articles:,} articles and {arguments.claims:,} claims "
            f"({arguments.load}, batches of {BATCH:,}) into {test_database}…",
            flush=True,
        )
        loaded, corpus = load(
            writer, arguments.load, arguments.articles, arguments.claims, workspace, user
        )
        vacuum_seconds = vacuum_analyze()
        sizes = table_sizes()
        print_load(loaded, vacuum_seconds, sizes)
        languages = Counter(language for language, _ in corpus.bodies)
        print(f"Languages of every 50th article: {dict(languages)}", flush=True)

        client = APIClient()
        client.raise_request_exception = False  # a 500 is a result to report
        client.force_authenticate(user)
        warm_rng = random.Random(SEED + 2)  # noqa: S311
        warm_searches = [search_request(warm_rng, writer, corpus, kind) for kind in SEARCH_KINDS]
        print(f"\nWarming up: {WARMUP} requests to each endpoint…", flush=True)
        run(client, "search", (warm_searches * WARMUP)[:WARMUP])
        run(client, "matching", matching_requests(warm_rng, corpus, WARMUP, 0))

        query_rng = random.Random(SEED + 1)  # noqa: S311
        searches = search_requests(query_rng, writer, corpus)
        matches = matching_requests(query_rng, corpus, PARAPHRASES, UNRELATED)
        load_average = {"before": os.getloadavg()}
        print(f"Timing {len(searches)} searches…", flush=True)
        search_timed = run(client, "search", searches)
        print(f"Timing {len(matches)} claim matches…", flush=True)
        matching_timed = run(client, "matching", matches)
        load_average["after"] = os.getloadavg()
        failures = sum(request.status != 200 for request in search_timed + matching_timed)

        query_counts: dict[str, Any] = {}
        for endpoint, requests in (("search", searches), ("matching", matches)):
            for kind in dict.fromkeys(request.kind for request in requests):
                first = next(request for request in requests if request.kind == kind)
                statements = statements_of(client, endpoint, first)
                query_counts[f"{endpoint}: {kind}"] = {
                    "params": first.params,
                    "queries": len(statements),
                    "statements": [asdict(statement) for statement in statements],
                }

        search_rows = summaries_by_kind(search_timed, list(SEARCH_KINDS))
        matching_rows = summaries_by_kind(matching_timed, ["paraphrase", "unrelated"])
        paraphrased = [request for request in matching_timed if request.kind == "paraphrase"]
        found_first = sum(request.source_rank == 1 for request in paraphrased)
        found_listed = sum(request.source_rank is not None for request in paraphrased)
        unrelated_best = max(
            (
                request.best_score or 0.0
                for request in matching_timed
                if request.kind == "unrelated"
            ),
            default=0.0,
        )

        print()
        print_load(loaded, vacuum_seconds, sizes)
        cpus = os.cpu_count() or 1
        print(
            f"Load average (1, 5, 15 min) before timing {load_average['before']}, after "
            f"{load_average['after']}, on {cpus} CPUs"
            + (": other work shared the machine." if load_average["before"][0] > cpus else ".")
        )
        print()
        print_summaries("search", GOALS["search"], search_rows)
        print()
        print_summaries("claim matching", GOALS["matching"], matching_rows)
        print(
            f"\nParaphrases whose claim came first: {found_first}/{len(paraphrased)}; "
            f"among the {MATCH_LIMIT} listed: {found_listed}/{len(paraphrased)}; "
            f"best score of an unrelated text: {unrelated_best:.3f}"
        )
        print("\nSQL queries per request (one request of each kind, Django's timings):")
        for label, counted in query_counts.items():
            times = ", ".join(f"{s['milliseconds']:,.1f}" for s in counted["statements"])
            print(f"  {label:<22} {counted['queries']:>3} queries (ms: {times})")

        diagnoses: dict[str, list[dict[str, Any]]] = {}
        for endpoint, timed, rows in (
            ("search", search_timed, search_rows),
            ("matching", matching_timed, matching_rows),
        ):
            if rows[0].p95_ms < GOALS[endpoint] * 1000:
                continue
            by_p95 = sorted(rows[1:], key=lambda row: row.p95_ms)
            diagnoses[endpoint] = [
                diagnose(client, endpoint, timed, by_p95[-1].label, "slowest kind by p95")
            ]
            if by_p95[0].p95_ms >= GOALS[endpoint] * 1000:
                diagnoses[endpoint].append(
                    diagnose(client, endpoint, timed, by_p95[0].label, "fastest kind, also missed:")
                )

        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS / f"search-{stamp}.json"
        report = {
            "benchmark": "full-text search and claim matching through the API (PostgreSQL)",
            "created": stamp,
            "seed": SEED,
            "articles": arguments.articles,
            "claims": arguments.claims,
            "batch": BATCH,
            "load": [
                asdict(result) | {"rows_per_second": result.rows_per_second} for result in loaded
            ],
            "vacuum_analyze_seconds": vacuum_seconds,
            "sizes_bytes": sizes,
            "goals_seconds": GOALS,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "packages": {
                name: version(name) for name in ("Django", "djangorestframework", "psycopg")
            },
            "server": server_settings(),
            "cpus": os.cpu_count(),
            "load_average": load_average,
            "search": {
                "summaries": [asdict(row) for row in search_rows],
                "requests": [asdict(request) for request in search_timed],
            },
            "matching": {
                "summaries": [asdict(row) for row in matching_rows],
                "paraphrase_found_first": found_first,
                "paraphrase_found_listed": found_listed,
                "unrelated_best_score": unrelated_best,
                "requests": [asdict(request) for request in matching_timed],
            },
            "query_counts": query_counts,
            "diagnoses": diagnoses,
        }
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nWrote {path}")
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
    if failures:
        sys.exit(f"{failures} timed requests did not answer 200 (see above).")


if __name__ == "__main__":
    main()
