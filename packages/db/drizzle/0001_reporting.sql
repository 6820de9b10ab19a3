CREATE TABLE `report_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`report_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`numerator` real,
	`denominator` real,
	`value` real,
	`comment_vi` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_values_report_indicator_uq` ON `report_values` (`report_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `reporting_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`locality_id` integer NOT NULL,
	`year` integer NOT NULL,
	`deadline` text NOT NULL,
	`is_closed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_periods_locality_year_uq` ON `reporting_periods` (`locality_id`,`year`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`period_id` integer NOT NULL,
	`locality_id` integer NOT NULL,
	`agency_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`return_reason` text,
	`submitted_at` text,
	`submitted_by` text,
	`decided_at` text,
	`decided_by` text,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_period_unit_uq` ON `reports` (`period_id`,`locality_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `reports_locality_idx` ON `reports` (`locality_id`);--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `report_id` integer;--> statement-breakpoint
CREATE INDEX `indicator_values_report_idx` ON `indicator_values` (`report_id`);