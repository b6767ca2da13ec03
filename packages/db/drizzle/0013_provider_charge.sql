ALTER TABLE `tasks` ADD `provider_charge_amount` real;--> statement-breakpoint
ALTER TABLE `tasks` ADD `provider_charge_unit` text;