ALTER TABLE `plans` ADD `note_vi` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `pooled_education_level_codes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `counted_numerator` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `counted_denominator` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `counted_group_relation` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `is_approximate` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `approximate_tolerance` real;--> statement-breakpoint
ALTER TABLE `targets` ADD `reference_plan_id` integer REFERENCES plans(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `targets` ADD `reference_cited_vi` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `note_vi` text;--> statement-breakpoint
CREATE INDEX `targets_reference_plan_idx` ON `targets` (`reference_plan_id`);