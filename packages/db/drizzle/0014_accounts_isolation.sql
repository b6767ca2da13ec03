CREATE TABLE `runtime_settings` (
	`name` text PRIMARY KEY NOT NULL,
	`encrypted` text NOT NULL,
	`last4` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_quotas` (
	`user_id` text NOT NULL,
	`unit` text NOT NULL,
	`monthly_limit` real NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `unit`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `collections_name_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `collections_owner_name_idx` ON `collections` (coalesce(`owner`, ''),`name`);--> statement-breakpoint
ALTER TABLE `task_events` ADD `owner` text DEFAULT 'local' NOT NULL;--> statement-breakpoint
CREATE INDEX `task_events_owner_idx` ON `task_events` (`owner`,`seq`);--> statement-breakpoint
CREATE INDEX `tasks_owner_idx` ON `tasks` (`owner`,`id`);--> statement-breakpoint
UPDATE `task_events` SET `owner` = coalesce((SELECT `owner` FROM `tasks` WHERE `tasks`.`id` = `task_events`.`task_id`), 'local');
