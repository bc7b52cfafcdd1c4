"""Claim matching reads more of a claim than search does: besides its text and claimant, the
texts of the claims linked to it (its group), the published verdict's explanation and the
titles of its sources (an imported fact-check's headline; the verdict of the claim or of its
group), and the titles of the articles its spans are in. Kept by the database, like the search
vectors, so that no code path can forget them.

PostgreSQL: a ``match_vector`` column on claims (text A, the group's texts and the sources'
titles B, claimant C, the explanation and the articles' titles D: ``annotations_claim_vector``
of ``annotations_claim_contexts``), computed by a trigger as a claim is written, with its own
GIN index; triggers on verdicts, claim citations, articles and claims compute again, in one
statement, the vectors of the claims a change reaches (``annotations_claim_rematch``). The term statistics
of migration 0017 count the match vectors now (their lengths: the text's and claimant's
positions only).

SQLite: an FTS5 table with its own content (``annotations_claim_match``: text, claimant,
related, background), filled from the view ``annotations_claim_match_source`` by the same
triggers, and its vocabulary by row and by column. As with migration 0013's, a later migration
that makes Django rebuild one of these tables drops its triggers; it must create them again.

Search (``annotations_claim_fts``, ``search_vector``) is unchanged: it finds claims by their own
words.
"""

import importlib

from django.db import migrations

CONTEXTS = """
CREATE FUNCTION annotations_claim_contexts(claims uuid[], claim_groups uuid[])
RETURNS TABLE (id uuid, related text, background text) LANGUAGE sql STABLE AS $$
    WITH target AS (
        SELECT t.id, t.claim_group FROM unnest(claims, claim_groups) AS t(id, claim_group)
    ), grouped AS (
        SELECT t.id AS target, t.id AS member FROM target t
        UNION
        SELECT t.id, g.id FROM target t JOIN annotations_claim g ON g."group" = t.claim_group
    ), published AS (
        SELECT g.target, v.explanation, v.sources FROM grouped g
        JOIN annotations_verdict v ON v.claim_id = g.member
        WHERE v.state = 'published'
    )
    SELECT t.id, concat_ws(' ', texts.value, titles.value),
        concat_ws(' ', explanations.value, articles.value)
    FROM target t
    LEFT JOIN (
        SELECT g.target, string_agg(c.text, ' ' ORDER BY c.id) AS value FROM grouped g
        JOIN annotations_claim c ON c.id = g.member WHERE g.member <> g.target GROUP BY g.target
    ) texts ON texts.target = t.id
    LEFT JOIN (
        SELECT p.target, string_agg(s.value ->> 'title', ' ') AS value
        FROM published p, jsonb_array_elements(p.sources) AS s GROUP BY p.target
    ) titles ON titles.target = t.id
    LEFT JOIN (
        SELECT p.target, string_agg(p.explanation, ' ') AS value FROM published p
        GROUP BY p.target
    ) explanations ON explanations.target = t.id
    LEFT JOIN (
        SELECT cs.claim_id, string_agg(DISTINCT a.title, ' ') AS value
        FROM annotations_claimspan cs JOIN annotations_span sp ON sp.id = cs.span_id
        JOIN annotations_article a ON a.id = sp.article_id
        WHERE cs.claim_id = ANY(claims) GROUP BY cs.claim_id
    ) articles ON articles.claim_id = t.id
$$
"""

VECTOR = """
CREATE FUNCTION annotations_claim_vector(language text, text text, claimant text,
    related text, background text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector(config, text), 'A')
        || setweight(to_tsvector(config, coalesce(related, '')), 'B')
        || setweight(to_tsvector(config, claimant), 'C')
        || setweight(to_tsvector(config, coalesce(background, '')), 'D')
    FROM (SELECT factcheck_search_config(language) AS config) AS chosen
$$
"""

# Nothing refers to a claim before it is written (Django writes it first), so a new claim's
# context is empty unless it is written into a group.
MATCH_VECTOR = """
CREATE FUNCTION annotations_claim_match_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    context record;
BEGIN
    IF TG_OP = 'INSERT' AND NEW."group" IS NULL THEN
        NEW.match_vector := annotations_claim_vector(NEW.language, NEW.text, NEW.claimant,
            '', '');
    ELSE
        SELECT * INTO context
        FROM annotations_claim_contexts(ARRAY[NEW.id], ARRAY[NEW."group"]);
        NEW.match_vector := annotations_claim_vector(NEW.language, NEW.text, NEW.claimant,
            context.related, context.background);
    END IF;
    RETURN NEW;
END
$$
"""

# Set-based, so that a bulk change (an archive's verdicts) is one join, not a query per claim.
REMATCH = """
CREATE FUNCTION annotations_claim_rematch(claims uuid[]) RETURNS void LANGUAGE sql AS $$
    WITH chosen AS (
        SELECT array_agg(id ORDER BY id) AS ids, array_agg("group" ORDER BY id) AS groups
        FROM annotations_claim WHERE id = ANY(claims)
    )
    UPDATE annotations_claim c SET match_vector = annotations_claim_vector(
        c.language, c.text, c.claimant, context.related, context.background)
    FROM chosen, annotations_claim_contexts(chosen.ids, chosen.groups) AS context
    WHERE context.id = c.id
$$
"""

IN_GROUPS = """
CREATE FUNCTION annotations_claim_with_groups(claims uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(id), '{}') FROM annotations_claim
    WHERE id = ANY(claims) OR "group" IN (
        SELECT "group" FROM annotations_claim WHERE id = ANY(claims) AND "group" IS NOT NULL)
$$
"""

# A linked claim's text is its group's context: a change of text or group reaches the group.
CLAIM_CHANGED = """
CREATE FUNCTION annotations_claim_group_rematched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    groups uuid[] := CASE WHEN TG_OP = 'UPDATE' THEN ARRAY[OLD."group", NEW."group"]
                          ELSE ARRAY[NEW."group"] END;
BEGIN
    PERFORM annotations_claim_rematch(array_agg(id)) FROM annotations_claim
    WHERE "group" = ANY(groups) AND id <> NEW.id;
    RETURN NULL;
END
$$
"""

CLAIM_DELETED = """
CREATE FUNCTION annotations_claim_group_rematched_on_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM annotations_claim_rematch(array_agg(id)) FROM annotations_claim
    WHERE "group" = OLD."group";
    RETURN NULL;
END
$$
"""

VERDICT_CHANGED = """
CREATE FUNCTION annotations_verdict_rematched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM annotations_claim_rematch(annotations_claim_with_groups(array_agg(claim_id)))
        FROM new_rows WHERE state = 'published';
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM annotations_claim_rematch(annotations_claim_with_groups(array_agg(claim_id)))
        FROM old_rows WHERE state = 'published';
    ELSE
        PERFORM annotations_claim_rematch(annotations_claim_with_groups(array_agg(n.claim_id)))
        FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
        WHERE (o.state = 'published' OR n.state = 'published')
            AND (o.state, o.explanation, o.sources, o.claim_id)
                IS DISTINCT FROM (n.state, n.explanation, n.sources, n.claim_id);
    END IF;
    RETURN NULL;
END
$$
"""

CITATION_CHANGED = """
CREATE FUNCTION annotations_claimspan_rematched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM annotations_claim_rematch(array_agg(claim_id)) FROM new_rows;
    ELSE
        PERFORM annotations_claim_rematch(array_agg(claim_id)) FROM old_rows;
    END IF;
    RETURN NULL;
END
$$
"""

ARTICLE_RETITLED = """
CREATE FUNCTION annotations_article_rematched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM annotations_claim_rematch(array_agg(DISTINCT cs.claim_id))
    FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
    JOIN annotations_span sp ON sp.article_id = n.id
    JOIN annotations_claimspan cs ON cs.span_id = sp.id
    WHERE o.title IS DISTINCT FROM n.title;
    RETURN NULL;
END
$$
"""

# Migration 0017's counting, over the match vectors; a claim's length is its own words (the
# text's and the claimant's positions), so that a long explanation does not make it "long".
COUNT = """
CREATE OR REPLACE FUNCTION annotations_claimterm_count(vectors tsvector[], configs text[],
    signs integer[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO annotations_claimterm_total AS total (config, claims, positions)
    SELECT config, sum(sign), sum(sign * coalesce(
        (SELECT count(*) FROM unnest(vector) AS l, unnest(l.weights) AS w
         WHERE w IN ('A', 'C')), 0))
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
CREATE OR REPLACE FUNCTION annotations_claim_terms_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM annotations_claimterm_count(array_agg(match_vector),
            array_agg(factcheck_search_config(language)::text), array_agg(1))
        FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM annotations_claimterm_count(array_agg(match_vector),
            array_agg(factcheck_search_config(language)::text), array_agg(-1))
        FROM old_rows;
    ELSE
        PERFORM annotations_claimterm_count(array_agg(vector), array_agg(config),
            array_agg(sign))
        FROM (
            SELECT side.vector, factcheck_search_config(side.language)::text AS config,
                side.sign
            FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id,
            LATERAL (VALUES (o.match_vector, o.language, -1),
                            (n.match_vector, n.language, 1)) AS side(vector, language, sign)
            WHERE o.match_vector IS DISTINCT FROM n.match_vector
                OR o.language IS DISTINCT FROM n.language
        ) AS changed;
    END IF;
    RETURN NULL;
END
$$
"""


def statement_trigger(name: str, event: str, table: str, function: str) -> str:
    transition = {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON {table} {transition} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
    )


POSTGRESQL = [
    "ALTER TABLE annotations_claim ADD COLUMN match_vector tsvector",
    CONTEXTS,
    VECTOR,
    MATCH_VECTOR,
    "CREATE TRIGGER annotations_claim_match_vector BEFORE INSERT OR UPDATE OF text, claimant, "
    'language, "group" ON annotations_claim '
    "FOR EACH ROW EXECUTE FUNCTION annotations_claim_match_vector()",
    REMATCH,
    IN_GROUPS,
    CLAIM_CHANGED,
    CLAIM_DELETED,
    "CREATE TRIGGER annotations_claim_group_rematched_on_insert AFTER INSERT "
    'ON annotations_claim FOR EACH ROW WHEN (NEW."group" IS NOT NULL) '
    "EXECUTE FUNCTION annotations_claim_group_rematched()",
    'CREATE TRIGGER annotations_claim_group_rematched AFTER UPDATE OF text, "group" '
    'ON annotations_claim FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD."group" '
    'IS DISTINCT FROM NEW."group") EXECUTE FUNCTION annotations_claim_group_rematched()',
    "CREATE TRIGGER annotations_claim_group_rematched_on_delete AFTER DELETE ON "
    'annotations_claim FOR EACH ROW WHEN (OLD."group" IS NOT NULL) '
    "EXECUTE FUNCTION annotations_claim_group_rematched_on_delete()",
    VERDICT_CHANGED,
    *(
        statement_trigger(
            f"annotations_verdict_rematched_{event.lower()}",
            event,
            "annotations_verdict",
            "annotations_verdict_rematched",
        )
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
    CITATION_CHANGED,
    *(
        statement_trigger(
            f"annotations_claimspan_rematched_{event.lower()}",
            event,
            "annotations_claimspan",
            "annotations_claimspan_rematched",
        )
        for event in ("INSERT", "DELETE")
    ),
    ARTICLE_RETITLED,
    statement_trigger(
        "annotations_article_rematched",
        "UPDATE",
        "annotations_article",
        "annotations_article_rematched",
    ),
    COUNT,
    COUNTED,
    # Every claim's match vector, then the statistics counted from them afresh.
    "SELECT annotations_claim_rematch(array_agg(id)) FROM annotations_claim",
    "DELETE FROM annotations_claimterm_frequency",
    "DELETE FROM annotations_claimterm_total",
    "SELECT annotations_claimterm_count(array_agg(match_vector), "
    "array_agg(factcheck_search_config(language)::text), array_agg(1)) FROM annotations_claim",
    # Without a pending list (fastupdate): entries go into the index as claims are written,
    # so that matching right after a bulk load does not read thousands of them aside.
    "CREATE INDEX annotations_claim_match_idx ON annotations_claim USING gin (match_vector) "
    "WITH (fastupdate = off)",
]


def previous_counting() -> list[str]:
    """Migration 0017's counting, over the search vectors, as it was."""
    earlier = importlib.import_module("annotations.migrations.0017_claim_term_statistics")
    return [
        earlier.COUNT.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
        earlier.COUNTED.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
        "DELETE FROM annotations_claimterm_frequency",
        "DELETE FROM annotations_claimterm_total",
        "SELECT annotations_claimterm_count(array_agg(search_vector), "
        "array_agg(factcheck_search_config(language)::text), array_agg(1)) "
        "FROM annotations_claim",
    ]


POSTGRESQL_REVERSE = [
    "DROP TRIGGER annotations_article_rematched ON annotations_article",
    "DROP FUNCTION annotations_article_rematched()",
    "DROP TRIGGER annotations_claimspan_rematched_insert ON annotations_claimspan",
    "DROP TRIGGER annotations_claimspan_rematched_delete ON annotations_claimspan",
    "DROP FUNCTION annotations_claimspan_rematched()",
    "DROP TRIGGER annotations_verdict_rematched_insert ON annotations_verdict",
    "DROP TRIGGER annotations_verdict_rematched_update ON annotations_verdict",
    "DROP TRIGGER annotations_verdict_rematched_delete ON annotations_verdict",
    "DROP FUNCTION annotations_verdict_rematched()",
    "DROP TRIGGER annotations_claim_group_rematched_on_delete ON annotations_claim",
    "DROP TRIGGER annotations_claim_group_rematched ON annotations_claim",
    "DROP TRIGGER annotations_claim_group_rematched_on_insert ON annotations_claim",
    "DROP FUNCTION annotations_claim_group_rematched_on_delete()",
    "DROP FUNCTION annotations_claim_group_rematched()",
    "DROP FUNCTION annotations_claim_with_groups(uuid[])",
    "DROP FUNCTION annotations_claim_rematch(uuid[])",
    "DROP TRIGGER annotations_claim_match_vector ON annotations_claim",
    "DROP FUNCTION annotations_claim_match_vector()",
    "DROP FUNCTION annotations_claim_vector(text, text, text, text, text)",
    "DROP FUNCTION annotations_claim_contexts(uuid[], uuid[])",
    "DROP INDEX annotations_claim_match_idx",
    *previous_counting(),
    "ALTER TABLE annotations_claim DROP COLUMN match_vector",
]

# --- SQLite -------------------------------------------------------------------------------------

PUBLISHED_OF_CLAIM = """
    v.state = 'published' AND (v.claim_id = c.id OR (c."group" IS NOT NULL AND v.claim_id IN (
        SELECT g.id FROM annotations_claim g WHERE g."group" = c."group")))
"""

SOURCE_VIEW = f"""
CREATE VIEW annotations_claim_match_source AS
SELECT c.rowid AS claim_rowid, c.text, c.claimant,
    trim(coalesce((SELECT group_concat(o.text, ' ') FROM annotations_claim o
                   WHERE c."group" IS NOT NULL AND o."group" = c."group" AND o.id <> c.id), '')
        || ' ' || coalesce((SELECT group_concat(json_extract(s.value, '$.title'), ' ')
                            FROM annotations_verdict v, json_each(v.sources) s
                            WHERE {PUBLISHED_OF_CLAIM}), '')) AS related,
    trim(coalesce((SELECT group_concat(v.explanation, ' ') FROM annotations_verdict v
                   WHERE {PUBLISHED_OF_CLAIM}), '')
        || ' ' || coalesce((SELECT group_concat(a.title, ' ') FROM annotations_article a
                            WHERE a.id IN (SELECT sp.article_id FROM annotations_span sp
                                           JOIN annotations_claimspan cs ON cs.span_id = sp.id
                                           WHERE cs.claim_id = c.id)), '')) AS background
FROM annotations_claim c
"""


def refresh(rowids: str) -> str:
    """Statements that index again the claims whose rowids ``rowids`` (a SELECT) gives."""
    return (
        f"DELETE FROM annotations_claim_match WHERE rowid IN ({rowids}); "
        "INSERT INTO annotations_claim_match(rowid, text, claimant, related, background) "
        "SELECT claim_rowid, text, claimant, related, background "
        f"FROM annotations_claim_match_source WHERE claim_rowid IN ({rowids});"
    )


def claim_and_group(claim_id: str) -> str:
    return (
        f'SELECT rowid FROM annotations_claim WHERE id = {claim_id} OR "group" = '
        f'(SELECT "group" FROM annotations_claim WHERE id = {claim_id})'
    )


SQLITE = [
    "DROP TABLE annotations_claim_fts_terms",
    "CREATE VIRTUAL TABLE annotations_claim_match USING fts5(text, claimant, related, "
    "background, tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE annotations_claim_match_terms "
    "USING fts5vocab(annotations_claim_match, 'row')",
    "CREATE VIRTUAL TABLE annotations_claim_match_columns "
    "USING fts5vocab(annotations_claim_match, 'col')",
    SOURCE_VIEW,
    "CREATE TRIGGER annotations_claim_match_insert AFTER INSERT ON annotations_claim BEGIN "
    + refresh(
        'SELECT rowid FROM annotations_claim WHERE rowid = new.rowid OR "group" = new."group"'
    )
    + " END",
    'CREATE TRIGGER annotations_claim_match_update AFTER UPDATE OF text, claimant, "group" '
    "ON annotations_claim BEGIN "
    + refresh(
        "SELECT rowid FROM annotations_claim WHERE rowid = new.rowid "
        'OR "group" = old."group" OR "group" = new."group"'
    )
    + " END",
    "CREATE TRIGGER annotations_claim_match_delete AFTER DELETE ON annotations_claim BEGIN "
    "DELETE FROM annotations_claim_match WHERE rowid = old.rowid; "
    + refresh('SELECT rowid FROM annotations_claim WHERE "group" = old."group"')
    + " END",
    "CREATE TRIGGER annotations_verdict_match_insert AFTER INSERT ON annotations_verdict "
    "WHEN new.state = 'published' BEGIN " + refresh(claim_and_group("new.claim_id")) + " END",
    "CREATE TRIGGER annotations_verdict_match_update AFTER UPDATE ON annotations_verdict "
    "WHEN old.state = 'published' OR new.state = 'published' BEGIN "
    + refresh(claim_and_group("new.claim_id") + " UNION " + claim_and_group("old.claim_id"))
    + " END",
    "CREATE TRIGGER annotations_verdict_match_delete AFTER DELETE ON annotations_verdict "
    "WHEN old.state = 'published' BEGIN " + refresh(claim_and_group("old.claim_id")) + " END",
    "CREATE TRIGGER annotations_claimspan_match_insert AFTER INSERT ON annotations_claimspan "
    "BEGIN " + refresh("SELECT rowid FROM annotations_claim WHERE id = new.claim_id") + " END",
    "CREATE TRIGGER annotations_claimspan_match_delete AFTER DELETE ON annotations_claimspan "
    "BEGIN " + refresh("SELECT rowid FROM annotations_claim WHERE id = old.claim_id") + " END",
    "CREATE TRIGGER annotations_article_match_update AFTER UPDATE OF title ON annotations_article "
    "BEGIN "
    + refresh(
        "SELECT c.rowid FROM annotations_claim c JOIN annotations_claimspan cs "
        "ON cs.claim_id = c.id JOIN annotations_span sp ON sp.id = cs.span_id "
        "WHERE sp.article_id = new.id"
    )
    + " END",
    "INSERT INTO annotations_claim_match(rowid, text, claimant, related, background) "
    "SELECT claim_rowid, text, claimant, related, background FROM annotations_claim_match_source",
]

SQLITE_REVERSE = [
    *(
        f"DROP TRIGGER {name}"
        for name in (
            "annotations_article_match_update",
            "annotations_claimspan_match_delete",
            "annotations_claimspan_match_insert",
            "annotations_verdict_match_delete",
            "annotations_verdict_match_update",
            "annotations_verdict_match_insert",
            "annotations_claim_match_delete",
            "annotations_claim_match_update",
            "annotations_claim_match_insert",
        )
    ),
    "DROP VIEW annotations_claim_match_source",
    "DROP TABLE annotations_claim_match_columns",
    "DROP TABLE annotations_claim_match_terms",
    "DROP TABLE annotations_claim_match",
    "CREATE VIRTUAL TABLE annotations_claim_fts_terms "
    "USING fts5vocab(annotations_claim_fts, 'row')",
]


def run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("annotations", "0018_claim_embeddings")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
