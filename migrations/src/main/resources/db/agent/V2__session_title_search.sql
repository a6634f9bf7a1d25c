-- ?q= on /sessions searches titles case-insensitively: serve it from a trigram index
CREATE INDEX sessions_title_trgm ON sessions USING gin (lower(title) gin_trgm_ops);
