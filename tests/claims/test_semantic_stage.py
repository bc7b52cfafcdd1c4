"""Matching's semantic stage, end to end with a tiny sentence-transformers model that the tests
build: vectors stored when claims are written, compared with the text's, fused with the
lexical ranking; and matching as before with no model."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.claims import embedding
from annotations.claims.checks import embedding_model_check
from annotations.claims.models import Claim, ClaimEmbedding
from annotations.claims.ranking import FUSION_K, fuse
from annotations.claims.services import embed_claims
from tests.conftest import service_missing
from tests.factories import ClaimFactory

SIMILAR = reverse("claim-similar")
CLAIMS = reverse("claim-list")

CONCEPTS = {
    "vaccine": ["vaccine", "vaccines", "jab", "jabs", "shot"],
    "cause": ["cause", "causes", "trigger", "triggers"],
    "autism": ["autism", "autistic"],
    "children": ["children", "kids", "child"],
    "cancel": ["cancel", "stop", "halt"],
    "donation": ["donations", "payments", "contributions"],
}
"""The tiny model's world: each word a direction, synonyms the same one. Other words are
unknown to it (a zero vector), so a sentence's vector is the mean of its known concepts."""


def build_tiny_model(directory: Path) -> Path:
    """A sentence-transformers model of one static embedding layer over a word-level
    tokenizer, saved as an operator's model would be."""
    try:
        from sentence_transformers import SentenceTransformer
        from sentence_transformers.sentence_transformer.modules import StaticEmbedding
    except ImportError:
        service_missing("semantic", "sentence-transformers is not installed (the semantic extra)")
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.normalizers import Lowercase
    from tokenizers.pre_tokenizers import Whitespace

    vocabulary = {"[UNK]": 0, "[PAD]": 1}
    weights = [np.zeros(len(CONCEPTS)), np.zeros(len(CONCEPTS))]
    for dimension, words in enumerate(CONCEPTS.values()):
        for word in words:
            vocabulary[word] = len(vocabulary)
            weights.append(np.eye(len(CONCEPTS))[dimension])
    tokenizer = Tokenizer(WordLevel(vocabulary, unk_token="[UNK]"))
    tokenizer.normalizer = Lowercase()
    tokenizer.pre_tokenizer = Whitespace()
    layer = StaticEmbedding(tokenizer, embedding_weights=np.array(weights, dtype=np.float32))
    SentenceTransformer(modules=[layer]).save(str(directory))
    return directory


@pytest.fixture(scope="session")
def tiny_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"))


@pytest.fixture
def tiny_model(settings: Any, tiny_model_path: Path) -> embedding.Encoder:
    """The tiny model, configured as the installation's."""
    settings.FACTCHECK_EMBEDDING_MODEL = str(tiny_model_path)
    encoder = embedding.configured()
    assert encoder is not None
    return encoder


def stored_vector(claim: Claim) -> np.ndarray:
    return embedding.from_bytes(ClaimEmbedding.objects.get(claim=claim).vector)


def similar(client: Any, text: str) -> list[dict[str, Any]]:
    response = client.get(SIMILAR, {"text": text})
    assert response.status_code == 200, response.content
    return response.data


# --- Vectors stored with claims ---------------------------------------------------------


def test_a_claim_created_or_reworded_through_the_api_has_its_vector(
    tiny_model: embedding.Encoder, annotator: Any, client_for: Any, workspace: Any
) -> None:
    client = client_for(annotator)
    response = client.post(
        CLAIMS, {"text": "Vaccines cause autism", "claimant": "", "workspace": "desk"}
    )
    assert response.status_code == 201, response.content
    claim = Claim.objects.get(pk=response.data["id"])
    row = ClaimEmbedding.objects.get(claim=claim)
    assert row.model == tiny_model.fingerprint
    vaccine_cause_autism = np.array([1, 1, 1, 0, 0, 0]) / np.sqrt(3)
    np.testing.assert_allclose(stored_vector(claim), vaccine_cause_autism, atol=1e-6)

    detail = reverse("claim-detail", args=[claim.pk])
    changed = client.patch(
        detail, {"text": "Stop the donations"}, HTTP_IF_MATCH=client.get(detail)["ETag"]
    )
    assert changed.status_code == 200, changed.content
    np.testing.assert_allclose(
        stored_vector(claim), np.array([0, 0, 0, 0, 1, 1]) / np.sqrt(2), atol=1e-6
    )


def test_the_claimant_is_part_of_the_sentence(
    tiny_model: embedding.Encoder, workspace: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, text="Jabs cause autism", claimant="Children")
    embed_claims([claim])
    np.testing.assert_allclose(stored_vector(claim), np.array([1, 1, 1, 1, 0, 0]) / 2, atol=1e-6)


def test_without_a_model_nothing_is_stored_and_matching_is_lexical(
    settings: Any, annotator: Any, client_for: Any, workspace: Any
) -> None:
    settings.FACTCHECK_EMBEDDING_MODEL = ""
    response = client_for(annotator).post(
        CLAIMS, {"text": "Vaccines cause autism", "workspace": "desk"}
    )
    assert response.status_code == 201, response.content
    assert not ClaimEmbedding.objects.exists()
    [hit] = similar(client_for(annotator), "vaccines cause autism")
    assert hit["explanation"]["stages"]["semantic"] is None
    assert hit["explanation"]["stages"]["lexical"] > 0


def test_an_imported_archive_has_vectors(
    tiny_model: embedding.Encoder, editor: Any, client_for: Any, workspace: Any
) -> None:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/1",
        "claimReviewed": "The jab triggers autism",
        "datePublished": "2024-06-14",
        "author": {"@type": "Organization", "name": "Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "reviewBody": "No study shows it.",
    }
    response = client_for(editor).post(
        reverse("claimreviews-import"), json.dumps(review), content_type="application/ld+json"
    )
    assert response.status_code == 200, response.content
    claim = Claim.objects.get(review_url="https://checks.example/1")
    np.testing.assert_allclose(stored_vector(claim), np.array([1, 1, 1, 0, 0, 0]) / np.sqrt(3))


# --- The command that computes what is missing ------------------------------------------


def test_embed_claims_computes_the_missing_and_the_other_models_vectors(
    tiny_model: embedding.Encoder, workspace: Any
) -> None:
    missing, other_model, current = ClaimFactory.create_batch(3, workspace=workspace)
    ClaimEmbedding.objects.create(claim=other_model, model="another", vector=b"\0\0\0\0")
    embed_claims([current])
    before = ClaimEmbedding.objects.get(claim=current).vector
    out = io.StringIO()
    call_command("embed_claims", stdout=out)
    assert "Stored the vectors of 2 claims" in out.getvalue()
    rows = ClaimEmbedding.objects.in_bulk([missing.pk, other_model.pk, current.pk])
    assert {row.model for row in rows.values()} == {tiny_model.fingerprint}
    assert len(rows[other_model.pk].vector) == 4 * tiny_model.dimension
    assert bytes(rows[current.pk].vector) == bytes(before)

    out = io.StringIO()
    call_command("embed_claims", "--all", stdout=out)
    assert "Stored the vectors of 3 claims" in out.getvalue()


def test_embed_claims_needs_a_model(settings: Any) -> None:
    settings.FACTCHECK_EMBEDDING_MODEL = ""
    with pytest.raises(CommandError, match="FACTCHECK_EMBEDDING_MODEL is not set"):
        call_command("embed_claims")


# --- Ranking ------------------------------------------------------------------------------


def test_the_semantic_stage_lifts_the_claim_that_means_the_text(
    settings: Any, tiny_model_path: Path, annotator: Any, client_for: Any, workspace: Any
) -> None:
    """One claim means the text in other words (jab: vaccine, triggers: cause, kids:
    children); lexically, another that shares a rarer word comes first."""
    means_it = ClaimFactory(workspace=workspace, claimant="", text="Vaccines cause autism")
    shares_a_word = ClaimFactory(workspace=workspace, claimant="", text="Autism rates rise")
    related = ClaimFactory(
        workspace=workspace, claimant="", text="Autism among children diagnosed sooner"
    )
    text = "The jab triggers autism in kids, rates show"
    client = client_for(annotator)

    settings.FACTCHECK_EMBEDDING_MODEL = ""
    lexical = [hit["id"] for hit in similar(client, text)]
    assert lexical == [str(shares_a_word.pk), str(means_it.pk), str(related.pk)]

    settings.FACTCHECK_EMBEDDING_MODEL = str(tiny_model_path)
    embed_claims([means_it, shares_a_word, related])
    hits = similar(client, text)
    cosines = {hit["id"]: hit["explanation"]["stages"]["semantic"] for hit in hits}
    # The text is vaccine, cause, autism and children: a unit vector of four equal parts.
    assert cosines[str(means_it.pk)] == pytest.approx(np.sqrt(3) / 2, abs=1e-4)
    assert cosines[str(related.pk)] == pytest.approx(1 / np.sqrt(2), abs=1e-4)
    assert cosines[str(shares_a_word.pk)] == pytest.approx(0.5, abs=1e-4)
    # Ranks (lexical, semantic): means it (2, 1), shares a word (1, 3), related (3, 2).
    assert [hit["id"] for hit in hits] == [str(means_it.pk), str(shares_a_word.pk), str(related.pk)]
    # The lexical stage's own figures and the score are those of lexical matching.
    lexical_hits = {hit["id"]: hit for hit in similar_lexically(settings, client, text)}
    for hit in hits:
        assert hit["score"] == lexical_hits[hit["id"]]["score"]
        assert hit["explanation"]["terms"] == lexical_hits[hit["id"]]["explanation"]["terms"]


def similar_lexically(settings: Any, client: Any, text: str) -> list[dict[str, Any]]:
    configured = settings.FACTCHECK_EMBEDDING_MODEL
    settings.FACTCHECK_EMBEDDING_MODEL = ""
    try:
        return similar(client, text)
    finally:
        settings.FACTCHECK_EMBEDDING_MODEL = configured


def test_vectors_of_another_model_are_not_compared(
    tiny_model: embedding.Encoder, annotator: Any, client_for: Any, workspace: Any
) -> None:
    claim = ClaimFactory(workspace=workspace, claimant="", text="Vaccines cause autism")
    ClaimEmbedding.objects.create(
        claim=claim, model="another", vector=embedding.as_bytes(np.ones(6) / np.sqrt(6))
    )
    [hit] = similar(client_for(annotator), "vaccines cause autism")
    assert hit["explanation"]["stages"]["semantic"] is None


def test_the_semantic_stage_reads_the_vectors_in_one_statement(
    tiny_model: embedding.Encoder, annotator: Any, client_for: Any, workspace: Any
) -> None:
    client = client_for(annotator)
    statements = []
    for count in (2, 20):
        Claim.objects.all().delete()
        claims = ClaimFactory.create_batch(count, workspace=workspace, text="Vaccines cause autism")
        embed_claims(claims)
        similar(client, "jabs cause autism")  # credentials cached, as in a steady state
        with CaptureQueriesContext(connection) as captured:
            assert len(similar(client, "jabs cause autism")) == min(count, 10)
        statements.append(len(captured))
    assert statements[0] == statements[1]


def test_fusion_keeps_claims_without_a_vector_and_the_tail_in_lexical_order() -> None:
    order = ["a", "b", "c", "d", "e"]
    # b and d have vectors; d is the closer. Only the first four are re-ranked.
    fused = fuse(order, {"b": 0.2, "d": 0.9})
    scores = {
        "a": 1 / (FUSION_K + 1),
        "b": 1 / (FUSION_K + 2) + 1 / (FUSION_K + 2),
        "c": 1 / (FUSION_K + 3),
        "d": 1 / (FUSION_K + 4) + 1 / (FUSION_K + 1),
    }
    assert fused == [*sorted(scores, key=lambda pk: -scores[pk]), "e"]
    assert fused == ["b", "d", "a", "c", "e"]
    assert fuse(order, {}) == order


# --- Configuration --------------------------------------------------------------------------


def test_a_directory_without_a_model_is_refused(settings: Any, tmp_path: Path) -> None:
    settings.FACTCHECK_EMBEDDING_MODEL = str(tmp_path)
    with pytest.raises(ImproperlyConfigured, match=r"no modules\.json"):
        embedding.configured()
    [error] = embedding_model_check(None)
    assert isinstance(error, Error)
    assert "FACTCHECK_EMBEDDING_MODEL" in error.msg


def test_a_configured_model_passes_the_check(tiny_model: embedding.Encoder) -> None:
    assert embedding_model_check(None) == []


def test_the_fingerprint_changes_with_the_model(tiny_model_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for file in tiny_model_path.iterdir():
        if file.is_file():
            (copy / file.name).write_bytes(file.read_bytes())
    assert embedding.fingerprint(copy) == embedding.fingerprint(tiny_model_path)
    (copy / "README.md").write_text("changed")
    assert embedding.fingerprint(copy) != embedding.fingerprint(tiny_model_path)
