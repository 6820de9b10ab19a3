/**
 * Many figures at once (ten years of history, a whole province's December): the same checks as one figure written
 * through the repository — role, the area of every locality, the indicator, the bounds of every figure (the domain's
 * `indicatorValueIssues`), published figures and closed periods locked — made for the whole set first, every problem
 * listed by row and field, nothing written on any; then the figures in chunked upserts and the aggregates of every
 * ancestor by (locality, year) in one statement each, with one audit entry for the import.
 */
import { and, inArray, sql } from "drizzle-orm";
import { indicatorValueIssues, rateOf } from "@eduplan/domain";
import { isWithin } from "./area.js";
import { recordAudit } from "./audit.js";
import { EduplanError } from "./errors.js";
import { assertRole } from "./guard.js";
import { isAdministrator, type Principal } from "./principal.js";
import type { Tx } from "./resource.js";
import { RESOURCES } from "./resources/index.js";
import { closedPeriodFor, indicatorOf } from "./resources/shared.js";
import * as s from "./schema/index.js";
import { applyDeltasToRollups, contributionOf, upsertFigures, type RollupDelta } from "./sqlite/aggregates.js";

export type FigureImportRow = {
  /** Where the row stands in the file (its line or row number), for the messages. */
  row: number;
  localityId: number;
  indicatorId: number;
  year: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  noteVi?: string | null;
};

export type FigureImportProblem = { row: number; field: string; message: { vi: string; en: string } };

export class FigureImportRefused extends EduplanError {
  constructor(readonly problems: FigureImportProblem[]) {
    super(
      "validation",
      { vi: `Tệp có ${problems.length} lỗi; không có số liệu nào được ghi.`, en: `The file has ${problems.length} problem(s); nothing was written.` },
      problems.slice(0, 200).map((p) => ({ path: `rows.${p.row}.${p.field}`, message: p.message })),
    );
  }
}

const CHUNK = 500;

/** Check every row; throws `FigureImportRefused` with every problem, or writes them all. */
export async function importFigures(tx: Tx, rows: readonly FigureImportRow[], principal: Principal, source = "import"): Promise<{ created: number; updated: number }> {
  const def = RESOURCES.indicatorValues;
  assertRole(def, principal, "write");
  const problems: FigureImportProblem[] = [];
  const problem = (row: number, field: string, en: string, vi: string) => problems.push({ row, field, message: { vi, en } });
  const inArea = new Map<number, boolean>();
  const closed = new Map<string, number | null>();
  const indicators = new Map<number, Awaited<ReturnType<typeof indicatorOf>>>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!inArea.has(r.localityId)) inArea.set(r.localityId, isAdministrator(principal) || (principal.localityId !== null && (await isWithin(tx, principal.localityId, r.localityId))));
    if (!inArea.get(r.localityId)) {
      problem(r.row, "locality", "the locality is outside your area", "Địa bàn nằm ngoài địa bàn của bạn");
      continue;
    }
    if (!indicators.has(r.indicatorId)) indicators.set(r.indicatorId, await indicatorOf(tx, r.indicatorId));
    const indicator = indicators.get(r.indicatorId);
    if (!indicator) {
      problem(r.row, "indicator", `unknown indicator #${r.indicatorId}`, `Chỉ tiêu #${r.indicatorId} không tồn tại`);
      continue;
    }
    const key = `${r.localityId}|${r.indicatorId}|${r.year}`;
    if (seen.has(key)) problem(r.row, "indicator", `the same figure as row ${seen.get(key)}`, `Trùng số liệu với dòng ${seen.get(key)}`);
    seen.set(key, r.row);
    const closedKey = `${r.localityId}|${r.year}`;
    if (!closed.has(closedKey)) closed.set(closedKey, await closedPeriodFor(tx, r.localityId, r.year));
    if (closed.get(closedKey) !== null) problem(r.row, "year", `the reporting period ${r.year} is closed`, `Kỳ báo cáo năm ${r.year} đã khóa sổ`);
    if (r.value === null && (r.numerator === null || r.denominator === null))
      problem(r.row, "value", "give a value, or a numerator and a denominator", "Nhập giá trị, hoặc tử số và mẫu số");
    for (const issue of indicatorValueIssues(r, indicator)) problem(r.row, String(issue.path[0] ?? "value"), issue.en, issue.vi);
  }
  // Figures published from approved reports change only through their report.
  if (!problems.length) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const published = await tx
        .select({ localityId: s.indicatorValues.localityId, indicatorId: s.indicatorValues.indicatorId, year: s.indicatorValues.year })
        .from(s.indicatorValues)
        .where(and(inArray(s.indicatorValues.localityId, [...new Set(chunk.map((r) => r.localityId))]), sql`${s.indicatorValues.reportId} is not null`));
      const locked = new Set(published.map((p) => `${p.localityId}|${p.indicatorId}|${p.year}`));
      for (const r of chunk)
        if (locked.has(`${r.localityId}|${r.indicatorId}|${r.year}`))
          problem(r.row, "value", "this figure was published from an approved report: change it through the report", "Số liệu này được công bố từ báo cáo đã duyệt: hãy sửa qua báo cáo");
    }
  }
  if (problems.length) throw new FigureImportRefused(problems.sort((a, b) => a.row - b.row));

  let created = 0;
  let updated = 0;
  const deltas = new Map<string, { localityId: number; year: number; deltas: RollupDelta[] }>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => {
      const indicator = indicators.get(r.indicatorId)!;
      // A rate's value is computed from its numerator and denominator, as for every stored figure.
      const value = indicator.aggregation === "ratio" && r.numerator !== null && r.denominator !== null ? rateOf(r.numerator, r.denominator, indicator.unit) : r.value;
      return { localityId: r.localityId, indicatorId: r.indicatorId, year: r.year, numerator: r.numerator, denominator: r.denominator, value, noteVi: r.noteVi ?? null, isSynthetic: false, reportId: null };
    });
    const existing = new Map(
      (
        await tx
          .select()
          .from(s.indicatorValues)
          .where(and(inArray(s.indicatorValues.localityId, [...new Set(chunk.map((r) => r.localityId))]), inArray(s.indicatorValues.indicatorId, [...new Set(chunk.map((r) => r.indicatorId))])))
      ).map((f) => [`${f.localityId}|${f.indicatorId}|${f.year}`, f]),
    );
    await upsertFigures(tx, chunk);
    for (const r of chunk) {
      const before = existing.get(`${r.localityId}|${r.indicatorId}|${r.year}`);
      if (before) updated++;
      else created++;
      const b = before ? contributionOf(before) : { n: 0, d: 0, v: 0, c: 0 };
      const a = contributionOf(r);
      const key = `${r.localityId}|${r.year}`;
      const group = deltas.get(key) ?? { localityId: r.localityId, year: r.year, deltas: [] };
      group.deltas.push({ indicatorId: r.indicatorId, n: a.n - b.n, d: a.d - b.d, v: a.v - b.v, c: a.c - b.c });
      deltas.set(key, group);
    }
  }
  for (const g of deltas.values()) await applyDeltasToRollups(tx, g.localityId, g.year, g.deltas);
  await recordAudit(tx, principal, "import", def.name, null, null, { source, rows: rows.length, created, updated }, principal.localityId);
  return { created, updated };
}


