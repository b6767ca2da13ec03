ALTER TABLE `users` ADD `tasks_per_minute` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `max_upload_mb` integer;