ALTER TABLE `indicators` ADD `plausible_min` real;--> statement-breakpoint
ALTER TABLE `indicators` ADD `plausible_max` real;