import { RESOURCES, SYSTEM, and, createRecord, eq, first, inArray, reportIndicatorIds, schema as s, sql, transaction, withinCondition, type Db } from "@eduplan/db";
import { transitionReport } from "@eduplan/cycle";

/**
 * DỮ LIỆU MẪU — synthetic figures for demonstration only. The documents contain no reported values, so this fills
 * 2025–2026 with plausible, reproducible (seeded) commune reports for the sample provinces, for the rate indicators
 * their plans target. Every figure is flagged `isSynthetic` and says so in its note.
 */
// In Vietnamese only: it is the comment officers see prefilled in their reports and templates.
export const SYNTHETIC_NOTE = "Dữ liệu mẫu (mô phỏng), không phải số liệu báo cáo";
export const SYNTHETIC_YEARS = [2025, 2026] as const;

function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

const COMMUNE_LEVELS = ["commune", "ward", "township"];

/**
 * Generate the synthetic figures as the reporting cycle would: a reporting period per province and year, one report
 * per commune-level unit holding the rate indicators its province's plans target, submitted and approved (so the
 * figures reach the rollups). In the current year a few reports are left as drafts, submitted or returned, so the
 * consolidation has missing, pending and returned units to show. Idempotent: existing reports are left alone.
 * Returns the number of figures created.
 */
export async function generateSyntheticFigures(db: Db, provinceCodes: string[] = ["lang-son", "lai-chau"]): Promise<number> {
  return transaction(db, async (tx) => {
    const provinces = await tx.select().from(s.localities).where(inArray(s.localities.code, provinceCodes));
    let created = 0;
    for (const province of provinces) {
      const units = await tx
        .select({ id: s.localities.id, code: s.localities.code })
        .from(s.localities)
        .where(and(inArray(s.localities.levelCode, COMMUNE_LEVELS), withinCondition(s.localities.id, province.id)))
        .orderBy(s.localities.code);
      const targeted = await tx
        .selectDistinct({ id: s.indicators.id, code: s.indicators.code, direction: s.indicators.direction, value: s.targets.value })
        .from(s.targets)
        .innerJoin(s.indicators, eq(s.indicators.id, s.targets.indicatorId))
        .innerJoin(s.plans, eq(s.plans.id, s.targets.planId))
        .where(and(eq(s.indicators.unit, "percent"), eq(s.indicators.aggregation, "ratio"), withinCondition(s.plans.localityId, province.id)));
      const goalOf = new Map<number, { code: string; direction: string; goal: number }>();
      for (const t of targeted) if (t.value !== null && !goalOf.has(t.id)) goalOf.set(t.id, { code: t.code, direction: t.direction, goal: t.value });
      const deadlineSetting = (await first(tx.select().from(s.localitySettings).where(eq(s.localitySettings.localityId, province.id))))?.reportDeadline ?? "12-10";
      for (const [i, year] of SYNTHETIC_YEARS.entries()) {
        const period =
          await first(tx.select().from(s.reportingPeriods).where(and(eq(s.reportingPeriods.localityId, province.id), eq(s.reportingPeriods.year, year)))) ??
          (await createRecord(tx, RESOURCES.reportingPeriods, { localityId: province.id, year, deadline: `${year}-${deadlineSetting}` }, SYSTEM));
        for (const [u, unit] of units.entries()) {
          const exists = await first(tx.select().from(s.reports).where(and(eq(s.reports.periodId, period.id as number), eq(s.reports.localityId, unit.id))));
          if (exists) continue;
          // In the current year: the last unit has not started, the one before is still a draft, one is returned.
          const fate = i === 0 ? "approved" : u === units.length - 1 ? "missing" : u === units.length - 2 ? "draft" : u === 1 ? "returned" : u === 2 ? "submitted" : "approved";
          if (fate === "missing") continue;
          const report = await createRecord(tx, RESOURCES.reports, { periodId: period.id, localityId: unit.id }, SYSTEM);
          // A unit reports the indicators of the plan it reports against (its own, else its province's).
          const reported = await reportIndicatorIds(tx, { localityId: unit.id });
          for (const [indicatorId, { code, direction, goal }] of goalOf) {
            if (!reported.has(indicatorId)) continue;
            const random = seededRandom(`${unit.code}|${code}`);
            const denominator = Math.round(150 + random() * 1850);
            const start = direction === "decrease" ? goal * (1.05 + random() * 0.6) : Math.max(0, goal * (0.8 + random() * 0.18));
            const drift = direction === "decrease" ? -goal * 0.05 * i : goal * 0.03 * i;
            const rate = Math.min(100, Math.max(0, start + drift));
            await createRecord(tx, RESOURCES.reportValues, { reportId: report.id, indicatorId, numerator: Math.round((rate / 100) * denominator), denominator, commentVi: SYNTHETIC_NOTE }, SYSTEM);
            created++;
          }
          if (fate === "draft") continue;
          const submitted = await transitionReport(tx, report.id, "submit", report.version, SYSTEM);
          if (fate === "returned") await transitionReport(tx, report.id, "return", submitted.version, SYSTEM, "Dữ liệu mẫu: đề nghị kiểm tra lại mẫu số");
          if (fate === "approved") await transitionReport(tx, report.id, "approve", submitted.version, SYSTEM);
        }
      }
    }
    if (created) await tx.update(s.indicatorValues).set({ isSynthetic: true, noteVi: SYNTHETIC_NOTE }).where(sql`report_id is not null`);
    return created;
  });
}
