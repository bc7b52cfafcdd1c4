"""Term statistics for claim matching (BM25), kept by the database as claims change.

PostgreSQL: ``annotations_claimterm_frequency`` counts the claims whose search vector holds
each lexeme, and ``annotations_claimterm_total`` the claims and their lexeme positions per
text search configuration (the configurations in use, the number of claims and their mean
length). Statement-level triggers over transition tables count every insert, delete and
change of a search vector in the statement's own transaction, taking the rows' locks in one
order (totals, then terms alphabetically); a TRUNCATE empties them. A lexeme no claim holds any
more stays, with 0.

Claim matching's candidates come from the search vectors' GIN index, so the index of claims'
words in the simple configuration (migration 0014) is dropped.

SQLite: FTS5 keeps the statistics of its own index; ``annotations_claim_fts_terms`` (an
``fts5vocab`` table) shows them.
"""

from django.db import migrations

COUNT = """
CREATE FUNCTION annotations_claimterm_count(vectors tsvector[], configs text[], signs integer[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO annotations_claimterm_total AS total (config, claims, positions)
    SELECT config, sum(sign), sum(sign * coalesce(
        (SELECT sum(cardinality(l.positions)) FROM unnest(vector) AS l), 0))
    FROM unnest(vectors, configs, signs) AS changed(vector, config, sign)
    GROUP BY config ORDER BY config
    ON CONFLICT (config) DO UPDATE SET claims = total.claims + EXCLUDED.claims,
        positions = total.positions + EXCLUDED.positions;
    INSERT INTO annotations_claimterm_frequency AS frequency (term, claims)
    SELECT l.lexeme, sum(sign)
    FROM unnest(vectors, signs) AS changed(vector, sign), unnest(vector) AS l
    GROUP BY l.lexeme HAVING sum(sign) <> 0 ORDER BY l.lexeme
    ON CONFLICT (term) DO UPDATE SET claims = frequency.claims + EXCLUDED.claims;
$$
"""

COUNTED = """
CREATE FUNCTION annotations_claim_terms_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM annotations_claimterm_count(array_agg(search_vector),
            array_agg(factcheck_search_config(language)::text), array_agg(1))
        FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM annotations_claimterm_count(array_agg(search_vector),
            array_agg(factcheck_search_config(language)::text), array_agg(-1))
        FROM old_rows;
    ELSE
        PERFORM annotations_claimterm_count(array_agg(vector), array_agg(config),
            array_agg(sign))
        FROM (
            SELECT side.vector, factcheck_search_config(side.language)::text AS config,
                side.sign
            FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id,
            LATERAL (VALUES (o.search_vector, o.language, -1),
                            (n.search_vector, n.language, 1)) AS side(vector, language, sign)
            WHERE o.search_vector IS DISTINCT FROM n.search_vector
                OR o.language IS DISTINCT FROM n.language
        ) AS changed;
    END IF;
    RETURN NULL;
END
$$
"""

POSTGRESQL = [
    # Candidates now come from the claims' search vectors (their own GIN index): the index of
    # their words in the simple configuration (migration 0014) has nothing left to serve.
    "DROP INDEX annotations_claim_words_idx",
    "CREATE TABLE annotations_claimterm_frequency "
    "(term text PRIMARY KEY, claims bigint NOT NULL)",
    "CREATE TABLE annotations_claimterm_total "
    "(config text PRIMARY KEY, claims bigint NOT NULL, positions bigint NOT NULL)",
    COUNT,
    COUNTED,
    "CREATE TRIGGER annotations_claim_terms_inserted AFTER INSERT ON annotations_claim "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION annotations_claim_terms_counted()",
    "CREATE TRIGGER annotations_claim_terms_deleted AFTER DELETE ON annotations_claim "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION annotations_claim_terms_counted()",
    "CREATE TRIGGER annotations_claim_terms_updated AFTER UPDATE ON annotations_claim "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION annotations_claim_terms_counted()",
    """
    CREATE FUNCTION annotations_claim_terms_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM annotations_claimterm_frequency;
        DELETE FROM annotations_claimterm_total;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER annotations_claim_terms_truncated AFTER TRUNCATE ON annotations_claim "
    "FOR EACH STATEMENT EXECUTE FUNCTION annotations_claim_terms_cleared()",
    "SELECT annotations_claimterm_count(array_agg(search_vector), "
    "array_agg(factcheck_search_config(language)::text), array_agg(1)) FROM annotations_claim",
]

POSTGRESQL_REVERSE = [
    "DROP TRIGGER annotations_claim_terms_truncated ON annotations_claim",
    "DROP TRIGGER annotations_claim_terms_updated ON annotations_claim",
    "DROP TRIGGER annotations_claim_terms_deleted ON annotations_claim",
    "DROP TRIGGER annotations_claim_terms_inserted ON annotations_claim",
    "DROP FUNCTION annotations_claim_terms_cleared()",
    "DROP FUNCTION annotations_claim_terms_counted()",
    "DROP FUNCTION annotations_claimterm_count(tsvector[], text[], integer[])",
    "DROP TABLE annotations_claimterm_total",
    "DROP TABLE annotations_claimterm_frequency",
    "CREATE INDEX annotations_claim_words_idx ON annotations_claim "
    "USING gin (to_tsvector('simple'::regconfig, text))",
]

SQLITE = [
    "CREATE VIRTUAL TABLE annotations_claim_fts_terms "
    "USING fts5vocab(annotations_claim_fts, 'row')",
]

SQLITE_REVERSE = ["DROP TABLE annotations_claim_fts_terms"]


def run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("annotations", "0016_claimreview_archive")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
