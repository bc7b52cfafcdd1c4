"""Sentence embeddings for matching's semantic stage: the operator's model, the vectors of
claims as stored with them, and their similarity to a text.

The stage is optional. ``FACTCHECK_EMBEDDING_MODEL`` names a directory holding a
sentence-transformers model (``SentenceTransformer.save`` writes one; nothing is downloaded at
run time); with none, matching is lexical only and nothing here loads. The ``semantic`` extra
installs sentence-transformers and PyTorch.

A vector is stored with the model it came from (a fingerprint of the model's files): after the
operator changes models, the claims' old vectors are not compared with the new model's, and
``manage.py embed_claims`` computes them again.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from annotations.claims.models import ClaimEmbedding

if TYPE_CHECKING:
    from annotations.claims.models import Claim

BATCH = 64
"""Sentences the model encodes at once when claims are stored in bulk."""


@dataclass(frozen=True)
class Encoder:
    """A loaded model: it turns sentences into unit vectors, and names itself by
    ``fingerprint``."""

    model: Any
    fingerprint: str
    dimension: int

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """One unit vector (float32) per sentence, as the rows of a matrix."""
        vectors = self.model.encode(
            list(sentences),
            batch_size=BATCH,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(sentences), self.dimension)


def configured() -> Encoder | None:
    """The model ``FACTCHECK_EMBEDDING_MODEL`` names, loaded once per process; None when
    matching is lexical only."""
    path = settings.FACTCHECK_EMBEDDING_MODEL
    return load(path) if path else None


_loaded: dict[str, Encoder] = {}
_loading = threading.Lock()


def load(path: str) -> Encoder:
    """The sentence-transformers model in the directory ``path``, on the CPU, from its files
    alone; loaded once per process, however many threads ask for it first."""
    with _loading:
        if path not in _loaded:
            _loaded[path] = _load(Path(path))
        return _loaded[path]


def problem(path: str) -> str | None:
    """What keeps the model in ``path`` from loading, found without loading it (for the
    system check); None when nothing does."""
    if not (Path(path) / "modules.json").is_file():
        return (
            f"FACTCHECK_EMBEDDING_MODEL={path!r} is not a sentence-transformers model "
            "directory (it has no modules.json)."
        )
    if find_spec("sentence_transformers") is None:
        return (
            "FACTCHECK_EMBEDDING_MODEL is set but sentence-transformers is not installed: "
            "pip install 'factcheck[semantic]'."
        )
    return None


def _load(directory: Path) -> Encoder:
    if found := problem(str(directory)):
        raise ImproperlyConfigured(found)
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(directory), device="cpu", local_files_only=True)
    dimension = model.get_embedding_dimension()
    if not dimension:
        raise ImproperlyConfigured(f"The model in {str(directory)!r} does not state its size.")
    return Encoder(model, fingerprint(directory), int(dimension))


def fingerprint(directory: Path) -> str:
    """A name for the model in ``directory`` that changes with any of its files: the hash of
    their paths and contents."""
    digest = hashlib.sha256()
    for file in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(directory)).encode())
        with file.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:32]


SENTENCE_FIELDS = frozenset({"text", "claimant"})
"""The fields of a claim its vector is made of: a change to one makes it again."""


def sentence(claim: Claim) -> str:
    """What a claim's vector stands for: its text, said by its claimant when it names one."""
    return f"{claim.claimant}: {claim.text}" if claim.claimant else claim.text


def as_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")


def similarities(query: np.ndarray, vectors: Iterable[bytes | memoryview]) -> np.ndarray:
    """The cosine similarity of the unit vector ``query`` with each stored unit vector, in one
    product."""
    matrix = np.stack([from_bytes(vector) for vector in vectors])
    return matrix @ query


def similarities_to(encoder: Encoder, text: str, pks: list[Any]) -> dict[Any, float]:
    """The cosine similarity of ``text`` with each claim of ``pks`` that has a vector by the
    encoder's model."""
    stored = dict(
        ClaimEmbedding.objects.filter(claim__in=pks, model=encoder.fingerprint).values_list(
            "claim", "vector"
        )
    )
    if not stored:
        return {}
    query = encoder.encode([text])[0]
    return dict(zip(stored, similarities(query, stored.values()).tolist(), strict=True))
