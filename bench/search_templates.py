"""The sentences of the search benchmark's articles and claims (``bench/search.py``): templates
whose ``{slots}`` ``search_corpus.Slots`` fills from ``search_vocabulary``, and the phrases
that fill some of them, in English, German and French.
"""

from __future__ import annotations

from search_vocabulary import words

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
