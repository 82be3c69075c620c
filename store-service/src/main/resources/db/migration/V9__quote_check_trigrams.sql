-- Issue 15: the quote check ranks its candidate statements by pg_trgm's word_similarity, so the extension is
-- required here (V5 only creates it where it can). pg_trgm ships with PostgreSQL's contrib (the postgres images,
-- zonky's embedded binaries) and is a trusted extension: the database's owner may create it without being a
-- superuser. The candidates come from the full-text index of V2 (statement_search_idx); no trigram index on
-- statement.text: at 100,000 statements its <% check passed most rows to a slow recheck, and it slowed storing
-- (docs/benchmarks.md, "Quote check").
create extension if not exists pg_trgm;
