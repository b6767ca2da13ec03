CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`external_id` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`source` text NOT NULL,
	`batch_size` integer NOT NULL,
	`max_concurrent` integer NOT NULL,
	`retry_attempts` integer NOT NULL,
	`retry_delay_seconds` integer NOT NULL,
	`timeout_seconds` integer NOT NULL,
	`budget` real,
	`cost_unit` text,
	`estimate` real,
	`stopped_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `assets` ADD `name` text;--> statement-breakpoint
CREATE INDEX `assets_name_idx` ON `assets` (`name`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `plan_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `plan_item_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `plan_batch` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `retry_delay_ms` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `attempt_timeout_ms` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `estimated_cost` real;--> statement-breakpoint
ALTER TABLE `tasks` ADD `cost_unit` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `actual_cost` real;--> statement-breakpoint
ALTER TABLE `tasks` ADD `cost_source` text;--> statement-breakpoint
CREATE INDEX `tasks_plan_idx` ON `tasks` (`plan_id`,`status`) WHERE "tasks"."plan_id" is not null;