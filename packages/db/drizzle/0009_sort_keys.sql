ALTER TABLE `localities` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `localities_sort_idx` ON `localities` (`sort_key`,`id`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `agencies_sort_idx` ON `agencies` (`sort_key`,`id`);--> statement-breakpoint
ALTER TABLE `indicators` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `indicators_sort_idx` ON `indicators` (`sort_key`,`id`);--> statement-breakpoint
ALTER TABLE `plans` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `plans_sort_idx` ON `plans` (`sort_key`,`id`);--> statement-breakpoint
UPDATE `localities` SET `sort_key` = vi_sort_key(`name_vi`);--> statement-breakpoint
UPDATE `agencies` SET `sort_key` = vi_sort_key(`name_vi`);--> statement-breakpoint
UPDATE `indicators` SET `sort_key` = vi_sort_key(`name_vi`);--> statement-breakpoint
UPDATE `plans` SET `sort_key` = vi_sort_key(`title_vi`);
