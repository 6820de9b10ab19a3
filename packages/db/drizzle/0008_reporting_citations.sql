CREATE TABLE `reporting_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`obligation_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`obligation_id`) REFERENCES `reporting_obligations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reporting_recipients_obligation_idx` ON `reporting_recipients` (`obligation_id`);--> statement-breakpoint
CREATE INDEX `reporting_recipients_agency_idx` ON `reporting_recipients` (`agency_id`);--> statement-breakpoint
ALTER TABLE `document_relations` ADD `cited_number_normalised` text;--> statement-breakpoint
ALTER TABLE `document_relations` ADD `cited_year` integer;--> statement-breakpoint
ALTER TABLE `document_relations` ADD `note_vi` text;--> statement-breakpoint
ALTER TABLE `reporting_obligations` ADD `via_agency_id` integer REFERENCES agencies(id);--> statement-breakpoint
UPDATE `document_relations` SET `cited_number_normalised` = upper(replace(`cited_number`, ' ', '')) WHERE `cited_number` IS NOT NULL;
