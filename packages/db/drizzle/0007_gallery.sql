CREATE TABLE `collection_items` (
	`collection_id` text NOT NULL,
	`task_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`collection_id`, `task_id`),
	FOREIGN KEY (`collection_id`) REFERENCES `collections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `collection_items_task_idx` ON `collection_items` (`task_id`);--> statement-breakpoint
CREATE TABLE `collections` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collections_name_unique` ON `collections` (`name`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `starred_at` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `tasks_gallery_provider_idx` ON `tasks` (`provider`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_gallery_starred_idx` ON `tasks` (`id`) WHERE "tasks"."starred_at" is not null;--> statement-breakpoint
CREATE INDEX `tasks_trash_idx` ON `tasks` (`deleted_at`) WHERE "tasks"."deleted_at" is not null;