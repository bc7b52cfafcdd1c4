"""System checks of matching's configuration, run by every management command and at
deployment (``check --deploy``), so that a wrong model path stops the service before it
serves rather than at its first match."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error


def embedding_model_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """``FACTCHECK_EMBEDDING_MODEL``, when set, is a model directory that can be loaded. Cheap:
    the model itself loads at its first use."""
    path = settings.FACTCHECK_EMBEDDING_MODEL
    if not path:
        return []
    if not (Path(path) / "modules.json").is_file():
        return [
            Error(
                f"FACTCHECK_EMBEDDING_MODEL={path!r} is not a sentence-transformers model "
                "directory (it has no modules.json).",
                hint="Point it at a directory that SentenceTransformer.save() wrote, or unset "
                "it for lexical matching only.",
                id="annotations.E001",
            )
        ]
    if find_spec("sentence_transformers") is None:
        return [
            Error(
                "FACTCHECK_EMBEDDING_MODEL is set but sentence-transformers is not installed.",
                hint="pip install 'factcheck[semantic]'",
                id="annotations.E002",
            )
        ]
    return []
