ALTER TABLE `tasks` ADD `row_number` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `duplicate_of_id` integer REFERENCES tasks(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `tasks` ADD `source` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `source_conflicts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `source_note_vi` text;--> statement-breakpoint
CREATE INDEX `tasks_duplicate_idx` ON `tasks` (`duplicate_of_id`);