CREATE TABLE `plan_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`locality_id` integer NOT NULL,
	`parent_plan_id` integer,
	`file_name` text NOT NULL,
	`title_vi` text,
	`status` text DEFAULT 'reviewing' NOT NULL,
	`plan_id` integer,
	`draft` text NOT NULL,
	`assignees` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_imports_locality_idx` ON `plan_imports` (`locality_id`);