#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    # Commands typed on a developer's machine run in debug mode unless told otherwise; the
    # served application (wsgi.py, asgi.py) never defaults to it. Production environments set
    # DJANGO_DEBUG=0 and DJANGO_SECRET_KEY for their commands too.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
