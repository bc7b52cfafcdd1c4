"""What history keeps of every tracked row besides its values (django-simple-history)."""

from __future__ import annotations

from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords


class HistoryContext(models.Model):
    """What every history record keeps besides the row's values: the request that made the
    change, and the workspace, so that history stays scoped after the row is deleted."""

    history_request_id = models.CharField(max_length=200, blank=True)
    history_workspace_id = models.UUIDField(null=True, db_index=True)

    class Meta:
        abstract = True


def track_history(**options: Any) -> HistoricalRecords:
    """History of a model's rows: who changed what, when, through which request."""
    return HistoricalRecords(bases=[HistoryContext], excluded_fields=["updated_at"], **options)
