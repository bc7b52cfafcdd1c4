"""The change history of a row, read from django-simple-history's records as a list of
entries: who, when, through which request, and each field's value before and after."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Bookkeeping of the history records themselves, not values of the row.
NOT_TRACKED = {
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user",
    "history_request_id",
    "history_workspace_id",
}


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Entry:
    history_id: int
    action: str
    at: datetime
    user: str | None
    request_id: str
    changes: list[Change] = field(default_factory=list)


def history_context(workspace_id: Any) -> dict[str, Any]:
    """What each history record keeps besides the row's values (``models.HistoryContext``):
    the request making the change, and the row's workspace."""
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    return {"history_request_id": getattr(request, "id", ""), "history_workspace_id": workspace_id}


Relations = Mapping[str, tuple[str, str]]
"""Many-to-many field name -> (accessor of its historical rows, attribute holding the id)."""


def _values(record: Any, relations: Relations) -> dict[str, Any]:
    values = {
        model_field.name: getattr(record, model_field.attname)
        for model_field in record._meta.concrete_fields
        if model_field.name not in NOT_TRACKED
    }
    for name, (accessor, attribute) in relations.items():
        # Prefetched with the history records.
        values[name] = sorted(
            str(getattr(row, attribute)) for row in getattr(record, accessor).all()
        )
    return values


def _same_request(first: Any, second: Any) -> bool:
    return bool(first.history_request_id) and (
        first.history_request_id == second.history_request_id
    )


def _grouped_by_request(records: Sequence[Any]) -> list[list[Any]]:
    """One request can write a row several times (a claim and then its spans): one group."""
    groups: list[list[Any]] = []
    for record in records:
        if groups and _same_request(groups[-1][-1], record):
            groups[-1].append(record)
        else:
            groups.append([record])
    return groups


def history_entries(records: Sequence[Any], relations: Relations | None = None) -> list[Entry]:
    """Entries for ``records`` (one row's history, oldest first), newest first, one per
    request that changed something.

    A creation lists every value (before: null); a change, the values that changed; a
    deletion, every value (after: null).
    """
    entries = []
    previous: dict[str, Any] | None = None
    for group in _grouped_by_request(records):
        first, last = group[0], group[-1]
        current = _values(last, relations or {})
        if first.history_type == "+" or previous is None:
            action, changes = (
                "created",
                [Change(name, None, value) for name, value in current.items()],
            )
        elif last.history_type == "-":
            action, changes = (
                "deleted",
                [Change(name, value, None) for name, value in current.items()],
            )
        else:
            action = "changed"
            changes = [
                Change(name, previous.get(name), value)
                for name, value in current.items()
                if previous.get(name) != value
            ]
        previous = current
        if not changes:
            continue  # a save that changed nothing tracked
        entries.append(
            Entry(
                history_id=last.history_id,
                action=action,
                at=last.history_date,
                user=last.history_user.get_username() if last.history_user else None,
                request_id=last.history_request_id,
                changes=changes,
            )
        )
    return entries[::-1]
