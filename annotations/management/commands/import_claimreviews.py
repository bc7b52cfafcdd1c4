"""Load an archive of published fact-checks, ClaimReview JSON-LD or CSV, into a workspace:
each item a claim with its published verdict, by the service that
``POST /api/v1/claimreviews/import/`` uses, in batches, all in one transaction."""

import csv
from argparse import ArgumentParser
from collections import Counter
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from annotations.claims.models import Claim
from annotations.interop import archive
from annotations.interop.services import ArchiveResult, claimreviews_import
from annotations.management.progress import Progress
from annotations.workspaces import access
from annotations.workspaces.models import Workspace
from factcheck.db import merge_pending_index_entries

BATCH = 1000
"""Items per call of the service: the progress bar moves once per batch."""


class Command(BaseCommand):
    help = (
        "Import published fact-checks from FILE: schema.org ClaimReview JSON-LD (a "
        "ClaimReview, a list of them, or a DataFeed as GET /api/v1/claimreviews/ gives it) or "
        "CSV with a header row naming claim, claimant, date, rating, url and headline (and "
        "optionally claim_date, publisher, publisher_url, language). Each becomes a claim of "
        "the workspace with its verdict, published as it was; a fact-check whose url is in "
        "the workspace already is left as it is, and a bad item is reported while the rest "
        "go on. All of it is one transaction."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--user",
            required=True,
            help="An editor of the workspace (username): the claims' creator and the "
            "verdicts' reviewer.",
        )
        parser.add_argument(
            "--workspace", help="Slug (or id); needed if the user belongs to several."
        )
        parser.add_argument(
            "--format",
            choices=["json", "csv"],
            help="How FILE is written; by default, CSV for a name ending in .csv, else JSON.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}.")
        workspace = self._workspace(user, options["workspace"])
        path: Path = options["file"]
        csv_format = options["format"] or ("csv" if path.suffix.lower() == ".csv" else "json")
        try:
            entries = read_csv(path) if csv_format == "csv" else read_json(path)
        except ValidationError as exc:
            raise CommandError(f"{path} is not an archive: {'; '.join(exc.messages)}") from exc
        progress = Progress(self.stderr, len(entries)) if self.stderr.isatty() else None
        results: list[ArchiveResult] = []
        try:
            with transaction.atomic():
                for start in range(0, len(entries), BATCH):
                    batch = entries[start : start + BATCH]
                    results += claimreviews_import(workspace, batch, by=user, first_index=start)
                    if progress is not None:
                        progress.show(len(results))
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        merge_pending_index_entries(Claim)
        self._report(results)

    def _workspace(self, user: Any, named: str | None) -> Workspace:
        if named is None:
            workspace = access.default_workspace(user)
            if workspace is None:
                raise CommandError("The user belongs to several workspaces: name one.")
            return workspace
        workspace = Workspace.objects.filter(slug=named).first()
        if workspace is None and (workspace_id := _uuid_or_none(named)) is not None:
            workspace = Workspace.objects.filter(pk=workspace_id).first()
        if workspace is None:
            raise CommandError(f"No workspace {named!r}.")
        return workspace

    def _report(self, results: list[ArchiveResult]) -> None:
        counts = Counter(result.status for result in results)
        self.stdout.write(
            f"Created {counts['created']}, exists {counts['exists']}, "
            f"rejected {counts['rejected']}."
        )
        for result in results:
            for error in result.errors:
                self.stdout.write(f"  {error['field']}: {error['message']}")


def read_json(path: Path) -> list[archive.Entry]:
    try:
        document = orjson.loads(path.read_bytes())
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc
    except orjson.JSONDecodeError as exc:
        raise CommandError(f"{path} is not JSON: {exc}") from exc
    return archive.read_each(archive.read_claim_review, archive.archive_items(document))


def read_csv(path: Path) -> list[archive.Entry]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file, strict=True))
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CommandError(f"{path} is not CSV in UTF-8: {exc}") from exc
    header = archive.CsvHeader.of(rows)
    return archive.read_each(header.read, header.rows(rows))


def _uuid_or_none(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None
