"""The table where ``Idempotency-Key`` claims and responses are kept (``idempotency``).

It belongs to the ``annotations`` app, where it was created (migration 0004), and is loaded
with that app's models (``annotations.models`` imports it); the class lives here, with the
middleware that owns it, so that this layer needs nothing of the domain's.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class IdempotencyKey(models.Model):
    """A client's ``Idempotency-Key`` for a create request: while the first request runs the
    key is claimed (``response_status`` is null); afterwards it holds the response, which a
    retry with the same key and body gets again instead of a second creation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(
        max_length=64, help_text="SHA-256 of the request's method, path and body."
    )
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    response_body = models.BinaryField(default=b"", blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        app_label = "annotations"
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.user_id})"
