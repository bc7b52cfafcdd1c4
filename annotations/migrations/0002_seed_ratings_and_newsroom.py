"""Seed the rating scale and the default ``newsroom`` workspace."""

from django.db import migrations

RATINGS = [
    ("true", "True", "The statement is accurate and nothing significant is missing.", 5),
    (
        "mostly-true",
        "Mostly true",
        "Accurate, but needs clarification or additional information.",
        4,
    ),
    (
        "half-true",
        "Half true",
        "Partially accurate, but leaves out important details or context.",
        3,
    ),
    (
        "mostly-false",
        "Mostly false",
        "Contains an element of truth but ignores facts that would give a different impression.",
        2,
    ),
    ("false", "False", "The statement is not accurate.", 1),
    (
        "misleading",
        "Misleading",
        "Accurate facts presented so as to give a false impression.",
        None,
    ),
    (
        "unverifiable",
        "Unverifiable",
        "Cannot be proven or disproven with the evidence available.",
        None,
    ),
]


def seed(apps, schema_editor):
    Rating = apps.get_model("annotations", "Rating")
    Workspace = apps.get_model("annotations", "Workspace")
    for slug, label, description, value in RATINGS:
        Rating.objects.get_or_create(
            slug=slug, defaults={"label": label, "description": description, "value": value}
        )
    Workspace.objects.get_or_create(slug="newsroom", defaults={"name": "Newsroom"})


def unseed(apps, schema_editor):
    Rating = apps.get_model("annotations", "Rating")
    Workspace = apps.get_model("annotations", "Workspace")
    Rating.objects.filter(slug__in=[slug for slug, *_ in RATINGS], verdicts__isnull=True).delete()
    Workspace.objects.filter(slug="newsroom", articles__isnull=True, claims__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("annotations", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
