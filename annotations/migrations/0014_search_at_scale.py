"""Search and claim matching at the scale of a newsroom's archive (bench/search.py).

- Indexes on ``(-created_at, -id)``: a query matching many rows ranks the most recently
  added matches, found in this order (``annotations.search.WINDOW``).
- PostgreSQL: articles keep only small columns in the table itself (``toast_tuple_target``):
  bodies and search vectors are moved out of line, so that finding and sorting thousands of
  matches reads a table of about 25 MB instead of 160 MB for 100,000 articles. Rows written
  before this migration move at their next update (``VACUUM FULL annotations_article``
  moves them all at once).
- An index on the upper-cased publisher, which search filters by; on PostgreSQL, statistics on
  the upper-cased language, so that the planner's estimates of a filtered search hold.
- PostgreSQL: claim matching takes its candidates from a GIN index of each claim's words
  (``to_tsvector('simple', text)``) instead of migration 0013's trigram GiST index, whose
  nearest-neighbour scans took about 460 ms among 300,000 claims (docs/benchmarks.md).
"""

from django.db.models.functions import Upper
from django.db import migrations, models

POSTGRESQL = [
    "ALTER TABLE annotations_article SET (toast_tuple_target = 256)",
    # The search's ?language= compares case-insensitively (upper(...)): without statistics on
    # that expression the planner guessed 0.5% of rows for "en" (85% in the benchmark).
    "CREATE STATISTICS annotations_article_language_upper "
    "ON (upper(language::text)) FROM annotations_article",
    "CREATE STATISTICS annotations_claim_language_upper "
    "ON (upper(language::text)) FROM annotations_claim",
    "DROP INDEX annotations_claim_text_trgm_idx",
    "CREATE INDEX annotations_claim_words_idx ON annotations_claim "
    "USING gin (to_tsvector('simple'::regconfig, text))",
]

POSTGRESQL_REVERSE = [
    "DROP INDEX annotations_claim_words_idx",
    "CREATE INDEX annotations_claim_text_trgm_idx ON annotations_claim "
    "USING gist (text gist_trgm_ops)",
    "DROP STATISTICS annotations_claim_language_upper",
    "DROP STATISTICS annotations_article_language_upper",
    "ALTER TABLE annotations_article RESET (toast_tuple_target)",
]


def on_postgresql(statements: list[str]):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("annotations", "0013_full_text_search")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-created_at", "-id"], name="article_recent_idx"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                Upper("publisher"), name="article_publisher_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["-created_at", "-id"], name="claim_recent_idx"),
        ),
        migrations.RunPython(on_postgresql(POSTGRESQL), on_postgresql(POSTGRESQL_REVERSE)),
    ]
