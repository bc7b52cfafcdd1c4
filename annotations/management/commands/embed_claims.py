"""Compute the claims' vectors for matching's semantic stage: those with none, or one by
another model (after the operator changes FACTCHECK_EMBEDDING_MODEL)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from annotations.claims import embedding
from annotations.claims.models import Claim
from annotations.claims.services import embed_claims
from annotations.management.progress import Progress

BATCH = 512
"""Claims read, encoded and stored per transaction: an interrupted run keeps what it did."""


class Command(BaseCommand):
    help = (
        "Compute and store the sentence vector of every claim that has none by the model "
        "FACTCHECK_EMBEDDING_MODEL names (all claims with --all), in batches. Claims created "
        "or changed while a model is configured get theirs when they are written."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="Compute every claim's vector again."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        encoder = embedding.configured()
        if encoder is None:
            raise CommandError("FACTCHECK_EMBEDDING_MODEL is not set: there is no model to use.")
        claims = Claim.objects.order_by("pk").only("pk", "text", "claimant")
        if not options["all"]:
            claims = claims.exclude(embedding__model=encoder.fingerprint)
        pks = list(claims.values_list("pk", flat=True))
        progress = Progress(self.stderr, len(pks)) if self.stderr.isatty() else None
        for start in range(0, len(pks), BATCH):
            with transaction.atomic():
                embed_claims(claims.filter(pk__in=pks[start : start + BATCH]))
            if progress is not None:
                progress.show(min(start + BATCH, len(pks)))
        self.stdout.write(
            f"Stored the vectors of {len(pks):,} claims (model {encoder.fingerprint})."
        )
