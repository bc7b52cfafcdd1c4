"""Full-text search over articles and claims: one API over two engines, both kept up to date
by the database (migration 0013).

- PostgreSQL: each row's ``search_vector`` in the text search configuration of its language,
  queried with ``websearch_to_tsquery``, ranked by ``ts_rank``, snippets by ``ts_headline``.
- SQLite: FTS5 tables, queried with the same syntax translated (``query.fts5_query``), ranked
  by ``bm25``, snippets by FTS5's ``snippet``.

``query`` reads the syntax, ``engines`` finds and ranks, ``snippets`` marks the matched words.
"""
