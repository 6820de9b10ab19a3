import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { SYSTEM, closeDatabase, defaultDatabasePath, openDatabase, rebuildRollups, transaction, verifyRollups, type Db } from "@eduplan/db";
import { figuresTemplate, importFiguresFile } from "@eduplan/reporting";
import { allErrors, applyProvinceConfig, ConfigInvalidError, ensureReferenceData, readProvinceConfig } from "@eduplan/province-config";
import { seedSampleData } from "@eduplan/sample-data";
import { planSummary } from "./summary.js";

type Options = { db?: string; file?: string; dryRun?: boolean; synthetic?: boolean };

function open(options: Options): { db: Db; file: string } {
  const file = options.db ? options.db : defaultDatabasePath();
  return { db: openDatabase(file), file };
}

/**
 * `province init --dry-run`: every check and every write of a real run, rolled back, on a copy of the database (or an
 * empty one in memory when there is none yet) — the database file is never created, migrated or changed.
 */
async function dryRunProvinceInit(options: Options): Promise<void> {
  const file = options.db ? options.db : defaultDatabasePath();
  const dir = existsSync(file) ? mkdtempSync(join(tmpdir(), "eduplan-dry-run-")) : null;
  if (dir) for (const suffix of ["", "-wal"]) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(dir, "copy.db" + suffix));
  const db = openDatabase(dir ? join(dir, "copy.db") : ":memory:");
  try {
    await ensureReferenceData(db);
    const parsed = await readConfigOrAllErrors(db, options.file!);
    const summary = await applyProvinceConfig(db, parsed, undefined, { dryRun: true });
    console.log(`${parsed.file}: hợp lệ, chưa ghi gì (chạy thử) / valid, nothing written (dry run): ${summary.created} would be created, ${summary.updated} updated, ${summary.unchanged} unchanged`);
  } finally {
    closeDatabase(db);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The parsed file, or every error it has at once (shape errors and the checks of the rest against the database). */
async function readConfigOrAllErrors(db: Db, file: string) {
  try {
    return readProvinceConfig(file);
  } catch (e) {
    throw e instanceof ConfigInvalidError ? await allErrors(db, e) : e;
  }
}

function printConfigErrors(e: ConfigInvalidError): void {
  console.error(`Tệp cấu hình không hợp lệ, không có gì được ghi / invalid file, nothing was written: ${e.file}`);
  for (const err of e.errors)
    console.error(`  ${err.line ? `dòng/line ${err.line}` : ""}${err.line ? ", " : ""}${err.path || "(tệp)"}: ${err.message.vi} / ${err.message.en}`);
  process.exitCode = 1;
}

/** Prints the aggregates that differ from a recomputation; exit code 1 when there is any. */
async function reportDrift(db: Db): Promise<void> {
  const drift = await verifyRollups(db);
  if (!drift.length) {
    console.log("Số liệu tổng hợp khớp với số liệu gốc / the aggregates equal a recomputation from the figures");
    return;
  }
  console.error(`${drift.length} số liệu tổng hợp lệch / aggregates differ from the figures (run: rollups rebuild):`);
  for (const d of drift.slice(0, 20))
    console.error(
      `  địa bàn/locality #${d.ancestorId} (depth ${d.depth}), chỉ tiêu/indicator #${d.indicatorId}, ${d.year}: stored ${JSON.stringify(d.stored)} ≠ expected ${JSON.stringify(d.expected)}`,
    );
  process.exitCode = 1;
}

/** Runs one command; user mistakes print a clear message and set exit code 1, they never throw a stack trace. */
export async function runCommand(name: string, options: Options): Promise<void> {
  if (name === "serve") {
    const { startServerFromCli } = await import("./serve.js");
    await startServerFromCli(options.db);
    return;
  }
  if (name === "province init" && options.dryRun) {
    try {
      await dryRunProvinceInit(options);
    } catch (e) {
      if (e instanceof ConfigInvalidError) return printConfigErrors(e);
      throw e;
    }
    return;
  }
  const { db, file } = open(options);
  try {
    await ensureReferenceData(db);
    switch (name) {
      case "migrate":
        console.log(`Đã cập nhật cơ sở dữ liệu / database migrated: ${file}`);
        break;
      case "seed": {
        const result = await seedSampleData(db, { synthetic: options.synthetic !== false });
        console.log(`Dữ liệu mẫu đã nạp / sample data loaded into ${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
        if (result.syntheticValues) console.log(`Số liệu mô phỏng (dữ liệu mẫu, synthetic): ${result.syntheticValues} figures for 2025–2026`);
        console.log(await planSummary(db));
        break;
      }
      case "summary":
        console.log(await planSummary(db));
        break;
      case "province init": {
        const parsed = await readConfigOrAllErrors(db, options.file!);
        const summary = await applyProvinceConfig(db, parsed);
        console.log(`${parsed.file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`);
        for (const [resource, n] of Object.entries(summary.byResource)) console.log(`  ${resource}: +${n.created} ~${n.updated}`);
        break;
      }
      case "figures template":
        writeFileSync(options.file!, await figuresTemplate());
        console.log(`Đã ghi mẫu / template written: ${options.file}`);
        break;
      case "figures import": {
        const result = await importFiguresFile(db, readFileSync(options.file!), basename(options.file!), SYSTEM);
        if (result.ok) {
          console.log(`${options.file}: ${result.rows} số liệu / figures — ${result.created} created, ${result.updated} updated`);
          break;
        }
        console.error(`Tệp có lỗi, không có số liệu nào được ghi / the file has problems, nothing was written: ${options.file}`);
        for (const p of result.problems.slice(0, 200))
          console.error(`  ${p.row ? `dòng/row ${p.row}` : "tệp/file"}${p.column ? `, cột/column “${p.column}”` : ""}: ${p.message.vi} / ${p.message.en}`);
        if (result.problems.length > 200) console.error(`  … ${result.problems.length - 200} more`);
        process.exitCode = 1;
        break;
      }
      case "rollups rebuild":
        await transaction(db, (tx) => rebuildRollups(tx));
        console.log("Đã tính lại toàn bộ số liệu tổng hợp / every aggregate recomputed from the figures");
        await reportDrift(db);
        break;
      case "rollups verify":
        await reportDrift(db);
        break;
      default:
        throw new Error(`unknown command ${name}`);
    }
  } catch (e) {
    if (e instanceof ConfigInvalidError) return printConfigErrors(e);
    throw e;
  } finally {
    closeDatabase(db);
  }
}
