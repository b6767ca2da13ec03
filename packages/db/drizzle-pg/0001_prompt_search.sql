-- Prompt search for the gallery, the PostgreSQL side of SQLite's FTS5 trigram table (drizzle/0008):
-- every word must appear in the prompt as a case-insensitive substring (prompt ILIKE '%word%'),
-- which a pg_trgm GIN index serves for words of three characters or more. The index follows the
-- table by itself: no triggers, nothing to rebuild.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tasks_prompt_trgm_idx" ON "tasks" USING gin ("prompt" gin_trgm_ops);
