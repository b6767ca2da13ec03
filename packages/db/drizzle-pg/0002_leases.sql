CREATE TABLE "instance_notices" (
	"topic" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "lease_until" bigint;--> statement-breakpoint
CREATE INDEX "tasks_running_idx" ON "tasks" USING btree ("provider") WHERE "tasks"."status" = 'processing';--> statement-breakpoint
CREATE INDEX "tasks_lease_owner_idx" ON "tasks" USING btree ("lease_owner") WHERE "tasks"."status" = 'processing';--> statement-breakpoint
CREATE INDEX "tasks_lease_until_idx" ON "tasks" USING btree ("lease_until") WHERE "tasks"."status" = 'processing';