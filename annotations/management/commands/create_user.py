from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from annotations.workspaces.models import Role
from annotations.workspaces.services import DEFAULT_WORKSPACE_SLUG, user_create_or_add_role
from factcheck.errors import Conflict


class Command(BaseCommand):
    help = (
        "Create a user with a role in a workspace, or give an existing user a role there. "
        "The workspace is created if needed."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--workspace", default=DEFAULT_WORKSPACE_SLUG, help="Workspace slug.")
        parser.add_argument(
            "--password", help="Without it, a new user cannot log in until a password is set."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user, created = user_create_or_add_role(
                options["username"],
                role=options["role"],
                workspace_slug=options["workspace"],
                password=options["password"],
            )
        except Conflict as exc:
            raise CommandError(str(exc)) from exc
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        verb = "Created" if created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {user.get_username()}: {options['role']} in {options['workspace']}."
            )
        )
