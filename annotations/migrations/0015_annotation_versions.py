"""Annotation versions: the database counts the changes to what is annotated on each article.

A trigger on each table whose rows an article's annotations show (the article, its spans,
the claims citing them through ``claimspan``, and those claims' verdicts) adds one to
``annotations_annotationversion.version`` of every article a changed row touches, in the
statement's own transaction. A user's new username or a workspace's new slug (shown in every
representation) adds one to the row of ``EVERY_ARTICLE`` (the nil UUID).

PostgreSQL: statement-level triggers over transition tables, so that a bulk insert of 1,000
spans counts once per article, not once per span; each statement takes the version rows'
locks in the order of the articles' ids. SQLite: row-level triggers (the only kind it has).

On SQLite, a later migration that makes Django rebuild one of these tables drops its
triggers; ``tests/articles/test_annotation_versions.py`` checks that every kind of change
still counts after all migrations.
"""

from django.conf import settings
from django.db import migrations, models

VERSIONS = "annotations_annotationversion"

CITED_ARTICLES = (
    "SELECT s.article_id AS article_id FROM annotations_claimspan cs "
    "JOIN annotations_span s ON s.id = cs.span_id WHERE cs.claim_id IN ({claims})"
)

# table, events, columns of a changed row read, and the articles it touches: SQL over the
# changed rows ``{changed}``.
COUNTED = [
    ("annotations_article", ["UPDATE"], ["id"], "SELECT id AS article_id FROM {changed}"),
    (
        "annotations_span",
        ["INSERT", "UPDATE", "DELETE"],
        ["article_id"],
        "SELECT article_id FROM {changed}",
    ),
    (
        "annotations_claimspan",
        ["INSERT", "UPDATE", "DELETE"],
        ["claim_id", "span_id"],
        "SELECT s.article_id AS article_id FROM {changed} "
        "JOIN annotations_span s ON s.id = changed.span_id UNION "
        + CITED_ARTICLES.format(claims="SELECT claim_id FROM {changed}"),
    ),
    (
        "annotations_claim",
        ["UPDATE", "DELETE"],
        ["id"],
        CITED_ARTICLES.format(claims="SELECT id FROM {changed}"),
    ),
    (
        "annotations_verdict",
        ["INSERT", "UPDATE", "DELETE"],
        ["claim_id"],
        CITED_ARTICLES.format(claims="SELECT claim_id FROM {changed}"),
    ),
]


def renamed(user_table: str) -> list[tuple[str, str]]:
    """Tables and columns whose change alters every article's annotations."""
    return [(user_table, "username"), ("annotations_workspace", "slug")]


def touched(sql: str, event: str, changed: dict[str, str]) -> str:
    """The articles an ``event`` touches: an UPDATE both those of the rows as they were
    and as they are."""
    sides = {"INSERT": ["new"], "DELETE": ["old"], "UPDATE": ["new", "old"]}[event]
    return " UNION ".join(sql.replace("{changed}", changed[side]) for side in sides)


def postgresql(user_table: str) -> list[str]:
    statements = []
    for table, events, _, sql in COUNTED:
        for event in events:
            name = f"{table}_{event.lower()}_version"
            ids = touched(sql, event, {"new": "new_rows AS changed", "old": "old_rows AS changed"})
            transition = {
                "INSERT": "NEW TABLE AS new_rows",
                "DELETE": "OLD TABLE AS old_rows",
                "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            }[event]
            statements += [
                f"""
                CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO {VERSIONS} (article_id, version)
                    SELECT article_id, 1 FROM ({ids}) AS touched
                    WHERE article_id IS NOT NULL GROUP BY article_id ORDER BY article_id
                    ON CONFLICT (article_id) DO UPDATE SET version = {VERSIONS}.version + 1;
                    RETURN NULL;
                END
                $$
                """,
                f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transition} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
            ]
    for table, column in renamed(user_table):
        name = f"{table}_{column}_version"
        # The comparison is in the function, not in a WHEN clause: a trigger that names a
        # column would stop any later migration from changing the column's type.
        statements += [
            f"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.{column} IS DISTINCT FROM OLD.{column} THEN
                    INSERT INTO {VERSIONS} (article_id, version)
                    VALUES ('00000000-0000-0000-0000-000000000000', 1)
                    ON CONFLICT (article_id) DO UPDATE SET version = {VERSIONS}.version + 1;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            f"CREATE TRIGGER {name} AFTER UPDATE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION {name}()",
        ]
    return statements


def postgresql_reverse(user_table: str) -> list[str]:
    statements = []
    for table, column in renamed(user_table):
        name = f"{table}_{column}_version"
        statements += [f"DROP TRIGGER {name} ON {table}", f"DROP FUNCTION {name}()"]
    for table, events, _, _ in COUNTED:
        for event in events:
            name = f"{table}_{event.lower()}_version"
            statements += [f"DROP TRIGGER {name} ON {table}", f"DROP FUNCTION {name}()"]
    return statements


def sqlite(user_table: str) -> list[str]:
    statements = []
    for table, events, columns, sql in COUNTED:
        for event in events:

            def row(side: str, columns: list[str] = columns) -> str:
                values = ", ".join(f"{side}.{column} AS {column}" for column in columns)
                return f"(SELECT {values}) AS changed"

            ids = touched(sql, event, {"new": row("NEW"), "old": row("OLD")})
            statements.append(
                f"CREATE TRIGGER {table}_{event.lower()}_version AFTER {event} ON {table} "
                f"FOR EACH ROW BEGIN INSERT INTO {VERSIONS} (article_id, version) "
                f"SELECT article_id, 1 FROM ({ids}) AS touched "
                "WHERE article_id IS NOT NULL GROUP BY article_id "
                "ON CONFLICT (article_id) DO UPDATE SET version = version + 1; END"
            )
    for table, column in renamed(user_table):
        statements.append(
            f"CREATE TRIGGER {table}_{column}_version AFTER UPDATE OF {column} ON {table} "
            f"FOR EACH ROW WHEN OLD.{column} IS NOT NEW.{column} BEGIN "
            f"INSERT INTO {VERSIONS} (article_id, version) "
            "VALUES ('00000000000000000000000000000000', 1) "
            "ON CONFLICT (article_id) DO UPDATE SET version = version + 1; END"
        )
    return statements


def sqlite_reverse(user_table: str) -> list[str]:
    names = [
        f"{table}_{event.lower()}_version"
        for table, events, _, _ in COUNTED
        for event in events
    ] + [f"{table}_{column}_version" for table, column in renamed(user_table)]
    return [f"DROP TRIGGER {name}" for name in names]


def run(builders):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        connection = schema_editor.connection
        build = builders.get(connection.vendor)
        if build is None:
            return
        user_table = apps.get_model(settings.AUTH_USER_MODEL)._meta.db_table
        for statement in build(user_table):
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0014_search_at_scale"),
        # After every migration of the user table: on SQLite, one that rebuilt it would drop
        # the trigger on it.
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="AnnotationVersion",
            fields=[
                ("article_id", models.UUIDField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(
            run({"postgresql": postgresql, "sqlite": sqlite}),
            run({"postgresql": postgresql_reverse, "sqlite": sqlite_reverse}),
        ),
    ]
