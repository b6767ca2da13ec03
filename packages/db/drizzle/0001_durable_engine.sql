CREATE TABLE `queue_pauses` (
	`scope` text PRIMARY KEY NOT NULL,
	`paused_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `tasks_status_provider_idx`;--> statement-breakpoint
DROP INDEX `tasks_created_idx`;--> statement-breakpoint
ALTER TABLE `tasks` ADD `error_retryable` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `error_attempt` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `max_attempts` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `timeout_seconds` integer DEFAULT 600 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `deadline_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `next_run_at` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `no_image_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `priority` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `provider_job_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `owner` text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `idempotency_key` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `request_hash` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `retried_from_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `retried_by_id` text;--> statement-breakpoint
CREATE INDEX `tasks_queue_idx` ON `tasks` (`provider`,"priority" desc,`id`) WHERE "tasks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `tasks_deadline_idx` ON `tasks` (`deadline_at`) WHERE "tasks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `tasks_next_run_idx` ON `tasks` (`next_run_at`) WHERE "tasks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `tasks_finished_idx` ON `tasks` (`finished_at`) WHERE "tasks"."finished_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_idempotency_idx` ON `tasks` (`owner`,`idempotency_key`);--> statement-breakpoint
UPDATE `tasks` SET `deadline_at` = `created_at` + `timeout_seconds` * 1000;
