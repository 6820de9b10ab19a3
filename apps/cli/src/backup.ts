/**
 * `pnpm eduplan backup <file>` and `pnpm eduplan restore <file>`: SQLite's online backup API (better-sqlite3's
 * `backup`), safe while the server keeps writing — pages are copied under SQLite's own locks, and the copy is one
 * consistent state of the database. Restore checks the file first (`PRAGMA integrity_check`, EduPlan's tables, row
 * counts), keeps a copy of the current database beside it, then copies the backup in through the same API (the
 * server's connection sees the restored data at its next statement), and migrates it to this version.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { closeDatabase, openDatabase } from "@eduplan/db";

export type TableCounts = Record<string, number>;

export class BackupError extends Error {
  constructor(readonly messages: { vi: string; en: string }) {
    super(`${messages.vi} / ${messages.en}`);
    this.name = "BackupError";
  }
}

/** Tables EduPlan cannot be without: a file missing one is not an EduPlan database. */
const REQUIRED_TABLES = ["__drizzle_migrations", "localities", "users", "plans", "indicators"];

function tableCounts(db: Database.Database): TableCounts {
  const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, db.prepare(`select count(*) from "${n.replaceAll('"', '""')}"`).pluck().get() as number]));
}

function integrity(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
}

/** Checks a database file: readable SQLite, integrity ok, EduPlan's tables present. Returns its row counts. */
export function checkDatabaseFile(file: string): TableCounts {
  if (!existsSync(file)) throw new BackupError({ vi: `Không tìm thấy tệp ${file}`, en: `No such file: ${file}` });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError({ vi: `Không mở được tệp ${file} (không phải cơ sở dữ liệu SQLite)`, en: `Cannot open ${file} (not an SQLite database): ${(e as Error).message}` });
  }
  try {
    let problems: string[];
    try {
      problems = integrity(db);
    } catch (e) {
      throw new BackupError({ vi: `Tệp ${file} bị hỏng, không đọc được`, en: `${file} is damaged and cannot be read: ${(e as Error).message}` });
    }
    if (problems.length)
      throw new BackupError({
        vi: `Tệp ${file} không toàn vẹn (PRAGMA integrity_check): ${problems.slice(0, 5).join("; ")}`,
        en: `${file} fails PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}`,
      });
    const counts = tableCounts(db);
    const missing = REQUIRED_TABLES.filter((t) => !(t in counts));
    if (missing.length)
      throw new BackupError({ vi: `Tệp ${file} không phải cơ sở dữ liệu EduPlan (thiếu bảng ${missing.join(", ")})`, en: `${file} is not an EduPlan database (missing tables ${missing.join(", ")})` });
    if (!counts.__drizzle_migrations) throw new BackupError({ vi: `Tệp ${file} chưa từng được khởi tạo (không có lần cập nhật cấu trúc nào)`, en: `${file} was never migrated` });
    return counts;
  } finally {
    db.close();
  }
}

/** Copies every page in a single step once the size is known, so that writes between steps cannot restart it forever. */
const oneStep = (info: { totalPages: number }) => Math.max(100, info.totalPages);

/** An online backup of the live database `dbFile` into `target` (must not exist), checked afterwards. */
export async function backupDatabase(dbFile: string, target: string): Promise<TableCounts> {
  const source = resolve(dbFile);
  const dest = resolve(target);
  if (!existsSync(source)) throw new BackupError({ vi: `Không tìm thấy cơ sở dữ liệu ${source}`, en: `No database at ${source}` });
  if (existsSync(dest)) throw new BackupError({ vi: `Tệp ${dest} đã có; hãy chọn tên khác`, en: `${dest} already exists; choose another name` });
  if (dest === source) throw new BackupError({ vi: "Tệp sao lưu phải khác tệp cơ sở dữ liệu", en: "The backup must be another file than the database" });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(dest, { progress: oneStep });
  } finally {
    db.close();
  }
  return checkDatabaseFile(dest);
}

export type RestoreResult = { restored: TableCounts; previous: TableCounts | null; savedAs: string | null };

/**
 * Restores `backupFile` into `dbFile` after checking it; the current database (if any) is first backed up to
 * `<dbFile>.before-restore-<time>.db`. Works while a server runs on `dbFile` (its next statements see the restored data).
 */
export async function restoreDatabase(dbFile: string, backupFile: string, now = new Date()): Promise<RestoreResult> {
  const live = resolve(dbFile);
  const backup = resolve(backupFile);
  if (live === backup) throw new BackupError({ vi: "Tệp sao lưu phải khác tệp cơ sở dữ liệu", en: "The backup must be another file than the database" });
  checkDatabaseFile(backup); // refused before anything is touched
  let previous: TableCounts | null = null;
  let savedAs: string | null = null;
  if (existsSync(live)) {
    savedAs = join(dirname(live), `${live.split(/[\\/]/).pop()}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}.db`);
    previous = await backupDatabase(live, savedAs);
  }
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(live, { progress: oneStep });
  } finally {
    source.close();
  }
  // Migrate the restored database to this version of EduPlan, then check what arrived.
  closeDatabase(openDatabase(live));
  // (No row-by-row comparison with the backup: a running server may already have written after the copy.)
  const restored = checkDatabaseFile(live);
  return { restored, previous, savedAs };
}

/** Row counts as the CLI prints them: the main tables first. */
export function formatCounts(counts: TableCounts, previous?: TableCounts | null): string {
  const main = ["localities", "agencies", "plans", "targets", "milestones", "tasks", "indicators", "indicator_values", "reports", "report_values", "users", "audit_log"];
  const names = [...main.filter((t) => t in counts), ...Object.keys(counts).filter((t) => !main.includes(t) && !t.startsWith("__")).sort()];
  return names.map((t) => `  ${t}: ${counts[t]}${previous && t in previous && previous[t] !== counts[t] ? ` (trước / before: ${previous[t]})` : ""}`).join("\n");
}
