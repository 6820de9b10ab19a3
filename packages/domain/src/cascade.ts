import type { Direction } from "./indicator.js";
import { lowerIsBetter } from "./evaluate.js";
import type { Comparator } from "./target.js";

export type CascadeTarget = {
  id: number;
  indicatorCode: string;
  direction: Direction;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  targetYear: number | null;
  areaFlag: string | null;
  breakdownEducationLevelCode: string | null;
  parentTargetId?: number | null;
};

export const CASCADE_VERDICTS = ["stronger", "equal", "weaker", "missing", "additional", "incomparable"] as const;
export type CascadeVerdict = (typeof CASCADE_VERDICTS)[number];

export type CascadeRow = {
  indicatorCode: string;
  /** The breakdown both targets share (area flag, level of schooling). */
  breakdownKey: string;
  child: CascadeTarget | null;
  parent: CascadeTarget | null;
  verdict: CascadeVerdict;
  /** child − parent on the target values, where both have one. */
  difference: number | null;
};

const keyOf = (t: CascadeTarget) => `${t.indicatorCode}|${t.areaFlag ?? ""}|${t.breakdownEducationLevelCode ?? ""}`;

/** The representative figure of a bound: a range's lower end for higher-is-better, its upper end otherwise. */
function boundFigure(t: CascadeTarget): number | null {
  if (t.comparator === "range") return lowerIsBetter(t.comparator, t.direction) ? t.valueMax : t.value;
  return t.value;
}

/** How strict a comparator is at the same figure: "trên 57,6%" is stricter than "đạt 57,6%". */
function strictness(c: Comparator): number {
  return c === "gt" || c === "lt" ? 1 : 0;
}

export function compareTargets(child: CascadeTarget, parent: CascadeTarget): { verdict: CascadeVerdict; difference: number | null } {
  const c = boundFigure(child);
  const p = boundFigure(parent);
  if (c === null || p === null) {
    const sameState = child.comparator === parent.comparator && c === p;
    return { verdict: sameState ? "equal" : "incomparable", difference: null };
  }
  const difference = c - p;
  const lower = lowerIsBetter(parent.comparator, parent.direction);
  if (Math.abs(difference) < 1e-9) {
    const s = strictness(child.comparator) - strictness(parent.comparator);
    return { verdict: s > 0 ? "stronger" : s < 0 ? "weaker" : "equal", difference: 0 };
  }
  const childDemandsMore = lower ? difference < 0 : difference > 0;
  return { verdict: childDemandsMore ? "stronger" : "weaker", difference };
}

/**
 * Compare a child plan's targets with its parent's, indicator by indicator and breakdown by breakdown: stronger,
 * equal, weaker, incomparable (both set it, in forms that cannot be ranked), missing (the parent sets it, the child does
 * not) or additional (only the child sets it).
 * Sub-targets are compared like any other. Where one side has several targets for a key, the ones with the same
 * target year are paired first.
 */
export function compareCascade(childTargets: CascadeTarget[], parentTargets: CascadeTarget[]): CascadeRow[] {
  const group = (ts: CascadeTarget[]) => {
    const m = new Map<string, CascadeTarget[]>();
    for (const t of ts) {
      const k = keyOf(t);
      const list = m.get(k);
      if (list) list.push(t);
      else m.set(k, [t]);
    }
    return m;
  };
  const children = group(childTargets);
  const parents = group(parentTargets);
  const keys = [...new Set([...parents.keys(), ...children.keys()])];
  const rows: CascadeRow[] = [];
  for (const key of keys) {
    const cs = [...(children.get(key) ?? [])];
    const ps = [...(parents.get(key) ?? [])];
    const [indicatorCode] = key.split("|") as [string];
    const breakdownKey = key.slice(indicatorCode.length + 1);
    const numeric = (t: CascadeTarget) => boundFigure(t) !== null;
    // Pair each parent target with the child target most like it: numeric with numeric, same year first.
    for (const p of ps) {
      let idx = cs.findIndex((c) => numeric(c) === numeric(p) && c.targetYear === p.targetYear);
      if (idx < 0) idx = cs.findIndex((c) => numeric(c) === numeric(p));
      if (idx < 0) idx = cs.findIndex((c) => c.comparator === p.comparator);
      // The child does set this indicator, only in another form ("duy trì" against "≥ 95%"): pair them as
      // incomparable rather than calling the parent's target missing and the child's additional.
      if (idx < 0 && cs.length > 0) idx = 0;
      if (idx < 0) {
        rows.push({ indicatorCode, breakdownKey, child: null, parent: p, verdict: "missing", difference: null });
        continue;
      }
      const [c] = cs.splice(idx, 1) as [CascadeTarget];
      rows.push({ indicatorCode, breakdownKey, child: c, parent: p, ...compareTargets(c, p) });
    }
    for (const c of cs) rows.push({ indicatorCode, breakdownKey, child: c, parent: null, verdict: "additional", difference: null });
  }
  return rows;
}
