"""The words the search benchmark's articles and claims are made of (``bench/search.py``): who
speaks, about what, where, and who publishes it, in English, German and French.

Each list is in order of frequency: ``search_corpus.Writer`` draws its items with Zipf-like
weights, the first the most often.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    return text.split()


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
