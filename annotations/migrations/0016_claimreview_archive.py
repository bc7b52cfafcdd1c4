"""A verdict's publisher, for fact-checks imported from another organisation's ClaimReviews.

On SQLite, adding (or removing) a column that is not null makes Django rebuild the verdict
table, which drops the annotation-version triggers on it (migration 0015); they are made
again after the rebuild, both ways.
"""

import importlib
import re

from django.conf import settings
from django.db import migrations, models

VERDICT_TRIGGER = re.compile(r"CREATE TRIGGER (\w+) AFTER \w+ ON annotations_verdict ")


def restore_verdict_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    versions = importlib.import_module("annotations.migrations.0015_annotation_versions")
    user_table = apps.get_model(settings.AUTH_USER_MODEL)._meta.db_table
    for statement in versions.sqlite(user_table):
        trigger = VERDICT_TRIGGER.match(statement)
        if trigger is None:
            continue
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger[1]}", params=None)
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0015_annotation_versions"),
    ]

    operations = [
        # Reversed last: after the columns are removed (and the table rebuilt).
        migrations.RunPython(migrations.RunPython.noop, restore_verdict_triggers),
        migrations.AddField(
            model_name="historicalverdict",
            name="publisher_name",
            field=models.CharField(
                blank=True,
                help_text="Who published the fact-check, when not this installation "
                "(FACTCHECK_ORG_NAME): an imported ClaimReview's author.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="historicalverdict",
            name="publisher_url",
            field=models.URLField(
                blank=True, help_text="The publisher's site, with publisher_name.", max_length=2000
            ),
        ),
        migrations.AddField(
            model_name="verdict",
            name="publisher_name",
            field=models.CharField(
                blank=True,
                help_text="Who published the fact-check, when not this installation "
                "(FACTCHECK_ORG_NAME): an imported ClaimReview's author.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="verdict",
            name="publisher_url",
            field=models.URLField(
                blank=True, help_text="The publisher's site, with publisher_name.", max_length=2000
            ),
        ),
        migrations.RunPython(restore_verdict_triggers, migrations.RunPython.noop),
    ]
