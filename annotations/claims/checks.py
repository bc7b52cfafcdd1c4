"""System checks of matching's configuration, run by every management command and at
deployment (``check --deploy``), so that a wrong model path stops the service before it
serves rather than at its first match."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error

from annotations.claims import embedding


def embedding_model_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """``FACTCHECK_EMBEDDING_MODEL``, when set, names a model that can be loaded. Cheap: the
    model itself loads at its first use."""
    path = settings.FACTCHECK_EMBEDDING_MODEL
    found = embedding.problem(path) if path else None
    if found is None:
        return []
    return [
        Error(
            found,
            hint="Point it at a directory that SentenceTransformer.save() wrote, with the "
            "semantic extra installed, or unset it for lexical matching only.",
            id="annotations.E001",
        )
    ]
