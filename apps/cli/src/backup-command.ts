import { defaultDatabasePath } from "@eduplan/db";
import { backupDatabase, BackupError, formatCounts, restoreDatabase } from "./backup.js";

function fail(e: unknown): number {
  if (!(e instanceof BackupError)) throw e;
  console.error(e.message);
  return 1;
}

/** `pnpm eduplan backup <file>`; exit code 1 with a bilingual message on a user's mistake. */
export async function runBackup(db: string | undefined, file: string): Promise<number> {
  const dbFile = db ?? defaultDatabasePath();
  try {
    const counts = await backupDatabase(dbFile, file);
    console.log(`Đã sao lưu / backed up ${dbFile} → ${file} (integrity_check: ok)`);
    console.log(formatCounts(counts));
    return 0;
  } catch (e) {
    return fail(e);
  }
}

/** `pnpm eduplan restore <file>`. */
export async function runRestore(db: string | undefined, file: string): Promise<number> {
  const dbFile = db ?? defaultDatabasePath();
  try {
    const { restored, previous, savedAs } = await restoreDatabase(dbFile, file);
    console.log(`Đã khôi phục / restored ${file} → ${dbFile} (integrity_check: ok)`);
    if (savedAs) console.log(`Cơ sở dữ liệu trước khi khôi phục / the database before the restore: ${savedAs}`);
    console.log(formatCounts(restored, previous));
    return 0;
  } catch (e) {
    return fail(e);
  }
}
