CREATE TABLE `installed_plugins` (
	`plugin_id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plugin_migrations` (
	`plugin_id` text NOT NULL,
	`name` text NOT NULL,
	`applied_at` text NOT NULL,
	PRIMARY KEY(`plugin_id`, `name`)
);
--> statement-breakpoint
CREATE TABLE `plugin_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plugin_id` text NOT NULL,
	`form_id` text NOT NULL,
	`locality_id` integer NOT NULL,
	`year` integer NOT NULL,
	`data` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plugin_records_form_idx` ON `plugin_records` (`plugin_id`,`form_id`,`year`,`locality_id`);--> statement-breakpoint
CREATE INDEX `plugin_records_locality_idx` ON `plugin_records` (`locality_id`);