from typing import Any

from django.core.management.base import BaseCommand

from annotations.demo import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Load the demo article, a user per role and a worked example. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        article = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: article {article.pk}"))
        for username, role in DEMO_USERS.items():
            self.stdout.write(f"  {role:<10} {username} / {DEMO_PASSWORD}")
