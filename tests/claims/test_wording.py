"""Posts read for matching (``wording``) and scored (``ranking``): pure functions."""

import pytest

from annotations.claims import wording
from annotations.claims.ranking import Document, Statistics, score


def groups(text: str) -> dict[float, str]:
    return {group.weight: group.text for group in wording.read_text(text)}


def test_a_post_is_read_by_kind_of_word() -> None:
    read = groups(
        "Hillary's campaign won't let me cancel recurring donations!! #StillWithHer "
        "@HillaryClinton pic.twitter.com/aB3dE9xYz https://t.co/Xy12Ab "
        "https://www.example-news.com/2016/10/clinton-campaign-donations-refund.html "
        "— Jane Roe (@jroe_1987) October 12, 2016"
    )
    assert read[wording.TEXT] == (
        "Still With Her Hillary's campaign won't let me cancel recurring donations"
    )
    assert read[wording.LINK] == "clinton campaign donations refund"
    # The handle in the text, the signature's name and handle: who, not what.
    assert wording.HANDLE == wording.SIGNATURE
    assert read[wording.HANDLE] == "Jane Roe jroe 1987 Hillary Clinton"
    assert read[wording.SIGNATURE_DATE] == "October 12, 2016"
    assert set(read) == {wording.TEXT, wording.LINK, wording.HANDLE, wording.SIGNATURE_DATE}


def test_numbers_are_kept_with_less_weight() -> None:
    read = groups("Unemployment fell to 3.5% in 2023")
    assert read[wording.TEXT] == "Unemployment fell to in"
    assert read[wording.NUMBER] == "3.5 2023"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("PizzaVendingMachine", "Pizza Vending Machine"),
        ("COVID19Vaccine", "COVID 19 Vaccine"),
        ("realDonaldTrump", "real Donald Trump"),
        ("stop_the_steal", "stop the steal"),
        ("brexit", "brexit"),
    ],
)
def test_hashtags_and_handles_are_split_into_words(name: str, words: str) -> None:
    assert wording.split_name(name) == words


def test_links_keep_their_slug_but_not_codes_or_shorteners() -> None:
    assert wording.link_words("https://bit.ly/3xYzAbC") == ""
    assert wording.link_words("https://news.example.org/a1b2c3/world/nato-summit-july") == (
        "world nato summit july"
    )
    assert wording.link_words("https://news.example.org/") == ""


def test_diacritics_and_case_are_folded() -> None:
    assert wording.fold("Éire ÜBER café") == "eire uber cafe"


STATISTICS = Statistics(
    claims=10_000,
    average_length=8,
    frequencies={"hillari": 40, "trump": 400, "campaign": 300, "donat": 60, "cancel": 90},
)


def document(text: list[str], claimant: list[str] = []) -> Document:  # noqa: B006
    return Document({"text": {t: text.count(t) for t in text}, "claimant": {}})


def test_a_text_holding_every_term_of_the_claim_scores_one_whatever_else_it_says() -> None:
    claim = document(["hillari", "campaign", "donat"])
    query = dict.fromkeys(["hillari", "campaign", "donat", "cancel", "recur", "let"], 1.0)
    assert score(query, claim, STATISTICS).score == pytest.approx(1.0)


def test_rare_terms_decide_between_claims_about_different_people() -> None:
    query = dict.fromkeys(["hillari", "campaign", "cancel", "donat"], 1.0)
    right = score(query, document(["hillari", "campaign", "donat"]), STATISTICS)
    wrong = score(query, document(["trump", "campaign", "cancel", "donat"]), STATISTICS)
    assert right.bm25 > wrong.bm25
    assert right.score > wrong.score
    assert set(right.terms) == {"hillari", "campaign", "donat"}


def test_a_term_of_little_weight_counts_for_little() -> None:
    claim = document(["trump", "campaign"])
    from_text = score({"trump": 1.0}, claim, STATISTICS)
    from_signature = score({"trump": wording.SIGNATURE}, claim, STATISTICS)
    assert from_signature.bm25 == pytest.approx(wording.SIGNATURE * from_text.bm25)


def test_a_term_no_claim_holds_weighs_nothing() -> None:
    assert STATISTICS.idf("unheard") == 0
    assert score({"unheard": 1.0}, document(["unheard"]), STATISTICS).bm25 == 0
