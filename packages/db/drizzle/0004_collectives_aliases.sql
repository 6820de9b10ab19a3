CREATE TABLE `collective_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collective_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collective_assignees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collective_members_uq` ON `collective_members` (`collective_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `collective_members_agency_idx` ON `collective_members` (`agency_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_collective_assignees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`locality_id` integer,
	`kinds` text NOT NULL,
	`scope` text NOT NULL,
	`locality_levels` text NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_collective_assignees`("id", "version", "created_at", "updated_at", "code", "name_vi", "name_en", "kinds", "scope", "locality_levels") SELECT "id", "version", "created_at", "updated_at", "code", "name_vi", "name_en", "kinds", "scope", "locality_levels" FROM `collective_assignees`;--> statement-breakpoint
DROP TABLE `collective_assignees`;--> statement-breakpoint
ALTER TABLE `__new_collective_assignees` RENAME TO `collective_assignees`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `collective_assignees_code_uq` ON `collective_assignees` (`code`);--> statement-breakpoint
CREATE INDEX `collective_assignees_locality_idx` ON `collective_assignees` (`locality_id`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `aliases` text DEFAULT '[]' NOT NULL;