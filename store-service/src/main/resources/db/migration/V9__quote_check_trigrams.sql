-- Issue 15: the quote check finds candidate statements by trigram word similarity (pg_trgm's <% operator), which
-- this GIN index answers. pg_trgm ships with PostgreSQL's contrib (the postgres images, zonky's embedded binaries)
-- and is a trusted extension: the database's owner may create it without being a superuser.
create extension if not exists pg_trgm;
create index statement_text_trgm_idx on statement using gin (text gin_trgm_ops);
