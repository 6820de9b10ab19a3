CREATE TABLE `geopark_education_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text,
	`kind` text NOT NULL,
	`rank` text,
	`commune_vi` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`note_vi` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `geopark_education_sites_code_uq` ON `geopark_education_sites` (`code`);