ALTER TABLE `assets` ADD `source_generation_id` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `thought_signature` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `parent_generation_id` text;--> statement-breakpoint
CREATE INDEX `tasks_parent_generation_idx` ON `tasks` (`parent_generation_id`) WHERE "tasks"."parent_generation_id" is not null;