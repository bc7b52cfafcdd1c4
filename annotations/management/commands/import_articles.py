"""Load articles from a JSON Lines file, one line at a time: each read as the API reads an
article (``ArticleSerializer``, for the user named), and created by the same service."""

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from annotations.articles.serializers import ArticleSerializer
from annotations.articles.services import article_create
from factcheck.http.problems import field_errors


class Command(BaseCommand):
    help = (
        "Create articles from FILE.jsonl, one JSON object per line with the fields of "
        "POST /api/v1/articles/. Articles whose url is already in the workspace are skipped; "
        "a bad line is reported and the rest go on."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="Who creates them (username).")
        parser.add_argument("--workspace", help="Slug; needed if the user has several.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}.")
        try:
            lines = options["file"].read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from exc
        context = {"user": user}
        created = skipped = 0
        failed: list[str] = []
        show_progress = sys.stdout.isatty()
        for number, line in enumerate(lines, start=1):
            if show_progress:
                self.stdout.write(f"\r{number}/{len(lines)}", ending="")
            if not line.strip():
                continue
            outcome = self._import_line(line, options["workspace"], context, user)
            if outcome == "created":
                created += 1
            elif outcome == "skipped":
                skipped += 1
            else:
                failed.append(f"line {number}: {outcome}")
        if show_progress:
            self.stdout.write("")
        self.stdout.write(f"Created {created}, skipped {skipped}, failed {len(failed)}.")
        for failure in failed:
            self.stdout.write(f"  {failure}")

    def _import_line(self, line: str, workspace: str | None, context: dict, user: Any) -> str:
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            return f"not JSON ({exc.msg})"
        if not isinstance(data, dict):
            return "not a JSON object"
        if workspace and "workspace" not in data:
            data["workspace"] = workspace
        serializer = ArticleSerializer(data=data, context=context)
        if not serializer.is_valid():
            errors = list(field_errors(serializer.errors))
            if [(error["field"], error["code"]) for error in errors] == [("url", "unique")]:
                return "skipped"
            return "; ".join(f"{error['field'] or 'line'}: {error['message']}" for error in errors)
        try:
            article_create(**serializer.validated_data, created_by=user)
        except PermissionDenied:
            return "the user may not create articles in this workspace"
        return "created"
