CREATE TABLE `instance_notices` (
	`topic` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`until` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `tasks` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `lease_until` integer;--> statement-breakpoint
CREATE INDEX `tasks_running_idx` ON `tasks` (`provider`) WHERE "tasks"."status" = 'processing';--> statement-breakpoint
CREATE INDEX `tasks_lease_owner_idx` ON `tasks` (`lease_owner`) WHERE "tasks"."status" = 'processing';--> statement-breakpoint
CREATE INDEX `tasks_lease_until_idx` ON `tasks` (`lease_until`) WHERE "tasks"."status" = 'processing';