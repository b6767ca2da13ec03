CREATE INDEX `assets_file_idx` ON `assets` (`file`);--> statement-breakpoint
CREATE INDEX `generations_file_idx` ON `generations` (`file`);--> statement-breakpoint
CREATE INDEX `generations_thumb_idx` ON `generations` (`thumb_file`);