"""Spans keep their offsets in UTF-16 code units too, for JavaScript clients."""

from django.db import migrations, models


def utf16(text):
    return len(text.encode("utf-16-le")) // 2


def compute(apps, schema_editor):
    Span = apps.get_model("annotations", "Span")
    for span in Span.objects.select_related("article").iterator():
        body = span.article.body
        span.start_utf16 = utf16(body[: span.start])
        span.end_utf16 = utf16(body[: span.end])
        span.save(update_fields=["start_utf16", "end_utf16"])


class Migration(migrations.Migration):
    dependencies = [("annotations", "0007_claim_review_url")]

    operations = [
        migrations.AddField("span", "start_utf16", models.PositiveIntegerField(null=True)),
        migrations.AddField("span", "end_utf16", models.PositiveIntegerField(null=True)),
        migrations.AddField(
            "historicalspan", "start_utf16", models.PositiveIntegerField(null=True)
        ),
        migrations.AddField("historicalspan", "end_utf16", models.PositiveIntegerField(null=True)),
        migrations.RunPython(compute, migrations.RunPython.noop),
        migrations.AlterField("span", "start_utf16", models.PositiveIntegerField()),
        migrations.AlterField("span", "end_utf16", models.PositiveIntegerField()),
        migrations.AlterField("historicalspan", "start_utf16", models.PositiveIntegerField()),
        migrations.AlterField("historicalspan", "end_utf16", models.PositiveIntegerField()),
    ]
