"""The words and sentences of the claim-matching evaluation set (``tests/matching_set.py``).

A ``Template`` is one kind of claim a fact-checking site publishes ("Photo shows X doing Y",
"X said unemployment in Y fell to 3% in 2023", "Z contains microchips"): its slots, the
phrasings a fact-checker gives the claim, and the different phrasings posts and news stories
give it (``facts``: a clause that reads after "that"; ``posts``: a whole post; ``own``: a
post by the person the claim quotes). Each slot is filled with a ``Value``: the words the
fact-checker writes (``text``) and other words for the same thing (``alts``: synonyms, a
person's surname or handle, a number written otherwise), which queries use.

Slots are drawn with Zipf-like weights (the first values of a list the most often), as a
fact-checking archive is: a few people, places and topics recur in thousands of claims. A
near-duplicate claim (a hard negative) changes one slot: another person (often one with the
same surname), another number or year, the opposite direction (rose / fell), the negation.

Every name of a person here is made up.
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass, field


def words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True)
class Value:
    """A slot's filling: ``text`` as a fact-checker writes it, ``alts`` as others write the
    same thing, ``tag`` the words of a hashtag naming it (``text`` when empty)."""

    text: str
    alts: tuple[str, ...] = ()
    tag: str = ""
    person: bool = False
    number: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text, *self.alts)


def value(spec: str) -> Value:
    """``"text|alt|alt#Tag"``: a value with its alternatives and hashtag words."""
    spec, _, tag = spec.partition("#")
    text, *alts = spec.split("|")
    return Value(text, tuple(alts), tag)


def values(*specs: str) -> tuple[Value, ...]:
    return tuple(value(spec) for spec in specs)


class Choice:
    """One of ``items``, the first the most often (weights ``1 / rank ** exponent``)."""

    def __init__(self, items: tuple[Value, ...], exponent: float = 0.7) -> None:
        self.items = items
        self.cumulative = list(
            itertools.accumulate(1 / rank**exponent for rank in range(1, len(items) + 1))
        )

    def draw(self, rng: random.Random) -> Value:
        index = bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])
        return self.items[min(index, len(self.items) - 1)]

    def other(self, rng: random.Random, current: Value) -> Value:
        """Another value than ``current``: the near-duplicate's."""
        while True:
            drawn = self.draw(rng) if rng.random() < 0.7 else rng.choice(self.items)
            if drawn.text != current.text:
                return drawn


class People(Choice):
    """People; another person is often one with the same surname (Jane / Mark Lebovic)."""

    def other(self, rng: random.Random, current: Value) -> Value:
        surname = current.text.split()[-1]
        namesakes = [
            item
            for item in self.items
            if item.text.split()[-1] == surname and item.text != current.text
        ]
        if namesakes and rng.random() < 0.5:
            return rng.choice(namesakes)
        return super().other(rng, current)


class Opposed:
    """One side of a pair of opposites (rose / fell, contains / does not contain); the
    near-duplicate takes the other side."""

    def __init__(self, *pairs: tuple[str, str]) -> None:
        self.pairs = [(value(one), value(other)) for one, other in pairs]

    def draw(self, rng: random.Random) -> Value:
        return rng.choice(rng.choice(self.pairs))

    def other(self, rng: random.Random, current: Value) -> Value:
        for one, other in self.pairs:
            if current == one:
                return other
            if current == other:
                return one
        raise ValueError(current)


NUMBER_WORDS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)


def grouped(number: float) -> str:
    """``1200`` as ``1,200``, ``2.5`` as ``2.5``."""
    return f"{number:,.0f}" if number == int(number) else f"{number:,}"


def rounded(number: float) -> float:
    """Two significant figures, as claims quote numbers."""
    if number < 10:
        return round(number, 1)
    digits = len(str(int(number))) - 2
    return float(round(number, -digits))


def scaled(number: float) -> tuple[str, str]:
    """``(2.5, "million")`` words for a large number, and its short suffix (``m``)."""
    for size, word, short in ((1e9, "billion", "bn"), (1e6, "million", "m")):
        if number >= size:
            return f"{grouped(rounded(number / size))} {word}", short
    return grouped(number), ""


class Number:
    """A percentage, a count or an amount of money, written as claims and posts write it."""

    def __init__(self, kind: str, low: float, high: float) -> None:
        self.kind, self.low, self.high = kind, low, high

    def draw(self, rng: random.Random) -> Value:
        if self.kind == "percent":
            number = rng.uniform(self.low, self.high)
            number = round(number, 1) if rng.random() < 0.3 else float(round(number))
        else:  # log-uniform: small numbers as often as large ones
            number = rounded(self.low * (self.high / self.low) ** rng.random())
        return self.written(max(number, 1.0))

    def other(self, rng: random.Random, current: Value) -> Value:
        while True:
            drawn = self.draw(rng)
            if drawn.text != current.text:
                return drawn

    def written(self, number: float) -> Value:
        if self.kind == "percent":
            text = grouped(number)
            alts = [f"{text} percent", f"{text} per cent", f"{text} pct"]
            if number == int(number) and number <= 20:
                alts.append(f"{NUMBER_WORDS[int(number)]} percent")
            return Value(f"{text}%", tuple(alts), number=True)
        spelled, short = scaled(number)
        if self.kind == "money":
            alts = [f"{spelled} dollars", f"{spelled.replace(',', '')} USD"]
            if short:
                alts.append(f"${spelled.split()[0]}{short}")
            return Value(f"${spelled}", tuple(alts), number=True)
        alts = [spelled.replace(",", "")]
        if short:
            alts.append(f"{spelled.split()[0]}{short}")
        elif number >= 1000:
            alts.append(f"{grouped(rounded(number / 1000))}k")
        elif number == int(number) and number <= 20:
            alts.append(NUMBER_WORDS[int(number)])
        return Value(spelled, tuple(alts), number=True)


class Year:
    """A year; a near-duplicate's is another, close to it."""

    def __init__(self, low: int = 2014, high: int = 2024) -> None:
        self.low, self.high = low, high

    def draw(self, rng: random.Random) -> Value:
        return Value(str(rng.randint(self.low, self.high)))

    def other(self, rng: random.Random, current: Value) -> Value:
        year = int(current.text)
        choices = [y for y in range(year - 4, year + 5) if y != year and self.low <= y <= 2024]
        return Value(str(rng.choice(choices)))


MONTHS = words(
    "January February March April May June July August September October November December"
)


class Month:
    """A month of a year (``March 2021``, also written ``Mar 2021``)."""

    def __init__(self, low: int = 2016, high: int = 2024) -> None:
        self.low, self.high = low, high

    def draw(self, rng: random.Random) -> Value:
        month = rng.choice(MONTHS)
        year = rng.randint(self.low, self.high)
        return Value(f"{month} {year}", (f"{month[:3]} {year}", f"{month} of {year}"))

    def other(self, rng: random.Random, current: Value) -> Value:
        while True:
            drawn = self.draw(rng)
            if drawn.text != current.text:
                return drawn


Slot = Choice | Opposed | Number | Year | Month


@dataclass(frozen=True)
class Template:
    """One kind of claim; see the module's docstring."""

    name: str
    slots: dict[str, Slot]
    claims: tuple[str, ...]
    facts: tuple[str, ...]
    posts: tuple[str, ...]
    tags: tuple[str, ...]
    vary: tuple[str, ...]
    claimant: str = "viral"
    """``viral`` (posts, an image, a video) or the name of the slot holding the claimant."""
    own: tuple[str, ...] = ()
    generic_tags: tuple[str, ...] = ()
    weight: float = 1.0
    distinct: tuple[str, str] | None = None
    """Two slots that must not hold the same value (spending on X than on X)."""
    says: tuple[str, ...] = field(default=())
    """Phrasings without the claimant's name, as a site that records the speaker apart
    writes them ("Says unemployment fell to 3%…")."""


# --- People ---------------------------------------------------------------------------------

FIRST_NAMES = words(
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Susan "
    "Richard Jessica Thomas Sarah Daniel Karen Mark Nancy Paul Lisa Andrew Emily Peter Helen "
    "Simon Rachel Olga Jens Ursula Kaja Mette Pedro Giorgia Carlos Maria Ahmed Fatima Wei Mei "
    "Raj Priya Kwame Amara Ivan Natalia Lukas Sofia Mateo Lucia Omar Leila Hiroshi Yuki Jamal "
    "Keisha Tyrone Brenda Doug Gloria Hank Marjorie Chuck Tammy Rudy Bernie Kamala Ron Nikki "
    "Vivek Gavin Greg Kristi Josh Ilhan Rashida Lauren Matt Tucker Candace Elon Oprah Kanye "
    "Taylor Beyonce Dwayne Tom Keanu Meryl Denzel Jackie Shakira Drake Rihanna"
)
SURNAMES = words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis "
    "Walker Hall Young King Wright Green Baker Adams Nelson Carter Mitchell Nguyen Kowalski "
    "Okafor Haddad Rossi Novak Ivanova Schmidt Dubois Kaur Patel Tanaka Mensah Osei Silva "
    "Costa Murphy O'Brien Fitzgerald Abernathy Whitfield Crenshaw Pemberton Blackwood"
)
SURNAME_PARTS = (
    words(
        "Bel Cor Dan Fal Gar Hal Kes Lom Mar Nor Pel Quin Ros Sal Tor Val Wes Yar Zan Bro Cal Dre "
        "Fen Gil Har Jor Kal Lan Mor Ness Pra Rid Sten Thal Ulm Vex Wyn Ash Brin Cres Dal Elm"
    ),
    words("ov enko ski berg son ard ani ez ley ford well ton man ic stead wick more by worth ing"),
)
POLITICAL_ROLES = (
    ("Senator", "Sen.", "Sen"),
    ("Governor", "Gov.", "Gov"),
    ("Representative", "Rep.", "Rep"),
    ("Mayor", "Mayor", "Mayor"),
    ("President", "President", "President"),
    ("Prime Minister", "PM", "PM"),
    ("Minister", "Minister", "Minister"),
)
OTHER_ROLES = (
    "actor",
    "singer",
    "rapper",
    "TV host",
    "billionaire",
    "footballer",
    "pop star",
    "YouTuber",
    "chef",
    "comedian",
    "tech CEO",
    "radio host",
)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    role: str
    title: str
    """``Sen.``, ``Gov.``; empty for someone who holds no office."""
    handle: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def value(self) -> Value:
        alts = [self.last, self.handle]
        if self.title:
            alts.append(f"{self.title} {self.last}")
        return Value(self.name, tuple(alts), self.name, person=True)


def make_people(rng: random.Random, count: int) -> list[Person]:
    """``count`` made-up people, politicians and celebrities, in a random order (their rank:
    the first are claimed about most often)."""
    generated = ["".join(parts) for parts in itertools.product(*SURNAME_PARTS)]
    surnames = SURNAMES + rng.sample(generated, 140)
    people: list[Person] = []
    seen: set[tuple[str, str]] = set()
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(surnames)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        squashed = last.replace("'", "")
        if rng.random() < 0.6:
            role, title, short = rng.choice(POLITICAL_ROLES)
            handle = rng.choice(
                [
                    f"@{short}{squashed}",
                    f"@{first}{squashed}",
                    f"@{first.lower()}{squashed.lower()}",
                ]
            )
        else:
            role, title = rng.choice(OTHER_ROLES), ""
            handle = rng.choice(
                [
                    f"@{first}{squashed}",
                    f"@real{first}{squashed}",
                    f"@{first.lower()}_{squashed.lower()}",
                    f"@{first}{squashed}Official",
                ]
            )
        people.append(Person(first, last, role, title, handle))
    return people


# --- Places, organisations, things ----------------------------------------------------------

STATES = values(
    "Texas|TX",
    "Florida|FL",
    "California|Cali|CA",
    "New York|NY",
    "Georgia",
    "Pennsylvania|PA",
    "Ohio",
    "Michigan",
    "Arizona|AZ",
    "Wisconsin",
    "North Carolina|NC",
    "Virginia",
    "Nevada",
    "Minnesota",
    "Illinois",
    "Oregon",
    "Washington state",
    "Colorado",
    "Tennessee",
    "Louisiana",
    "Alabama",
    "Kentucky",
    "Missouri",
    "Iowa",
    "Utah",
    "Oklahoma",
    "Kansas",
    "Maine",
    "Vermont",
    "Idaho",
)
COUNTRIES = values(
    "the United States|the US|America|the USA",
    "the United Kingdom|the UK|Britain",
    "Canada",
    "Australia",
    "India",
    "Germany",
    "France",
    "Nigeria",
    "South Africa",
    "Brazil",
    "Mexico",
    "Ukraine",
    "Russia",
    "China",
    "Italy",
    "Spain",
    "the Philippines",
    "Kenya",
    "Ireland",
    "New Zealand|NZ",
    "Poland",
    "Sweden",
    "Japan",
    "Israel",
    "Pakistan",
    "Indonesia",
    "Argentina",
    "Colombia",
    "Turkey",
    "Egypt",
    "Ghana",
    "the Netherlands|Holland",
    "Hungary",
    "Greece",
    "Portugal",
)
CITIES = values(
    "New York City|NYC|New York",
    "Los Angeles|LA",
    "Chicago",
    "Houston",
    "Phoenix",
    "Philadelphia|Philly",
    "San Francisco|SF",
    "Seattle",
    "Miami",
    "Atlanta",
    "Detroit",
    "Portland",
    "Denver",
    "Boston",
    "Dallas",
    "Austin",
    "Minneapolis",
    "New Orleans|NOLA",
    "Las Vegas|Vegas",
    "London",
    "Paris",
    "Berlin",
    "Toronto",
    "Sydney",
    "Melbourne",
    "Mumbai",
    "Lagos",
    "Johannesburg|Joburg",
    "Manila",
    "Dublin",
    "Madrid",
    "Rome",
    "Amsterdam",
    "Tokyo",
    "Mexico City",
    "Sao Paulo",
    "Nairobi",
    "Kyiv",
    "Warsaw",
    "Auckland",
)
PLACES = STATES[:12] + COUNTRIES[:14] + STATES[12:] + COUNTRIES[14:]
AGENCIES = values(
    "the WHO|the World Health Organization|World Health Organisation",
    "the CDC|the Centers for Disease Control",
    "the FDA|the Food and Drug Administration",
    "the IRS|the tax office",
    "NASA",
    "FEMA",
    "the FBI",
    "the UN|the United Nations",
    "the EU|the European Union",
    "the Pentagon",
    "the Department of Education|the education department",
    "the Supreme Court|SCOTUS",
    "the Bank of England",
    "the Federal Reserve|the Fed",
    "the USDA|the agriculture department",
    "the NHS",
)
COMPANIES = values(
    "Costway",
    "FreshMart",
    "BurgerBarn",
    "Pinecrest Foods|Pinecrest",
    "Globex",
    "Nuvora Pharma|Nuvora",
    "Medivax",
    "Zentrix",
    "QuickShip",
    "SnackCo",
    "BrightBank",
    "Velora Motors|Velora",
    "Streamly",
    "ChatterBox",
    "Orbitel",
    "Sunny Dairy",
    "HomeHub",
    "Fizzly",
    "Kartwell",
    "TrueValue Stores|TrueValue",
    "Northwind Airlines|Northwind",
    "BluePeak Energy|BluePeak",
    "Crumbly Bakery|Crumbly",
    "MegaBurger",
)

# --- Templates ------------------------------------------------------------------------------

ACTIVITIES = values(
    "sleeping during a memorial service|asleep at a memorial service|napping at a memorial",
    "holding a sign that reads 'Defund the police'|with a 'defund the police' sign",
    "eating pizza with a fork|using a fork to eat pizza",
    "wearing a mask upside down|with a face mask on upside down",
    "dancing at a party during lockdown|partying during the lockdown",
    "falling off a bicycle|falling off a bike|crashing a bike",
    "riding a horse backwards|on a horse facing backwards",
    "laughing at a funeral|laughing during a funeral",
    "boarding a private jet|getting on a private jet|stepping off a private plane",
    "shopping without a mask|maskless at the supermarket",
    "posing with a rifle|posing with an assault rifle|holding a gun",
    "reading a book upside down|holding a book upside down",
    "crying at a press conference|in tears at a press conference",
    "sleeping in parliament|asleep in parliament|dozing off in the chamber",
    "taking a selfie at a crash site|snapping a selfie at an accident",
    "driving a tank|behind the wheel of a tank",
    "wearing a fur coat at a climate summit|in a fur coat at the climate conference",
    "dressed as a clown|in a clown costume",
    "pointing a gun at reporters|aiming a gun at journalists",
    "cutting the ribbon of an empty hospital|opening an empty hospital",
    "standing in a food bank line|queuing at a food bank",
    "kneeling in front of a crowd|taking a knee before a crowd",
    "drinking beer in a stadium|having a beer at the stadium",
    "playing golf during a flood|golfing while floods hit",
    "shaking hands with nobody|reaching to shake hands with no one",
    "wearing a cowboy hat at a rodeo|in a cowboy hat at the rodeo",
    "feeding pigeons in a park|feeding the pigeons",
    "skydiving|jumping out of a plane",
    "hugging a tree|tree hugging",
    "wearing a T-shirt of a rival party|in a rival party's shirt",
    "meeting a cartel boss|with a drug lord",
    "carrying a box of cash|with a box full of money",
    "burning a flag|setting fire to a flag",
    "waving a foreign flag|holding another country's flag",
    "sitting on the floor of an airport|sitting on an airport floor",
    "eating a raw onion|biting into an onion",
)
EVENTS = values(
    "flooding|floods|flood waters",
    "a tornado|a twister",
    "a tsunami|a tidal wave",
    "a wildfire|forest fires|a bushfire",
    "riots|rioting",
    "a plane crash|an airplane crash",
    "a sinkhole swallowing cars|a sinkhole eating cars",
    "a bridge collapse|a collapsed bridge|the bridge collapsing",
    "a meteor|a fireball in the sky",
    "an earthquake|a quake",
    "a hailstorm|giant hail|huge hailstones",
    "a stampede|a crowd crush",
    "an explosion at a chemical plant|a chemical plant blast",
    "a train derailment|a train derailing",
    "looting|looters",
    "a volcanic eruption|a volcano erupting",
    "a dam burst|a dam breaking",
    "snow in the desert|snowfall in the desert",
    "a building collapse|a collapsing building",
    "police firing tear gas|tear gas fired by police|cops using tear gas",
    "a mudslide|a landslide",
    "a blackout|a power outage|the power going out",
    "a fuel shortage|no gas at the pumps|empty gas stations",
    "empty supermarket shelves|bare shelves in supermarkets",
)
INDICATORS = values(
    "unemployment|the jobless rate|joblessness",
    "inflation|the inflation rate|price growth",
    "the crime rate|crime",
    "the murder rate|the homicide rate|homicides",
    "child poverty|poverty among children",
    "the poverty rate|poverty",
    "the uninsured rate|the share of people without health insurance",
    "the budget deficit|the deficit",
    "youth unemployment|unemployment among young people",
    "the high school graduation rate|graduation rates",
    "homelessness|the homeless rate",
    "home prices|house prices",
    "electricity bills|power bills|energy bills",
    "food prices|grocery prices",
    "the labor force participation rate|labour force participation",
    "the vaccination rate|vaccination rates",
    "teen pregnancy|teenage pregnancies",
    "the overdose death rate|overdose deaths",
    "the tax burden|taxes",
    "wages|pay|salaries",
)
QUOTES = values(
    "I don't care about farmers|I do not care about the farmers|farmers don't matter to me",
    "Old people should stay home forever|the elderly should stay indoors forever",
    "Gas prices are not my problem|gas prices aren't my problem|fuel prices are not my concern",
    "Teachers are overpaid|teachers get paid too much",
    "Nobody needs more than one car|no one needs two cars",
    "We will ban meat by 2030|meat will be banned by 2030",
    "Veterans should stop complaining|vets need to stop whining",
    "Voting should be harder|voting needs to be more difficult",
    "I have never read a book|I've never read a single book",
    "The middle class should pay more taxes|the middle class must be taxed more",
    "Small businesses are not essential|small business isn't essential",
    "Hurricanes are a hoax|hurricanes are fake",
    "Children belong to the state|kids belong to the government",
    "We need fewer doctors|we have too many doctors",
    "Rent should double|rents should be doubled",
    "I would sell the national parks|I'd sell off the national parks",
    "Bicycles should be taxed|we should tax bikes",
    "The poor should not vote|poor people shouldn't be allowed to vote",
    "Masks are for cowards|only cowards wear masks",
    "I will end Social Security|I'm going to end social security",
    "Let the banks fail|the banks should be allowed to fail",
    "Nurses play cards all day|nurses just play cards",
    "Pensions are a luxury|pensions are a privilege not a right",
    "Our soldiers are losers|soldiers are losers",
    "Immigrants built nothing here|migrants built nothing",
    "The moon landing was staged|we never went to the moon",
    "Climate change is good for us|global warming is a good thing",
    "Nobody should own a house|people shouldn't own homes",
    "Vaccines are for sheep|only sheep get vaccinated",
    "I am above the law|the law doesn't apply to me",
)
PRODUCTS = values(
    "COVID-19 vaccines|covid vaccines|covid jabs|the vaccines",
    "flu vaccines|flu shots",
    "HPV vaccines|HPV shots",
    "MMR vaccines|measles vaccines|MMR shots",
    "Nuvora vaccines|Nuvora jabs|Nuvora shots",
    "Medivax boosters|Medivax booster shots",
    "FreshMart chicken nuggets|FreshMart nuggets",
    "BurgerBarn fries|BurgerBarn french fries",
    "Sunny Dairy ice cream|ice cream from Sunny Dairy",
    "SnackCo potato chips|SnackCo crisps|SnackCo chips",
    "Fizzly energy drinks|Fizzly",
    "Pinecrest bottled water|Pinecrest water",
    "face masks|masks",
    "hand sanitizers|hand sanitiser|hand gels",
    "PCR test swabs|covid test swabs|nasal swabs",
    "Kartwell toothpaste|toothpaste from Kartwell",
    "lab-grown burgers|cultured meat burgers",
    "Crumbly bread rolls|Crumbly rolls",
    "MegaBurger patties|MegaBurger burgers",
    "gummy vitamins|vitamin gummies",
)
SUBSTANCES = values(
    "microchips|tracking chips|micro chips|a chip",
    "graphene oxide|graphene",
    "pig fat|pork fat|lard",
    "fetal cells|aborted fetal tissue",
    "mercury",
    "formaldehyde",
    "plastic|microplastics",
    "rat poison",
    "antifreeze|ethylene glycol",
    "HIV",
    "nanobots|nano robots|tiny robots",
    "insect protein|ground insects|bugs",
    "cancer cells",
    "parasites|worms",
    "luciferase",
    "sawdust|wood pulp",
    "human DNA",
    "asbestos",
    "fluoride",
    "lead",
    "snake venom|venom",
    "magnets|magnetic particles",
    "horse meat|horsemeat",
    "bleach",
    "alcohol",
    "spike proteins|spike protein",
)
CAUSES = values(
    "5G towers|5G|5G masts",
    "COVID-19 vaccines|covid vaccines|covid jabs",
    "wind turbines|windmills|wind farms",
    "chemtrails",
    "fluoride tablets|fluoride pills",
    "face masks|masks|wearing masks",
    "microwave ovens|microwaves",
    "smart meters",
    "energy drinks",
    "Wi-Fi routers|wifi|wireless routers",
    "LED street lights|LED streetlights",
    "sunscreens|sunscreen|sunblock",
    "flu shots|flu vaccines|the flu shot",
    "tattoo inks|tattoo ink|tattoos",
    "artificial sweeteners|aspartame|sweeteners",
    "cell phones|mobile phones|phones",
    "electric cars|EVs",
    "solar panels",
)
EFFECTS = values(
    "cancer",
    "autism",
    "infertility|sterility",
    "heart attacks|cardiac arrest",
    "blood clots|clots",
    "dementia|Alzheimer's",
    "COVID-19|covid|coronavirus",
    "brain damage",
    "hair loss|baldness",
    "bird deaths|birds dying|dead birds",
    "migraines|headaches",
    "sudden death|dying suddenly",
    "diabetes",
    "blindness|vision loss",
    "seizures",
    "strokes",
    "miscarriages",
    "depression",
)
REMEDIES = values(
    "drinking hot water|hot water|warm water",
    "garlic|raw garlic|eating garlic",
    "lemon juice|lemons",
    "baking soda|bicarbonate of soda",
    "putting onions in your socks|onions in your socks|an onion in your sock",
    "chlorine dioxide|MMS",
    "ivermectin",
    "vitamin C|ascorbic acid",
    "turmeric|curcuma",
    "apple cider vinegar|cider vinegar",
    "coconut oil",
    "gargling salt water|a saltwater gargle",
    "colloidal silver|silver water",
    "hydroxychloroquine|HCQ",
    "ginger tea|ginger",
    "sunbathing|sun exposure|sunlight",
    "CBD oil|cannabis oil",
    "honey",
    "black seed oil|nigella seeds",
    "alkaline water",
    "holding your breath|holding your breath for ten seconds",
)
DISEASES = values(
    "COVID-19|covid|the coronavirus",
    "cancer",
    "diabetes",
    "the flu|influenza",
    "dengue|dengue fever",
    "malaria",
    "HIV|AIDS",
    "Alzheimer's|dementia",
    "high blood pressure|hypertension",
    "asthma",
    "kidney stones",
    "arthritis",
    "measles",
    "monkeypox|mpox",
    "the common cold|colds",
    "long covid|long COVID",
)
BANNED = values(
    "cash payments|cash",
    "homeschooling|home schooling",
    "plastic bags",
    "gas stoves|gas cookers",
    "the Bible|bibles",
    "Halloween",
    "Christmas trees",
    "eating meat|meat",
    "pit bulls",
    "gas-powered lawn mowers|lawn mowers",
    "TikTok",
    "fireworks",
    "drag shows",
    "hunting",
    "backyard chickens|keeping chickens",
    "rainwater collection|collecting rainwater",
    "cryptocurrency|crypto|bitcoin",
    "bullfighting|bull fights",
    "electric scooters|e-scooters",
    "short-term rentals|Airbnb-style rentals",
    "smoking in cars|smoking in vehicles",
    "sugary drinks|soda",
    "single-family homes|single family housing",
    "raw milk",
    "wood-burning stoves|wood stoves",
)
SPENDING = values(
    "foreign aid|aid to other countries",
    "illegal immigrants|undocumented immigrants|migrants",
    "prisons|jails|incarceration",
    "the military|defense|defence",
    "public schools|education",
    "welfare|benefits",
    "the police|policing",
    "pensions|retirees",
    "highways|roads",
    "refugees|asylum seekers",
    "interest on the debt|debt interest",
    "the arts|arts funding",
    "space exploration|the space program",
    "climate programs|climate change",
    "hospitals|health care",
    "veterans|vets",
    "Ukraine|aid to Ukraine",
    "childcare|child care",
)
GROUPS = values(
    "protesters|demonstrators",
    "migrants|immigrants",
    "students",
    "nurses|health workers",
    "farmers",
    "soldiers|troops",
    "police officers|cops",
    "doctors",
    "children|kids",
    "prisoners|inmates",
    "teachers",
    "truckers|truck drivers",
    "tourists",
    "pilots",
    "athletes",
)
HAPPENED = values(
    "were arrested|got arrested|were detained",
    "died|were killed|lost their lives",
    "were deported|got deported",
    "quit their jobs|resigned",
    "were hospitalized|ended up in hospital|were taken to hospital",
    "went on strike|walked out",
    "were fired|lost their jobs|got fired",
    "were evacuated",
    "were vaccinated|got vaccinated|got the jab",
    "went missing|disappeared",
)
INCIDENTS = values(
    "was arrested for drunk driving|got arrested for DUI|was arrested for driving drunk",
    "died in a car crash|was killed in a car accident|died in a car accident",
    "was hospitalized after a heart attack|suffered a heart attack",
    "was charged with tax fraud|was indicted for tax fraud",
    "resigned|stepped down|quit",
    "was banned from Twitter|got suspended from Twitter",
    "was fired|got fired|was sacked",
    "filed for bankruptcy|went bankrupt",
    "was arrested at the airport|got arrested at an airport",
    "moved to Canada|relocated to Canada",
    "was expelled from the party|got kicked out of the party",
    "tested positive for COVID-19|tested positive for covid|has covid",
    "was caught shoplifting|got arrested for shoplifting",
    "collapsed on stage|fainted on stage",
    "was hit by a golf ball|got hit by a golf ball",
    "was booed off stage|got booed off the stage",
    "was spotted at a strip club|was seen at a strip club",
    "bought a private island|purchased an island",
    "was attacked by a dog|got bitten by a dog",
    "was found dead|was found dead at home",
)
OFFICES = values(
    "president|the presidency|the White House",
    "governor",
    "the Senate|a Senate seat",
    "mayor",
    "prime minister|PM",
    "Congress|a House seat",
)
GIFTS = values(
    "free groceries for a year|a year of free groceries",
    "a free cruise|free cruises",
    "free laptops|a free laptop",
    "$500 gift cards|500 dollar gift cards",
    "$100 vouchers|100 dollar coupons|$100 coupons",
    "free flights|two free plane tickets|free plane tickets",
    "free tires|a free set of tyres",
    "free phones|a free smartphone",
    "free pizza for life|pizza for life",
    "free gas|free fuel",
    "free TVs|free televisions|a free TV",
    "free camping trailers|a free camper",
    "free coffee for a year|a year of free coffee",
    "free lottery tickets",
)
AUDIENCES = values(
    "to everyone who shares a post|to anyone who shares this|to people who share the post",
    "to celebrate its 50th anniversary|for its 50th birthday",
    "to seniors|to the elderly|to old people",
    "to nurses|to healthcare workers",
    "to veterans|to vets",
    "to flood victims|to families hit by the floods",
    "to customers who fill out a survey|for completing a survey",
    "to students|to college students",
    "to single mothers|to single moms",
)
INSTALLED = values(
    "a pizza vending machine|a vending machine that makes pizza|pizza vending machines",
    "a gold vending machine|a machine that sells gold bars",
    "benches that charge phones|phone-charging benches|smart benches",
    "a robot police officer|a police robot|robocops",
    "license plate readers|cameras that read license plates",
    "facial recognition gates|face scanners",
    "a bread ATM|a bread vending machine",
    "a book vending machine|a vending machine for books",
    "a pothole-filling robot|a robot that fixes potholes",
    "delivery drones|drone delivery",
    "cameras that fine pedestrians|speed cameras for pedestrians",
    "driverless buses|self-driving buses",
    "solar roads|roads made of solar panels",
    "a smog tower|a giant air purifier",
    "glow-in-the-dark bike paths|luminous cycle lanes",
    "5G masts at schools|5G towers in schools",
    "a vertical forest|a tree-covered skyscraper",
    "heated sidewalks|heated pavements",
    "a vending machine for live crabs|live crab vending machines",
    "toilets that pay you|public toilets that pay users",
    "a cat cafe run by robots|robot cat cafe",
    "tiny homes for the homeless|tiny houses for homeless people",
)
VOTERS = values(
    "dead people|dead voters|deceased voters",
    "non-citizens|noncitizens|illegal aliens",
    "children|minors",
    "out-of-state voters|people from out of state",
    "prisoners|inmates",
    "people over 120|120-year-olds",
    "dogs|pets",
)
BENEFITS = values(
    "free housing|free homes|free apartments",
    "$2,000 a month|2000 dollars a month|two grand a month",
    "free cars",
    "free college tuition|free university",
    "Social Security checks|social security payments",
    "free health care|free healthcare|free medical care",
    "driver's licenses|driving licences",
    "free hotel rooms|hotel stays",
    "prepaid debit cards|debit cards",
    "the right to vote|voting rights",
    "free phones|free cell phones",
)
NEWCOMERS = values(
    "undocumented immigrants|illegal immigrants|illegals",
    "refugees",
    "asylum seekers|asylum-seekers",
    "migrants",
)
RECORDS = values(
    "the hottest year on record|the warmest year ever recorded",
    "the coldest year in a century|the coldest year in 100 years",
    "the wettest year on record|the rainiest year ever",
    "the year with the most hurricanes|a record year for hurricanes",
    "the year with the fewest wildfires|a record low for wildfires",
    "the deadliest flu season|the worst flu season",
    "the driest year on record|the worst drought year",
    "the year with the most tornadoes|a record year for tornadoes",
)
PAID = values(
    "members of Congress|congressmen|lawmakers",
    "senators",
    "MPs|members of parliament",
    "former presidents|ex-presidents",
    "city council members|councillors",
    "governors",
    "judges",
    "school superintendents|superintendents",
    "university presidents|college presidents",
    "refugees|asylum seekers",
    "prisoners|inmates",
)
PERIODS = values(
    "for life|forever|until they die",
    "after one term|after serving one term|after a single term",
    "a year|per year|annually",
    "a month|per month|monthly",
)
ACTIONS = values(
    "will tax garage sales|is taxing yard sales|plans to tax garage sales",
    "approved insects in food|allowed bugs in our food",
    "declared a climate emergency|announced a climate emergency",
    "will seize bank accounts over $10,000|is taking money from bank accounts over 10k",
    "recommends a fourth booster|says get a 4th booster",
    "will require microchips in pets|is making pet microchips mandatory",
    "warned of three days of darkness|predicted 3 days of darkness",
    "banned raw milk|outlawed raw milk",
    "will read private messages|is monitoring your texts",
    "added coffee to its list of carcinogens|says coffee causes cancer",
    "is paying people to get vaccinated|pays people to get the jab",
    "cancelled all student loans|wiped out student debt",
    "will send $1,400 checks|is sending 1400 dollar checks|stimulus checks of $1,400",
    "admitted masks don't work|said masks are useless",
    "will ban cash by 2026|is getting rid of cash by 2026",
    "confirmed a second moon|discovered a second moon",
    "will shut down the internet for a day|plans a one-day internet shutdown",
    "approved a vaccine for chickens|authorized a chicken vaccine",
    "ordered a recall of all eggs|recalled all eggs",
    "classified pizza as a vegetable|says pizza counts as a vegetable",
)
TAUGHT = values(
    "critical race theory|CRT",
    "Sharia law",
    "witchcraft",
    "gender identity|gender ideology",
    "communism|Marxism",
    "financial literacy|personal finance",
    "cursive writing|cursive",
    "climate activism",
    "Bible studies|the Bible",
    "astrology",
    "sex education|sex ed",
    "coding|computer programming",
    "Arabic|the Arabic language",
    "gun safety|firearm safety",
)
GRADES = values(
    "kindergarteners|kindergarten kids|five-year-olds",
    "first graders|first-graders|six-year-olds",
    "middle schoolers|middle school students",
    "high school students|high schoolers|teens",
    "preschoolers|toddlers",
)
ANIMALS = values(
    "a shark|sharks",
    "a crocodile|a croc",
    "a bear|a black bear",
    "a lion|lions",
    "a giant snake|a huge python|an anaconda",
    "a kangaroo",
    "a pack of wolves|wolves",
    "a tiger",
    "a moose",
    "a whale",
    "an alligator|a gator",
    "penguins",
    "a leopard",
    "a hippo|a hippopotamus",
)
SPOTS = values(
    "on a flooded highway|on the highway|swimming down a flooded road",
    "in a shopping mall|inside a mall",
    "at a school|inside a school",
    "on a beach|on the beach",
    "in a subway station|in the subway|in the metro",
    "on a golf course",
    "in a hospital|inside a hospital",
    "at the airport|in an airport",
    "in a swimming pool|in someone's pool",
)
AFTER = values(
    "after a hurricane|after the hurricane",
    "during the floods|in the floods",
    "during the lockdown|in lockdown",
    "after an earthquake|after the quake",
    "during a heat wave|in the heatwave",
    "after a storm|after the storm",
)
COMPANY_ACTS = values(
    "is closing all its stores|is shutting down every store|will close all stores",
    "will stop accepting cash|no longer takes cash|is going cashless",
    "fired all unvaccinated workers|sacked unvaccinated staff",
    "donates to the Democratic Party|funds the Democrats",
    "is owned by the Chinese government|belongs to China",
    "uses child labor|employs children",
    "is recalling its baby formula|recalled baby formula",
    "banned the American flag in its stores|won't allow US flags in stores",
    "moved its headquarters to Mexico|is relocating its HQ to Mexico",
    "paid no federal taxes|paid zero in taxes",
    "is going bankrupt|is about to go bankrupt",
    "puts pork in its vegetarian meals|uses pork in vegetarian food",
    "is spying on customers through its app|spies on users via its app",
    "sells food past its expiry date|sells expired food",
    "is paying influencers to promote vaccines|pays influencers to push vaccines",
)
STATS = values(
    "of COVID-19 deaths|of covid deaths",
    "of hospitalizations|of hospital admissions",
    "of people in intensive care|of ICU patients",
    "of new infections|of new cases",
    "of excess deaths",
)
STRUCTURES = values(
    "a border wall|the wall",
    "a new stadium|the stadium",
    "a high-speed rail line|a bullet train",
    "a bike lane|a cycle lane",
    "a single public toilet|one public toilet|a public bathroom",
    "a bus shelter|a bus stop",
    "a new prison|a jail",
    "a migrant shelter|a shelter for migrants",
    "a new parliament building|a parliament building",
    "a footbridge|a pedestrian bridge",
    "a statue|a monument",
    "a logo redesign|a new logo",
)


def templates(people: Choice) -> tuple[Template, ...]:
    """Every template, with ``people`` as their person slots."""
    place, city, year = Choice(PLACES, 0.9), Choice(CITIES, 0.8), Year()
    return (
        Template(
            name="photo",
            slots={"person": people, "act": Choice(ACTIVITIES), "place": place},
            claims=(
                "Photo shows {person} {act} in {place}.",
                "Image shows {person} {act} in {place}.",
                "A photo shows {person} {act} in {place}.",
            ),
            facts=(
                "{person} was photographed {act} in {place}",
                "this picture shows {person} {act} in {place}",
                "{person} got caught {act} in {place}",
            ),
            posts=(
                "Here's {person} {act} in {place}",
                "{person} {act} in {place}. Let that sink in.",
                "So this is {person} {act} in {place}??",
                "In {place}, {person} was seen {act}. Nobody is talking about this",
                "Pic of {person} {act} in {place}",
                "{person}, {act}, {place}. You can't make this up",
            ),
            tags=("{person}", "{place}"),
            vary=("person", "act", "place"),
            weight=1.6,
        ),
        Template(
            name="video",
            slots={"event": Choice(EVENTS), "place": Choice(CITIES + COUNTRIES), "year": year},
            claims=(
                "Video shows {event} in {place} in {year}.",
                "Footage shows {event} in {place} in {year}.",
                "Video of {event} in {place} in {year}.",
            ),
            facts=(
                "this clip shows {event} in {place} in {year}",
                "the video is of {event} in {place} in {year}",
                "footage of {event} in {place} was filmed in {year}",
            ),
            posts=(
                "{event} in {place} right now!! {year}",
                "Insane video of {event} in {place} ({year})",
                "Just in: {event} in {place}, {year}. Stay safe everyone",
                "Watch: {event} hits {place} {year}",
                "{place} {year}: {event}. Pray for them",
            ),
            tags=("{place}", "{event}", "{place} {event}"),
            vary=("event", "place", "year"),
            weight=1.2,
        ),
        Template(
            name="statistic",
            slots={
                "person": people,
                "indicator": Choice(INDICATORS),
                "dir": Opposed(
                    ("rose|climbed|went up|increased|jumped", "fell|dropped|went down|declined"),
                    ("doubled|more than doubled|went up twofold", "halved|was cut in half"),
                ),
                "pct": Number("percent", 1, 45),
                "place": place,
                "year": year,
            },
            claims=(
                "{person} said {indicator} in {place} {dir} to {pct} in {year}.",
                "{indicator} in {place} {dir} to {pct} in {year}, {person} said.",
                "{person} claimed that {indicator} {dir} to {pct} in {place} in {year}.",
            ),
            says=("Says {indicator} in {place} {dir} to {pct} in {year}.",),
            facts=(
                "{person} claims {indicator} {dir} to {pct} in {place} in {year}",
                "according to {person}, {indicator} in {place} {dir} to {pct} in {year}",
                "{indicator} {dir} to {pct} in {year} in {place}, as {person} says",
                "in {year} {indicator} in {place} {dir} to {pct}, {person} told supporters",
            ),
            posts=(
                "{person}: {indicator} in {place} {dir} to {pct} in {year}. Really?",
                "So {person} wants us to believe {indicator} {dir} to {pct} in {place} in {year}",
                "{person} just said {place} {indicator} {dir} to {pct} in {year}. That's a lie",
                "{pct}? {person} says {indicator} in {place} {dir} to that in {year}. Source?",
            ),
            own=(
                "{indicator} in {place} {dir} to {pct} in {year}. Promises made, promises kept!",
                "Proud that in {year} {indicator} in {place} {dir} to {pct}. We did that.",
                "Fact: {indicator} {dir} to {pct} in {place} in {year}. Look it up.",
            ),
            tags=("{place}", "{indicator}", "{person}"),
            vary=("person", "dir", "pct", "year", "place", "indicator"),
            claimant="person",
            weight=2.0,
        ),
        Template(
            name="quote",
            slots={"person": people, "quote": Choice(QUOTES)},
            claims=(
                '{person} said: "{quote}."',
                'Quote from {person}: "{quote}."',
                '{person} said "{quote}".',
            ),
            facts=(
                '{person} once said "{quote}"',
                '{person} really said "{quote}"',
                '{person} was quoted saying "{quote}"',
            ),
            posts=(
                '"{quote}" - {person}. Remember that.',
                '{person} actually said "{quote}"',
                'Never forget {person} saying "{quote}"',
                '"{quote}." That\'s {person} in their own words',
            ),
            tags=("{person}",),
            vary=("person", "quote"),
            weight=1.4,
        ),
        Template(
            name="contains",
            slots={
                "product": Choice(PRODUCTS),
                "neg": Opposed(
                    ("contain|have|are full of", "do not contain|don't contain|contain no"),
                ),
                "substance": Choice(SUBSTANCES),
            },
            claims=(
                "{product} {neg} {substance}.",
                "Lab tests show {product} {neg} {substance}.",
                "{product} {neg} {substance}, a study found.",
            ),
            facts=(
                "{product} {neg} {substance}",
                "there is proof {product} {neg} {substance}",
                "a lab found {product} {neg} {substance}",
            ),
            posts=(
                "PSA: {product} {neg} {substance}!! Do your research",
                "They finally admitted {product} {neg} {substance}",
                "{substance}? Yes, {product} {neg} {substance}. Look it up",
                "Reminder that {product} {neg} {substance}",
            ),
            tags=("{substance}", "{product}"),
            generic_tags=("#DoYourResearch", "#WakeUp", "#BigPharma"),
            vary=("product", "substance", "neg"),
            weight=1.4,
        ),
        Template(
            name="causes",
            slots={
                "cause": Choice(CAUSES),
                "dir": Opposed(("cause|lead to|give you", "do not cause|don't cause")),
                "effect": Choice(EFFECTS),
            },
            claims=(
                "{cause} {dir} {effect}.",
                "A study proves {cause} {dir} {effect}.",
                "Scientists confirmed that {cause} {dir} {effect}.",
            ),
            facts=(
                "{cause} {dir} {effect}",
                "doctors now admit {cause} {dir} {effect}",
                "new research shows {cause} {dir} {effect}",
            ),
            posts=(
                "My cousin is a nurse and she says {cause} {dir} {effect}. Spread the word",
                "{cause} {dir} {effect}, and they knew all along",
                "How long until everyone admits {cause} {dir} {effect}?",
            ),
            tags=("{cause}", "{effect}"),
            generic_tags=("#WakeUp", "#Health", "#DoYourResearch"),
            vary=("cause", "effect", "dir"),
            weight=1.2,
        ),
        Template(
            name="remedy",
            slots={
                "remedy": Choice(REMEDIES),
                "verb": Choice(
                    values(
                        "cures|heals|gets rid of",
                        "prevents|stops|protects against",
                        "kills the virus that causes|kills",
                    )
                ),
                "disease": Choice(DISEASES),
            },
            claims=("{remedy} {verb} {disease}.", "Doctors say {remedy} {verb} {disease}."),
            facts=("{remedy} {verb} {disease}", "a doctor proved {remedy} {verb} {disease}"),
            posts=(
                "Natural remedy alert: {remedy} {verb} {disease}. Big pharma doesn't want you "
                "to know",
                "Forward to everyone: {remedy} {verb} {disease}!!",
                "My grandma swears {remedy} {verb} {disease}",
            ),
            tags=("{remedy}", "{disease}"),
            generic_tags=("#NaturalRemedy", "#Health", "#BigPharma"),
            vary=("remedy", "disease", "verb"),
        ),
        Template(
            name="ban",
            slots={
                "place": place,
                "action": Opposed(
                    ("banned|outlawed|prohibited", "legalized|legalised|made legal|allowed")
                ),
                "thing": Choice(BANNED),
                "year": year,
            },
            claims=("{place} {action} {thing} in {year}.", "In {year}, {place} {action} {thing}."),
            facts=(
                "{place} {action} {thing} in {year}",
                "{place} quietly {action} {thing} back in {year}",
            ),
            posts=(
                "{place} {action} {thing} in {year} and nobody noticed",
                "Wait, {place} {action} {thing}?? In {year}?",
                "{thing}: {action} in {place} since {year}. Think about that",
            ),
            tags=("{place}", "{thing}"),
            vary=("place", "action", "thing", "year"),
            weight=1.2,
        ),
        Template(
            name="spending",
            slots={
                "person": people,
                "place": place,
                "more": Opposed(
                    ("more|more money|a bigger share", "less|less money|a smaller share")
                ),
                "first": Choice(SPENDING),
                "second": Choice(SPENDING),
            },
            claims=(
                "{person} said {place} spends {more} on {first} than on {second}.",
                "{place} spends {more} on {first} than on {second}, {person} claimed.",
            ),
            says=("Says {place} spends {more} on {first} than on {second}.",),
            facts=(
                "{place} spends {more} on {first} than {second}, according to {person}",
                "{person} says {place} puts {more} into {first} than into {second}",
            ),
            posts=(
                "{person} is right: {place} spends {more} on {first} than on {second}",
                "{place} spending {more} on {first} than {second}? That's what {person} says",
            ),
            own=(
                "{place} spends {more} on {first} than on {second}. Let that sink in.",
                "We spend {more} on {first} than on {second} in {place}. Time to change that.",
            ),
            tags=("{place}", "{first}"),
            vary=("person", "more", "first", "second", "place"),
            claimant="person",
            distinct=("first", "second"),
        ),
        Template(
            name="count",
            slots={
                "n": Number("count", 40, 2_000_000),
                "group": Choice(GROUPS),
                "happened": Choice(HAPPENED),
                "place": place,
                "year": year,
            },
            claims=(
                "{n} {group} {happened} in {place} in {year}.",
                "In {year}, {n} {group} {happened} in {place}.",
            ),
            facts=(
                "{n} {group} {happened} in {place} in {year}",
                "in {place}, {n} {group} {happened} in {year}",
            ),
            posts=(
                "{n} {group} {happened} in {place} in {year} and the media is silent",
                "Why is nobody reporting that {n} {group} {happened} in {place} in {year}?",
                "{place}, {year}: {n} {group} {happened}. Let that sink in",
            ),
            tags=("{place}", "{group}"),
            vary=("n", "group", "happened", "place", "year"),
            weight=1.4,
        ),
        Template(
            name="incident",
            slots={
                "person": people,
                "incident": Choice(INCIDENTS),
                "place": Choice(CITIES + STATES),
                "month": Month(),
            },
            claims=(
                "{person} {incident} in {place} in {month}.",
                "In {month}, {person} {incident} in {place}.",
            ),
            facts=(
                "{person} {incident} in {place} in {month}",
                "in {month} {person} {incident} in {place}",
            ),
            posts=(
                "{person} {incident} in {place} ({month})??",
                "Breaking news from {place}: {person} {incident}. {month}",
                "Did you hear {person} {incident} in {place} in {month}?",
            ),
            tags=("{person}", "{place}"),
            vary=("person", "incident", "place", "month"),
            weight=1.4,
        ),
        Template(
            name="endorsement",
            slots={
                "celebrity": people,
                "verb": Opposed(
                    ("endorsed|backed|threw support behind", "refused to endorse|won't endorse")
                ),
                "candidate": people,
                "office": Choice(OFFICES),
                "year": year,
            },
            claims=(
                "{celebrity} {verb} {candidate} for {office} in {year}.",
                "In {year}, {celebrity} {verb} {candidate} for {office}.",
            ),
            facts=(
                "{celebrity} {verb} {candidate} for {office} in {year}",
                "in {year} {celebrity} {verb} {candidate}'s run for {office}",
            ),
            posts=(
                "{celebrity} {verb} {candidate} for {office}!!! {year} is going to be wild",
                "Wow, {celebrity} {verb} {candidate} for {office} ({year})",
            ),
            tags=("{candidate}", "{celebrity}"),
            vary=("celebrity", "candidate", "verb", "office", "year"),
            weight=0.8,
            distinct=("celebrity", "candidate"),
        ),
        Template(
            name="giveaway",
            slots={
                "company": Choice(COMPANIES),
                "gift": Choice(GIFTS),
                "audience": Choice(AUDIENCES),
            },
            claims=(
                "{company} is giving away {gift} {audience}.",
                "{company} is offering {gift} {audience}.",
            ),
            facts=(
                "{company} is giving away {gift} {audience}",
                "{company} offers {gift} {audience}",
            ),
            posts=(
                "{company} is giving {gift} {audience}! Just click the link",
                "OMG {company} giving away {gift} {audience}. Claimed mine!",
                "Is {company} really giving {gift} {audience}?",
            ),
            tags=("{company}", "{company} giveaway"),
            generic_tags=("#Giveaway", "#Free", "#Win"),
            vary=("company", "gift", "audience"),
        ),
        Template(
            name="installed",
            slots={"city": city, "thing": Choice(INSTALLED), "year": year},
            claims=("{city} installed {thing} in {year}.", "In {year}, {city} installed {thing}."),
            facts=("{city} installed {thing} in {year}", "{city} set up {thing} in {year}"),
            posts=(
                "{city} now has {thing} ({year})",
                "Only in {city}: {thing}, installed in {year}",
                "{thing} in {city}?! Since {year} apparently",
            ),
            tags=("{thing}", "{city}", "{city} {thing}"),
            generic_tags=("#Future", "#Innovation"),
            vary=("city", "thing", "year"),
        ),
        Template(
            name="election",
            slots={
                "n": Number("count", 50, 500_000),
                "voters": Choice(VOTERS),
                "place": Choice(STATES),
                "year": Choice(values("2016", "2018", "2020", "2022", "2024"), 0.3),
            },
            claims=(
                "{n} {voters} voted in {place} in the {year} election.",
                "In the {year} election, {n} {voters} voted in {place}.",
            ),
            facts=(
                "{n} {voters} voted in {place} in {year}",
                "{n} {voters} cast ballots in {place} in the {year} election",
            ),
            posts=(
                "{n} {voters} voted in {place} in {year}!!! Stop the steal",
                "Proof that {n} {voters} cast ballots in {place}'s {year} election",
            ),
            tags=("{place}", "election {year}"),
            generic_tags=("#ElectionFraud", "#StopTheSteal", "#Elections"),
            vary=("n", "voters", "place", "year"),
        ),
        Template(
            name="benefits",
            slots={
                "place": place,
                "gives": Opposed(("gives|hands out|provides", "denies|refuses|won't give")),
                "benefit": Choice(BENEFITS),
                "newcomers": Choice(NEWCOMERS),
            },
            claims=(
                "{place} {gives} {benefit} to {newcomers}.",
                "The government of {place} {gives} {benefit} to {newcomers}.",
            ),
            facts=("{place} {gives} {benefit} to {newcomers}",),
            posts=(
                "{place} {gives} {benefit} to {newcomers} while citizens suffer",
                "Tell me again why {place} {gives} {newcomers} {benefit}",
            ),
            tags=("{place}", "{newcomers}"),
            vary=("place", "gives", "benefit", "newcomers"),
        ),
        Template(
            name="record",
            slots={"person": people, "year": year, "record": Choice(RECORDS), "place": place},
            claims=(
                "{person} said {year} was {record} in {place}.",
                "{year} was {record} in {place}, {person} said.",
            ),
            says=("Says {year} was {record} in {place}.",),
            facts=("{year} was {record} in {place}, according to {person}",),
            posts=(
                "{person} says {year} was {record} in {place}. Really?",
                "{year} {record} in {place}? {person} is lying",
            ),
            tags=("{place}", "climate"),
            generic_tags=("#Climate", "#ClimateChange", "#Weather"),
            vary=("person", "year", "record", "place"),
            claimant="person",
            weight=0.8,
        ),
        Template(
            name="pay",
            slots={
                "paid": Choice(PAID),
                "amount": Number("money", 20_000, 900_000),
                "period": Choice(PERIODS),
                "place": place,
            },
            claims=(
                "{paid} in {place} get {amount} {period}.",
                "{paid} in {place} receive {amount} {period}.",
            ),
            facts=(
                "{paid} in {place} get {amount} {period}",
                "{paid} in {place} make {amount} {period}",
            ),
            posts=(
                "{paid} in {place} get {amount} {period}. And you pay for it",
                "{amount} {period} for {paid} in {place}?? Share if you're angry",
            ),
            tags=("{place}",),
            vary=("paid", "amount", "period", "place"),
            weight=0.8,
        ),
        Template(
            name="agency",
            slots={"agency": Choice(AGENCIES), "action": Choice(ACTIONS), "year": year},
            claims=("{agency} {action} in {year}.", "In {year}, {agency} {action}."),
            facts=("{agency} {action} in {year}", "in {year} {agency} {action}"),
            posts=(
                "{agency} {action} in {year}. Wake up!",
                "So {agency} {action}? ({year})",
                "BREAKING {year}: {agency} {action}",
            ),
            tags=("{agency}",),
            vary=("agency", "action", "year"),
            weight=1.2,
        ),
        Template(
            name="school",
            slots={
                "place": place,
                "will": Opposed(
                    (
                        "will teach|are going to teach|will be teaching",
                        "will stop teaching|will no longer teach",
                    )
                ),
                "subject": Choice(TAUGHT),
                "grade": Choice(GRADES),
            },
            claims=(
                "Schools in {place} {will} {subject} to {grade}.",
                "Public schools in {place} {will} {subject} to {grade}.",
            ),
            facts=("schools in {place} {will} {subject} to {grade}",),
            posts=(
                "Schools in {place} {will} {subject} to {grade}. Parents, wake up",
                "{subject} for {grade}? Schools in {place} {will} it",
            ),
            tags=("{place}", "{subject}"),
            generic_tags=("#Parents", "#Education"),
            vary=("place", "will", "subject", "grade"),
        ),
        Template(
            name="animal",
            slots={
                "animal": Choice(ANIMALS),
                "spot": Choice(SPOTS),
                "city": city,
                "after": Choice(AFTER),
            },
            claims=(
                "Video shows {animal} {spot} in {city} {after}.",
                "Photo shows {animal} {spot} in {city} {after}.",
            ),
            facts=("{animal} was filmed {spot} in {city} {after}",),
            posts=(
                "{animal} {spot} in {city} {after}!! Stay safe",
                "Only in {city}: {animal} {spot} {after}",
            ),
            tags=("{city}", "{animal}"),
            vary=("animal", "spot", "city", "after"),
        ),
        Template(
            name="company",
            slots={"company": Choice(COMPANIES), "act": Choice(COMPANY_ACTS)},
            claims=("{company} {act}.", "Posts claim {company} {act}."),
            facts=("{company} {act}",),
            posts=(
                "Boycott {company}! They {act}",
                "Just found out {company} {act}. Never shopping there again",
            ),
            tags=("{company}", "boycott {company}"),
            vary=("company", "act"),
        ),
        Template(
            name="vaccinated",
            slots={
                "pct": Number("percent", 30, 95),
                "stat": Choice(STATS),
                "place": place,
                "month": Month(2021, 2023),
                "status": Opposed(
                    ("vaccinated|fully vaccinated|jabbed", "unvaccinated|unjabbed|not vaccinated")
                ),
            },
            claims=(
                "{pct} {stat} in {place} in {month} were {status} people.",
                "In {month}, {pct} {stat} in {place} were {status}.",
            ),
            facts=("{pct} {stat} in {place} in {month} were {status}",),
            posts=(
                "{pct} {stat} in {place} in {month} were {status}. Think about it",
                "{place} data for {month}: {pct} {stat} were {status}",
            ),
            tags=("{place}", "covid"),
            generic_tags=("#COVID19", "#Vaccines"),
            vary=("pct", "stat", "place", "month", "status"),
        ),
        Template(
            name="cost",
            slots={
                "place": Choice(CITIES + STATES),
                "amount": Number("money", 50_000, 5_000_000_000),
                "structure": Choice(STRUCTURES),
                "year": year,
            },
            claims=(
                "{place} spent {amount} on {structure} in {year}.",
                "In {year}, {place} spent {amount} on {structure}.",
            ),
            facts=("{place} spent {amount} on {structure} in {year}",),
            posts=(
                "{amount} on {structure}?! That's what {place} spent in {year}",
                "{place} blew {amount} on {structure} in {year}. Your tax dollars at work",
            ),
            tags=("{place}",),
            generic_tags=("#Taxes", "#Waste"),
            vary=("place", "amount", "structure", "year"),
        ),
    )
