-- filter.q of the audit log: an FTS5 index (trigram: any substring of 3+ characters, as LIKE '%…%') of the folded
-- text columns (at, username, action, entity; each folded on its own, joined by a newline that no folded query holds).
-- Contentless (the text is in audit_log); kept on write by the trigger, backfilled here. Audit entries are never
-- updated or deleted.
CREATE VIRTUAL TABLE `audit_log_search` USING fts5(`text`, content='', tokenize='trigram');--> statement-breakpoint
INSERT INTO `audit_log_search` (`rowid`, `text`) SELECT `id`, eduplan_fold(`at`) || char(10) || eduplan_fold(`username`) || char(10) || eduplan_fold(`action`) || char(10) || eduplan_fold(`entity`) FROM `audit_log`;--> statement-breakpoint
CREATE TRIGGER `audit_log_search_insert` AFTER INSERT ON `audit_log` BEGIN
  INSERT INTO `audit_log_search` (`rowid`, `text`) VALUES (new.`id`, eduplan_fold(new.`at`) || char(10) || eduplan_fold(new.`username`) || char(10) || eduplan_fold(new.`action`) || char(10) || eduplan_fold(new.`entity`));
END;
