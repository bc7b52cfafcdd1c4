"""Full-text search of articles and claims, kept up to date by the database itself.

PostgreSQL: a ``search_vector`` column on articles (title weighted A, body B) and claims (text A,
claimant C), computed by triggers with the text search configuration of the row's language
(``factcheck_search_config``), GIN indexes on them, and a trigram (pg_trgm) GiST index on claim
texts for claim matching.

SQLite: FTS5 tables with the articles' and claims' text as external content, kept in step by
triggers (``annotations.search`` queries them).

Neither is known to the ORM: the columns and tables exist only for searching. On SQLite,
a later migration that makes Django rebuild the article or claim table drops its triggers;
``tests/test_search.py`` checks that they exist after all migrations.
"""

from django.db import migrations

# Language subtag -> PostgreSQL text search configuration; annotations.search.SEARCH_CONFIGS
# lists the same configurations.
LANGUAGES = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION factcheck_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE split_part(lower(language), '-', 1) """
    + " ".join(f"WHEN '{code}' THEN '{config}'" for code, config in LANGUAGES.items())
    + """ ELSE 'simple' END)::regconfig
    $$
    """,
    "ALTER TABLE annotations_article ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION annotations_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(factcheck_search_config(NEW.language), NEW.title), 'A')
            || setweight(to_tsvector(factcheck_search_config(NEW.language), NEW.body), 'B');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER annotations_article_search_vector
    BEFORE INSERT OR UPDATE OF title, body, language ON annotations_article
    FOR EACH ROW EXECUTE FUNCTION annotations_article_search_vector()
    """,
    "UPDATE annotations_article SET title = title",
    "CREATE INDEX annotations_article_search_idx ON annotations_article USING gin (search_vector)",
    "ALTER TABLE annotations_claim ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION annotations_claim_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(factcheck_search_config(NEW.language), NEW.text), 'A')
            || setweight(to_tsvector(factcheck_search_config(NEW.language), NEW.claimant), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER annotations_claim_search_vector
    BEFORE INSERT OR UPDATE OF text, claimant, language ON annotations_claim
    FOR EACH ROW EXECUTE FUNCTION annotations_claim_search_vector()
    """,
    "UPDATE annotations_claim SET text = text",
    "CREATE INDEX annotations_claim_search_idx ON annotations_claim USING gin (search_vector)",
    "CREATE INDEX annotations_claim_text_trgm_idx ON annotations_claim "
    "USING gist (text gist_trgm_ops)",
]

POSTGRESQL_REVERSE = [
    "DROP INDEX annotations_claim_text_trgm_idx",
    "DROP TRIGGER annotations_claim_search_vector ON annotations_claim",
    "DROP FUNCTION annotations_claim_search_vector()",
    "ALTER TABLE annotations_claim DROP COLUMN search_vector",
    "DROP TRIGGER annotations_article_search_vector ON annotations_article",
    "DROP FUNCTION annotations_article_search_vector()",
    "ALTER TABLE annotations_article DROP COLUMN search_vector",
    "DROP FUNCTION factcheck_search_config(text)",
]


def fts5_table(table: str, columns: list[str]) -> list[str]:
    """An FTS5 index of ``columns`` of ``table`` (its external content), and the triggers
    that keep it in step."""
    index = f"{table}_fts"
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    remove = f"INSERT INTO {index}({index}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
    add = f"INSERT INTO {index}(rowid, {names}) VALUES (new.rowid, {new});"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5({names}, content='{table}', "
        "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {remove} {add} END",
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    ]


SQLITE = [
    *fts5_table("annotations_article", ["title", "body"]),
    *fts5_table("annotations_claim", ["text", "claimant"]),
]

SQLITE_REVERSE = [
    f"DROP {kind} {table}_fts{suffix}"
    for table in ("annotations_article", "annotations_claim")
    for kind, suffix in (
        ("TRIGGER", "_insert"),
        ("TRIGGER", "_delete"),
        ("TRIGGER", "_update"),
        ("TABLE", ""),
    )
]


def run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("annotations", "0012_claim_language_and_group")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
