-- Prompt search for the gallery: FTS5 over tasks.prompt, kept in step by triggers. The trigram
-- tokenizer matches any 3+ character substring, so Chinese prompts (no spaces between words)
-- are searchable too. The index refers to tasks by rowid: after a VACUUM, run
-- INSERT INTO tasks_fts(tasks_fts) VALUES('rebuild').
CREATE VIRTUAL TABLE `tasks_fts` USING fts5(prompt, content='tasks', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `tasks_fts`(`tasks_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_insert` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO `tasks_fts`(rowid, prompt) VALUES (new.rowid, new.prompt);
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_delete` AFTER DELETE ON `tasks` BEGIN
  INSERT INTO `tasks_fts`(`tasks_fts`, rowid, prompt) VALUES ('delete', old.rowid, old.prompt);
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_update` AFTER UPDATE OF prompt ON `tasks` BEGIN
  INSERT INTO `tasks_fts`(`tasks_fts`, rowid, prompt) VALUES ('delete', old.rowid, old.prompt);
  INSERT INTO `tasks_fts`(rowid, prompt) VALUES (new.rowid, new.prompt);
END;
