import { CrudRepository, RESOURCES, SYSTEM_ACTOR, and, eq, inArray, schema as s, sql, type Db } from "@eduplan/db";

/**
 * DỮ LIỆU MẪU — synthetic figures for demonstration only. The documents contain no reported values, so this fills
 * 2025–2026 with plausible, reproducible (seeded) figures for every commune-level unit of the sample provinces, for
 * the rate indicators their plans target. Every figure is flagged `isSynthetic` and says so in its note.
 */
export const SYNTHETIC_NOTE = "Dữ liệu mẫu (mô phỏng), không phải số liệu báo cáo — synthetic sample data, not reported figures";
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

/** Generate the synthetic figures (idempotent: existing figures are left alone). Returns how many were created. */
export async function generateSyntheticFigures(db: Db, provinceCodes: string[] = ["lang-son", "lai-chau"]): Promise<number> {
  const repo = new CrudRepository(db, RESOURCES.indicatorValues);
  return db.transaction((tx) => {
    const provinces = tx.select().from(s.localities).where(inArray(s.localities.code, provinceCodes)).all();
    let created = 0;
    for (const province of provinces) {
      const units = tx
        .select({ id: s.localities.id, code: s.localities.code, population: s.localities.population })
        .from(s.localities)
        .where(and(inArray(s.localities.levelCode, COMMUNE_LEVELS), sql`${s.localities.id} in (select descendant_id from locality_closure where ancestor_id = ${province.id})`))
        .all();
      const targeted = tx
        .selectDistinct({ id: s.indicators.id, code: s.indicators.code, unit: s.indicators.unit, direction: s.indicators.direction, value: s.targets.value })
        .from(s.targets)
        .innerJoin(s.indicators, eq(s.indicators.id, s.targets.indicatorId))
        .innerJoin(s.plans, eq(s.plans.id, s.targets.planId))
        .where(and(eq(s.indicators.unit, "percent"), eq(s.indicators.aggregation, "ratio"), sql`${s.plans.localityId} in (select descendant_id from locality_closure where ancestor_id = ${province.id})`))
        .all();
      const goalOf = new Map<number, { code: string; direction: string; goal: number }>();
      for (const t of targeted) if (t.value !== null && !goalOf.has(t.id)) goalOf.set(t.id, { code: t.code, direction: t.direction, goal: t.value });
      for (const unit of units) {
        for (const [indicatorId, { code, direction, goal }] of goalOf) {
          const random = seededRandom(`${unit.code}|${code}`);
          const denominator = Math.round(150 + random() * 1850);
          const start = direction === "decrease" ? goal * (1.05 + random() * 0.6) : Math.max(0, goal * (0.8 + random() * 0.18));
          for (const [i, year] of SYNTHETIC_YEARS.entries()) {
            const exists = tx
              .select({ id: s.indicatorValues.id })
              .from(s.indicatorValues)
              .where(and(eq(s.indicatorValues.indicatorId, indicatorId), eq(s.indicatorValues.year, year), eq(s.indicatorValues.localityId, unit.id)))
              .get();
            if (exists) continue;
            const drift = direction === "decrease" ? -goal * 0.05 * i : goal * 0.03 * i;
            const rate = Math.min(100, Math.max(0, start + drift));
            repo.createInTx(
              tx,
              { localityId: unit.id, indicatorId, year, numerator: Math.round((rate / 100) * denominator), denominator, isSynthetic: true, noteVi: SYNTHETIC_NOTE },
              SYSTEM_ACTOR,
            );
            created++;
          }
        }
      }
    }
    return created;
  });
}
