from typing import Any

from django.core.management.base import BaseCommand

from factcheck.http.idempotency import delete_expired_idempotency_keys


class Command(BaseCommand):
    help = "Delete Idempotency-Keys older than FACTCHECK_IDEMPOTENCY_TTL_HOURS (run it daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = delete_expired_idempotency_keys()
        self.stdout.write(f"Deleted {deleted} expired idempotency key(s).")
