import { sql } from "drizzle-orm";
import * as schema from "../schema/index.js";
import { exec, one, rows as allRows } from "../query.js";
import type { Executor } from "../resource.js";

/*
 * SQLite-specific SQL for the structures kept current on write: the locality closure table and the rollup
 * aggregates. A PostgreSQL adapter provides the same functions.
 */


export async function attachLocalityToClosure(tx: Executor, id: number, parentId: number | null): Promise<void> {
  await exec(tx, sql`insert into locality_closure (ancestor_id, descendant_id, depth) values (${id}, ${id}, 0)`);
  if (parentId !== null)
    await exec(tx, sql`insert into locality_closure (ancestor_id, descendant_id, depth)
               select ancestor_id, ${id}, depth + 1 from locality_closure where descendant_id = ${parentId}`);
}

export async function moveLocalityInClosure(tx: Executor, id: number, newParentId: number | null): Promise<void> {
  await exec(tx, sql`delete from locality_closure
             where descendant_id in (select descendant_id from locality_closure where ancestor_id = ${id})
               and ancestor_id not in (select descendant_id from locality_closure where ancestor_id = ${id})`);
  if (newParentId !== null)
    await exec(tx, sql`insert into locality_closure (ancestor_id, descendant_id, depth)
               select p.ancestor_id, c.descendant_id, p.depth + c.depth + 1
               from locality_closure p, locality_closure c
               where p.descendant_id = ${newParentId} and c.ancestor_id = ${id}`);
  await rebuildRollups(tx);
}

type ValueRow = { localityId: number; indicatorId: number; year: number; numerator: number | null; denominator: number | null; value: number | null };

/** Add (sign = +1) or remove (sign = −1) one figure from the sums of every ancestor of its locality. */
export async function applyValueToRollups(tx: Executor, row: ValueRow, sign: 1 | -1): Promise<void> {
  const hasRatio = row.numerator !== null && row.denominator !== null;
  const counts = hasRatio || row.value !== null ? sign : 0;
  await exec(tx, sql`insert into indicator_rollups (ancestor_id, depth, indicator_id, year, numerator_sum, denominator_sum, value_sum, contributors)
             select ancestor_id, depth, ${row.indicatorId}, ${row.year},
                    ${hasRatio ? sign * row.numerator! : 0}, ${hasRatio ? sign * row.denominator! : 0}, ${sign * (row.value ?? 0)}, ${counts}
             from locality_closure where descendant_id = ${row.localityId} and depth > 0
             on conflict (ancestor_id, indicator_id, year, depth) do update set
               numerator_sum = numerator_sum + excluded.numerator_sum,
               denominator_sum = denominator_sum + excluded.denominator_sum,
               value_sum = value_sum + excluded.value_sum,
               contributors = contributors + excluded.contributors`);
}

/** The aggregates as a recomputation from the figures gives them (one GROUP BY over figures × closure). */
const RECOMPUTED = sql`select c.ancestor_id as ancestor_id, c.depth as depth, v.indicator_id as indicator_id, v.year as year,
                    sum(case when v.numerator is not null and v.denominator is not null then v.numerator else 0 end) as numerator_sum,
                    sum(case when v.numerator is not null and v.denominator is not null then v.denominator else 0 end) as denominator_sum,
                    sum(coalesce(v.value, 0)) as value_sum,
                    sum(case when (v.numerator is not null and v.denominator is not null) or v.value is not null then 1 else 0 end) as contributors
             from indicator_values v join locality_closure c on c.descendant_id = v.locality_id and c.depth > 0
             group by c.ancestor_id, c.depth, v.indicator_id, v.year`;

/** What one figure adds to the sums (a rate its numerator and denominator; every figure its value and a count). */
export function contributionOf(f: { numerator: number | null; denominator: number | null; value: number | null }) {
  const hasRatio = f.numerator !== null && f.denominator !== null;
  return { n: hasRatio ? f.numerator! : 0, d: hasRatio ? f.denominator! : 0, v: f.value ?? 0, c: hasRatio || f.value !== null ? 1 : 0 };
}

export type RollupDelta = { indicatorId: number; n: number; d: number; v: number; c: number };

/**
 * Add the changes of many figures of one locality and year to the sums of every ancestor in ONE statement (a report's
 * approval publishes all its figures at once).
 */
export async function applyDeltasToRollups(tx: Executor, localityId: number, year: number, deltas: readonly RollupDelta[]): Promise<void> {
  const changed = deltas.filter((x) => x.n !== 0 || x.d !== 0 || x.v !== 0 || x.c !== 0);
  if (!changed.length) return;
  await exec(tx, sql`with d as (select json_extract(value, '$.indicatorId') as indicator_id, json_extract(value, '$.n') as n,
                               json_extract(value, '$.d') as dd, json_extract(value, '$.v') as v, json_extract(value, '$.c') as c
                        from json_each(${JSON.stringify(changed)}))
             insert into indicator_rollups (ancestor_id, depth, indicator_id, year, numerator_sum, denominator_sum, value_sum, contributors)
             select cl.ancestor_id, cl.depth, d.indicator_id, ${year}, d.n, d.dd, d.v, d.c
             from d join locality_closure cl on cl.descendant_id = ${localityId} and cl.depth > 0 where true
             on conflict (ancestor_id, indicator_id, year, depth) do update set
               numerator_sum = numerator_sum + excluded.numerator_sum,
               denominator_sum = denominator_sum + excluded.denominator_sum,
               value_sum = value_sum + excluded.value_sum,
               contributors = contributors + excluded.contributors`);
}

/** Recompute every aggregate from the figures (after a locality moves, or to repair). */
export async function rebuildRollups(tx: Executor): Promise<void> {
  await exec(tx, sql`delete from indicator_rollups`);
  await exec(tx, sql`insert into indicator_rollups (ancestor_id, depth, indicator_id, year, numerator_sum, denominator_sum, value_sum, contributors) ${RECOMPUTED}`);
}

export type RollupDrift = {
  ancestorId: number;
  depth: number;
  indicatorId: number;
  year: number;
  stored: { numeratorSum: number; denominatorSum: number; valueSum: number; contributors: number } | null;
  expected: { numeratorSum: number; denominatorSum: number; valueSum: number; contributors: number } | null;
};

/**
 * Every aggregate that differs from a recomputation (beyond floating-point rounding; a non-finite sum always differs),
 * and every one missing on either side. Empty when the aggregates are exact.
 */
export async function verifyRollups(db: Executor): Promise<RollupDrift[]> {
  type R = { ancestor_id: number; depth: number; indicator_id: number; year: number; sn: number | null; sd: number | null; sv: number | null; sc: number | null; en: number | null; ed: number | null; ev: number | null; ec: number | null };
  const rows = await allRows<R>(db, sql`with expected as (${RECOMPUTED}),
      stored as (select * from indicator_rollups)
    select coalesce(s.ancestor_id, e.ancestor_id) as ancestor_id, coalesce(s.depth, e.depth) as depth,
           coalesce(s.indicator_id, e.indicator_id) as indicator_id, coalesce(s.year, e.year) as year,
           s.numerator_sum as sn, s.denominator_sum as sd, s.value_sum as sv, s.contributors as sc,
           e.numerator_sum as en, e.denominator_sum as ed, e.value_sum as ev, e.contributors as ec
    from stored s full outer join expected e
      on e.ancestor_id = s.ancestor_id and e.depth = s.depth and e.indicator_id = s.indicator_id and e.year = s.year`);
  // A side with no row counts as zeros: sums that went back to zero by deltas may keep a rounding residue.
  const differs = (a: number | null, b: number | null) => {
    const x = a ?? 0;
    const y = b ?? 0;
    return !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  };
  return rows
    .filter((r) => (r.sc ?? 0) !== (r.ec ?? 0) || differs(r.sn, r.en) || differs(r.sd, r.ed) || differs(r.sv, r.ev))
    .map((r) => ({
      ancestorId: r.ancestor_id,
      depth: r.depth,
      indicatorId: r.indicator_id,
      year: r.year,
      stored: r.sc === null ? null : { numeratorSum: r.sn!, denominatorSum: r.sd!, valueSum: r.sv!, contributors: r.sc },
      expected: r.ec === null ? null : { numeratorSum: r.en!, denominatorSum: r.ed!, valueSum: r.ev!, contributors: r.ec },
    }));
}

export type RollupAggregate = {
  depth: number;
  numeratorSum: number;
  denominatorSum: number;
  valueSum: number;
  contributors: number;
};

/** The sums of the shallowest level below `ancestorId` that reported this indicator-year. One indexed read. */
export async function readRollup(db: Executor, ancestorId: number, indicatorId: number, year: number): Promise<RollupAggregate | null> {
  const row = await one<{ depth: number; numerator_sum: number; denominator_sum: number; value_sum: number; contributors: number }>(
    db,
    sql`select depth, numerator_sum, denominator_sum, value_sum, contributors from indicator_rollups
        where ancestor_id = ${ancestorId} and indicator_id = ${indicatorId} and year = ${year} and contributors > 0
        order by depth limit 1`,
  );
  if (!row) return null;
  return { depth: row.depth, numeratorSum: row.numerator_sum, denominatorSum: row.denominator_sum, valueSum: row.value_sum, contributors: row.contributors };
}

/** Min and max cannot be maintained by deltas: read them live over the closure. */
export async function readMinMax(db: Executor, ancestorId: number, indicatorId: number, year: number): Promise<{ depth: number; min: number | null; max: number | null; contributors: number } | null> {
  const row = await one<{ depth: number; mn: number | null; mx: number | null; n: number }>(
    db,
    sql`select c.depth as depth, min(v.value) as mn, max(v.value) as mx, count(v.value) as n
        from locality_closure c join indicator_values v on v.locality_id = c.descendant_id
        where c.ancestor_id = ${ancestorId} and c.depth > 0 and v.indicator_id = ${indicatorId} and v.year = ${year} and v.value is not null
        group by c.depth order by c.depth limit 1`,
  );
  return row ? { depth: row.depth, min: row.mn, max: row.mx, contributors: row.n } : null;
}

/** Ids of a locality and every locality below it. */
export async function subtreeIds(db: Executor, rootId: number): Promise<number[]> {
  return (await allRows<{ id: number }>(db, sql`select descendant_id as id from locality_closure where ancestor_id = ${rootId}`)).map((r) => r.id);
}

/** Ids of a locality's ancestors, nearest first (excluding itself). */
export async function ancestorIds(db: Executor, id: number): Promise<number[]> {
  return (await allRows<{ id: number }>(db, sql`select ancestor_id as id from locality_closure where descendant_id = ${id} and depth > 0 order by depth`)).map((r) => r.id);
}

export type ChildFigure = { childId: number; indicatorId: number; year: number; numerator: number; denominator: number; value: number; contributors: number; depth: number; source: "rollup" | "own" };

/**
 * The figures of every child of `parentId` for some indicators, every year up to `untilYear`, read from the aggregates
 * in two indexed queries: per (child, indicator, year) the sums of the shallowest level below the child that reported,
 * else the child's own figure. For dashboards of a whole area (every province of the nation, every commune of a
 * province).
 */
export async function readChildFigures(db: Executor, parentId: number, indicatorIds: readonly number[], untilYear: number): Promise<ChildFigure[]> {
  if (!indicatorIds.length) return [];
  const ids = sql.join(indicatorIds.map((i) => sql`${i}`), sql`, `);
  const rolled = await allRows<{ childId: number; indicatorId: number; year: number; n: number; d: number; v: number; c: number; depth: number }>(
    db,
    sql`select r.ancestor_id as childId, r.indicator_id as indicatorId, r.year as year, r.numerator_sum as n, r.denominator_sum as d,
               r.value_sum as v, r.contributors as c, r.depth as depth
        from locality_closure k join indicator_rollups r on r.ancestor_id = k.descendant_id
        where k.ancestor_id = ${parentId} and k.depth = 1 and r.indicator_id in (${ids}) and r.year <= ${untilYear} and r.contributors > 0
        order by r.ancestor_id, r.indicator_id, r.year, r.depth`,
  );
  const own = await allRows<{ childId: number; indicatorId: number; year: number; n: number | null; d: number | null; v: number | null }>(
    db,
    sql`select v.locality_id as childId, v.indicator_id as indicatorId, v.year as year, v.numerator as n, v.denominator as d, v.value as v
        from locality_closure k join indicator_values v on v.locality_id = k.descendant_id
        where k.ancestor_id = ${parentId} and k.depth = 1 and v.indicator_id in (${ids}) and v.year <= ${untilYear}`,
  );
  const out = new Map<string, ChildFigure>();
  for (const r of rolled) {
    const key = `${r.childId}|${r.indicatorId}|${r.year}`;
    if (!out.has(key)) out.set(key, { childId: r.childId, indicatorId: r.indicatorId, year: r.year, numerator: r.n, denominator: r.d, value: r.v, contributors: r.c, depth: r.depth, source: "rollup" });
  }
  for (const r of own) {
    const key = `${r.childId}|${r.indicatorId}|${r.year}`;
    const c = contributionOf({ numerator: r.n, denominator: r.d, value: r.v });
    if (!out.has(key) && c.c) out.set(key, { childId: r.childId, indicatorId: r.indicatorId, year: r.year, numerator: c.n, denominator: c.d, value: c.v, contributors: 1, depth: 0, source: "own" });
  }
  return [...out.values()];
}

/** Locality flags that restrict a target to some areas, by their column. */
export const LOCALITY_FLAG_COLUMNS = {
  isExtremelyDifficultArea: "is_extremely_difficult_area",
  isBorderArea: "is_border_area",
  isEthnicMinorityArea: "is_ethnic_minority_area",
  isMountainous: "is_mountainous",
} as const;

/**
 * A target restricted to flagged areas ("ở vùng đặc biệt khó khăn") is judged on the flagged units only: the sums of
 * the shallowest level below the locality at which a flagged unit has a figure. Read live over the closure.
 */
export async function readFlaggedRollup(db: Executor, ancestorId: number, indicatorId: number, year: number, flag: keyof typeof LOCALITY_FLAG_COLUMNS) {
  const column = sql.raw(`l.${LOCALITY_FLAG_COLUMNS[flag]}`);
  return one<{ depth: number; num: number; den: number; val: number; mn: number | null; mx: number | null; ratios: number; n: number }>(
    db,
    sql`select c.depth as depth,
               sum(case when v.numerator is not null and v.denominator is not null then v.numerator else 0 end) as num,
               sum(case when v.numerator is not null and v.denominator is not null then v.denominator else 0 end) as den,
               sum(coalesce(v.value, 0)) as val, min(v.value) as mn, max(v.value) as mx,
               sum(case when v.numerator is not null and v.denominator is not null then 1 else 0 end) as ratios,
               count(*) as n
        from locality_closure c
        join indicator_values v on v.locality_id = c.descendant_id
        join localities l on l.id = v.locality_id
        where c.ancestor_id = ${ancestorId} and c.depth > 0 and v.indicator_id = ${indicatorId} and v.year = ${year} and ${column} = 1
          and ((v.numerator is not null and v.denominator is not null) or v.value is not null)
        group by c.depth order by c.depth limit 1`,
  );
}

export type FigureUpsert = typeof schema.indicatorValues.$inferInsert & { localityId: number; indicatorId: number; year: number };

/** Write many figures in one statement: new ones inserted, existing ones (same locality, indicator, year) replaced. */
export async function upsertFigures(tx: Executor, figures: readonly FigureUpsert[]): Promise<void> {
  if (!figures.length) return;
  const v = schema.indicatorValues;
  await tx
    .insert(v)
    .values([...figures])
    .onConflictDoUpdate({
      target: [v.indicatorId, v.year, v.localityId],
      set: {
        numerator: sql`excluded.numerator`,
        denominator: sql`excluded.denominator`,
        value: sql`excluded.value`,
        isSynthetic: sql`excluded.is_synthetic`,
        reportId: sql`excluded.report_id`,
        noteVi: sql`excluded.note_vi`,
        version: sql`${v.version} + 1`,
        updatedAt: new Date().toISOString(),
      },
    });
}
