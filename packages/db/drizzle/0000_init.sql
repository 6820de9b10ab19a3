CREATE TABLE `collective_assignees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`kinds` text NOT NULL,
	`scope` text NOT NULL,
	`locality_levels` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collective_assignees_code_uq` ON `collective_assignees` (`code`);--> statement-breakpoint
CREATE TABLE `education_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`parent_code` text,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `education_levels_code_uq` ON `education_levels` (`code`);--> statement-breakpoint
CREATE TABLE `locality_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`rank` integer NOT NULL,
	`is_administrative` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locality_levels_code_uq` ON `locality_levels` (`code`);--> statement-breakpoint
CREATE TABLE `localities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`official_code` text,
	`name_vi` text NOT NULL,
	`name_en` text,
	`level_code` text NOT NULL,
	`parent_id` integer,
	`valid_from` text,
	`valid_to` text,
	`successor_id` integer,
	`population` integer,
	`is_extremely_difficult_area` integer DEFAULT false NOT NULL,
	`is_border_area` integer DEFAULT false NOT NULL,
	`is_ethnic_minority_area` integer DEFAULT false NOT NULL,
	`is_mountainous` integer DEFAULT false NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`level_code`) REFERENCES `locality_levels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `localities_code_uq` ON `localities` (`code`);--> statement-breakpoint
CREATE INDEX `localities_parent_idx` ON `localities` (`parent_id`);--> statement-breakpoint
CREATE INDEX `localities_level_idx` ON `localities` (`level_code`);--> statement-breakpoint
CREATE TABLE `locality_closure` (
	`ancestor_id` integer NOT NULL,
	`descendant_id` integer NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`ancestor_id`, `descendant_id`),
	FOREIGN KEY (`ancestor_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`descendant_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `locality_closure_descendant_idx` ON `locality_closure` (`descendant_id`,`depth`);--> statement-breakpoint
CREATE TABLE `locality_plugins` (
	`locality_id` integer NOT NULL,
	`plugin_id` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`updated_at` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`locality_id`, `plugin_id`),
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `locality_settings` (
	`locality_id` integer PRIMARY KEY NOT NULL,
	`report_deadline` text DEFAULT '12-10' NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text,
	`short_name` text,
	`kind` text NOT NULL,
	`locality_id` integer NOT NULL,
	`parent_id` integer,
	`valid_from` text,
	`valid_to` text,
	`former_names` text DEFAULT '[]' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_code_uq` ON `agencies` (`code`);--> statement-breakpoint
CREATE INDEX `agencies_locality_idx` ON `agencies` (`locality_id`);--> statement-breakpoint
CREATE TABLE `agency_successions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`predecessor_id` integer NOT NULL,
	`successor_id` integer NOT NULL,
	`kind` text NOT NULL,
	`effective_on` text,
	`note_vi` text,
	FOREIGN KEY (`predecessor_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`successor_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_successions_uq` ON `agency_successions` (`predecessor_id`,`successor_id`);--> statement-breakpoint
CREATE TABLE `indicator_rollups` (
	`ancestor_id` integer NOT NULL,
	`depth` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`year` integer NOT NULL,
	`numerator_sum` real DEFAULT 0 NOT NULL,
	`denominator_sum` real DEFAULT 0 NOT NULL,
	`value_sum` real DEFAULT 0 NOT NULL,
	`contributors` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`ancestor_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_rollups_pk` ON `indicator_rollups` (`ancestor_id`,`indicator_id`,`year`,`depth`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`locality_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`year` integer NOT NULL,
	`numerator` real,
	`denominator` real,
	`value` real,
	`is_synthetic` integer DEFAULT false NOT NULL,
	`note_vi` text,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_uq` ON `indicator_values` (`indicator_id`,`year`,`locality_id`);--> statement-breakpoint
CREATE INDEX `indicator_values_locality_idx` ON `indicator_values` (`locality_id`,`year`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`education_level_code` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`aggregation` text NOT NULL,
	`measure` text,
	`plugin_id` text,
	`description_vi` text,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`education_level_code`) REFERENCES `education_levels`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_uq` ON `indicators` (`code`);--> statement-breakpoint
CREATE INDEX `indicators_plugin_idx` ON `indicators` (`plugin_id`);--> statement-breakpoint
CREATE TABLE `agency_duties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plan_id` integer NOT NULL,
	`agency_id` integer,
	`collective_code` text,
	`section` text,
	`duties_vi` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agency_duties_plan_idx` ON `agency_duties` (`plan_id`);--> statement-breakpoint
CREATE INDEX `agency_duties_agency_idx` ON `agency_duties` (`agency_id`);--> statement-breakpoint
CREATE TABLE `document_relations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`from_plan_id` integer NOT NULL,
	`kind` text NOT NULL,
	`to_plan_id` integer,
	`cited_kind` text,
	`cited_number` text,
	`cited_issued_on` text,
	`cited_issuer_vi` text,
	`cited_title_vi` text,
	FOREIGN KEY (`from_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_relations_from_idx` ON `document_relations` (`from_plan_id`);--> statement-breakpoint
CREATE TABLE `funding_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plan_id` integer NOT NULL,
	`kind` text NOT NULL,
	`description_vi` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `funding_sources_plan_idx` ON `funding_sources` (`plan_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`code` text NOT NULL,
	`document_kind` text NOT NULL,
	`number` text,
	`title_vi` text NOT NULL,
	`title_en` text,
	`locality_id` integer NOT NULL,
	`issuing_body_vi` text,
	`issuing_agency_id` integer,
	`issued_on` text,
	`signer` text,
	`signer_title_vi` text,
	`period_start` integer,
	`period_end` integer,
	`vision_year` integer,
	`status` text DEFAULT 'issued' NOT NULL,
	`parent_plan_id` integer,
	`general_objective_vi` text,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuing_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_code_uq` ON `plans` (`code`);--> statement-breakpoint
CREATE INDEX `plans_locality_idx` ON `plans` (`locality_id`);--> statement-breakpoint
CREATE INDEX `plans_parent_idx` ON `plans` (`parent_plan_id`);--> statement-breakpoint
CREATE TABLE `reporting_obligations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plan_id` integer NOT NULL,
	`reporter_agency_id` integer,
	`reporter_collective_code` text,
	`recipient_agency_id` integer,
	`subject_vi` text NOT NULL,
	`frequency` text NOT NULL,
	`due_month_day` text,
	`due_year` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reporting_obligations_plan_idx` ON `reporting_obligations` (`plan_id`);--> statement-breakpoint
CREATE TABLE `solution_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plan_id` integer NOT NULL,
	`code` text NOT NULL,
	`title_vi` text NOT NULL,
	`title_en` text,
	`summary_vi` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `solution_groups_plan_code_uq` ON `solution_groups` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`target_id` integer NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`value_max` real,
	`is_synthetic` integer DEFAULT false NOT NULL,
	`note_vi` text,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `milestones_target_year_uq` ON `milestones` (`target_id`,`year`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plan_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`code` text NOT NULL,
	`comparator` text NOT NULL,
	`value` real,
	`value_max` real,
	`target_year` integer,
	`baseline_value` real,
	`baseline_year` integer,
	`applies_every_year` integer DEFAULT false NOT NULL,
	`is_aspirational` integer DEFAULT false NOT NULL,
	`area_flag` text,
	`breakdown_education_level_code` text,
	`age_from` integer,
	`age_to` integer,
	`condition_vi` text,
	`condition_en` text,
	`counted_entity` text,
	`counting_criterion_vi` text,
	`counting_out_of_vi` text,
	`parent_target_id` integer,
	`phrase_vi` text,
	`section` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_plan_code_uq` ON `targets` (`plan_id`,`code`);--> statement-breakpoint
CREATE INDEX `targets_indicator_idx` ON `targets` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `task_assignees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`role` text NOT NULL,
	`agency_id` integer,
	`collective_code` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_assignees_task_idx` ON `task_assignees` (`task_id`);--> statement-breakpoint
CREATE INDEX `task_assignees_agency_idx` ON `task_assignees` (`agency_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`plan_id` integer NOT NULL,
	`solution_group_id` integer,
	`code` text NOT NULL,
	`title_vi` text NOT NULL,
	`title_en` text,
	`description_vi` text,
	`timing` text NOT NULL,
	`output_vi` text,
	`status` text DEFAULT 'notStarted' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`solution_group_id`) REFERENCES `solution_groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_plan_code_uq` ON `tasks` (`plan_id`,`code`);--> statement-breakpoint
CREATE INDEX `tasks_group_idx` ON `tasks` (`solution_group_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`locality_id` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`locality_id` integer,
	`locale` text DEFAULT 'vi' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`password_hash` text NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);