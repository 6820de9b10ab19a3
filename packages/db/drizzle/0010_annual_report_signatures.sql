CREATE TABLE `annual_report_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`locality_id` integer NOT NULL,
	`year` integer NOT NULL,
	`issuer` text NOT NULL,
	`signing_form` text,
	`signer_name` text,
	`signer_title` text,
	`drafting_unit` text,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_report_signatures_locality_year_uq` ON `annual_report_signatures` (`locality_id`,`year`);